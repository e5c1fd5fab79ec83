/**
 * Item sessions as test-level processing sees them (outcomes after response processing,
 * responses, correctness), built from stored item versions and the latest saved responses, or,
 * for a result, from the item outcomes it settled on (teachers' marks, corrected keys).
 * Compiled items are cached per immutable item version.
 */
import { inArray } from 'drizzle-orm';
import { itemBankTables, type AssessmentItem } from '../../item-bank/index.ts';
import {
  compileItem,
  floatValue,
  valueFromJson,
  ValueError,
  type CompiledItem,
  type ItemSessionResult,
  type QtiValue,
} from '../../grading/index.ts';
import type { Database } from '../platform/db/database.ts';
import type { ItemResponses } from '../protocol/candidate.ts';
import type { FormEntry } from '../sittings/form.ts';

const models = new Map<string, AssessmentItem>();
const compiled = new Map<string, CompiledItem>();

/** Item models by version id (immutable, so cached for the process). */
export async function itemModels(
  db: Pick<Database, 'select'>,
  versionIds: string[],
): Promise<Map<string, AssessmentItem>> {
  const missing = [...new Set(versionIds)].filter((id) => !models.has(id));
  if (missing.length) {
    if (models.size > 20_000) models.clear();
    const rows = await db
      .select({ id: itemBankTables.itemVersions.id, model: itemBankTables.itemVersions.model })
      .from(itemBankTables.itemVersions)
      .where(inArray(itemBankTables.itemVersions.id, missing));
    for (const r of rows) models.set(r.id, r.model as AssessmentItem);
  }
  return new Map(versionIds.flatMap((id) => (models.has(id) ? [[id, models.get(id)!] as const] : [])));
}

export function compiledItem(versionId: string, model: AssessmentItem): CompiledItem {
  let c = compiled.get(versionId);
  if (!c) {
    if (compiled.size > 20_000) compiled.clear();
    compiled.set(versionId, (c = compileItem(model)));
  }
  return c;
}

/** Responses in their typed forms; a value that is not of its type is no answer. */
export function typedResponses(item: CompiledItem, responses: ItemResponses | undefined) {
  const typed = new Map<string, QtiValue>();
  for (const [id, json] of Object.entries(responses ?? {})) {
    const d = item.declarations.get(id);
    if (d?.kind !== 'response') continue;
    try {
      typed.set(id, valueFromJson(json, d.baseType, d.cardinality));
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      typed.set(id, null);
    }
  }
  return typed;
}

/** What a result settled on, for test-level processing to see instead of a fresh scoring. */
export interface SettledItems {
  /** The item version scored for an entry (a key correction's version), when not the delivered one. */
  versionOf?: (entry: FormEntry) => string;
  /** Item outcomes in their JSON forms by item ref: marked SCOREs, code grading, corrected keys. */
  outcomes?: Record<string, Record<string, unknown>>;
}

/**
 * Outcomes in their typed forms: the settled JSON values over the item's own processing (so
 * variables the result does not carry keep their processed values). A teacher's half mark on an
 * integer SCORE stays a half mark (a float), not a refused value.
 */
function settledOutcomes(
  item: CompiledItem,
  processed: Map<string, QtiValue>,
  json: Record<string, unknown>,
) {
  const typed = new Map(processed);
  for (const [id, value] of Object.entries(json)) {
    const d = item.declarations.get(id);
    if (d?.kind !== 'outcome') continue;
    try {
      typed.set(id, valueFromJson(value, d.baseType, d.cardinality));
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      typed.set(id, typeof value === 'number' ? floatValue(value) : null);
    }
  }
  return typed;
}

/**
 * The item sessions of the given entries, scored with their latest responses; with `settled`,
 * scored against the corrected item versions and carrying the result's final item outcomes.
 */
export async function itemSessionResults(
  db: Pick<Database, 'select'>,
  entries: FormEntry[],
  latest: Record<string, { responses: ItemResponses }>,
  seed: number,
  settled: SettledItems = {},
): Promise<ItemSessionResult[]> {
  const versionOf = (e: FormEntry) => settled.versionOf?.(e) ?? e.itemVersionId;
  const byVersion = await itemModels(db, entries.map(versionOf));
  return entries.flatMap((entry) => {
    const versionId = versionOf(entry);
    const model = byVersion.get(versionId);
    if (!model) return [];
    const item = compiledItem(versionId, model);
    const responses = typedResponses(item, latest[entry.itemRef]?.responses);
    const processed = item.score(responses, seed);
    const final = settled.outcomes?.[entry.itemRef];
    const session: ItemSessionResult = {
      itemRef: entry.refIdentifier ?? entry.itemRef,
      outcomes: final ? settledOutcomes(item, processed, final) : processed,
      responses,
      declarations: item.declarations,
      correct: item.isCorrect(responses),
    };
    return [session];
  });
}
