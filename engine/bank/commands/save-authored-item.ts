/**
 * Saves an item written in the item editor (already checked and built into QTI and its model):
 * a new item, or a new version of the item with its identifier (none when nothing changed), with
 * its media, and the audit row (`item.author`), in one transaction.
 */
import {
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
  },
  context: CommandContext = {},
): Promise<SavedItemVersion> {
  const { model } = input;
  return db.transaction(async (tx) => {
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
