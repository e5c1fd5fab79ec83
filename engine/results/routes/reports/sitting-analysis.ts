/**
 * The inputs of a sitting's item analysis from its final results: one analysis item per item
 * version delivered (not per item ref, which parallel forms may reuse for different items), with
 * the option list and key of single-interaction choice items (from the corrected version after a
 * key correction) and each candidate's chosen options, so distractor analysis runs on real sittings.
 * The flag thresholds are the sitting's own. Items of an adaptive section are analysed apart
 * (grading's analyseSitting: exposure and mean θ, no classical figures), with each candidate's θ
 * from their current result.
 */
import { sql } from 'drizzle-orm';
import {
  analyseSitting,
  type AnalysisCandidate,
  type AnalysisItem,
  type FlagThresholds,
  type SittingAnalysis,
} from '../../../../grading/index.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AssembledForm, FormEntry } from '../../../sittings/form.ts';
import { itemModels } from '../../../delivery/item-sessions.ts';
import type { ItemResponses } from '../../../protocol/candidate.ts';
import type { AssessmentItem } from '../../../../item-bank/index.ts';

/** A stored item outcome of a result, as the reports read it. */
export interface StoredItem {
  score: number;
  maxScore: number;
  weight: number;
  pending: boolean;
  correctedVersionId?: string;
}

export interface AnalysedSession {
  sessionId: string;
  form: AssembledForm;
  items: Record<string, StoredItem>;
}

/** The analysis key of an entry: its delivered item version (one item at one version). */
export const analysisKeyOf = (entry: FormEntry) => entry.itemVersionId;

/** Latest responses of many sessions at once, by session and item ref. */
export async function latestResponsesOf(
  db: Database,
  sessionIds: string[],
): Promise<Map<string, Record<string, ItemResponses>>> {
  const out = new Map<string, Record<string, ItemResponses>>();
  if (!sessionIds.length) return out;
  const rows = rowsOf<{ session_id: string; item_ref: string; value: ItemResponses | string }>(
    await db.execute(sql`
      select distinct on (session_id, item_ref) session_id, item_ref, value
      from responses
      where session_id in (${sql.join(
        sessionIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by session_id, item_ref, client_seq desc`),
  );
  for (const r of rows) {
    const bySession = out.get(r.session_id) ?? {};
    bySession[r.item_ref] = typeof r.value === 'string' ? JSON.parse(r.value) : r.value;
    out.set(r.session_id, bySession);
  }
  return out;
}

/** The adaptive sections' θ of each session's current result, by session and section. */
async function abilitiesOf(db: Database, sessionIds: string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (!sessionIds.length) return out;
  const rows = rowsOf<{ session_id: string; adaptive: { section?: string; theta?: number } | string | null }>(
    await db.execute(sql`
      select distinct on (session_id) session_id, test_outcomes -> 'adaptive' as adaptive
      from session_results
      where session_id in (${sql.join(
        sessionIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by session_id, version desc`),
  );
  for (const r of rows) {
    const a = typeof r.adaptive === 'string' ? JSON.parse(r.adaptive) : r.adaptive;
    if (a?.section && typeof a.theta === 'number') out.set(r.session_id, { [a.section]: a.theta });
  }
  return out;
}

/** Options and key of an item with exactly one choice interaction and a declared correct response. */
function choiceKey(model: AssessmentItem | undefined) {
  // Stand-in models (tests, imports in progress) may lack the lists: no key then.
  const interactions = model?.interactions ?? [];
  const choices = interactions.filter((i) => i.type === 'choiceInteraction');
  if (choices.length !== 1 || interactions.length !== 1) return undefined;
  const interaction = choices[0]!;
  const declaration = (model?.declarations ?? []).find(
    (d) => d.kind === 'response' && d.identifier === interaction.responseIdentifier,
  );
  const key = declaration?.kind === 'response' ? declaration.correctResponse?.map((v) => v.text) : undefined;
  if (!key?.length) return undefined;
  return { responseIdentifier: interaction.responseIdentifier, options: interaction.choices, key };
}

const chosenOf = (value: unknown): string | string[] | null =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.map(String) : String(value);

/** Item analysis of the given final results, with distractors and the sitting's flag thresholds. */
export async function analyseResults(
  db: Database,
  sessions: AnalysedSession[],
  thresholds: Partial<FlagThresholds> | null,
): Promise<{ analysis: SittingAnalysis; titles: Record<string, string> }> {
  const entries = new Map<
    string,
    { entry: FormEntry; maxScore: number; scoredVersion: string; forms: Set<string> }
  >();
  for (const { form, items } of sessions)
    for (const entry of form.entries) {
      const key = analysisKeyOf(entry);
      const known = entries.get(key);
      const stored = items[entry.itemRef];
      entries.set(key, {
        entry,
        maxScore: known?.maxScore ?? stored?.maxScore ?? 1,
        scoredVersion: stored?.correctedVersionId ?? known?.scoredVersion ?? entry.itemVersionId,
        forms: (known?.forms ?? new Set()).add(form.parallelForm?.label ?? ''),
      });
    }
  const models = await itemModels(
    db,
    [...entries.values()].map((e) => e.scoredVersion),
  );
  const keys = new Map([...entries].map(([key, e]) => [key, choiceKey(models.get(e.scoredVersion))]));
  const responses = await latestResponsesOf(
    db,
    [...keys.values()].some(Boolean) ? sessions.map((s) => s.sessionId) : [],
  );
  const items: AnalysisItem[] = [...entries].map(([ref, e]) => {
    const key = keys.get(ref);
    return {
      ref,
      maxScore: e.maxScore,
      ...(key ? { options: key.options, key: key.key } : {}),
      ...(e.entry.adaptive ? { adaptiveSection: e.entry.adaptive.section } : {}),
    };
  });
  const abilities = await abilitiesOf(
    db,
    items.some((i) => i.adaptiveSection) ? sessions.map((s) => s.sessionId) : [],
  );
  const candidates: AnalysisCandidate[] = sessions.map(({ sessionId, form, items: stored }) => {
    const scores: Record<string, number> = {};
    const choices: Record<string, string | string[] | null> = {};
    const answered = responses.get(sessionId) ?? {};
    for (const entry of form.entries) {
      const item = stored[entry.itemRef];
      if (!item) continue;
      const key = analysisKeyOf(entry);
      scores[key] = item.score;
      const choice = keys.get(key);
      if (choice) choices[key] = chosenOf(answered[entry.itemRef]?.[choice.responseIdentifier]);
    }
    const ability = abilities.get(sessionId);
    return { id: sessionId, scores, choices, ...(ability ? { abilities: ability } : {}) };
  });
  // A ref that names different items on different forms is told apart by its form (mã đề).
  const refsSeen = new Map<string, number>();
  for (const e of entries.values()) refsSeen.set(e.entry.itemRef, (refsSeen.get(e.entry.itemRef) ?? 0) + 1);
  const titles = Object.fromEntries(
    [...entries].map(([key, e]) => {
      // An adaptive place's name (CAT-3) is a different item for each candidate: name the pool item.
      const title = e.entry.title || e.entry.adaptive?.poolRef || e.entry.refIdentifier || e.entry.itemRef;
      const forms = [...e.forms].filter(Boolean);
      const shared = (refsSeen.get(e.entry.itemRef) ?? 0) > 1 && forms.length;
      return [key, shared ? `${title} (đề ${forms.join(', ')})` : title];
    }),
  );
  return { analysis: analyseSitting(items, candidates, { thresholds: thresholds ?? {} }), titles };
}
