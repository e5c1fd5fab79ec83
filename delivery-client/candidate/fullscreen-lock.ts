/**
 * What the full-screen lock says. A page that was never in full screen (the exam opened or resumed
 * in a new browser or tab) only asks to enter it; only a page the candidate took out of full
 * screen says that this was recorded, which is true then and only then (issue 18 #14).
 */
export type FullscreenLockKey = 'secure.fullscreenStart' | 'secure.fullscreenBody';

export function fullscreenLockKey(wasFullscreenOnThisPage: boolean): FullscreenLockKey {
  return wasFullscreenOnThisPage ? 'secure.fullscreenBody' : 'secure.fullscreenStart';
}
