/**
 * Sets (or replaces) a sitting candidate's roster photo for the identity check: a JPEG or PNG checked
 * against its own header, decoded and encoded again in a worker thread (only the pixels are kept), stored with its
 * SHA-256 and audit-logged in one transaction.
 */
import { createHash } from 'node:crypto';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { checkPicture, type PictureRules } from '../image-check.ts';
import { reencodePictureOffLoop } from '../../platform/reencode-picture.ts';
import { rosterPhotos } from '../tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export const ROSTER_PHOTO_RULES: PictureRules = {
  types: ['image/jpeg', 'image/png'],
  maxBytes: 2 * 1024 * 1024,
  minSide: 64,
  maxSide: 4096,
};

export interface SetRosterPhotoInput {
  /** A sitting candidate the caller has found in a sitting the actor may change. */
  sittingCandidateId: string;
  /** The sitting's organisation, for the audit row. */
  organisationId: string;
  data: Buffer;
  /** The Content-Type the picture came with; its header must agree. */
  contentType: string;
}

export async function setRosterPhoto(
  db: Database,
  actor: StaffActor,
  input: SetRosterPhotoInput,
  context: CommandContext,
): Promise<void> {
  const { sittingCandidateId } = input;
  const checked = checkPicture(input.data, input.contentType, ROSTER_PHOTO_RULES, 'A roster photo');
  const data = await reencodePictureOffLoop(input.data, checked, 'A roster photo');
  const sha256 = createHash('sha256').update(data).digest('hex');
  await db.transaction(async (tx) => {
    const row = { ...checked, data, sha256, uploadedBy: actor.userId, uploadedAt: new Date() };
    await tx
      .insert(rosterPhotos)
      .values({ sittingCandidateId, ...row })
      .onConflictDoUpdate({ target: rosterPhotos.sittingCandidateId, set: row });
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'roster_photo.set',
      subjectType: 'sitting_candidate',
      subjectId: sittingCandidateId,
      organisationId: input.organisationId,
      ip: context.ip,
      details: { sha256, width: checked.width, height: checked.height },
    });
  });
}
