/**
 * A separate room (accommodation) seats only candidates who have that accommodation: a room that
 * mixed them with the others would not be separate.
 */
import { and, count, eq, ne } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { errors } from '../platform/errors.ts';
import { sittingCandidates } from './tables.ts';

/**
 * Throws a 409 when seating candidates with (or without) a separate room in `roomId` would mix the
 * two. Its details carry `reason` (`room_has_ordinary_candidates` or `room_is_separate`) and
 * `params` ({ room, count }) for clients that word the refusal themselves.
 */
export async function assertRoomKeepsSeparation(
  tx: Executor,
  room: { id: string; name: string },
  separateRoom: boolean,
  exceptCandidateId?: string,
) {
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(sittingCandidates)
    .where(
      and(
        eq(sittingCandidates.roomId, room.id),
        ne(sittingCandidates.separateRoom, separateRoom),
        exceptCandidateId ? ne(sittingCandidates.id, exceptCandidateId) : undefined,
      ),
    );
  if (n > 0)
    throw errors.conflict(
      separateRoom
        ? `Room ${room.name} already seats ${n} candidate(s) without a separate-room accommodation; choose a room of its own.`
        : `Room ${room.name} is a separate room (${n} candidate(s) with that accommodation); choose another room.`,
      {
        roomId: room.id,
        reason: separateRoom ? 'room_has_ordinary_candidates' : 'room_is_separate',
        params: { room: room.name, count: n },
      },
    );
}
