/**
 * Who may watch and act on live candidates: the one rule of proctoring, used by the HTTP routes
 * (`/api/sessions/{id}/...`, `/api/proctoring/snapshots/{id}`) and the `/proctor` namespace alike,
 * so the two transports cannot disagree.
 *
 * - The role must be able to control sessions at all (admin, exam board, proctor).
 * - A proctor acts only in the rooms assigned to them, wherever their organisation sits: being
 *   staff of the district office does not make a proctor a proctor of every school's room.
 * - An exam board or admin acts on anything of a sitting in their organisation subtree, and on a
 *   room they were assigned to as its proctor.
 * - Watching a whole sitting (every room) is for exam boards and admins over the sitting only.
 */
import { and, eq } from 'drizzle-orm';
import { inScope, type StaffActor } from '../people/actor.ts';
import type { Database } from '../platform/db/database.ts';
import { roomProctors, sittingRooms } from '../sittings/tables.ts';
import { errors } from '../platform/errors.ts';
import { isProctorOfSession, organisationOfSession } from '../delivery/session-organisation.ts';
import { organisationOfSitting } from '../sittings/organisation-of-sitting.ts';
import { type OrganisationRef } from '../people/organisation-ref.ts';
import { roleCan } from '../people/permissions.ts';

export type ProctoringAction =
  /** pause, resume, extend, terminate, message, allow a device change */
  | 'session:act'
  /** see a candidate's incident snapshot */
  | 'session:watch'
  /** join one room's live feed */
  | 'room:watch'
  /** join every room of a sitting */
  | 'sitting:watch';

export type ProctoringTarget =
  { sessionId: string } | { sittingId: string; roomId: string } | { sittingId: string; roomId?: undefined };

/** Whether the role may take part in live proctoring at all (the `/proctor` handshake asks this). */
export function mayProctor(actor: StaffActor): boolean {
  return roleCan(actor.role, 'sessions:control');
}

/** Refuses, before anything else is read, a role that takes no part in live proctoring. */
export function assertMayProctor(actor: StaffActor): void {
  if (!mayProctor(actor)) throw errors.forbidden(`The ${actor.role} role may not watch or act on sittings.`);
}

/** Exam boards and admins oversee their subtree; a proctor oversees nothing by organisation alone. */
const oversees = (actor: StaffActor, org: OrganisationRef) =>
  actor.role !== 'proctor' && inScope(actor, org.path);

async function isProctorOfRoom(db: Database, roomId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ roomId: roomProctors.roomId })
    .from(roomProctors)
    .where(and(eq(roomProctors.roomId, roomId), eq(roomProctors.userId, userId)));
  return Boolean(row);
}

/**
 * Throws `forbidden` or `not_found` unless the actor may take the action on the target; returns the
 * organisation the target belongs to (for the audit row).
 */
export async function authorize(
  db: Database,
  actor: StaffActor,
  action: ProctoringAction,
  target: ProctoringTarget,
): Promise<OrganisationRef> {
  assertMayProctor(actor);
  if ('sessionId' in target) {
    const org = await organisationOfSession(db, target.sessionId);
    if (!org) throw errors.notFound('The candidate session');
    if (oversees(actor, org) || (await isProctorOfSession(db, target.sessionId, actor.userId))) return org;
    throw errors.forbidden(
      action === 'session:watch'
        ? "You may not watch this candidate's room."
        : "You are not a proctor of this candidate's room.",
    );
  }
  const org = await organisationOfSitting(db, target.sittingId);
  if (!org) throw errors.notFound('The sitting');
  if (target.roomId === undefined) {
    if (action !== 'sitting:watch' || !oversees(actor, org))
      throw errors.forbidden(`You may not watch every room of ${org.name}.`);
    return org;
  }
  const [room] = await db
    .select({ sittingId: sittingRooms.sittingId })
    .from(sittingRooms)
    .where(eq(sittingRooms.id, target.roomId));
  if (!room || room.sittingId !== target.sittingId) throw errors.notFound('The room');
  if (oversees(actor, org) || (await isProctorOfRoom(db, target.roomId, actor.userId))) return org;
  throw errors.forbidden('You are not a proctor of this room.');
}
