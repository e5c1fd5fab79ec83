/** What proctors see of each candidate: state, progress, time left (connection state comes from the sockets). */
import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/rows.ts';
import type { Database } from '../platform/db/database.ts';
import type { CandidateStatus } from '../protocol/proctor.ts';
import { students } from '../people/tables.ts';
import type { AssembledForm } from '../sittings/form.ts';
import { FormSpec, plannedItemCount } from '../sittings/form.ts';
import { timeState } from '../delivery/session-clock.ts';
import { candidateSessions } from '../delivery/tables.ts';
import { sittingCandidates, sittings } from '../sittings/tables.ts';

export async function candidateStatuses(
  db: Database,
  sittingId: string,
  roomId: string | undefined,
  connected: Set<string>,
  now = Date.now(),
): Promise<CandidateStatus[]> {
  const [sitting] = await db
    .select({ formSpec: sittings.formSpec })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!sitting) return [];
  const spec = FormSpec.parse(sitting.formSpec);
  const plannedCount = plannedItemCount(spec);
  const rows = await db
    .select({ candidate: sittingCandidates, fullName: students.fullName, session: candidateSessions })
    .from(sittingCandidates)
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .leftJoin(candidateSessions, eq(candidateSessions.sittingCandidateId, sittingCandidates.id))
    .where(
      and(
        eq(sittingCandidates.sittingId, sittingId),
        roomId ? eq(sittingCandidates.roomId, roomId) : undefined,
      ),
    )
    .orderBy(asc(sittingCandidates.candidateNumber));
  const sessionIds = rows.flatMap((r) => (r.session ? [r.session.id] : []));
  const answered = new Map<string, number>();
  if (sessionIds.length) {
    const counts = rowsOf<{ session_id: string; n: number }>(
      await db.execute(
        sql`select session_id, count(distinct item_ref)::int as n from responses where session_id in (${sql.join(
          sessionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) group by session_id`,
      ),
    );
    for (const c of counts) answered.set(c.session_id, Number(c.n));
  }
  return rows.map(({ candidate, fullName, session }) => {
    const time = session ? timeState(session, now) : { remainingMs: null, deadline: null };
    return {
      sessionId: session?.id ?? null,
      sittingCandidateId: candidate.id,
      candidateNumber: candidate.candidateNumber,
      fullName,
      roomId: candidate.roomId,
      state: session?.state ?? 'scheduled',
      connected: session ? connected.has(session.id) : false,
      answered: session ? (answered.get(session.id) ?? 0) : 0,
      itemCount: session ? (session.form as AssembledForm).entries.length : plannedCount,
      position: session?.position ?? 0,
      remainingMs: time.remainingMs,
      deadline: time.deadline,
      incidents: 0,
    };
  });
}
