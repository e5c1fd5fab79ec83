/** SQL conditions that keep list queries inside the actor's organisation subtree. */
import { like } from 'drizzle-orm';
import type { StaffActor } from './actor.ts';
import type { OrganisationRef } from './organisation-ref.ts';
import { organisations } from './tables.ts';

/** Organisations under the request's target when one was given (already scope-checked), else under the actor's. */
export function withinSubtree(actor: StaffActor, targetOrg?: OrganisationRef) {
  // Paths are made of UUIDs and slashes, so they hold no LIKE wildcards.
  return like(organisations.path, `${targetOrg?.path ?? actor.scopePath}%`);
}
