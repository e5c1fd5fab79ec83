/** Where a session sits: its sitting and room, to address status updates to the right proctors. */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { sittingCandidates } from '../sittings/tables.ts';
import { candidateSessions } from './tables.ts';

export async function sessionPlace(db: Database, sessionId: string) {
  const [row] = await db
    .select({ sittingId: candidateSessions.sittingId, roomId: sittingCandidates.roomId })
    .from(candidateSessions)
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .where(inArray(candidateSessions.id, [sessionId]));
  return row;
}
