/** Edits a student's details; a new class must belong to the student's school. */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import type { StaffActor } from '../actor.ts';
import { classes, students } from '../tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface StudentChanges {
  fullName?: string;
  dateOfBirth?: string;
  gender?: 'male' | 'female' | 'other' | null;
  classId?: string | null;
}

export interface UpdateStudentInput {
  studentId: string;
  /** The student's school, as resolved by the scope check. */
  schoolId: string;
  changes: StudentChanges;
}

export async function updateStudent(
  db: Database,
  actor: StaffActor,
  input: UpdateStudentInput,
  context: CommandContext,
): Promise<typeof students.$inferSelect> {
  const { studentId, schoolId, changes } = input;
  return db.transaction(async (tx) => {
    if (changes.classId) {
      const [cls] = await tx.select().from(classes).where(eq(classes.id, changes.classId));
      if (!cls || cls.schoolId !== schoolId)
        throw errors.badRequest('classId must name a class of the same school.');
    }
    const [row] = await tx
      .update(students)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(students.id, studentId))
      .returning();
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'student.update',
      subjectType: 'student',
      subjectId: studentId,
      organisationId: schoolId,
      ip: context.ip,
      details: { fields: Object.keys(changes) },
    });
    return row!;
  });
}
