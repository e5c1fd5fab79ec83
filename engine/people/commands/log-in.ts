/**
 * Staff sign-in with username and password: throttled per account and address, every attempt
 * audited, and a success opens a new refresh-token family.
 */
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import { decoyPasswordHash, verifyPassword } from '../password.ts';
import { loadStaff, type StaffAccount } from '../staff-account.ts';
import { users } from '../tables.ts';
import { errors } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/http/env.ts';

export interface Credentials {
  username: string;
  password: string;
}

export async function logIn(
  deps: Pick<AppDeps, 'db' | 'tokens' | 'loginThrottle'>,
  credentials: Credentials,
  context: { ip: string },
): Promise<{ staff: StaffAccount; refreshToken: string }> {
  const { db, tokens, loginThrottle } = deps;
  const { username, password } = credentials;
  const { ip } = context;
  const wait = await loginThrottle.retryAfter(username, ip);
  if (wait > 0) throw errors.rateLimited(wait);

  const staff = await loadStaff(db, eq(sql`lower(${users.username})`, username.toLowerCase()));
  const passwordOk = staff
    ? await verifyPassword(staff.user.passwordHash, password)
    : await verifyPassword(await decoyPasswordHash(), password);
  if (!staff || !passwordOk || staff.user.disabled) {
    await loginThrottle.recordFailure(username, ip);
    await db.transaction((tx) =>
      appendAudit(tx, {
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: staff?.user.id,
        organisationId: staff?.org.id,
        ip,
        details: { username },
      }),
    );
    throw errors.invalidCredentials();
  }
  await loginThrottle.recordSuccess(username, ip);
  const refreshToken = await db.transaction(async (tx) => {
    await appendAudit(tx, {
      actorId: staff.user.id,
      actorRole: staff.user.role,
      action: 'auth.login',
      subjectType: 'user',
      subjectId: staff.user.id,
      organisationId: staff.org.id,
      ip,
    });
    return tokens.issueRefreshToken(staff.user.id, undefined, tx);
  });
  return { staff, refreshToken };
}
