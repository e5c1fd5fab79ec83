/**
 * Shares an item bank with another organisation (read-only or writable), or changes an existing share's
 * level, with its audit row (`item_bank.share`) in the same transaction. Who may share is the bank rule's
 * (`mayShareBank` in policy.ts), checked by the route before this runs.
 */
import { sql } from 'drizzle-orm';
import { itemBankTables } from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CommandContext } from '../../platform/command-context.ts';

const { itemBankShares } = itemBankTables;

export type ItemBankShareRow = typeof itemBankShares.$inferSelect;

export async function shareItemBank(
  db: Database,
  actor: StaffActor,
  /** The bank and its owner (the audit row belongs to the owner). */
  bank: { id: string; organisationId: string },
  share: { organisationId: string; writable: boolean },
  context: CommandContext = {},
): Promise<ItemBankShareRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(itemBankShares)
      .values({ bankId: bank.id, ...share, sharedBy: actor.userId })
      .onConflictDoUpdate({
        target: [itemBankShares.bankId, itemBankShares.organisationId],
        set: { writable: share.writable, sharedBy: actor.userId, sharedAt: sql`now()` },
      })
      .returning();
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'item_bank.share',
      subjectType: 'item_bank',
      subjectId: bank.id,
      organisationId: bank.organisationId,
      ip: context.ip,
      details: { sharedWith: share.organisationId, writable: share.writable },
    });
    return row!;
  });
}
