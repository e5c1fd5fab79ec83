/** A staff member's account with their organisation, as sign-in and who-am-I need it. */
import { eq, type SQL } from 'drizzle-orm';
import type { StaffActor } from './actor.ts';
import { organisations, users } from './tables.ts';
import type { Executor } from '../platform/db/database.ts';

export async function loadStaff(db: Executor, where: SQL) {
  const [row] = await db
    .select({
      user: users,
      org: {
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        path: organisations.path,
      },
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where);
  return row;
}

export type StaffAccount = NonNullable<Awaited<ReturnType<typeof loadStaff>>>;

export const actorOf = ({ user, org }: StaffAccount): StaffActor => ({
  userId: user.id,
  username: user.username,
  role: user.role,
  organisationId: org.id,
  scopePath: org.path,
});
