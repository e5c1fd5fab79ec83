/**
 * What the e-records outbox holds: rows by state, the dead letters, and the rows a dead letter
 * holds back (a student's later results wait behind a dead one so they arrive in order).
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/rows.ts';
import type { Database } from '../platform/db/database.ts';

export interface OutboxStatus {
  /** `pending` counts rows waiting for a try; `blocked` rows wait behind a dead letter instead. */
  counts: { pending: number; blocked: number; delivered: number; dead: number };
  dead: Array<{ id: number; idempotencyKey: string; attempts: number; lastError: string | null }>;
  blocked: Array<{ id: number; idempotencyKey: string; blockedBy: number }>;
}

/** Counts and lists the outbox rows; at most `limit` dead and blocked rows are listed. */
export async function outboxStatus(db: Database, limit = 50): Promise<OutboxStatus> {
  const [counts] = rowsOf<Record<keyof OutboxStatus['counts'], number | string>>(
    await db.execute(sql`
      select
        count(*) filter (where o.status = 'pending' and b.id is null) as pending,
        count(*) filter (where o.status = 'pending' and b.id is not null) as blocked,
        count(*) filter (where o.status = 'delivered') as delivered,
        count(*) filter (where o.status = 'dead') as dead
      from erecords_outbox o
      left join lateral (
        select e.id from erecords_outbox e
        -- Only pending rows can be blocked; the outer test lets delivered rows skip the look-up.
        where o.status = 'pending' and e.student_id = o.student_id and e.id < o.id and e.status = 'dead'
        order by e.id limit 1
      ) b on true`),
  );
  const dead = rowsOf<{ id: number | string; key: string; attempts: number; last_error: string | null }>(
    await db.execute(sql`
      select id, idempotency_key as key, attempts, last_error from erecords_outbox
      where status = 'dead' order by id limit ${limit}`),
  );
  const blocked = rowsOf<{ id: number | string; key: string; blocked_by: number | string }>(
    await db.execute(sql`
      select o.id, o.idempotency_key as key, min(e.id) as blocked_by
      from erecords_outbox o
      join erecords_outbox e on e.student_id = o.student_id and e.id < o.id and e.status = 'dead'
      where o.status = 'pending'
      group by o.id, o.idempotency_key order by o.id limit ${limit}`),
  );
  return {
    counts: {
      pending: Number(counts?.pending ?? 0),
      blocked: Number(counts?.blocked ?? 0),
      delivered: Number(counts?.delivered ?? 0),
      dead: Number(counts?.dead ?? 0),
    },
    dead: dead.map((r) => ({
      id: Number(r.id),
      idempotencyKey: r.key,
      attempts: r.attempts,
      lastError: r.last_error,
    })),
    blocked: blocked.map((r) => ({
      id: Number(r.id),
      idempotencyKey: r.key,
      blockedBy: Number(r.blocked_by),
    })),
  };
}
