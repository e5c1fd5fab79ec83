/**
 * Changes one candidate's accommodations (room, separate room, extra time), allowed until the candidate
 * starts; after that a proctor gives a time extension instead. A separate room seats only candidates
 * with that accommodation. Every engine process drops what it cached about the sitting once it commits.
 */
import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import { errors } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/http/env.ts';
import type { ChangeAccommodations } from '../../sittings/schemas.ts';
import { assertRoomKeepsSeparation } from '../../sittings/separate-rooms.ts';
import { sittingCandidates, sittingRooms } from '../../sittings/tables.ts';
import { candidateSessions } from '../tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

/** Session states in which the candidate has not started: accommodations may still change. */
const NOT_STARTED = new Set(['scheduled', 'checked_in']);

export interface ChangeAccommodationsInput {
  sittingId: string;
  /** The sitting's organisation, for the audit row. */
  organisationId: string;
  candidateNumber: string;
  change: z.output<typeof ChangeAccommodations>;
}

export interface ChangedAccommodations {
  candidateNumber: string;
  studentId: string;
  roomId: string;
  extraTimePercent: number;
  separateRoom: boolean;
}

export async function changeAccommodations(
  deps: Pick<AppDeps, 'db' | 'caches'>,
  actor: StaffActor,
  input: ChangeAccommodationsInput,
  context: CommandContext,
): Promise<ChangedAccommodations> {
  const { sittingId, candidateNumber, change } = input;
  const changed = await deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ candidate: sittingCandidates, state: candidateSessions.state })
      .from(sittingCandidates)
      .leftJoin(candidateSessions, eq(candidateSessions.sittingCandidateId, sittingCandidates.id))
      .where(
        and(
          eq(sittingCandidates.sittingId, sittingId),
          eq(sittingCandidates.candidateNumber, candidateNumber.toUpperCase()),
        ),
      )
      .for('update', { of: sittingCandidates });
    if (!found) throw errors.notFound(`Candidate ${candidateNumber} of this sitting`);
    const before = found.candidate;
    if (found.state && !NOT_STARTED.has(found.state))
      throw errors.conflict(
        `Candidate ${before.candidateNumber} has started (${found.state}); give a time extension from the proctor screen instead.`,
        {
          state: found.state,
          reason: 'candidate_started',
          params: { candidateNumber: before.candidateNumber, state: found.state },
        },
      );
    const roomId = change.roomId ?? before.roomId;
    const [room] = await tx
      .select({ id: sittingRooms.id, name: sittingRooms.name })
      .from(sittingRooms)
      .where(and(eq(sittingRooms.id, roomId), eq(sittingRooms.sittingId, sittingId)));
    if (!room) throw errors.badRequest('roomId: the room is not part of this sitting.');
    const separateRoom = change.separateRoom ?? before.separateRoom;
    await assertRoomKeepsSeparation(tx, room, separateRoom, before.id);
    const extraTimePercent = change.extraTimePercent ?? before.extraTimePercent;
    await tx
      .update(sittingCandidates)
      .set({ roomId, separateRoom, extraTimePercent })
      .where(eq(sittingCandidates.id, before.id));
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'sitting.accommodations_change',
      subjectType: 'sitting',
      subjectId: sittingId,
      organisationId: input.organisationId,
      ip: context.ip,
      details: {
        candidateNumber: before.candidateNumber,
        before: {
          roomId: before.roomId,
          separateRoom: before.separateRoom,
          extraTimePercent: before.extraTimePercent,
        },
        after: { roomId, separateRoom, extraTimePercent },
      },
    });
    return {
      candidateNumber: before.candidateNumber,
      studentId: before.studentId,
      roomId,
      extraTimePercent,
      separateRoom,
    };
  });
  await deps.caches.publish({ kind: 'sitting', id: sittingId });
  return changed;
}
