/**
 * Exchanges a refresh token for a new one in the same family (rotation). A refusal that wrote
 * something (a reused or expired token ends its family; a disabled account's token is spent)
 * commits with its audit entry before the refusal is thrown.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import { loadStaff, type StaffAccount } from '../staff-account.ts';
import { users } from '../tables.ts';
import { errors, type AppError } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/http/env.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export async function refreshSession(
  deps: Pick<AppDeps, 'db' | 'tokens'>,
  refreshToken: string,
  context: CommandContext,
): Promise<{ staff: StaffAccount; refreshToken: string }> {
  const { db, tokens } = deps;
  const outcome = await db.transaction(
    async (tx): Promise<{ staff: StaffAccount; refreshToken: string } | { refused: AppError }> => {
      const spend = await tokens.spendRefreshToken(refreshToken, tx);
      if (!spend.spent) {
        const family = spend.revokedFamily;
        if (family) {
          const owner = await loadStaff(tx, eq(users.id, family.userId));
          await appendAudit(tx, {
            action: 'auth.refresh_family_revoked',
            subjectType: 'user',
            subjectId: family.userId,
            organisationId: owner?.org.id,
            ip: context.ip,
            details: { familyId: family.familyId, reason: family.reason },
          });
        }
        return { refused: errors.invalidToken('The refresh token is invalid, expired or already used.') };
      }
      const staff = await loadStaff(tx, eq(users.id, spend.userId));
      if (!staff || staff.user.disabled) {
        await appendAudit(tx, {
          action: 'auth.refresh_refused',
          subjectType: 'user',
          subjectId: spend.userId,
          organisationId: staff?.org.id,
          ip: context.ip,
          details: { reason: staff ? 'disabled' : 'unknown_user' },
        });
        return { refused: errors.invalidToken('The account is disabled.') };
      }
      const next = await tokens.issueRefreshToken(staff.user.id, spend.familyId, tx);
      await appendAudit(tx, {
        actorId: staff.user.id,
        actorRole: staff.user.role,
        action: 'auth.refresh',
        subjectType: 'user',
        subjectId: staff.user.id,
        organisationId: staff.org.id,
        ip: context.ip,
      });
      return { staff, refreshToken: next };
    },
  );
  if ('refused' in outcome) throw outcome.refused;
  return outcome;
}
