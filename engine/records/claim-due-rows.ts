/**
 * Claims the outbox rows that are due, atomically, so several engine processes delivering from
 * one outbox never post the same row at once. A row is eligible only when it is its student's
 * oldest undelivered row: a pending or dead earlier row of the same student keeps it waiting,
 * which is what makes deliveries arrive in order per student, dead-letter included.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/rows.ts';
import type { Database } from '../platform/db/database.ts';

export interface ClaimedRows {
  /** Identifies this claim; only its holder may finish the rows. */
  token: string;
  ids: number[];
}

/**
 * One statement: `FOR UPDATE SKIP LOCKED` lets a concurrent claimer pass over rows another is
 * claiming instead of waiting for them, and the lease (`claimed_until`) keeps them from being
 * claimed again until the holder finishes or its lease runs out (a crashed process).
 */
export async function claimDueRows(db: Database, limit: number, leaseMs: number): Promise<ClaimedRows> {
  const token = randomUUID();
  const rows = rowsOf<{ id: number | string }>(
    await db.execute(sql`
      update erecords_outbox
      set claimed_until = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}), claim_token = ${token}
      where id in (
        select o.id from erecords_outbox o
        where o.status = 'pending'
          and o.next_attempt_at <= clock_timestamp()
          and (o.claimed_until is null or o.claimed_until < clock_timestamp())
          and not exists (
            select 1 from erecords_outbox e
            where e.student_id = o.student_id and e.id < o.id and e.status <> 'delivered'
          )
        order by o.id
        limit ${limit}
        for update of o skip locked
      )
      returning id`),
  );
  return { token, ids: rows.map((r) => Number(r.id)).sort((a, b) => a - b) };
}
