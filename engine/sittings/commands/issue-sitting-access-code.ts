/**
 * Issues (or replaces) a sitting's sitting-wide access code; room codes keep working. A fresh code that
 * clashes with another sitting's is drawn again (32^8 codes: a clash is rare), each draw one transaction.
 */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { newSittingAccessCode } from '../sitting-access-code.ts';
import { sittings } from '../tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface SittingRef {
  sittingId: string;
  /** The sitting's organisation, for the audit row. */
  organisationId: string;
}

export async function issueSittingAccessCode(
  db: Database,
  actor: StaffActor,
  { sittingId, organisationId }: SittingRef,
  context: CommandContext,
): Promise<{ accessCode: string }> {
  for (let attempt = 0; ; attempt++) {
    const accessCode = newSittingAccessCode();
    try {
      await db.transaction(async (tx) => {
        await tx.update(sittings).set({ accessCode }).where(eq(sittings.id, sittingId));
        await appendAudit(tx, {
          actorId: actor.userId,
          actorRole: actor.role,
          action: 'sitting.access_code_issue',
          subjectType: 'sitting',
          subjectId: sittingId,
          organisationId,
          ip: context.ip,
          details: {},
        });
      });
      return { accessCode };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}
