/**
 * Creates an item bank owned by an organisation, refusing a second bank of the same name there,
 * with its audit row (`item_bank.create`) in the same transaction. The HTTP route and the
 * `npm run qti -- import` CLI (for a bank it has to create) both call this.
 */
import { and, eq } from 'drizzle-orm';
import { itemBankTables } from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import { refusalDetails } from '../refusal-codes.ts';

const { itemBanks } = itemBankTables;

export type ItemBankRow = typeof itemBanks.$inferSelect;

export async function createItemBank(
  db: Database,
  actor: StaffActor,
  /** The owner; its name is used in the refusal when the name is taken. */
  organisation: { id: string; name: string },
  input: { name: string; subject?: string; description?: string },
  context: CommandContext = {},
): Promise<ItemBankRow> {
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: itemBanks.id })
      .from(itemBanks)
      .where(and(eq(itemBanks.organisationId, organisation.id), eq(itemBanks.name, input.name)));
    if (clash)
      throw errors.conflict(
        `${organisation.name} đã có ngân hàng tên “${input.name}”. Hãy đặt tên khác.`,
        refusalDetails('bank_name_taken', { name: input.name, organisation: organisation.name }),
      );
    const [row] = await tx
      .insert(itemBanks)
      .values({ ...input, organisationId: organisation.id, createdBy: actor.userId })
      .returning();
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'item_bank.create',
      subjectType: 'item_bank',
      subjectId: row!.id,
      organisationId: organisation.id,
      ip: context.ip,
      details: { name: input.name, ...(input.subject ? { subject: input.subject } : {}) },
    });
    return row!;
  });
}
