/** Creates a staff user in an organisation the actor manages (the scope check is the route's `access()`). */
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import type { StaffActor, StaffRole } from '../actor.ts';
import { hashPassword } from '../password.ts';
import { users } from '../tables.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface NewUser {
  username: string;
  fullName: string;
  email?: string;
  role: StaffRole;
  organisationId: string;
  password: string;
}

export async function createUser(
  db: Database,
  actor: StaffActor,
  input: NewUser,
  context: CommandContext,
): Promise<typeof users.$inferSelect> {
  // Hashed before the transaction: argon2 is slow and needs no database.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
    if (clash) throw errors.conflict(`The username ${input.username} is already taken.`);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        fullName: input.fullName,
        email: input.email,
        role: input.role,
        organisationId: input.organisationId,
        passwordHash,
      })
      .returning();
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'user.create',
      subjectType: 'user',
      subjectId: row!.id,
      organisationId: input.organisationId,
      ip: context.ip,
      details: { username: input.username, role: input.role },
    });
    return row!;
  });
}
