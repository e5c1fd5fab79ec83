/**
 * Withdraws a bank's share with an organisation, with its audit row (`item_bank.unshare`) in the same
 * transaction; returns false (and writes nothing) when the bank was not shared with it.
 */
import { and, eq } from 'drizzle-orm';
import { itemBankTables } from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CommandContext } from '../../platform/command-context.ts';

const { itemBankShares } = itemBankTables;

export async function unshareItemBank(
  db: Database,
  actor: StaffActor,
  bank: { id: string; organisationId: string },
  organisationId: string,
  context: CommandContext = {},
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(itemBankShares)
      .where(and(eq(itemBankShares.bankId, bank.id), eq(itemBankShares.organisationId, organisationId)))
      .returning();
    if (!gone) return false;
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'item_bank.unshare',
      subjectType: 'item_bank',
      subjectId: bank.id,
      organisationId: bank.organisationId,
      ip: context.ip,
      details: { sharedWith: organisationId, writable: gone.writable },
    });
    return true;
  });
}
