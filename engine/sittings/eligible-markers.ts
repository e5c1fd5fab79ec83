/**
 * Who may join a sitting's marking team: an active user whose role marks (`marking:mark`) and whose
 * scope covers the sitting's organisation, so that `access()` lets them reach the sitting at all.
 * The exam board's list and the check of a submitted team apply this one rule.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { StaffRole } from '../people/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import type { OrganisationRef } from '../people/organisation-ref.ts';
import { roleCan } from '../people/permissions.ts';
import { organisations, users } from '../people/tables.ts';

type RuleBreach = 'user_disabled' | 'role_cannot_mark' | 'outside_organisation';
export type IneligibleReason = 'user_not_found' | RuleBreach;

export interface StaffCandidate {
  userId: string;
  username: string;
  fullName: string;
  staffRole: StaffRole;
  disabled: boolean;
  organisationPath: string;
}

const candidateColumns = {
  userId: users.id,
  username: users.username,
  fullName: users.fullName,
  staffRole: users.role,
  disabled: users.disabled,
  organisationPath: organisations.path,
};

function whyIneligible(user: StaffCandidate, sittingOrg: OrganisationRef): RuleBreach | undefined {
  if (user.disabled) return 'user_disabled';
  if (!roleCan(user.staffRole, 'marking:mark')) return 'role_cannot_mark';
  if (!sittingOrg.path.startsWith(user.organisationPath)) return 'outside_organisation';
  return undefined;
}

/** Every user the exam board could assign to mark a sitting of `sittingOrg`, by name. */
export async function eligibleMarkers(db: Executor, sittingOrg: OrganisationRef) {
  // A scope covers the sitting when the user belongs to the sitting's organisation or one above it.
  const ancestors = sittingOrg.path.split('/').filter(Boolean);
  const rows = await db
    .select(candidateColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(users.organisationId, ancestors))
    .orderBy(asc(users.fullName), asc(users.username));
  return rows
    .filter((u) => !whyIneligible(u, sittingOrg))
    .map(({ userId, username, fullName, staffRole }) => ({ userId, username, fullName, staffRole }));
}

export interface IneligibleMarker {
  userId: string;
  reason: IneligibleReason;
  /** English, naming the user. */
  message: string;
}

/** The users among `userIds` who may not mark a sitting of `sittingOrg`, each with why. */
export async function ineligibleMarkers(
  db: Executor,
  sittingOrg: OrganisationRef,
  userIds: string[],
): Promise<IneligibleMarker[]> {
  if (!userIds.length) return [];
  const found = await db
    .select(candidateColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(users.id, userIds));
  const byId = new Map(found.map((u) => [u.userId, u]));
  const problems: IneligibleMarker[] = [];
  for (const userId of userIds) {
    const user = byId.get(userId);
    if (!user) {
      problems.push({ userId, reason: 'user_not_found', message: `user ${userId} does not exist` });
      continue;
    }
    const reason = whyIneligible(user, sittingOrg);
    if (!reason) continue;
    const who = `${user.fullName} (${user.username})`;
    const why = {
      user_disabled: 'is disabled',
      role_cannot_mark: `is a ${user.staffRole}, a role that does not mark`,
      outside_organisation: `works outside ${sittingOrg.name}`,
    }[reason];
    problems.push({ userId, reason, message: `${who} ${why}` });
  }
  return problems;
}
