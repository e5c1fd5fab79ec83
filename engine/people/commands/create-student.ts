/** Registers a student in a school; the mã định danh is unique across all schools. */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import type { StaffActor } from '../actor.ts';
import type { OrganisationRef } from '../organisation-ref.ts';
import { classes, students } from '../tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface NewStudent {
  school: OrganisationRef;
  nationalId: string;
  fullName: string;
  dateOfBirth: string;
  gender?: 'male' | 'female' | 'other';
  classId?: string;
}

export async function createStudent(
  db: Database,
  actor: StaffActor,
  input: NewStudent,
  context: CommandContext,
): Promise<typeof students.$inferSelect> {
  const { school, ...student } = input;
  if (school.kind !== 'school') throw errors.badRequest('schoolId must name a school.');
  return db.transaction(async (tx) => {
    if (student.classId) {
      const [cls] = await tx.select().from(classes).where(eq(classes.id, student.classId));
      if (!cls || cls.schoolId !== school.id)
        throw errors.badRequest('classId must name a class of the same school.');
    }
    const [clash] = await tx
      .select({ id: students.id })
      .from(students)
      .where(eq(students.nationalId, student.nationalId));
    if (clash) throw errors.conflict(`A student with mã định danh ${student.nationalId} already exists.`);
    const [row] = await tx
      .insert(students)
      .values({ ...student, schoolId: school.id })
      .returning();
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'student.create',
      subjectType: 'student',
      subjectId: row!.id,
      organisationId: school.id,
      ip: context.ip,
    });
    return row!;
  });
}
