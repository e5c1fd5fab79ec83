/** Who is asking: a staff member with a role, scoped to an organisation and everything below it. */
export const STAFF_ROLES = ['admin', 'exam_board', 'teacher', 'proctor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffActor {
  userId: string;
  username: string;
  role: StaffRole;
  organisationId: string;
  /** The organisation's path (`/dept/office/school/`); the actor's scope is every path under it. */
  scopePath: string;
}

/** True when an organisation (given by its path) lies in the actor's subtree. */
export function inScope(actor: Pick<StaffActor, 'scopePath'>, organisationPath: string): boolean {
  return organisationPath.startsWith(actor.scopePath);
}
