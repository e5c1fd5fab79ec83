/**
 * Moves an item through the review workflow (submit, publish, return, retire): the status change
 * and its status event, and the audit row (`item.<action>`), in one transaction. A move the
 * workflow does not allow is refused with 409.
 */
import { changeItemStatus as moveItem, ItemStatusError, type ItemStatus } from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import { refusalDetails } from '../refusal-codes.ts';

export async function changeItemStatus(
  db: Database,
  actor: StaffActor,
  input: {
    itemId: string;
    /** The organisation owning the item's bank, for the audit row. */
    organisationId: string;
    /** The workflow action, named in the audit row as `item.<action>`. */
    action: string;
    to: ItemStatus;
    comment?: string;
  },
  context: CommandContext = {},
): Promise<{ from: ItemStatus; to: ItemStatus }> {
  try {
    return await db.transaction(async (tx) => {
      const moved = await moveItem(tx, input.itemId, input.to, actor.userId, input.comment);
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: `item.${input.action}`,
        subjectType: 'item',
        subjectId: input.itemId,
        organisationId: input.organisationId,
        ip: context.ip,
        details: { ...moved, comment: input.comment },
      });
      return moved;
    });
  } catch (error) {
    if (error instanceof ItemStatusError)
      throw errors.conflict(
        error.message,
        refusalDetails('status_change_refused', { reason: error.message }),
      );
    throw error;
  }
}
