/**
 * What a marker reads of an item: its title, its prompt as plain text (paragraph breaks kept,
 * interactions and feedback left out) and which interaction each response came from. Read from
 * the item versions the sitting delivered, one query for all of them.
 */
import { inArray } from 'drizzle-orm';
import {
  itemBankTables,
  scorerRubricText,
  type AssessmentItem,
  type ContentNode,
} from '../../../../item-bank/index.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { SessionToMark } from '../../sitting-marking.ts';

export interface ItemForMarker {
  itemRef: string;
  title: string;
  prompt: string;
  /** The item's own guidance for scorers (rubricBlock view="scorer") as text, one paragraph a line. */
  scorerRubric: string | null;
  interactions: { responseIdentifier: string; type: string }[];
}

const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'prompt',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'blockquote',
  'pre',
]);
// Answer areas and anything meant for scorers or feedback are not part of the question text.
const SKIPPED = new Set(['feedbackInline', 'feedbackBlock', 'modalFeedback', 'rubricBlock', 'templateBlock']);

/** The visible text of an item body with a line break after each block. */
export function promptText(nodes: ContentNode[]): string {
  let out = '';
  const visit = (list: ContentNode[]) => {
    for (const n of list) {
      if (n.kind === 'text') out += n.text.replace(/\s+/g, ' ');
      else if (n.name === 'br') out += '\n';
      else if (SKIPPED.has(n.name)) continue;
      else if (n.ns === 'qti' && n.name.endsWith('Interaction')) {
        // The interaction's own prompt is part of the question; its choices are not marked here.
        visit(n.children.filter((c) => c.kind === 'element' && c.name === 'prompt'));
      } else {
        visit(n.children);
        if (BLOCKS.has(n.name)) out += '\n';
      }
    }
  };
  visit(nodes);
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** The delivered version of each of `refs`, as the first session that got the item saw it. */
export async function itemsForMarker(
  db: Database,
  sessions: SessionToMark[],
  refs: string[],
): Promise<Map<string, ItemForMarker>> {
  const versionOf = new Map<string, string>();
  for (const s of sessions)
    for (const e of s.form.entries)
      if (refs.includes(e.itemRef) && !versionOf.has(e.itemRef)) versionOf.set(e.itemRef, e.itemVersionId);
  const ids = [...new Set(versionOf.values())];
  const { itemVersions } = itemBankTables;
  const rows = ids.length
    ? await db
        .select({ id: itemVersions.id, model: itemVersions.model })
        .from(itemVersions)
        .where(inArray(itemVersions.id, ids))
    : [];
  const models = new Map(rows.map((r) => [r.id, r.model as AssessmentItem]));
  const items = new Map<string, ItemForMarker>();
  for (const ref of refs) {
    const model = models.get(versionOf.get(ref) ?? '');
    items.set(ref, {
      itemRef: ref,
      title: model?.title || ref,
      prompt: promptText(model?.body?.children ?? []),
      scorerRubric: model ? scorerRubricText(model) : null,
      interactions: (model?.interactions ?? []).map((i) => ({
        responseIdentifier: i.responseIdentifier,
        type: i.type,
      })),
    });
  }
  return items;
}
