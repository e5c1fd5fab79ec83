/**
 * Everything a socket handshake needs about its session, in one prepared query: the session row,
 * the sitting's security policy, the candidate's room and the items already answered. The handshake
 * runs for every connection of a check-in storm, so it makes one round trip instead of five (see
 * issue 10's profile). The form spec comes from the process's parsed copy (form-spec-cache.ts) and is
 * read only when this process has none: an adaptive pool's spec is ~80 kB, and reading it with every
 * handshake was the largest single cost of an adaptive sitting's engine (issue 23's load run).
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { sittingFormSpec } from './form-spec-cache.ts';
import { candidateSessions, responses } from './tables.ts';
import { sittingCandidates, sittings } from '../sittings/tables.ts';

function prepare(db: Database) {
  return db
    .select({
      session: candidateSessions,
      securityPolicy: sittings.securityPolicy,
      roomId: sittingCandidates.roomId,
      answered: sql<
        string[] | string | null
      >`(select json_agg(distinct ${responses.itemRef}) from ${responses}
        where ${responses.sessionId} = ${candidateSessions.id})`,
    })
    .from(candidateSessions)
    .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .where(eq(candidateSessions.id, sql.placeholder('sessionId')))
    .prepare('connecting_session');
}

const prepared = new WeakMap<Database, ReturnType<typeof prepare>>();

export type ConnectingSession = NonNullable<Awaited<ReturnType<typeof connectingSession>>>;

export async function connectingSession(db: Database, sessionId: string) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepare(db)));
  const [row] = await query.execute({ sessionId });
  if (!row) return undefined;
  const answered = typeof row.answered === 'string' ? (JSON.parse(row.answered) as string[]) : row.answered;
  const formSpec = await sittingFormSpec(db, row.session.sittingId);
  return { ...row, formSpec, answered: answered ?? [] };
}
