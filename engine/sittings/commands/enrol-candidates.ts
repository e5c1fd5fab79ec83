/**
 * Enrols a class or a list of students into a room of a sitting; each new candidate gets the next
 * candidate number (số báo danh) of the room. Students already in the sitting are left as they are.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import { organisations, students } from '../../people/tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { candidateNumber } from '../access-codes.ts';
import type { AddCandidates } from '../schemas.ts';
import { assertRoomKeepsSeparation } from '../separate-rooms.ts';
import { sittingCandidates, sittingRooms } from '../tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface EnrolCandidatesInput {
  sittingId: string;
  /** The sitting's organisation: students must belong to its subtree. */
  sittingOrg: { id: string; path: string };
  enrol: z.output<typeof AddCandidates>;
}

export interface EnrolledCandidate {
  sittingId: string;
  studentId: string;
  roomId: string;
  candidateNumber: string;
  extraTimePercent: number;
  separateRoom: boolean;
}

export async function enrolCandidates(
  db: Database,
  actor: StaffActor,
  input: EnrolCandidatesInput,
  context: CommandContext,
): Promise<EnrolledCandidate[]> {
  const { sittingId, sittingOrg, enrol } = input;
  return db.transaction(async (tx) => {
    const rooms = await tx
      .select({ id: sittingRooms.id, name: sittingRooms.name })
      .from(sittingRooms)
      .where(eq(sittingRooms.sittingId, sittingId))
      .orderBy(asc(sittingRooms.name));
    const roomIndex = rooms.findIndex((r) => r.id === enrol.roomId);
    if (roomIndex < 0) throw errors.badRequest('roomId: the room is not part of this sitting.');
    await assertRoomKeepsSeparation(tx, rooms[roomIndex]!, enrol.separateRoom);
    const chosen = await tx
      .select({ id: students.id, path: organisations.path })
      .from(students)
      .innerJoin(organisations, eq(organisations.id, students.schoolId))
      .where(enrol.classId ? eq(students.classId, enrol.classId) : inArray(students.id, enrol.studentIds!))
      .orderBy(asc(students.fullName));
    const outside = chosen.filter(
      (s) => !s.path.startsWith(sittingOrg.path) || !s.path.startsWith(actor.scopePath),
    );
    if (outside.length)
      throw errors.forbidden(`${outside.length} student(s) are outside this sitting's organisation.`);
    if (!chosen.length) throw errors.badRequest('No students were found to enrol.');
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(sittingCandidates)
      .where(eq(sittingCandidates.roomId, enrol.roomId));
    const already = new Set(
      (
        await tx
          .select({ id: sittingCandidates.studentId })
          .from(sittingCandidates)
          .where(
            and(
              eq(sittingCandidates.sittingId, sittingId),
              inArray(
                sittingCandidates.studentId,
                chosen.map((s) => s.id),
              ),
            ),
          )
      ).map((r) => r.id),
    );
    const fresh = chosen.filter((s) => !already.has(s.id));
    const values = fresh.map((s, i) => ({
      sittingId,
      studentId: s.id,
      roomId: enrol.roomId,
      candidateNumber: candidateNumber(roomIndex + 1, n + i + 1),
      extraTimePercent: enrol.extraTimePercent,
      separateRoom: enrol.separateRoom,
    }));
    if (values.length) await tx.insert(sittingCandidates).values(values);
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'sitting.candidates_add',
      subjectType: 'sitting',
      subjectId: sittingId,
      organisationId: sittingOrg.id,
      ip: context.ip,
      details: { added: values.length, roomId: enrol.roomId, separateRoom: enrol.separateRoom },
    });
    return values;
  });
}
