/**
 * Saves an item written in the item editor (already checked and built into QTI and its model):
 * a new item, or a new version of the item being edited (none when nothing changed), with its
 * media, and the audit row (`item.author`), in one transaction. Inside that transaction, with the
 * item's row locked: a new item may not take an identifier the bank already holds (it would have
 * become another item's next version), and an edit must start from the item's current version (a
 * colleague's save in between would otherwise be overwritten without a word).
 */
import { and, eq } from 'drizzle-orm';
import {
  itemBankTables,
  plainText,
  saveItemVersion,
  type AssessmentItem,
  type ItemMetadata,
  type SavedItemVersion,
} from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import { errors } from '../../platform/errors.ts';
import { refusalDetails } from '../refusal-codes.ts';

/** The stored item and version an edit started from; absent for a new item. */
export interface EditBase {
  itemId: string;
  version: number;
}

export async function saveAuthoredItem(
  db: Database,
  actor: StaffActor,
  input: {
    bankId: string;
    /** The organisation owning the bank, for the audit row. */
    organisationId: string;
    model: AssessmentItem;
    qtiXml: string;
    media: Array<{ href: string; contentType: string; data: Uint8Array }>;
    metadata?: Partial<ItemMetadata>;
    basedOn?: EditBase;
  },
  context: CommandContext = {},
): Promise<SavedItemVersion> {
  const { model } = input;
  return db.transaction(async (tx) => {
    const { items } = itemBankTables;
    const [stored] = await tx
      .select({ id: items.id, currentVersion: items.currentVersion })
      .from(items)
      .where(and(eq(items.bankId, input.bankId), eq(items.identifier, model.identifier)))
      .for('update');
    if (stored && stored.id !== input.basedOn?.itemId)
      throw errors.identifierTaken(
        `The bank already holds an item with the identifier ${model.identifier}: open that item to edit it, or give this one another identifier.`,
        { identifier: model.identifier, itemId: stored.id, version: stored.currentVersion },
      );
    if (input.basedOn && !stored)
      throw errors.conflict(
        `The item being edited no longer has the identifier ${model.identifier} in this bank.`,
        refusalDetails('item_identifier_changed', { identifier: model.identifier }),
      );
    if (stored && input.basedOn && stored.currentVersion !== input.basedOn.version)
      throw errors.editedElsewhere(
        `Version ${stored.currentVersion} of ${model.identifier} was saved after you opened version ${input.basedOn.version}: your changes are still in the editor; open the item again to see the other changes before saving.`,
        { identifier: model.identifier, itemId: stored.id, version: stored.currentVersion },
      );
    const result = await saveItemVersion(
      tx,
      input.bankId,
      {
        identifier: model.identifier,
        title: model.title,
        sourceFormat: 'authoring',
        qtiXml: input.qtiXml,
        model,
        text: plainText(model.body.children),
        interactionTypes: [...new Set(model.interactions.map((i) => i.type))],
        media: input.media,
        metadata: { language: 'vi', competencies: [], ...input.metadata },
      },
      actor.userId,
    );
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'item.author',
      subjectType: 'item',
      subjectId: result.itemId,
      organisationId: input.organisationId,
      ip: context.ip,
      details: { identifier: model.identifier, version: result.version, created: result.created },
    });
    return result;
  });
}
