/**
 * Durable response saves with group commit. Saves arriving within a millisecond or two are
 * written by one INSERT; each is acknowledged only after that statement has committed. The
 * statement itself checks, under a share lock on the session row, that the session is in
 * progress and within its deadline (plus grace), so a save can never slip in after a pause,
 * a submit or the deadline. Replays are idempotent: the key is (session, item, client seq).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { rowsOf } from '../platform/db/rows.ts';
import type { AppError } from '../platform/errors.ts';
import type { ItemResponses } from '../protocol/candidate.ts';
import { deliveryErrors } from './delivery-errors.ts';

export interface SaveRequest {
  sessionId: string;
  itemRef: string;
  seq: number;
  responses: ItemResponses;
  clientTime?: number;
  /**
   * Linear navigation: the save is accepted only while the session stands at this form position
   * (an item the candidate has moved on from is closed). Checked in the same statement as the state.
   */
  onlyAtPosition?: number;
}

export type SaveOutcome = { ok: true; savedAt: number } | { ok: false; error: AppError };

interface Pending {
  request: SaveRequest;
  waiters: Array<(outcome: SaveOutcome) => void>;
}

export interface ResponseWriterOptions {
  maxBatch?: number;
  /** How long the first save of a batch waits for company. */
  lingerMs?: number;
  maxInFlight?: number;
}

const keyOf = (r: { sessionId: string; itemRef: string; seq: number }) =>
  `${r.sessionId}\u0000${r.itemRef}\u0000${r.seq}`;

export class ResponseWriter {
  private queue = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly lingerMs: number;
  private readonly maxInFlight: number;
  private idleWaiters: Array<() => void> = [];
  /** Batches being written, with the sessions they hold (for `drainSession`). */
  private readonly writing = new Set<{ sessions: Set<string>; done: Promise<void> }>();
  /** Totals for monitoring and load tests. */
  readonly stats = { batches: 0, saves: 0, largestBatch: 0 };

  constructor(
    private readonly db: Database,
    options: ResponseWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.lingerMs = options.lingerMs ?? 2;
    this.maxInFlight = options.maxInFlight ?? 4;
  }

  save(request: SaveRequest): Promise<SaveOutcome> {
    return new Promise((resolve) => {
      const key = keyOf(request);
      const pending = this.queue.get(key);
      if (pending) pending.waiters.push(resolve);
      else this.queue.set(key, { request, waiters: [resolve] });
      this.schedule();
    });
  }

  /** Resolves once every queued save has been written (for shutdown). */
  async drain(): Promise<void> {
    if (this.queue.size === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Resolves once the saves of one session queued or being written so far are settled (before it is
   * submitted). Unlike `drain`, it does not wait for other candidates' saves, which never stop
   * arriving while a sitting runs.
   */
  async drainSession(sessionId: string): Promise<void> {
    for (;;) {
      const waits: Array<Promise<unknown>> = [];
      for (const p of this.queue.values())
        if (p.request.sessionId === sessionId) waits.push(new Promise((resolve) => p.waiters.push(resolve)));
      for (const b of this.writing) if (b.sessions.has(sessionId)) waits.push(b.done);
      if (!waits.length) return;
      await Promise.all(waits);
    }
  }

  private schedule() {
    if (this.queue.size >= this.maxBatch) {
      this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.lingerMs);
    }
  }

  private flush() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.inFlight >= this.maxInFlight || this.queue.size === 0) return;
    const batch = [...this.queue.values()].slice(0, this.maxBatch);
    for (const p of batch) this.queue.delete(keyOf(p.request));
    this.inFlight++;
    const entry = { sessions: new Set(batch.map((p) => p.request.sessionId)), done: Promise.resolve() };
    this.writing.add(entry);
    entry.done = this.write(batch)
      .catch((error: unknown) => {
        // The statement failed as a whole (database down): nothing was acknowledged; clients re-send.
        const failure = { ok: false as const, error: deliveryErrors.saveFailed(error) };
        for (const p of batch) p.waiters.forEach((w) => w(failure));
      })
      .finally(() => {
        this.writing.delete(entry);
        this.inFlight--;
        if (this.queue.size > 0) this.schedule();
        else if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((w) => w());
      });
    if (this.queue.size > 0) this.schedule();
  }

  private async write(batch: Pending[]) {
    this.stats.batches++;
    this.stats.saves += batch.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    // One parameter (the batch as JSON) keeps the statement's text the same for every batch size, so
    // PostgreSQL parses and plans it once per connection (the driver prepares it) instead of per batch.
    const incoming = JSON.stringify(
      batch.map(({ request: r }) => ({
        session_id: r.sessionId,
        item_ref: r.itemRef,
        client_seq: r.seq,
        value: r.responses,
        client_time: r.clientTime === undefined ? null : new Date(r.clientTime).toISOString(),
        only_at: r.onlyAtPosition ?? null,
      })),
    );
    const inserted = rowsOf<{
      session_id: string;
      item_ref: string;
      client_seq: number;
      saved_at: string | Date;
    }>(
      await this.db.execute(sql`
        with incoming as (
          select * from jsonb_to_recordset(${incoming}::jsonb)
            as i(session_id uuid, item_ref text, client_seq int, value jsonb, client_time timestamptz, only_at int)
        ),
        allowed as (
          select i.session_id, i.item_ref, i.client_seq, i.value, i.client_time
          from incoming i
          join candidate_sessions s on s.id = i.session_id
          join sittings t on t.id = s.sitting_id
          where s.state = 'in_progress' and clock_timestamp() <= s.deadline_at + make_interval(secs => t.grace_seconds)
            and (i.only_at is null or i.only_at = s.position)
          for share of s
        )
        insert into responses (session_id, item_ref, client_seq, value, client_time)
        select * from allowed
        on conflict do nothing
        returning session_id, item_ref, client_seq, saved_at`),
    );
    const done = new Map<string, number>();
    for (const row of inserted) {
      done.set(
        keyOf({ sessionId: row.session_id, itemRef: row.item_ref, seq: Number(row.client_seq) }),
        new Date(row.saved_at).getTime(),
      );
    }
    const missing = batch.filter((p) => !done.has(keyOf(p.request)));
    if (missing.length) await this.explain(missing, done);
    for (const p of batch) {
      const savedAt = done.get(keyOf(p.request));
      const outcome: SaveOutcome =
        savedAt !== undefined
          ? { ok: true, savedAt }
          : {
              ok: false,
              error: this.refusals.get(keyOf(p.request)) ?? deliveryErrors.sessionLocked('closed'),
            };
      p.waiters.forEach((w) => w(outcome));
      this.refusals.delete(keyOf(p.request));
    }
  }

  private refusals = new Map<string, AppError>();

  /** For saves not inserted: a replay of a stored save is a success; otherwise say why it was refused. */
  private async explain(missing: Pending[], done: Map<string, number>) {
    const keys = missing.map(
      ({ request: r }) => sql`(${r.sessionId}::uuid, ${r.itemRef}::text, ${r.seq}::int)`,
    );
    const existing = rowsOf<{
      session_id: string;
      item_ref: string;
      client_seq: number;
      saved_at: string | Date;
    }>(
      await this.db.execute(
        sql`select session_id, item_ref, client_seq, saved_at from responses where (session_id, item_ref, client_seq) in (${sql.join(keys, sql`, `)})`,
      ),
    );
    for (const row of existing) {
      done.set(
        keyOf({ sessionId: row.session_id, itemRef: row.item_ref, seq: Number(row.client_seq) }),
        new Date(row.saved_at).getTime(),
      );
    }
    const refusedSessions = [
      ...new Set(missing.filter((p) => !done.has(keyOf(p.request))).map((p) => p.request.sessionId)),
    ];
    if (!refusedSessions.length) return;
    const states = rowsOf<{ id: string; state: string; position: number; overdue: boolean }>(
      await this.db.execute(sql`
        select s.id, s.state, s.position, (clock_timestamp() > s.deadline_at + make_interval(secs => t.grace_seconds)) as overdue
        from candidate_sessions s join sittings t on t.id = s.sitting_id
        where s.id in (${sql.join(
          refusedSessions.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`),
    );
    const reason = new Map(
      states.map((s) => [
        s.id,
        (onlyAt: number | undefined) =>
          s.state === 'paused'
            ? deliveryErrors.sessionPaused()
            : s.state === 'in_progress' && s.overdue
              ? deliveryErrors.answerTooLate()
              : s.state === 'in_progress' && onlyAt !== undefined && onlyAt !== Number(s.position)
                ? deliveryErrors.itemClosed()
                : s.state === 'submitted' || s.state === 'scored'
                  ? deliveryErrors.answerTooLate()
                  : deliveryErrors.sessionLocked(s.state),
      ]),
    );
    for (const p of missing) {
      if (!done.has(keyOf(p.request)))
        this.refusals.set(
          keyOf(p.request),
          reason.get(p.request.sessionId)?.(p.request.onlyAtPosition) ??
            deliveryErrors.sessionLocked('unknown'),
        );
    }
  }
}
