/**
 * Pretest items seeded into live forms (issue 23): a sitting's inline form (linear or adaptive)
 * may name uncalibrated bank items and a rate (one pretest item in every run of N operational
 * items, or k per form). Each candidate's form gets that many of them, chosen and placed by the
 * session's seed (so `assembleForm(spec, seed)` rebuilds the same form): delivered like any item,
 * answered, stored and scored by QTI processing, so `npm run calibrate -- --sitting` gives them
 * parameters, but never counted (`isPretest`, the one rule). Nothing the candidate receives marks
 * them: a pretest item takes the section, title shape, control and, in an adaptive section, the
 * place name (`<section>-<n>`) of the operational item it stands before.
 */
import { z } from 'zod';
import { seededRandom, shuffled } from './seeded-random.ts';
import type { AssembledForm, FormEntry, FormScope } from './form.ts';

export const PRETEST_CATEGORY = 'pretest';

export const PretestRate = z.discriminatedUnion('kind', [
  /** One pretest item in every run of `operational` operational items (floor(planned / operational) in all). */
  z.object({ kind: z.literal('every'), operational: z.number().int().min(1).max(500) }),
  /** `count` pretest items in every form. */
  z.object({ kind: z.literal('per-form'), count: z.number().int().min(1).max(100) }),
]);
export type PretestRate = z.output<typeof PretestRate>;

export const PretestItemSpec = z.object({
  itemRef: z.string().min(1).max(200),
  itemVersionId: z.uuid(),
  title: z.string().default(''),
});

export const PretestSpec = z.object({
  /** The pretest pool: each form draws its pretest items from these. */
  items: z.array(PretestItemSpec).min(1).max(200),
  rate: PretestRate,
});
export type PretestSpec = z.output<typeof PretestSpec>;

/**
 * The one rule: a pretest item (category `pretest`, on a seeded entry, on the sitting's form item
 * or on a QTI assessmentItemRef) is scored and kept for calibration, but counts in no score, maximum,
 * total, ability, report or e-records payload. Scoring, the grade book and the PDF report all ask this.
 */
export const isPretest = (entry: { categories?: string[] }): boolean =>
  entry.categories?.some((c) => c.toLowerCase() === PRETEST_CATEGORY) ?? false;

/** How many pretest items a form of `operational` operational items gets. */
export function pretestCount(spec: PretestSpec, operational: number): number {
  const wanted =
    spec.rate.kind === 'every' ? Math.floor(operational / spec.rate.operational) : spec.rate.count;
  return operational > 0 ? Math.max(0, Math.min(wanted, spec.items.length)) : 0;
}

/** The pretest generator of a session: its seed mixed with a salt, apart from the form's own draws. */
function pretestRandom(seed: number): () => number {
  let h = seed >>> 0;
  for (const ch of PRETEST_CATEGORY) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return seededRandom(h);
}

/**
 * The gaps (operational index the pretest item stands before) of `count` pretest items among
 * `operational` items: with a rate of one in N, one in each run of N; with k per form, k distinct
 * gaps when there are enough.
 */
function gapsOf(spec: PretestSpec, count: number, operational: number, random: () => number): number[] {
  if (spec.rate.kind === 'every') {
    const n = spec.rate.operational;
    return Array.from({ length: count }, (_, j) => j * n + Math.floor(random() * n));
  }
  const all = shuffled(
    Array.from({ length: operational }, (_, i) => i),
    random,
  );
  return Array.from({ length: count }, (_, i) => all[i % all.length]!);
}

/** A range [start, end) of operational indexes in the form with the pretest items inserted. */
function shiftRange<T extends { start: number; end: number }>(range: T, before: (i: number) => number): T {
  // Items inserted before an operational index belong to the ranges that hold that index.
  return { ...range, start: range.start + before(range.start), end: range.end + before(range.end) };
}

/** The assembled form with the session's pretest items placed among the operational ones. */
export function placePretestItems(form: AssembledForm, spec: PretestSpec, seed: number): AssembledForm {
  const operational = form.entries.length;
  const count = pretestCount(spec, operational);
  if (!count) return form;
  const random = pretestRandom(seed);
  const chosen = shuffled(spec.items, random).slice(0, count);
  const gaps = gapsOf(spec, count, operational, random);
  const at = new Map<number, typeof chosen>();
  chosen.forEach((item, i) => at.set(gaps[i]!, [...(at.get(gaps[i]!) ?? []), item]));
  // before(i): pretest items placed before operational index i.
  const before = (i: number) => gaps.filter((g) => g < i).length;

  const entries: FormEntry[] = [];
  form.entries.forEach((next, i) => {
    for (const item of at.get(i) ?? [])
      entries.push({
        position: 0,
        itemRef: item.itemRef,
        refIdentifier: item.itemRef,
        itemVersionId: item.itemVersionId,
        sectionIdentifier: next.sectionIdentifier,
        sectionTitle: next.sectionTitle,
        ...(next.sectionPath ? { sectionPath: next.sectionPath } : {}),
        ...(next.partIdentifier ? { partIdentifier: next.partIdentifier } : {}),
        // Adaptive places show no title, so neither does a pretest item among them.
        title: next.adaptive ? '' : item.title,
        weight: 1,
        categories: [PRETEST_CATEGORY],
        ...(next.control ? { control: next.control } : {}),
      });
    entries.push(next);
  });
  // An adaptive section names its places by order (`CAT-1`, `CAT-2`, ...): a pretest item among them
  // takes the name of its place, like the CAT's items, and keeps its own ref as refIdentifier.
  const adaptiveSections = new Set(form.entries.flatMap((e) => (e.adaptive ? [e.adaptive.section] : [])));
  const placeNumber = new Map<string, number>();
  const renamed = entries.map((e, position) => {
    const section = adaptiveSections.has(e.sectionIdentifier) ? e.sectionIdentifier : undefined;
    if (!section) return { ...e, position };
    const n = (placeNumber.get(section) ?? 0) + 1;
    placeNumber.set(section, n);
    return { ...e, position, itemRef: `${section}-${n}` };
  });
  const scopes = form.scopes?.map((s): FormScope =>
    s.kind === 'item'
      ? { ...s, start: s.start + before(s.start + 1), end: s.start + before(s.start + 1) + 1 }
      : shiftRange(s, before),
  );
  return {
    ...form,
    entries: renamed,
    ...(form.parts ? { parts: form.parts.map((p) => shiftRange(p, before)) } : {}),
    ...(scopes ? { scopes } : {}),
  };
}
