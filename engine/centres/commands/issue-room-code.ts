/**
 * Gives the exam board one room's key release code (room-code.ts), to read out to the centre when
 * its line is down. The code opens the shared part of the sitting's packages and that room's part
 * only. Every issue is recorded, with who asked, in the key releases and the audit log. Asked for a
 * centre (the exam board page), the room must be in a package sealed for that centre, and the release
 * names the centre; a staff member gets rooms of sittings in their organisation's subtree only.
 */
import { and, arrayContains, eq } from 'drizzle-orm';
import { inScope } from '../../people/actor.ts';
import { organisations } from '../../people/tables.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { sittingRooms, sittings } from '../../sittings/tables.ts';
import { centreErrors } from '../centre-errors.ts';
import { sittingKey } from '../central-keys.ts';
import { keyEncryptionKey } from '../key-sealing.ts';
import { roomCodeBitsOf } from '../package-keys.ts';
import { formatRoomCode } from '../room-code.ts';
import { centreKeyReleases, centrePackages } from '../tables.ts';

export async function issueRoomCode(
  db: Database,
  actor: StaffActor | null,
  input: { sittingId: string; roomId: string; centreId?: string },
  secrets: { keySecret: string },
  context: CommandContext = {},
): Promise<{ code: string; roomName: string; opensAt: Date }> {
  return db.transaction(async (tx) => {
    const [room] = await tx
      .select({
        name: sittingRooms.name,
        organisationId: sittings.organisationId,
        opensAt: sittings.opensAt,
        path: organisations.path,
      })
      .from(sittingRooms)
      .innerJoin(sittings, eq(sittings.id, sittingRooms.sittingId))
      .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
      .where(and(eq(sittingRooms.id, input.roomId), eq(sittingRooms.sittingId, input.sittingId)));
    if (!room || (actor && !inScope(actor, room.path)))
      throw errors.notFound(`Room ${input.roomId} of sitting ${input.sittingId}`);
    if (input.centreId) {
      const [sealed] = await tx
        .select({ id: centrePackages.id })
        .from(centrePackages)
        .where(
          and(
            eq(centrePackages.sittingId, input.sittingId),
            arrayContains(centrePackages.centreIds, [input.centreId]),
            arrayContains(centrePackages.roomIds, [input.roomId]),
          ),
        )
        .limit(1);
      if (!sealed) throw centreErrors.noPackageForCentre(input.sittingId, input.centreId);
    }
    const key = await sittingKey(tx, keyEncryptionKey(secrets.keySecret), input.sittingId);
    if (!key) throw centreErrors.noSittingKey(input.sittingId);
    const code = formatRoomCode(roomCodeBitsOf(key.key, input.sittingId, input.roomId));
    await tx.insert(centreKeyReleases).values({
      sittingId: input.sittingId,
      roomId: input.roomId,
      centreId: input.centreId,
      how: 'room_code',
      releasedBy: actor?.userId,
    });
    await appendAudit(tx, {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? 'system',
      action: 'centre.room_code_issue',
      subjectType: 'sitting',
      subjectId: input.sittingId,
      organisationId: room.organisationId,
      ip: context.ip,
      details: {
        roomId: input.roomId,
        room: room.name,
        keyId: key.keyId,
        ...(input.centreId ? { centreId: input.centreId } : {}),
      },
    });
    return { code, roomName: room.name, opensAt: room.opensAt };
  });
}
