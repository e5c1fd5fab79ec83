/** Removes a sitting candidate's roster photo (404 when there is none), audit-logged in the same transaction. */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { rosterPhotos } from '../tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface RemoveRosterPhotoInput {
  /** A sitting candidate the caller has found in a sitting the actor may change. */
  sittingCandidateId: string;
  /** The sitting's organisation, for the audit row. */
  organisationId: string;
}

export async function removeRosterPhoto(
  db: Database,
  actor: StaffActor,
  { sittingCandidateId, organisationId }: RemoveRosterPhotoInput,
  context: CommandContext,
): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(rosterPhotos)
      .where(eq(rosterPhotos.sittingCandidateId, sittingCandidateId))
      .returning({ id: rosterPhotos.sittingCandidateId });
    if (removed.length === 0) throw errors.notFound('The roster photo');
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'roster_photo.delete',
      subjectType: 'sitting_candidate',
      subjectId: sittingCandidateId,
      organisationId,
      ip: context.ip,
    });
  });
}
