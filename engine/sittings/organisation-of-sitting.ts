/** The organisation that runs a sitting, for scope checks, and the access target of routes on a sitting. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { resolver, type Source, type TargetResolver } from '../people/access.ts';
import { isUuid, refColumns, type OrganisationRef } from '../people/organisation-ref.ts';
import { organisations } from '../people/tables.ts';
import { sittings } from './tables.ts';

export async function organisationOfSitting(
  db: Executor,
  sittingId: unknown,
): Promise<OrganisationRef | undefined> {
  if (!isUuid(sittingId)) return undefined;
  const [row] = await db
    .select(refColumns)
    .from(sittings)
    .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
    .where(eq(sittings.id, sittingId));
  return row;
}

/** `access(permission, sittingTarget())`: the sitting named by the request, scope-checked by `access()`. */
export const sittingTarget = (field = 'id', source: Source = 'param', required = true): TargetResolver =>
  resolver('The sitting', (c, id) => organisationOfSitting(c.var.deps.db, id), source, field, required);
