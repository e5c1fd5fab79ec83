/**
 * Sets the roster photo shown for the identity check; photos are stored once per content hash. A JPEG
 * or PNG is decoded and encoded again (in a worker thread), so only its pixels are stored. WebP is
 * refused: nothing here can decode it, and a file stored as uploaded could carry anything after its
 * header. (WebP photos stored before are still served, as image/webp with nosniff.)
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { imageSize } from 'image-size';
import { appendAudit } from '../audit-log.ts';
import type { StaffActor } from '../actor.ts';
import { studentPhotos, students } from '../tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { reencodePictureOffLoop } from '../../platform/reencode-picture.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
type PhotoType = (typeof PHOTO_TYPES)[number];

/** Largest side of a photo: a phone camera's is about 4,000 px; a 20,000 px PNG of a few KB would take gigabytes to decode. */
const MAX_SIDE = 4096;

/** The picture type and size the file's own header says (read by image-size), when it is one of PHOTO_TYPES. */
function pictureOf(data: Buffer): { type: string; width: number; height: number } | undefined {
  try {
    const size = imageSize(data);
    const type = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }[size.type ?? ''];
    return type ? { type, width: size.width, height: size.height } : undefined;
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
  const { studentId, schoolId, contentType } = input;
  if (contentType === 'image/webp')
    throw errors.badRequest('A WebP photo cannot be checked here; send it as a JPEG or PNG image.');
  if (!(PHOTO_TYPES as readonly string[]).includes(contentType))
    throw errors.badRequest(`A photo must be sent as ${PHOTO_TYPES.join(' or ')}.`);
  if (input.data.length === 0) throw errors.badRequest('The photo is empty.');
  // The bytes decide, not the declared type: HTML sent as image/png is not a photo.
  const picture = pictureOf(input.data);
  if (!picture) throw errors.badRequest('The photo is not a JPEG or PNG image.');
  const actual = picture.type;
  if (actual !== contentType)
    throw errors.badRequest(
      `The photo was sent as ${contentType} but is a ${actual.slice('image/'.length).toUpperCase()} image.`,
    );
  if (Math.max(picture.width, picture.height) > MAX_SIDE)
    throw errors.badRequest(
      `The photo is ${picture.width}x${picture.height} pixels; each side may be at most ${MAX_SIDE}.`,
    );
  const data = await reencodePictureOffLoop(input.data, { contentType: actual as PhotoType }, 'The photo');
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
