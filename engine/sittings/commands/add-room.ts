/** Adds a room to a sitting, with its own access code and the proctors assigned to it. */
import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import { organisations, users } from '../../people/tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { newAccessCode } from '../access-codes.ts';
import { roomProctors, sittingRooms } from '../tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface AddRoomInput {
  sittingId: string;
  /** The sitting's organisation: proctors must be its staff (its subtree). */
  sittingOrg: { id: string; path: string };
  name: string;
  proctorIds: string[];
}

export async function addRoom(
  db: Database,
  actor: StaffActor,
  input: AddRoomInput,
  context: CommandContext,
): Promise<typeof sittingRooms.$inferSelect> {
  const { sittingId, sittingOrg, name, proctorIds } = input;
  return db.transaction(async (tx) => {
    if (proctorIds.length) {
      const found = await tx
        .select({ id: users.id, role: users.role, path: organisations.path })
        .from(users)
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(inArray(users.id, proctorIds));
      const bad = proctorIds.filter(
        (id) => !found.some((u) => u.id === id && u.path.startsWith(sittingOrg.path)),
      );
      if (bad.length)
        throw errors.badRequest(
          `proctorIds: ${bad.join(', ')} are not staff of this sitting's organisation.`,
        );
    }
    const [same] = await tx
      .select({ id: sittingRooms.id })
      .from(sittingRooms)
      .where(and(eq(sittingRooms.sittingId, sittingId), eq(sittingRooms.name, name)));
    if (same) throw errors.conflict(`This sitting already has a room named "${name}".`);
    const [row] = await tx
      .insert(sittingRooms)
      .values({ sittingId, name, accessCode: newAccessCode() })
      .returning();
    if (proctorIds.length)
      await tx.insert(roomProctors).values(proctorIds.map((userId) => ({ roomId: row!.id, userId })));
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'sitting.room_add',
      subjectType: 'sitting',
      subjectId: sittingId,
      organisationId: sittingOrg.id,
      ip: context.ip,
      details: { room: name },
    });
    return row!;
  });
}
