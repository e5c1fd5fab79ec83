/**
 * The delivery form of a sitting (FormSpec: sections of item versions with selection,
 * ordering and navigation rules) and its per-candidate assembly. Every random choice comes
 * from the session's seed, so `assembleForm(spec, seed)` always rebuilds the same form.
 */
import { z } from 'zod';
import { seededRandom, shuffled } from './seeded-random.ts';

export const FormItemSpec = z.object({
  /** The itemRef identifier within the test. */
  itemRef: z.string().min(1).max(200),
  itemVersionId: z.uuid(),
  title: z.string().default(''),
  /** Keeps its place when the section is shuffled. */
  fixed: z.boolean().default(false),
  /** Always selected when the section selects a subset. */
  required: z.boolean().default(false),
  weight: z.number().positive().default(1),
  categories: z.array(z.string()).default([]),
});

export const SectionSpec = z.object({
  identifier: z.string().min(1).max(200),
  title: z.string().default(''),
  /** Pick this many items (QTI selection); all when absent. */
  select: z.number().int().positive().optional(),
  withReplacement: z.boolean().default(false),
  shuffle: z.boolean().default(false),
  items: z.array(FormItemSpec).min(1),
});

export const FormSpec = z.object({
  navigationMode: z.enum(['linear', 'nonlinear']).default('nonlinear'),
  submissionMode: z.enum(['individual', 'simultaneous']).default('simultaneous'),
  allowReview: z.boolean().default(true),
  allowSkipping: z.boolean().default(true),
  /** Shuffle choices of interactions that allow it (honouring `fixed` choices). */
  shuffleChoices: z.boolean().default(true),
  sections: z.array(SectionSpec).min(1),
});
export type FormSpec = z.output<typeof FormSpec>;

export interface FormEntry {
  position: number;
  /** Unique within the form; with selection with replacement a repeated item gets a suffix (`Q1.2`). */
  itemRef: string;
  itemVersionId: string;
  sectionIdentifier: string;
  sectionTitle: string;
  title: string;
  weight: number;
  categories: string[];
}

export interface AssembledForm {
  entries: FormEntry[];
}

function selectItems(section: z.output<typeof SectionSpec>, random: () => number) {
  const count = section.select ?? section.items.length;
  if (section.select === undefined) return section.items;
  if (section.withReplacement) {
    const required = section.items.filter((i) => i.required);
    const picks = [...required];
    while (picks.length < count) picks.push(section.items[Math.floor(random() * section.items.length)]!);
    return picks;
  }
  const required = section.items.filter((i) => i.required);
  const optional = shuffled(
    section.items.filter((i) => !i.required),
    random,
  );
  const chosen = new Set([...required, ...optional.slice(0, Math.max(0, count - required.length))]);
  // Keep authoring order among the chosen; ordering is a separate step.
  return section.items.filter((i) => chosen.has(i));
}

function orderItems<T extends { fixed: boolean }>(list: T[], shuffle: boolean, random: () => number): T[] {
  if (!shuffle) return list;
  const movable = shuffled(
    list.filter((i) => !i.fixed),
    random,
  );
  return list.map((item) => (item.fixed ? item : movable.shift()!));
}

export function assembleForm(spec: FormSpec, seed: number): AssembledForm {
  const random = seededRandom(seed);
  const entries: FormEntry[] = [];
  const seen = new Map<string, number>();
  for (const section of spec.sections) {
    const picked = orderItems(selectItems(section, random), section.shuffle, random);
    for (const item of picked) {
      const n = (seen.get(item.itemRef) ?? 0) + 1;
      seen.set(item.itemRef, n);
      entries.push({
        position: entries.length,
        itemRef: n === 1 ? item.itemRef : `${item.itemRef}.${n}`,
        itemVersionId: item.itemVersionId,
        sectionIdentifier: section.identifier,
        sectionTitle: section.title,
        title: item.title,
        weight: item.weight,
        categories: item.categories,
      });
    }
  }
  return { entries };
}

/** The order of an interaction's choices for one candidate: shuffled, with `fixed` choices in place. */
export function shuffleChoices(
  choices: Array<{ identifier: string; fixed?: boolean }>,
  seed: number,
  salt: string,
): string[] {
  let h = seed >>> 0;
  for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 0x01000193) >>> 0;
  return orderItems(
    choices.map((c) => ({ ...c, fixed: Boolean(c.fixed) })),
    true,
    seededRandom(h),
  ).map((c) => c.identifier);
}
