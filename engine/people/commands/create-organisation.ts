/** Creates a district office (Phòng) or school (Trường) under an organisation, extending the tree's paths. */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import type { StaffActor } from '../actor.ts';
import type { OrganisationRef } from '../organisation-ref.ts';
import { organisations } from '../tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface NewOrganisation {
  parent: OrganisationRef;
  kind: 'district_office' | 'school';
  name: string;
  code?: string;
}

const ALLOWED_PARENTS: Record<NewOrganisation['kind'], readonly OrganisationRef['kind'][]> = {
  district_office: ['department'],
  school: ['district_office', 'department'],
};

export async function createOrganisation(
  db: Database,
  actor: StaffActor,
  input: NewOrganisation,
  context: CommandContext,
): Promise<typeof organisations.$inferSelect> {
  const { parent, kind, name, code } = input;
  if (!ALLOWED_PARENTS[kind].includes(parent.kind)) {
    throw errors.badRequest(`A ${kind} cannot be placed under a ${parent.kind}.`);
  }
  return db.transaction(async (tx) => {
    if (code) {
      const [clash] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.code, code));
      if (clash) throw errors.conflict(`The code ${code} is already used by another organisation.`);
    }
    const id = crypto.randomUUID();
    const [row] = await tx
      .insert(organisations)
      .values({ id, kind, name, code, parentId: parent.id, path: `${parent.path}${id}/` })
      .returning();
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'organisation.create',
      subjectType: 'organisation',
      subjectId: id,
      organisationId: id,
      ip: context.ip,
      details: { kind, name, parentId: parent.id },
    });
    return row!;
  });
}
