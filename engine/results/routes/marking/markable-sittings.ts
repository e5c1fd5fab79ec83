/**
 * The sittings of a marker's organisation subtree that have teacher marking, open or finished:
 * how many candidates still wait for a mark and how many marks were given. Three queries, whatever
 * the number of sittings. A sitting whose assigned marking team leaves the marker out is not listed.
 */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { gradingTables } from '../../../../grading/index.ts';
import type { StaffActor } from '../../../people/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { candidateSessions, sessionResults } from '../../../delivery/tables.ts';
import { sittings } from '../../../sittings/tables.ts';
import { markingTeamAdmits } from '../../marking-team.ts';
import { withinSubtree } from '../../../people/scope.ts';
import { organisations } from '../../../people/tables.ts';

export async function markableSittings(db: Database, actor: StaffActor) {
  const inScope = await db
    .select({ id: sittings.id, name: sittings.name, subject: sittings.subject, closesAt: sittings.closesAt })
    .from(sittings)
    .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
    .where(and(withinSubtree(actor), markingTeamAdmits(db, actor)))
    .orderBy(desc(sittings.closesAt));
  if (!inScope.length) return [];
  const ids = inScope.map((s) => s.id);
  const { marks } = gradingTables;
  const [latest, given] = await Promise.all([
    db
      .selectDistinctOn([sessionResults.sessionId], {
        sittingId: candidateSessions.sittingId,
        status: sessionResults.status,
        outcomes: sessionResults.outcomes,
      })
      .from(sessionResults)
      .innerJoin(candidateSessions, eq(candidateSessions.id, sessionResults.sessionId))
      .where(inArray(candidateSessions.sittingId, ids))
      .orderBy(sessionResults.sessionId, desc(sessionResults.version)),
    db
      .select({ sittingId: marks.sittingId, marks: count() })
      .from(marks)
      .where(and(inArray(marks.sittingId, ids)))
      .groupBy(marks.sittingId),
  ]);
  const waiting = new Map<string, number>();
  for (const r of latest) {
    const pending = Object.values(r.outcomes as Record<string, { pending?: boolean }>).some((o) => o.pending);
    if (pending) waiting.set(r.sittingId, (waiting.get(r.sittingId) ?? 0) + 1);
  }
  const marksGiven = new Map(given.map((g) => [g.sittingId, Number(g.marks)]));
  return inScope
    .map((s) => ({
      id: s.id,
      name: s.name,
      subject: s.subject,
      closesAt: s.closesAt.toISOString(),
      /** Candidates with at least one answer still waiting for a mark. */
      waitingCandidates: waiting.get(s.id) ?? 0,
      marksGiven: marksGiven.get(s.id) ?? 0,
    }))
    .filter((s) => s.waitingCandidates > 0 || s.marksGiven > 0);
}
