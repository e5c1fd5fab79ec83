/**
 * What the exam page showed last, kept on the device so a reload while the line is down opens the
 * exam again from the device alone: the engine's last snapshot (form, rules, state), where the
 * candidate was, the flags and the clock as this device reckoned it. Answers and item payloads are
 * in IndexedDB already (answer-store.ts). The engine stays the judge: on reconnection its snapshot
 * replaces this one, and what was done offline is sent and checked as after any drop.
 */
import type { SessionSnapshot } from '../../engine/client.ts';

const key = (sessionId: string) => `exam.view.${sessionId}`;

export interface OfflineView {
  snapshot: SessionSnapshot;
  position: number;
  flags: string[];
  /** Flags set or cleared offline, not yet told to the engine. */
  unsentFlags: Array<[string, boolean]>;
  /** Deadline on this device's clock (ms), null without one. */
  localDeadline: number | null;
  paused: boolean;
  pausedRemainingMs: number | null;
}

export function keepOfflineView(sessionId: string, view: OfflineView): void {
  try {
    localStorage.setItem(key(sessionId), JSON.stringify(view));
  } catch {
    // A full or blocked storage only loses the offline reload, never an answer.
  }
}

export function readOfflineView(sessionId: string): OfflineView | undefined {
  try {
    const raw = localStorage.getItem(key(sessionId));
    return raw ? (JSON.parse(raw) as OfflineView) : undefined;
  } catch {
    return undefined;
  }
}

export function forgetOfflineView(sessionId: string): void {
  localStorage.removeItem(key(sessionId));
}
