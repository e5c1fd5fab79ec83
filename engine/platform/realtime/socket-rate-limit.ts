/** A token bucket per socket: a burst of `burst` events, refilled at `perSecond`. */
export function createTokenBucket(perSecond: number, burst: number) {
  let tokens = burst;
  let last = Date.now();
  return function take(): boolean {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
