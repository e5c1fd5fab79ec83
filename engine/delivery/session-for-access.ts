/**
 * A candidate session as the item-access rule (item-access.ts) needs it, loaded for the HTTP paths to
 * item content (candidate media, PCI frames); the socket has its own connection-time copy.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { errors } from '../platform/errors.ts';
import { sittings } from '../sittings/tables.ts';
import { candidateSessions } from './tables.ts';

/** The session with its form and its sitting's form spec; a session that no longer exists is a 401. */
export async function loadSessionForAccess(db: Database, sessionId: string) {
  const [session] = await db
    .select({
      state: candidateSessions.state,
      deadlineAt: candidateSessions.deadlineAt,
      position: candidateSessions.position,
      progress: candidateSessions.progress,
      form: candidateSessions.form,
      sittingId: candidateSessions.sittingId,
      formSpec: sittings.formSpec,
    })
    .from(candidateSessions)
    .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
    .where(eq(candidateSessions.id, sessionId));
  if (!session) throw errors.unauthenticated();
  return session;
}
