/** The organisation behind a candidate session, and whether a user proctors the session's room. */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { isUuid, refColumns, type OrganisationRef } from '../people/organisation-ref.ts';
import { organisations } from '../people/tables.ts';
import { roomProctors, sittingCandidates, sittings } from '../sittings/tables.ts';
import { candidateSessions } from './tables.ts';

export async function organisationOfSession(
  db: Executor,
  sessionId: unknown,
): Promise<OrganisationRef | undefined> {
  if (!isUuid(sessionId)) return undefined;
  const [row] = await db
    .select(refColumns)
    .from(candidateSessions)
    .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
    .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
    .where(eq(candidateSessions.id, sessionId));
  return row;
}

/** True when the user proctors the room the session's candidate sits in. */
export async function isProctorOfSession(db: Executor, sessionId: string, userId: string): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  const [row] = await db
    .select({ roomId: roomProctors.roomId })
    .from(candidateSessions)
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .innerJoin(
      roomProctors,
      and(eq(roomProctors.roomId, sittingCandidates.roomId), eq(roomProctors.userId, userId)),
    )
    .where(eq(candidateSessions.id, sessionId));
  return Boolean(row);
}
