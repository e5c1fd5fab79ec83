/**
 * Delivers outbox rows to the e-records endpoint: JSON body, HMAC-SHA256 signature header over
 * timestamp and body, an idempotency key, exponential backoff with full jitter, dead-letter
 * after the configured number of tries. Only the oldest pending row of each student is tried,
 * so a student's results arrive in order.
 */
import { createHmac } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { erecordsOutbox } from './tables.ts';

export interface ErecordsOptions {
  url: string;
  secret: string;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  batchSize?: number;
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

export function createErecordsDeliverer(db: Database, logger: Logger, options: ErecordsOptions) {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;

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
    // 409 means the receiver already holds this key: it was delivered before.
    if (!response.ok && response.status !== 409) throw new Error(`HTTP ${response.status}`);
  }

  async function deliverDue(): Promise<DeliveryRound> {
    const due = rowsOf<{ id: number }>(
      await db.execute(sql`
        select o.id from erecords_outbox o
        where o.status = 'pending' and o.next_attempt_at <= clock_timestamp()
          and not exists (select 1 from erecords_outbox e where e.student_id = o.student_id and e.status = 'pending' and e.id < o.id)
        order by o.id limit ${options.batchSize ?? 50}`),
    );
    const round = { delivered: 0, failed: 0, dead: 0 };
    if (!due.length) return round;
    const rows = await db
      .select()
      .from(erecordsOutbox)
      .where(
        inArray(
          erecordsOutbox.id,
          due.map((d) => Number(d.id)),
        ),
      );
    for (const row of rows) {
      try {
        await post(row);
        await db
          .update(erecordsOutbox)
          .set({ status: 'delivered', deliveredAt: new Date(), attempts: row.attempts + 1, lastError: null })
          .where(eq(erecordsOutbox.id, row.id));
        round.delivered++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const dead = attempts >= maxAttempts;
        await db
          .update(erecordsOutbox)
          .set({
            attempts,
            lastError: (error as Error).message.slice(0, 500),
            status: dead ? 'dead' : 'pending',
            nextAttemptAt: new Date(Date.now() + backoffMs(attempts, baseDelayMs, maxDelayMs)),
          })
          .where(eq(erecordsOutbox.id, row.id));
        if (dead) {
          round.dead++;
          logger.error(
            { outboxId: row.id, attempts },
            'e-records delivery gave up; row moved to dead-letter',
          );
        } else round.failed++;
      }
    }
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

/** Puts dead-letter rows back in the queue (all, or the given ids). Returns how many. */
export async function replayDeadLetters(db: Database, ids?: number[]): Promise<number> {
  const rows = await db
    .update(erecordsOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(
      sql`${erecordsOutbox.status} = 'dead' ${ids?.length ? sql`and ${inArray(erecordsOutbox.id, ids)}` : sql``}`,
    )
    .returning({ id: erecordsOutbox.id });
  return rows.length;
}
