/**
 * A sitting's submitted candidates with their current result version (the highest), in candidate
 * number order: what score reports and grade exports are built from.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { classes, organisations, students } from '../people/tables.ts';
import { candidateSessions, sessionResults } from '../delivery/tables.ts';
import { sittingCandidates, sittings } from '../sittings/tables.ts';

export async function loadSittingResults(db: Database, sittingId: string) {
  const [sitting] = await db.select().from(sittings).where(eq(sittings.id, sittingId));
  if (!sitting) throw new Error(`sitting ${sittingId} does not exist`);
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, sitting.organisationId));
  const sessions = await db
    .select({
      session: candidateSessions,
      candidateNumber: sittingCandidates.candidateNumber,
      student: students,
      className: classes.name,
    })
    .from(candidateSessions)
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .leftJoin(classes, eq(classes.id, students.classId))
    .where(
      and(
        eq(candidateSessions.sittingId, sittingId),
        inArray(candidateSessions.state, ['submitted', 'scored']),
      ),
    )
    .orderBy(sittingCandidates.candidateNumber);
  const results = sessions.length
    ? await db
        .select()
        .from(sessionResults)
        .where(
          inArray(
            sessionResults.sessionId,
            sessions.map((s) => s.session.id),
          ),
        )
        .orderBy(desc(sessionResults.version))
    : [];
  const latest = new Map<string, (typeof results)[number]>();
  for (const r of results) if (!latest.has(r.sessionId)) latest.set(r.sessionId, r);
  return {
    sitting,
    organisation,
    candidates: sessions.map((s) => ({ ...s, result: latest.get(s.session.id) })),
  };
}
