/**
 * The session state machine: scheduled -> checked-in -> in progress <-> paused -> submitted
 * -> scored. Each command locks the session row (start: see there), checks the transition, writes the change and
 * appends an event with actor and time, in one transaction. Staff actions may pass their own
 * transaction (the executor), so the change and its audit row commit together (a savepoint inside).
 */
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/rows.ts';
import type { Database, Executor, Transaction } from '../platform/db/database.ts';
import { deliveryErrors } from './delivery-errors.ts';
import type { AssembledForm } from '../sittings/form.ts';
import { personalDurationMs } from './session-clock.ts';
import { hasAdaptiveSlots } from './adaptive/adaptive-form.ts';
import { finishAdaptive } from './adaptive/adaptive-step.ts';
import { formSpecOf } from './form-spec-cache.ts';
import { progressOf, scopesAt } from './route-state.ts';
import type { ItemResponses } from '../protocol/candidate.ts';
import { candidateSessions, sessionEvents } from './tables.ts';
import { sittingCandidates, sittings } from '../sittings/tables.ts';
import { students } from '../people/tables.ts';

export type SessionRow = typeof candidateSessions.$inferSelect;
export type SittingRow = typeof sittings.$inferSelect;

export interface Actor {
  type: 'candidate' | 'staff' | 'system';
  id?: string;
}

interface Locked {
  session: SessionRow;
  /** Without its form spec (large with an adaptive pool): `sittingFormSpec` reads it once per process. */
  sitting: Omit<SittingRow, 'formSpec'>;
  extraTimePercent: number;
}

const { formSpec: _formSpec, ...sittingColumns } = getTableColumns(sittings);

export async function lockSession(tx: Transaction, sessionId: string): Promise<Locked> {
  const [row] = await tx
    .select({
      session: candidateSessions,
      sitting: sittingColumns,
      extraTimePercent: sittingCandidates.extraTimePercent,
    })
    .from(candidateSessions)
    .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .where(eq(candidateSessions.id, sessionId))
    .for('update', { of: candidateSessions });
  if (!row) throw deliveryErrors.sessionNotFound();
  return row;
}

export async function record(
  tx: Transaction,
  sessionId: string,
  type: string,
  actor: Actor,
  data: Record<string, unknown> = {},
) {
  await tx.insert(sessionEvents).values({ sessionId, type, actorType: actor.type, actorId: actor.id, data });
}

export async function update(
  tx: Transaction,
  sessionId: string,
  values: Partial<SessionRow>,
): Promise<SessionRow> {
  const [row] = await tx
    .update(candidateSessions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(candidateSessions.id, sessionId))
    .returning();
  return row!;
}

export async function loadSession(db: Executor, sessionId: string) {
  const [row] = await db
    .select({ session: candidateSessions, sitting: sittings })
    .from(candidateSessions)
    .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
    .where(eq(candidateSessions.id, sessionId));
  return row;
}

/**
 * What a start reads, in one prepared query: the session, its sitting, the candidate (for the
 * snapshot the start answers with) and the latest saved answer of each item. Every candidate of a
 * check-in storm runs it, so its SQL is built once per database and the snapshot needs no second read.
 */
function prepareStartRead(db: Database) {
  return db
    .select({
      session: candidateSessions,
      sitting: sittings,
      candidate: {
        fullName: students.fullName,
        candidateNumber: sittingCandidates.candidateNumber,
        extraTimePercent: sittingCandidates.extraTimePercent,
      },
      latest: sql<
        LatestJson | string | null
      >`(select json_object_agg(r.item_ref, json_build_object('seq', r.client_seq, 'responses', r.value))
        from (select distinct on (item_ref) item_ref, client_seq, value from responses
          where session_id = ${candidateSessions.id} order by item_ref, client_seq desc) r)`,
    })
    .from(candidateSessions)
    .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .where(eq(candidateSessions.id, sql.placeholder('sessionId')))
    .prepare('start_session_read');
}

type LatestJson = Record<string, { seq: number; responses: ItemResponses }>;
const startReads = new WeakMap<Database, ReturnType<typeof prepareStartRead>>();

async function readForStart(db: Database, sessionId: string) {
  let query = startReads.get(db);
  if (!query) startReads.set(db, (query = prepareStartRead(db)));
  const [found] = await query.execute({ sessionId });
  if (!found) return undefined;
  const { latest, ...row } = found;
  const responses: LatestJson =
    typeof latest === 'string' ? (JSON.parse(latest) as LatestJson) : (latest ?? {});
  for (const answer of Object.values(responses)) answer.seq = Number(answer.seq);
  return { ...row, responses };
}

/** A started session with the rows its snapshot is built from (see `snapshotOfRow`). */
export type StartedSession = NonNullable<Awaited<ReturnType<typeof readForStart>>>;

/**
 * Starts the clock. Allowed once the sitting is open and before the late-start cut-off.
 * One read and one statement (the state change and its event together), not a locking
 * transaction: every candidate of a check-in storm starts within the same minute.
 */
export async function startSession(db: Database, sessionId: string, now = new Date()): Promise<SessionRow> {
  return (await startSessionWithRows(db, sessionId, now)).session;
}

/** `startSession`, returning also the sitting, the candidate and the latest answers it read. */
export async function startSessionWithRows(
  db: Database,
  sessionId: string,
  now = new Date(),
): Promise<StartedSession> {
  const found = await readForStart(db, sessionId);
  if (!found) throw deliveryErrors.sessionNotFound();
  const { session, sitting, candidate } = found;
  if (session.state !== 'checked_in') return found; // starting twice is harmless: resume instead
  if (sitting.cancelledAt) throw deliveryErrors.sittingCancelled();
  if (now < sitting.opensAt) throw deliveryErrors.sittingNotOpen(sitting.opensAt);
  if (now >= sitting.closesAt) throw deliveryErrors.sittingClosed();
  if (
    sitting.lateStartSeconds !== null &&
    now.getTime() > sitting.opensAt.getTime() + sitting.lateStartSeconds * 1000
  ) {
    throw deliveryErrors.lateStartClosed();
  }
  const duration = personalDurationMs(sitting.durationSeconds, candidate.extraTimePercent);
  // Accommodated candidates keep their extra time beyond the window's close.
  const windowEnd = sitting.closesAt.getTime() + (duration - sitting.durationSeconds * 1000);
  const deadlineAt = new Date(Math.min(now.getTime() + duration, windowEnd));
  // Only a session still checked in moves (with its event, atomically); a concurrent start finds it started.
  const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const started = rowsOf<{ id: string }>(
    await db.execute(sql`
      with started as (
        update candidate_sessions
        set state = 'in_progress', started_at = ${at(now)}, deadline_at = ${at(deadlineAt)}, updated_at = ${at(now)}
        where id = ${sessionId}::uuid and state = 'checked_in'
        returning id
      ), event as (
        insert into session_events (session_id, type, actor_type, data)
        select id, 'started', 'candidate', ${JSON.stringify({ deadlineAt: deadlineAt.toISOString() })}::jsonb
        from started
      )
      select id from started`),
  );
  if (started.length)
    return {
      ...found,
      session: { ...session, state: 'in_progress', startedAt: now, deadlineAt, updatedAt: now },
    };
  const again = await readForStart(db, sessionId);
  if (!again) throw deliveryErrors.sessionNotFound();
  return again;
}

export async function pauseSession(
  db: Executor,
  sessionId: string,
  actor: Actor,
  reason?: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { session } = await lockSession(tx, sessionId);
    if (session.state !== 'in_progress') throw deliveryErrors.sessionLocked(session.state);
    const remaining = Math.max(0, session.deadlineAt!.getTime() - now.getTime());
    await record(tx, sessionId, 'paused', actor, { reason, remainingMs: remaining });
    return update(tx, sessionId, { state: 'paused', pausedAt: now, pausedRemainingMs: remaining });
  });
}

export async function resumeSession(db: Executor, sessionId: string, actor: Actor, now = new Date()) {
  return db.transaction(async (tx) => {
    const { session } = await lockSession(tx, sessionId);
    if (session.state !== 'paused') throw deliveryErrors.sessionLocked(session.state);
    const deadlineAt = new Date(now.getTime() + (session.pausedRemainingMs ?? 0));
    const pausedMs = now.getTime() - session.pausedAt!.getTime();
    await record(tx, sessionId, 'resumed', actor, { deadlineAt: deadlineAt.toISOString(), pausedMs });
    // The active clock of time limits stands still while paused.
    const progress = progressOf(session);
    return update(tx, sessionId, {
      state: 'in_progress',
      pausedAt: null,
      pausedRemainingMs: null,
      deadlineAt,
      progress: { ...progress, pausedTotalMs: (progress.pausedTotalMs ?? 0) + pausedMs },
    });
  });
}

/** Moves the deadline (or the paused remaining time) by `seconds`. */
export async function extendSession(db: Executor, sessionId: string, seconds: number, actor: Actor) {
  return db.transaction(async (tx) => {
    const { session } = await lockSession(tx, sessionId);
    // Time-limited levels the candidate stands in (part, section, item) get the extension too.
    const form = session.form as AssembledForm;
    const progress = progressOf(session);
    const bonusMs = { ...(progress.bonusMs ?? {}) };
    for (const scope of scopesAt(form, session.position))
      if (scope.maxMs !== undefined) bonusMs[scope.key] = (bonusMs[scope.key] ?? 0) + seconds * 1000;
    const withBonus = { ...progress, bonusMs };
    if (session.state === 'paused') {
      await record(tx, sessionId, 'extended', actor, { seconds });
      return update(tx, sessionId, {
        pausedRemainingMs: (session.pausedRemainingMs ?? 0) + seconds * 1000,
        extensionSeconds: session.extensionSeconds + seconds,
        progress: withBonus,
      });
    }
    if (session.state !== 'in_progress' && session.state !== 'checked_in')
      throw deliveryErrors.sessionLocked(session.state);
    await record(tx, sessionId, 'extended', actor, { seconds });
    return update(tx, sessionId, {
      deadlineAt: session.deadlineAt ? new Date(session.deadlineAt.getTime() + seconds * 1000) : null,
      extensionSeconds: session.extensionSeconds + seconds,
      progress: withBonus,
    });
  });
}

/**
 * Locks the responses. `by` says who submitted: the candidate, the server at the deadline, or a proctor.
 * One statement (the state change and its event together), not a locking transaction: every
 * candidate of a sitting may press submit in its last minute. Only a session in a state that may be
 * submitted moves, so a concurrent second submit finds it submitted and changes nothing.
 */
export async function submitSession(
  db: Executor,
  sessionId: string,
  by: 'candidate' | 'server' | 'proctor',
  actor: Actor,
  options: { reason?: string; now?: Date } = {},
): Promise<{ session: SessionRow; changed: boolean }> {
  const now = options.now ?? new Date();
  const at = sql`${now.toISOString()}::timestamptz`;
  const from = by === 'candidate' ? ['in_progress'] : ['scheduled', 'checked_in', 'in_progress', 'paused'];
  const type = by === 'proctor' ? 'terminated' : 'submitted';
  const terminatedReason = by === 'proctor' ? (options.reason ?? 'terminated') : null;
  const data = JSON.stringify({ by, ...(options.reason === undefined ? {} : { reason: options.reason }) });
  const [moved] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with submitted as (
        update candidate_sessions
        set state = 'submitted', submitted_at = ${at}, submitted_by = ${by},
          terminated_reason = ${terminatedReason}, paused_at = null, updated_at = ${at}
        where id = ${sessionId}::uuid
          and state in (${sql.join(
            from.map((state) => sql`${state}::session_state`),
            sql`, `,
          )})
        returning *
      ), event as (
        insert into session_events (session_id, type, actor_type, actor_id, data)
        select id, ${type}, ${actor.type}, ${actor.id ?? null}, ${data}::jsonb from submitted
      )
      select * from submitted`),
  );
  if (moved) {
    const session = sessionRowOf(moved);
    // An adaptive section: its last answer is scored into the CAT's log, and places never filled leave the form.
    if (hasAdaptiveSlots(session.form as AssembledForm)) {
      const loaded = await loadSession(db, sessionId);
      await finishAdaptive(db, sessionId, formSpecOf(loaded!.sitting.id, loaded!.sitting.formSpec));
      return { session: (await loadSession(db, sessionId))!.session, changed: true };
    }
    return { session, changed: true };
  }
  const loaded = await loadSession(db, sessionId);
  if (!loaded) throw deliveryErrors.sessionNotFound();
  const { session } = loaded;
  if (session.state === 'submitted' || session.state === 'scored') return { session, changed: false };
  throw deliveryErrors.sessionLocked(session.state);
}

/** A `candidate_sessions` row read by raw SQL, as drizzle's select would give it. */
function sessionRowOf(raw: Record<string, unknown>): SessionRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(candidateSessions))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as SessionRow;
}

export async function allowDeviceChange(db: Executor, sessionId: string, actor: Actor) {
  return db.transaction(async (tx) => {
    await lockSession(tx, sessionId);
    await record(tx, sessionId, 'device_change_allowed', actor);
    return update(tx, sessionId, { deviceChangeAllowed: true });
  });
}

export async function consumeDeviceChange(db: Database, sessionId: string, data: Record<string, unknown>) {
  return db.transaction(async (tx) => {
    await lockSession(tx, sessionId);
    await record(tx, sessionId, 'device_changed', { type: 'candidate' }, data);
    return update(tx, sessionId, { deviceChangeAllowed: false });
  });
}

export async function recordSessionEvent(
  db: Executor,
  sessionId: string,
  type: string,
  actor: Actor,
  data: Record<string, unknown> = {},
) {
  await db.insert(sessionEvents).values({ sessionId, type, actorType: actor.type, actorId: actor.id, data });
}

/** True when a saved answer holds a value: NULL, '' and empty containers are no answer (QTI NULL). */
export function hasAnswer(responses: ItemResponses | undefined): boolean {
  if (!responses) return false;
  return Object.values(responses).some((v) => {
    if (v === null || v === undefined || v === '') return false;
    if (Array.isArray(v)) return v.length > 0;
    return true;
  });
}

export async function setFlag(
  db: Database,
  sessionId: string,
  itemRef: string,
  flagged: boolean,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const { session } = await lockSession(tx, sessionId);
    if (session.state !== 'in_progress') throw deliveryErrors.sessionLocked(session.state);
    const form = session.form as AssembledForm;
    if (!form.entries.some((e) => e.itemRef === itemRef)) throw deliveryErrors.unknownItem(itemRef);
    const flags = new Set(session.flags);
    if (flagged) flags.add(itemRef);
    else flags.delete(itemRef);
    const row = await update(tx, sessionId, { flags: [...flags] });
    return row.flags;
  });
}
