/**
 * Delivers outbox rows to the e-records endpoint: JSON body, HMAC-SHA256 signature header over
 * timestamp and body, an idempotency key, exponential backoff with full jitter, dead-letter
 * after the configured number of tries. Rows are claimed atomically (see claim-due-rows.ts), so
 * several engine processes can run a deliverer on one outbox; only a student's oldest
 * undelivered row is ever tried, so a student's results arrive in order, and a dead row holds
 * the student's later rows back until it is replayed.
 */
import { createHmac } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import { claimDueRows } from './claim-due-rows.ts';
import { erecordsOutbox } from '../results/tables.ts';

export interface ErecordsOptions {
  url: string;
  secret: string;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long one POST may take. */
  timeoutMs?: number;
  /** Rows claimed per round; they belong to different students and are posted side by side. */
  batchSize?: number;
  /** How long a claim holds its rows; longer than one POST, so only a crashed holder loses them. */
  leaseMs?: number;
}

export const SIGNATURE_HEADER = 'x-exam-signature';
export const TIMESTAMP_HEADER = 'x-exam-timestamp';

/** The signature the receiver recomputes: hex HMAC-SHA256 of `<timestamp>.<body>`. */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Delay before the next try: exponential, capped, with full jitter. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
}

export interface DeliveryRound {
  delivered: number;
  failed: number;
  dead: number;
}

/** The reason a POST failed, with the socket error under fetch's generic "fetch failed". */
function describeFailure(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  return (cause ? `${err.message}: ${cause}` : err.message).slice(0, 500);
}

export function createErecordsDeliverer(db: Database, logger: Logger, options: ErecordsOptions) {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? timeoutMs + 30_000;

  async function post(row: typeof erecordsOutbox.$inferSelect) {
    const body = JSON.stringify(row.payload);
    const timestamp = String(Date.now());
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': row.idempotencyKey,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signBody(options.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    // 409 means the receiver already holds this key: it was delivered before.
    if (!response.ok && response.status !== 409) throw new Error(`HTTP ${response.status}`);
  }

  /** Records the outcome of one row, only while this claim still holds it. */
  async function finish(id: number, token: string, values: Partial<typeof erecordsOutbox.$inferInsert>) {
    const updated = await db
      .update(erecordsOutbox)
      .set({ ...values, claimedUntil: null, claimToken: null })
      .where(and(eq(erecordsOutbox.id, id), eq(erecordsOutbox.claimToken, token)))
      .returning({ id: erecordsOutbox.id });
    if (!updated.length) logger.warn({ outboxId: id }, 'e-records claim expired before the row was finished');
  }

  async function deliverRow(row: typeof erecordsOutbox.$inferSelect, token: string, round: DeliveryRound) {
    try {
      await post(row);
      await finish(row.id, token, {
        status: 'delivered',
        deliveredAt: new Date(),
        attempts: row.attempts + 1,
        lastError: null,
      });
      round.delivered++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const dead = attempts >= maxAttempts;
      await finish(row.id, token, {
        attempts,
        lastError: describeFailure(error),
        status: dead ? 'dead' : 'pending',
        nextAttemptAt: new Date(Date.now() + backoffMs(attempts, baseDelayMs, maxDelayMs)),
      });
      if (dead) {
        round.dead++;
        logger.error(
          { outboxId: row.id, attempts },
          "e-records delivery gave up; row moved to dead-letter, the student's later results wait for its replay",
        );
      } else round.failed++;
    }
  }

  /** One round: claim the due rows, post them (one per student, side by side), record outcomes. */
  async function deliverDue(): Promise<DeliveryRound> {
    const round = { delivered: 0, failed: 0, dead: 0 };
    const claim = await claimDueRows(db, batchSize, leaseMs);
    if (!claim.ids.length) return round;
    const rows = await db.select().from(erecordsOutbox).where(inArray(erecordsOutbox.id, claim.ids));
    await Promise.all(rows.map((row) => deliverRow(row, claim.token, round)));
    return round;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  return {
    deliverDue,
    start(intervalMs = 1000) {
      timer = setInterval(() => {
        running ??= deliverDue()
          .catch((error: unknown) => logger.warn({ err: error }, 'e-records round failed'))
          .finally(() => (running = undefined));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Puts dead-letter rows back in the queue (all, or the given ids) and returns the ids queued.
 * The student's later rows stay behind the replayed one, so they still arrive in order.
 */
export async function replayDeadLetters(db: Database, ids?: number[]): Promise<number[]> {
  const rows = await db
    .update(erecordsOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(
      sql`${erecordsOutbox.status} = 'dead' ${ids?.length ? sql`and ${inArray(erecordsOutbox.id, ids)}` : sql``}`,
    )
    .returning({ id: erecordsOutbox.id });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
