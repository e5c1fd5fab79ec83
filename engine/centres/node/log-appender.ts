/**
 * On a centre node: appends to the signed result log in groups. Entries queued within a few
 * milliseconds are signed and written in one transaction per chain (centre, sitting), under the
 * chain's lock; each caller's promise resolves only once its entry is durable, so an answer is
 * acknowledged to a candidate only after its log entry is written. A session's first entry is
 * preceded by a `session_open` event carrying its form and seed, so the central engine can rebuild
 * the session, written in the same transaction (so no save is ever logged without its session's
 * open: if the open cannot be written, neither is the save, and the candidate is not answered); the
 * entries of one session stay in the order they were acknowledged.
 */
import type { KeyObject } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { candidateSessions } from '../../delivery/tables.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { chainHead, lockChain, rowOf } from '../result-log-store.ts';
import { nextLogEntry, type LogEntryContent, type LogKind } from '../result-log.ts';
import { resultLogEntries } from '../tables.ts';

type Payload = LogEntryContent['payload'];

interface Pending {
  sittingId: string;
  sessionId: string;
  kind: LogKind;
  payload: Payload;
  done: (error?: unknown) => void;
}

export interface LogAppender {
  /** Appends a save, an event or a submit of a session; resolves once durable. */
  append(sessionId: string, kind: LogKind, payload: Payload): Promise<void>;
  /** Sessions with a `session_open` entry already (read from the log at start, added at each commit). */
  readonly opened: Set<string>;
  /** Submitted sessions whose submit is not in the log yet get one (after a crash between the two). */
  reconcile(): Promise<number>;
  /**
   * Logs the open of sessions again, late, marked with the reason (the central engine keeps entries
   * of these sessions waiting for it: a log written before the open shared the first entry's
   * transaction could lack it). Sessions not on this centre are skipped; returns how many were logged.
   */
  reopen(sessionIds: readonly string[], reason: string): Promise<number>;
}

export async function createLogAppender(
  db: Database,
  identity: { centreId: string; privateKey: KeyObject },
): Promise<LogAppender> {
  const opened = new Set<string>();
  for (const row of rowsOf<{ session_id: string }>(
    await db.execute(
      sql`select distinct ${resultLogEntries.payload}->>'sessionId' as session_id from ${resultLogEntries}
          where ${resultLogEntries.centreId} = ${identity.centreId} and ${resultLogEntries.kind} = 'event'
            and ${resultLogEntries.payload}->>'type' = 'session_open'`,
    ),
  ))
    opened.add(row.session_id);
  const sittingOf = new Map<string, string>();
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function write(batch: Pending[]) {
    const byChain = new Map<string, Pending[]>();
    for (const p of batch) byChain.set(p.sittingId, [...(byChain.get(p.sittingId) ?? []), p]);
    for (const [sittingId, entries] of byChain) {
      const chain = { centreId: identity.centreId, sittingId };
      // Sessions whose open this transaction writes: known opened only once it commits.
      const openedHere = new Set<string>();
      try {
        await db.transaction(async (tx) => {
          await lockChain(tx, chain);
          let head = await chainHead(tx, chain);
          const rows: Array<typeof resultLogEntries.$inferInsert> = [];
          const push = (kind: LogKind, payload: Payload) => {
            const signed = nextLogEntry(head, { ...chain, kind, payload }, identity.privateKey);
            rows.push(rowOf(signed));
            head = { seq: signed.seq, hash: signed.hash };
          };
          for (const p of entries) {
            // A session's first entry carries its open in the same transaction: both are written or neither.
            const isOpen = p.kind === 'event' && p.payload.type === 'session_open';
            if (!isOpen && !opened.has(p.sessionId) && !openedHere.has(p.sessionId)) {
              push('event', await openPayload(tx, p.sessionId));
              openedHere.add(p.sessionId);
            }
            if (isOpen) openedHere.add(p.sessionId);
            push(p.kind, p.payload);
          }
          await tx.insert(resultLogEntries).values(rows);
        });
        openedHere.forEach((id) => opened.add(id));
        entries.forEach((p) => p.done());
      } catch (error) {
        entries.forEach((p) => p.done(error));
      }
    }
  }

  function flush() {
    timer = undefined;
    const batch = queue;
    queue = [];
    writing = writing.then(() => write(batch));
  }

  async function sessionRow(executor: Executor, sessionId: string) {
    const [s] = await executor
      .select({
        sittingId: candidateSessions.sittingId,
        sittingCandidateId: candidateSessions.sittingCandidateId,
        seed: candidateSessions.seed,
        form: candidateSessions.form,
      })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId));
    return s;
  }

  async function openPayload(executor: Executor, sessionId: string): Promise<Payload> {
    const s = await sessionRow(executor, sessionId);
    if (!s) throw new Error(`session ${sessionId} is not on this centre`);
    return {
      type: 'session_open',
      sessionId,
      sittingCandidateId: s.sittingCandidateId,
      seed: s.seed,
      form: s.form as Payload,
    };
  }

  const enqueue = (sittingId: string, sessionId: string, kind: LogKind, payload: Payload) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ sittingId, sessionId, kind, payload, done: (e) => (e ? reject(e as Error) : resolve()) });
      timer ??= setTimeout(flush, 2);
    });

  const appender: LogAppender = {
    opened,
    async append(sessionId, kind, payload) {
      let sittingId = sittingOf.get(sessionId);
      if (!sittingId) {
        const s = await sessionRow(db, sessionId);
        if (!s) throw new Error(`session ${sessionId} is not on this centre`);
        sittingId = s.sittingId;
        sittingOf.set(sessionId, sittingId);
      }
      await enqueue(sittingId, sessionId, kind, { ...payload, sessionId });
    },
    async reopen(sessionIds, reason) {
      let logged = 0;
      for (const sessionId of sessionIds) {
        const s = await sessionRow(db, sessionId);
        if (!s) continue;
        sittingOf.set(sessionId, s.sittingId);
        await enqueue(s.sittingId, sessionId, 'event', {
          ...(await openPayload(db, sessionId)),
          late: true,
          reason,
        });
        logged++;
      }
      return logged;
    },
    async reconcile() {
      const missing = rowsOf<{ id: string; submitted_at: string | Date; submitted_by: string | null }>(
        await db.execute(sql`
          select s.id, s.submitted_at, s.submitted_by from ${candidateSessions} s
          where s.state in ('submitted', 'scored') and not exists (
            select 1 from ${resultLogEntries} e
            where e.centre_id = ${identity.centreId} and e.sitting_id = s.sitting_id and e.kind = 'submit'
              and e.payload->>'sessionId' = s.id::text)`),
      );
      for (const m of missing)
        await appender.append(m.id, 'submit', {
          submittedAt: new Date(m.submitted_at).toISOString(),
          submittedBy: m.submitted_by,
        });
      return missing.length;
    },
  };
  return appender;
}
