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

const sessionBuckets = new Map<string, () => boolean>();
/** Sessions whose buckets are kept per process; the oldest are dropped beyond this. */
const MAX_SESSION_BUCKETS = 100_000;

/**
 * A token bucket per key (a candidate session and a namespace), kept across reconnects: a client that
 * drops its socket and connects again keeps the bucket it had, so reconnecting never refills it.
 */
export function sessionTokenBucket(key: string, perSecond: number, burst: number): () => boolean {
  let bucket = sessionBuckets.get(key);
  if (!bucket) {
    if (sessionBuckets.size >= MAX_SESSION_BUCKETS)
      sessionBuckets.delete(sessionBuckets.keys().next().value as string);
    bucket = createTokenBucket(perSecond, burst);
    sessionBuckets.set(key, bucket);
  }
  return bucket;
}
