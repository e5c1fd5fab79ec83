/** The full state a candidate needs to resume: form, position, latest saved answers, flags, time. */
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import type { ItemResponses, SessionSnapshot } from '../protocol/candidate.ts';
import { sittingCandidates, students } from '../schema.ts';
import { deliveryErrors } from './delivery-errors.ts';
import { FormSpec, type AssembledForm } from './form.ts';
import { timeState } from './session-clock.ts';
import { loadSession } from './session-commands.ts';

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

export async function sessionSnapshot(
  db: Database,
  sessionId: string,
  now = Date.now(),
): Promise<SessionSnapshot> {
  const loaded = await loadSession(db, sessionId);
  if (!loaded) throw deliveryErrors.sessionNotFound();
  const { session, sitting } = loaded;
  const [candidate] = await db
    .select({ fullName: students.fullName, candidateNumber: sittingCandidates.candidateNumber })
    .from(sittingCandidates)
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .where(eq(sittingCandidates.id, session.sittingCandidateId));
  const spec = FormSpec.parse(sitting.formSpec);
  const form = session.form as AssembledForm;
  return {
    sessionId,
    state: session.state,
    candidate: candidate!,
    sitting: {
      name: sitting.name,
      navigationMode: spec.navigationMode,
      allowReview: spec.allowReview,
      allowSkipping: spec.allowSkipping,
    },
    form: form.entries.map((e) => ({
      position: e.position,
      itemRef: e.itemRef,
      sectionTitle: e.sectionTitle || undefined,
      title: e.title,
    })),
    position: session.position,
    responses: await latestResponses(db, sessionId),
    flags: session.flags,
    time: timeState(session, now),
  };
}
