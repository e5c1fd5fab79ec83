/** The full state a candidate needs to resume: form, position, latest saved answers, flags, time. */
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/rows.ts';
import type { Database } from '../platform/db/database.ts';
import type { ItemResponses, SessionSnapshot } from '../protocol/candidate.ts';
import { allowedTools, type CandidateTool } from '../protocol/candidate-tools.ts';
import { sittingCandidates } from '../sittings/tables.ts';
import { students } from '../people/tables.ts';
import { deliveryErrors } from './delivery-errors.ts';
import { controlOf, formParts, partAt, type AssembledForm } from '../sittings/form.ts';
import { formSpecOf } from './form-spec-cache.ts';
import { candidateSessions } from './tables.ts';
import { sittings } from '../sittings/tables.ts';
import { activeMs, progressOf, scopeTimes } from './route-state.ts';
import { timeState } from './session-clock.ts';

/** The latest saved responses of each item of a session (highest client sequence wins). */
export async function latestResponses(
  db: Pick<Database, 'execute'>,
  sessionId: string,
): Promise<Record<string, { seq: number; responses: ItemResponses }>> {
  const rows = rowsOf<{ item_ref: string; client_seq: number; value: ItemResponses | string }>(
    await db.execute(sql`
      select distinct on (item_ref) item_ref, client_seq, value
      from responses where session_id = ${sessionId}::uuid
      order by item_ref, client_seq desc`),
  );
  return Object.fromEntries(
    rows.map((r) => [
      r.item_ref,
      { seq: Number(r.client_seq), responses: typeof r.value === 'string' ? JSON.parse(r.value) : r.value },
    ]),
  );
}

/** Session, sitting and candidate of a snapshot in one prepared query (every start and resume reads it). */
function prepareSnapshotQuery(db: Database) {
  return db
    .select({
      session: candidateSessions,
      sitting: {
        id: sittings.id,
        name: sittings.name,
        formSpec: sittings.formSpec,
        securityPolicy: sittings.securityPolicy,
        practice: sittings.practice,
      },
      candidate: {
        fullName: students.fullName,
        candidateNumber: sittingCandidates.candidateNumber,
        extraTimePercent: sittingCandidates.extraTimePercent,
      },
    })
    .from(candidateSessions)
    .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .where(eq(candidateSessions.id, sql.placeholder('sessionId')))
    .prepare('session_snapshot');
}

const snapshotQueries = new WeakMap<Database, ReturnType<typeof prepareSnapshotQuery>>();

/** A snapshot with the on-screen tools the sitting allows (see protocol/candidate-tools.ts). */
export type SnapshotWithTools = SessionSnapshot & { tools: CandidateTool[] };

export async function sessionSnapshot(
  db: Database,
  sessionId: string,
  now = Date.now(),
): Promise<SnapshotWithTools> {
  let query = snapshotQueries.get(db);
  if (!query) snapshotQueries.set(db, (query = prepareSnapshotQuery(db)));
  const [loaded] = await query.execute({ sessionId });
  if (!loaded) throw deliveryErrors.sessionNotFound();
  return snapshotOfRow(loaded, await latestResponses(db, sessionId), now);
}

/** What a snapshot is built from: the row of the snapshot query (or a wider one, as `session:start` reads). */
export interface SnapshotRow {
  session: typeof candidateSessions.$inferSelect;
  sitting: Pick<typeof sittings.$inferSelect, 'id' | 'name' | 'formSpec' | 'securityPolicy' | 'practice'>;
  candidate: { fullName: string; candidateNumber: string; extraTimePercent: number };
}

/**
 * A snapshot from rows already read: `session:start` reads the session, sitting, candidate and latest
 * answers in its own query, so the snapshot it returns costs no further round trip.
 */
export function snapshotOfRow(
  loaded: SnapshotRow,
  responses: SessionSnapshot['responses'],
  now = Date.now(),
): SnapshotWithTools {
  const { session, sitting, candidate } = loaded;
  const sessionId = session.id;
  const spec = formSpecOf(sitting.id, sitting.formSpec);
  const form = session.form as AssembledForm;
  const parts = formParts(form, spec);
  const part = partAt(form, session.position, spec);
  const here = form.entries[session.position];
  const progress = progressOf(session);
  const { extraTimePercent, ...who } = candidate;
  const levels = scopeTimes(form, progress, session.position, activeMs(session, now), extraTimePercent);
  return {
    sessionId,
    state: session.state,
    candidate: who,
    sitting: {
      name: sitting.name,
      // The part the candidate is in decides; older clients read only these.
      navigationMode: part.navigationMode,
      allowReview: here ? controlOf(here, spec).allowReview : spec.allowReview,
      allowSkipping: here ? controlOf(here, spec).allowSkipping : spec.allowSkipping,
      practice: sitting.practice,
    },
    form: form.entries.map((e) => {
      const control = controlOf(e, spec);
      const entryPart = partAt(form, e.position, spec);
      return {
        position: e.position,
        itemRef: e.itemRef,
        sectionTitle: e.sectionTitle || undefined,
        title: e.title,
        partIdentifier: entryPart.identifier,
        ...(entryPart.submissionMode === 'individual'
          ? { submitIndividually: true, maxAttempts: control.maxAttempts }
          : {}),
        allowReview: control.allowReview,
        allowSkipping: control.allowSkipping,
      };
    }),
    route: {
      parts,
      times: levels,
      attempts: progress.attempts ?? {},
      closed: progress.closed ?? [],
      skipped: progress.skipped ?? [],
      ended: progress.ended ?? false,
    },
    position: session.position,
    responses,
    flags: session.flags,
    tools: allowedTools(sitting.securityPolicy),
    time: levels.length ? { ...timeState(session, now), levels } : timeState(session, now),
  };
}
