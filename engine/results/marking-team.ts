/**
 * Who may mark a sitting. A sitting without an assigned marking team is marked as before: by any
 * role with `marking:mark` whose scope covers it (checked by `access()`). Once the exam board
 * assigns a team (`sitting_markers`), only its members mark; a `moderator` member also decides
 * between two marks too far apart. Exam board and admin roles keep moderating without being assigned,
 * since they answer for the sitting's results.
 */
import { and, eq, exists, not, or, sql, type SQL } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { MarkRole } from '../../grading/index.ts';
import type { StaffActor } from '../people/actor.ts';
import type { Database } from '../platform/db/database.ts';
import { sittingMarkers, sittings } from '../sittings/tables.ts';
import { errors } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http/env.ts';
import { roleCan } from '../people/permissions.ts';

/** What one actor may do in the marking of one sitting. */
export interface MarkingRights {
  /** Give first and second marks. */
  mark: boolean;
  /** Give the moderator's mark that settles two marks too far apart. */
  moderate: boolean;
}

export type MarkingTeamEnv = AppEnv & { Variables: { markingRights: MarkingRights } };

export async function markingRightsOf(
  db: Database,
  actor: StaffActor,
  sittingId: string,
): Promise<MarkingRights> {
  const roleMarks = roleCan(actor.role, 'marking:mark');
  const roleModerates = roleCan(actor.role, 'marking:moderate');
  const team = await db
    .select({ userId: sittingMarkers.userId, role: sittingMarkers.role })
    .from(sittingMarkers)
    .where(eq(sittingMarkers.sittingId, sittingId));
  if (!team.length) return { mark: roleMarks, moderate: roleModerates };
  const member = team.find((m) => m.userId === actor.userId);
  return {
    mark: roleMarks && member !== undefined,
    moderate: roleModerates || (roleMarks && member?.role === 'moderator'),
  };
}

/** Whether a mark in `role` is one these rights allow (a moderator's mark needs `moderate` only). */
export function mayGiveMark(rights: MarkingRights, role: MarkRole): boolean {
  return role === 'moderator' ? rights.moderate : rights.mark;
}

export function notAssignedMarker() {
  return errors.forbidden('Only the marking team the exam board assigned may mark this sitting.', {
    reason: 'not_assigned_marker',
  });
}

/**
 * A condition on `sittings` for list queries: the sittings this actor may mark or moderate under the
 * rule above (scope is filtered separately). Undefined when the role moderates everywhere in scope.
 */
export function markingTeamAdmits(db: Database, actor: StaffActor): SQL | undefined {
  if (roleCan(actor.role, 'marking:moderate')) return undefined;
  const teamOf = (extra?: SQL) =>
    db
      .select({ one: sql`1` })
      .from(sittingMarkers)
      .where(and(eq(sittingMarkers.sittingId, sittings.id), extra));
  return or(not(exists(teamOf())), exists(teamOf(eq(sittingMarkers.userId, actor.userId))));
}

/**
 * Middleware after `access('marking:mark', sittingTarget())`: refuses (403, `not_assigned_marker`)
 * an actor the sitting's marking team leaves out, and hands the handler their rights.
 */
export function markingTeam(): MiddlewareHandler<MarkingTeamEnv> {
  return async function markingTeamCheck(c, next) {
    const rights = await markingRightsOf(c.var.deps.db, c.var.actor, c.req.param('id')!);
    if (!rights.mark && !rights.moderate) throw notAssignedMarker();
    c.set('markingRights', rights);
    await next();
  };
}
