/** Creates a class (lớp) in a school; a school year holds one class of each name. */
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import type { StaffActor } from '../actor.ts';
import type { OrganisationRef } from '../organisation-ref.ts';
import { classes } from '../tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface NewClass {
  school: OrganisationRef;
  name: string;
  grade: string;
  schoolYear: string;
}

export async function createClass(
  db: Database,
  actor: StaffActor,
  input: NewClass,
  context: CommandContext,
): Promise<typeof classes.$inferSelect> {
  const { school, name, grade, schoolYear } = input;
  if (school.kind !== 'school')
    throw errors.badRequest('Classes belong to schools; schoolId names a school.');
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: classes.id })
      .from(classes)
      .where(
        and(eq(classes.schoolId, school.id), eq(classes.schoolYear, schoolYear), eq(classes.name, name)),
      );
    if (clash) throw errors.conflict(`Class ${name} already exists for ${schoolYear}.`);
    const [row] = await tx
      .insert(classes)
      .values({ schoolId: school.id, name, grade, schoolYear })
      .returning();
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'class.create',
      subjectType: 'class',
      subjectId: row!.id,
      organisationId: school.id,
      ip: context.ip,
      details: { name, schoolYear },
    });
    return row!;
  });
}
