/**
 * Publishes the audit log's checkpoints through the e-records feed, so a copy of the chain's head
 * lives outside the engine's machine: whoever can rewrite the database and DATA_DIR cannot take
 * back what the e-records service already holds, and `npm run audit:verify -- --feed <file>` holds
 * the chain to those copies. Each POST goes to the e-records endpoint like a result (same
 * x-exam-timestamp / x-exam-signature HMAC, an Idempotency-Key per checkpoint) with a body of
 * `kind: 'audit_checkpoint'` carrying the checkpoint and its Ed25519 signature, which the receiver
 * can check with the engine's public key alone.
 *
 * Only the newest checkpoint matters (it anchors every row before it), so nothing is queued: a
 * failed POST is tried again with whatever is newest then, every `retryMs`, and once more at close.
 */
import { publishedCheckpoint, type SignedAuditCheckpoint } from '../people/audit-checkpoints.ts';
import type { Logger } from '../platform/logger.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './erecords-deliverer.ts';

export interface CheckpointFeedOptions {
  url: string;
  secret: string;
  timeoutMs?: number;
  retryMs?: number;
}

export interface CheckpointFeed {
  /** Hands over a new checkpoint; it is posted at once (or with the next try, if one is under way). */
  offer(checkpoint: SignedAuditCheckpoint): void;
  /** Posts what is still unsent, waiting at most `timeoutMs`, and stops retrying. */
  close(): Promise<void>;
  /** The newest checkpoint the receiver acknowledged. */
  readonly published: SignedAuditCheckpoint | undefined;
}

export const checkpointIdempotencyKey = (checkpoint: SignedAuditCheckpoint) =>
  `audit-checkpoint:${checkpoint.keyId}:${checkpoint.seq}:${checkpoint.count}`;

export function createCheckpointFeed(logger: Logger, options: CheckpointFeedOptions): CheckpointFeed {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let newest: SignedAuditCheckpoint | undefined;
  let published: SignedAuditCheckpoint | undefined;
  let sending: Promise<void> | undefined;
  let warned = false;

  async function post(checkpoint: SignedAuditCheckpoint) {
    const body = JSON.stringify(publishedCheckpoint(checkpoint));
    const timestamp = String(Date.now());
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': checkpointIdempotencyKey(checkpoint),
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signBody(options.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    // 409: the receiver already holds this checkpoint.
    if (!response.ok && response.status !== 409) throw new Error(`HTTP ${response.status}`);
  }

  const send = (): Promise<void> =>
    (sending ??= (async () => {
      try {
        while (newest && newest !== published) {
          const checkpoint = newest;
          await post(checkpoint);
          published = checkpoint;
          warned = false;
        }
      } catch (error) {
        // Said once per outage; the next checkpoint or retry tries again.
        if (!warned) logger.warn({ err: error }, 'audit checkpoint not published to e-records yet');
        warned = true;
      } finally {
        sending = undefined;
      }
    })());

  const timer = setInterval(() => void send(), options.retryMs ?? 30_000);
  timer.unref();

  return {
    offer(checkpoint) {
      newest = checkpoint;
      void send();
    },
    async close() {
      clearInterval(timer);
      await sending;
      await send();
    },
    get published() {
      return published;
    },
  };
}
