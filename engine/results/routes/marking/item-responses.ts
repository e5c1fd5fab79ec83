/** The latest saved responses to one item of every session of a sitting, in one query. */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.ts';
import type { ItemResponses } from '../../../protocol/candidate.ts';
import { candidateSessions, responses } from '../../../delivery/tables.ts';

export async function itemResponses(
  db: Database,
  sittingId: string,
  itemRef: string,
): Promise<Map<string, ItemResponses>> {
  const rows = await db
    .selectDistinctOn([responses.sessionId], { sessionId: responses.sessionId, value: responses.value })
    .from(responses)
    .innerJoin(candidateSessions, eq(candidateSessions.id, responses.sessionId))
    .where(and(eq(candidateSessions.sittingId, sittingId), eq(responses.itemRef, itemRef)))
    .orderBy(responses.sessionId, desc(responses.clientSeq));
  return new Map(
    rows.map((r) => [
      r.sessionId,
      (typeof r.value === 'string' ? JSON.parse(r.value) : r.value) as ItemResponses,
    ]),
  );
}
