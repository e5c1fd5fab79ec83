/** Sets the roster photo shown for the identity check; photos are stored once per content hash. */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { imageSize } from 'image-size';
import { appendAudit } from '../audit-log.ts';
import type { StaffActor } from '../actor.ts';
import { studentPhotos, students } from '../tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The picture type the file's own header says (read by image-size), when it is one of PHOTO_TYPES. */
function pictureTypeOf(data: Buffer): string | undefined {
  try {
    const type = imageSize(data).type;
    return { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }[type ?? ''];
  } catch {
    return undefined;
  }
}

export interface StudentPhoto {
  studentId: string;
  /** The student's school, as resolved by the scope check. */
  schoolId: string;
  contentType: string;
  data: Buffer;
}

export async function setStudentPhoto(
  db: Database,
  actor: StaffActor,
  input: StudentPhoto,
  context: CommandContext,
): Promise<void> {
  const { studentId, schoolId, contentType, data } = input;
  if (!PHOTO_TYPES.includes(contentType))
    throw errors.badRequest(`A photo must be sent as ${PHOTO_TYPES.join(', ')}.`);
  if (data.length === 0) throw errors.badRequest('The photo is empty.');
  // The bytes decide, not the declared type: HTML sent as image/png is not a photo.
  const actual = pictureTypeOf(data);
  if (!actual) throw errors.badRequest('The photo is not a JPEG, PNG or WebP image.');
  if (actual !== contentType)
    throw errors.badRequest(
      `The photo was sent as ${contentType} but is a ${actual.slice('image/'.length).toUpperCase()} image.`,
    );
  const sha256 = createHash('sha256').update(data).digest('hex');
  await db.transaction(async (tx) => {
    await tx.insert(studentPhotos).values({ sha256, contentType, data }).onConflictDoNothing();
    await tx
      .update(students)
      .set({ photoSha256: sha256, updatedAt: new Date() })
      .where(eq(students.id, studentId));
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'student.photo',
      subjectType: 'student',
      subjectId: studentId,
      organisationId: schoolId,
      ip: context.ip,
      details: { sha256 },
    });
  });
}
