/** Staff sign-out: revokes the refresh token. An unknown token is answered the same way, unaudited. */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import { loadStaff } from '../staff-account.ts';
import { users } from '../tables.ts';
import type { AppDeps } from '../../platform/http/env.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export async function logOut(
  deps: Pick<AppDeps, 'db' | 'tokens'>,
  refreshToken: string,
  context: CommandContext,
): Promise<void> {
  const { db, tokens } = deps;
  await db.transaction(async (tx) => {
    const revoked = await tokens.revokeRefreshToken(refreshToken, tx);
    if (!revoked) return;
    const staff = await loadStaff(tx, eq(users.id, revoked.userId));
    await appendAudit(tx, {
      actorId: revoked.userId,
      actorRole: staff?.user.role,
      action: 'auth.logout',
      subjectType: 'user',
      subjectId: revoked.userId,
      organisationId: staff?.org.id,
      ip: context.ip,
    });
  });
}
