/** Sets the roster photo shown for the identity check; photos are stored once per content hash. */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import type { StaffActor } from '../actor.ts';
import { studentPhotos, students } from '../tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

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
