/**
 * Saves the questions of a confirmed import, or one draft from the editor, as item versions: all
 * in one transaction with one audit row (`item_bank.import` for an import, `item.author` for a
 * draft), so a failure part-way leaves the bank as it was.
 */
import {
  parseItemXml,
  saveItemVersion,
  type ImportedQuestion,
  type ItemMetadata,
  type ItemVersionInput,
} from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface SavedQuestion {
  number: number;
  identifier: string;
  itemId: string;
  version: number;
  created: boolean;
}

/**
 * What the file itself says about a question: Moodle's category path is its topic (unless the
 * teacher sets one for the whole import), its tags are the item's tags.
 */
export function questionMetadata(q: ImportedQuestion): Partial<ItemMetadata> {
  const { category, tags } = q.draft;
  return {
    ...(category?.trim() ? { topic: category.trim().slice(0, 200) } : {}),
    ...(tags?.length ? { tags: [...new Set(tags.map((t) => t.trim().slice(0, 200)).filter(Boolean))] } : {}),
  };
}

const defined = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The item version a question of an import (or the editor) is saved as. */
export function questionVersionInput(
  q: ImportedQuestion,
  props: { sourceFormat: string; filename?: string; metadata?: Partial<ItemMetadata> },
): ItemVersionInput {
  const model = parseItemXml(q.qtiXml!).item!;
  return {
    identifier: q.identifier,
    title: model.title,
    sourceFormat: props.sourceFormat,
    sourceFile: props.filename,
    qtiXml: q.qtiXml!,
    model,
    text: q.text,
    interactionTypes: [...new Set(model.interactions.map((i) => i.type))],
    // What the teacher sets for the whole import wins over what the file says.
    metadata: { language: 'vi', ...questionMetadata(q), ...defined(props.metadata) },
    // Moodle's embedded files (sound, pictures) are stored with the version, under the hrefs the item uses.
    ...(q.media?.length ? { media: q.media } : {}),
  };
}

export async function saveQuestions(
  db: Database,
  actor: StaffActor,
  props: {
    bankId: string;
    /** The organisation owning the bank, for the audit row. */
    organisationId: string;
    questions: ImportedQuestion[];
    sourceFormat: string;
    filename?: string;
    metadata?: Partial<ItemMetadata>;
    /** The audit action: `item_bank.import` or `item.author`. */
    action: 'item_bank.import' | 'item.author';
  },
  context: CommandContext = {},
): Promise<SavedQuestion[]> {
  return db.transaction(async (tx) => {
    const saved: SavedQuestion[] = [];
    for (const q of props.questions) {
      const result = await saveItemVersion(tx, props.bankId, questionVersionInput(q, props), actor.userId);
      saved.push({ number: q.number, identifier: q.identifier, ...result });
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: props.action,
      subjectType: 'item_bank',
      subjectId: props.bankId,
      organisationId: props.organisationId,
      ip: context.ip,
      details: {
        format: props.sourceFormat,
        file: props.filename,
        items: saved.length,
        created: saved.filter((s) => s.created).length,
      },
    });
    return saved;
  });
}
