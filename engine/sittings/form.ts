/**
 * The delivery form of a sitting (FormSpec) and its per-candidate assembly. A FormSpec is either
 * the flat form (sections of item versions with test-wide navigation rules) or a QTI test
 * structure: testParts, each with its own navigation and submission mode, of nested sections
 * with selection and ordering, and itemSessionControl, timeLimits, preConditions and
 * branchRules at every level. Every random choice comes from the session's seed, so
 * `assembleForm(spec, seed)` always rebuilds the same form.
 */
import { z } from 'zod';
import { seededRandom, shuffled } from './seeded-random.ts';
import { AdaptiveSpec } from './adaptive-spec.ts';
import { placePretestItems, pretestCount, PretestSpec, PRETEST_CATEGORY } from './pretest.ts';

/** QTI itemSessionControl; an unset field inherits from the enclosing section, part or test. */
export const ItemSessionControlSpec = z.object({
  maxAttempts: z.number().int().min(0).optional(),
  showFeedback: z.boolean().optional(),
  allowReview: z.boolean().optional(),
  showSolution: z.boolean().optional(),
  allowComment: z.boolean().optional(),
  allowSkipping: z.boolean().optional(),
  validateResponses: z.boolean().optional(),
});
export type ItemSessionControlSpec = z.output<typeof ItemSessionControlSpec>;

/** QTI timeLimits, in seconds. */
export const TimeLimitsSpec = z.object({
  minTime: z.number().min(0).optional(),
  maxTime: z.number().positive().optional(),
  allowLateSubmission: z.boolean().default(false),
});
export type TimeLimitsSpec = z.output<typeof TimeLimitsSpec>;

/** A QTI expression in the item bank's processing-node form (name, attributes, children). */
export const ExpressionSpec = z.custom<ExpressionNode>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string',
  { message: 'must be a QTI expression node' },
);
export interface ExpressionNode {
  name: string;
  attributes: Record<string, string>;
  children: ExpressionNode[];
  text?: string;
}

export const BranchRuleSpec = z.object({
  /** An itemRef, section or testPart identifier, or EXIT_TEST, EXIT_TESTPART, EXIT_SECTION. */
  target: z.string().min(1).max(200),
  expression: ExpressionSpec,
});
export type BranchRuleSpec = z.output<typeof BranchRuleSpec>;

/** What every level (testPart, section, itemRef) may carry. */
const levelRules = {
  itemSessionControl: ItemSessionControlSpec.optional(),
  timeLimits: TimeLimitsSpec.optional(),
  preConditions: z.array(ExpressionSpec).default([]),
  branchRules: z.array(BranchRuleSpec).default([]),
};

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
  /** QTI weights by identifier, for `variable weightIdentifier` in outcome processing. */
  weights: z.record(z.string(), z.number()).default({}),
  categories: z.array(z.string()).default([]),
  ...levelRules,
});
export type FormItemSpec = z.output<typeof FormItemSpec>;

export interface SectionSpec {
  identifier: string;
  title: string;
  select?: number;
  withReplacement: boolean;
  shuffle: boolean;
  fixed: boolean;
  required: boolean;
  itemSessionControl?: ItemSessionControlSpec;
  timeLimits?: TimeLimitsSpec;
  preConditions: ExpressionNode[];
  branchRules: BranchRuleSpec[];
  /** An adaptive section: `items` are the pool, the CAT chooses among them (adaptive-spec.ts). */
  adaptive?: AdaptiveSpec;
  /** Item refs and nested sections, in authoring order. */
  items: Array<FormItemSpec | SectionSpec>;
}

export const SectionSpec: z.ZodType<SectionSpec, unknown> = z.lazy(() =>
  z.object({
    identifier: z.string().min(1).max(200),
    title: z.string().default(''),
    /** Pick this many children (QTI selection); all when absent. */
    select: z.number().int().positive().optional(),
    withReplacement: z.boolean().default(false),
    shuffle: z.boolean().default(false),
    fixed: z.boolean().default(false),
    required: z.boolean().default(false),
    ...levelRules,
    adaptive: AdaptiveSpec.optional(),
    items: z.array(z.union([FormItemSpec, SectionSpec])).min(1),
  }),
) as z.ZodType<SectionSpec, unknown>;

export const TestPartSpec = z.object({
  identifier: z.string().min(1).max(200),
  navigationMode: z.enum(['linear', 'nonlinear']).default('nonlinear'),
  submissionMode: z.enum(['individual', 'simultaneous']).default('simultaneous'),
  ...levelRules,
  sections: z.array(SectionSpec).min(1),
});
export type TestPartSpec = z.output<typeof TestPartSpec>;

/** The test's outcome declarations and processing (item-bank processing-node forms), when it has any. */
export const TestOutcomesSpec = z.object({
  identifier: z.string(),
  declarations: z.array(z.unknown()).default([]),
  outcomeProcessing: z.array(z.unknown()).default([]),
});

export const FormSpec = z
  .object({
    navigationMode: z.enum(['linear', 'nonlinear']).default('nonlinear'),
    submissionMode: z.enum(['individual', 'simultaneous']).default('simultaneous'),
    allowReview: z.boolean().default(true),
    allowSkipping: z.boolean().default(true),
    /** Shuffle choices of interactions that allow it (honouring `fixed` choices). */
    shuffleChoices: z.boolean().default(true),
    /** The flat form: one part with the test-wide modes above. */
    sections: z.array(SectionSpec).min(1).optional(),
    /** A QTI test: parts with their own modes (the test-wide modes are then only defaults). */
    testParts: z.array(TestPartSpec).min(1).optional(),
    itemSessionControl: ItemSessionControlSpec.optional(),
    timeLimits: TimeLimitsSpec.optional(),
    /** Set when the form comes from a stored assessmentTest. */
    source: z.object({ testId: z.uuid(), testVersionId: z.uuid(), version: z.number().int() }).optional(),
    outcomes: TestOutcomesSpec.optional(),
    /**
     * Parallel forms (mã đề) of one sitting, each a whole FormSpec; every candidate is assigned one
     * (delivery/parallel-forms.ts). The fields above are then the first form's.
     */
    parallelForms: z
      .array(z.object({ label: z.string().min(1).max(20), spec: z.unknown() }))
      .min(2)
      .max(10)
      .optional(),
    /** Pretest items seeded into each candidate's form at a rate, placed by the session's seed (pretest.ts). */
    pretest: PretestSpec.optional(),
  })
  .refine((s) => Boolean(s.sections) !== Boolean(s.testParts), {
    message: 'needs either sections or testParts',
  })
  .superRefine(adaptiveFormProblems)
  .superRefine(pretestProblems);
export type FormSpec = z.output<typeof FormSpec>;
/** The test-wide navigation of a form without parts of its own. */
export type FormNavigation = Pick<FormSpec, 'navigationMode' | 'submissionMode'>;

/**
 * Where an adaptive section may stand: the last top-level section of a linear flat form, the only
 * one, of plain items (no nested sections), with pool refs the blueprint and enemies name.
 */
function adaptiveFormProblems(
  s: { sections?: SectionSpec[]; testParts?: unknown; navigationMode: string; pretest?: PretestSpec },
  ctx: z.RefinementCtx,
): void {
  const adaptive = (s.sections ?? []).flatMap((x, i) => (x.adaptive ? [i] : []));
  const nested = JSON.stringify(s.testParts ?? []).includes('"adaptive"');
  if (!adaptive.length && !nested) return;
  const issue = (message: string, path: (string | number)[] = ['sections']) =>
    ctx.addIssue({ code: 'custom', message, path });
  if (nested) return issue('an adaptive section belongs in a flat form (sections), not in testParts');
  if (s.navigationMode !== 'linear') return issue('a form with an adaptive section must be linear');
  if (adaptive.length > 1) return issue('a form may hold one adaptive section');
  const index = adaptive[0]!;
  if (index !== s.sections!.length - 1) return issue('the adaptive section must be the last section');
  const section = s.sections![index]!;
  if (section.items.some(isSection))
    return issue('an adaptive section holds items, not sections', ['sections', index, 'items']);
  const refs = new Set(section.items.map((i) => (i as FormItemSpec).itemRef));
  const spec = section.adaptive!;
  if (spec.stop.maxItems > refs.size)
    issue(`stop.maxItems (${spec.stop.maxItems}) is more than the pool's ${refs.size} items`, [
      'sections',
      index,
      'adaptive',
      'stop',
    ]);
  // Pretest items among the CAT's places take place names too (pretest.ts).
  const places = spec.stop.maxItems + (s.pretest?.items.length ?? 0);
  for (let slot = 1; slot <= places; slot++)
    if (refs.has(`${section.identifier}-${slot}`))
      issue(`itemRef ${section.identifier}-${slot} is kept for the adaptive section's places`, [
        'sections',
        index,
        'items',
      ]);
  for (const ref of spec.enemies.flat())
    if (!refs.has(ref))
      issue(`enemies: ${ref} is not an item of the section`, ['sections', index, 'adaptive']);
  for (const ref of Object.keys(spec.parameters))
    if (!refs.has(ref))
      issue(`parameters: ${ref} is not an item of the section`, ['sections', index, 'adaptive']);
}

/**
 * Pretest items are items of their own: refs unique and apart from the operational items' refs
 * (and from an adaptive section's place names), and no item version both operational and pretest.
 */
function pretestProblems(
  s: { sections?: SectionSpec[]; testParts?: TestPartSpec[]; pretest?: PretestSpec; parallelForms?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (!s.pretest || Boolean(s.sections) === Boolean(s.testParts)) return;
  const issue = (message: string) => ctx.addIssue({ code: 'custom', message, path: ['pretest', 'items'] });
  if (s.parallelForms) return issue('pretest items go in a single inline form, not in parallel forms');
  const operational = specItems({ ...s, pretest: undefined } as FormSpec);
  const refs = new Set(operational.map((i) => i.itemRef));
  const versions = new Set(operational.map((i) => i.itemVersionId));
  const adaptive = (s.sections ?? []).filter((x) => x.adaptive).map((x) => `${x.identifier}-`);
  const seen = new Set<string>();
  for (const item of s.pretest.items) {
    if (refs.has(item.itemRef) || seen.has(item.itemRef))
      issue(`itemRef ${item.itemRef} is used twice (pretest items need refs of their own)`);
    if (adaptive.some((prefix) => item.itemRef.startsWith(prefix)))
      issue(`itemRef ${item.itemRef} looks like an adaptive section's place name`);
    if (versions.has(item.itemVersionId)) issue(`item ${item.itemRef} is in the form already (operational)`);
    seen.add(item.itemRef);
  }
}

/** The test parts of a form; a flat form is one part with the test-wide modes. */
export function partsOf(spec: FormSpec): TestPartSpec[] {
  if (spec.testParts) return spec.testParts;
  return [
    {
      identifier: 'P1',
      navigationMode: spec.navigationMode,
      submissionMode: spec.submissionMode,
      preConditions: [],
      branchRules: [],
      sections: spec.sections!,
    },
  ];
}

export const isSection = (x: FormItemSpec | SectionSpec): x is SectionSpec => 'items' in x;

/** Every itemRef of a form spec, depth-first in authoring order, then the pretest pool's. */
export function specItems(spec: FormSpec): FormItemSpec[] {
  const visit = (s: SectionSpec): FormItemSpec[] => s.items.flatMap((c) => (isSection(c) ? visit(c) : [c]));
  const pretest = (spec.pretest?.items ?? []).map((p): FormItemSpec => ({
    ...p,
    fixed: false,
    required: false,
    weight: 1,
    weights: {},
    categories: [PRETEST_CATEGORY],
    preConditions: [],
    branchRules: [],
  }));
  return [...partsOf(spec).flatMap((p) => p.sections.flatMap(visit)), ...pretest];
}

/** The number of items a candidate will see (after selection), for listings and progress. */
export function plannedItemCount(spec: FormSpec): number {
  const operational = plannedOperationalCount(spec);
  return operational + (spec.pretest ? pretestCount(spec.pretest, operational) : 0);
}

function plannedOperationalCount(spec: FormSpec): number {
  const count = (s: SectionSpec): number => {
    if (s.adaptive) return s.adaptive.stop.maxItems;
    const children = s.items.map((c) => (isSection(c) ? count(c) : 1));
    if (s.select === undefined) return children.reduce((a, b) => a + b, 0);
    const avg = children.reduce((a, b) => a + b, 0) / children.length;
    return Math.round(avg * s.select);
  };
  return partsOf(spec).reduce((n, p) => n + p.sections.reduce((m, s) => m + count(s), 0), 0);
}

/** itemSessionControl with every field decided (QTI defaults where nothing says otherwise). */
export interface EffectiveControl {
  /** 0 = unlimited. Counts only in individual submission mode. */
  maxAttempts: number;
  showFeedback: boolean;
  allowReview: boolean;
  showSolution: boolean;
  allowSkipping: boolean;
  validateResponses: boolean;
}

const QTI_DEFAULT_CONTROL: EffectiveControl = {
  maxAttempts: 1,
  showFeedback: false,
  allowReview: true,
  showSolution: false,
  allowSkipping: true,
  validateResponses: false,
};

function inherit(base: EffectiveControl, own: ItemSessionControlSpec | undefined): EffectiveControl {
  if (!own) return base;
  const out = { ...base };
  for (const key of Object.keys(QTI_DEFAULT_CONTROL) as Array<keyof EffectiveControl>) {
    const v = own[key];
    if (v !== undefined) (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

export interface FormEntry {
  position: number;
  /** Unique within the form; with selection with replacement a repeated item gets a suffix (`Q1.2`). */
  itemRef: string;
  /** The itemRef identifier in the test (without the repeat suffix). */
  refIdentifier?: string;
  itemVersionId: string;
  sectionIdentifier: string;
  sectionTitle: string;
  /** Enclosing section identifiers, outermost first (absent in forms assembled before parts existed). */
  sectionPath?: string[];
  partIdentifier?: string;
  title: string;
  weight: number;
  weights?: Record<string, number>;
  categories: string[];
  control?: EffectiveControl;
  /**
   * A place of an adaptive section: the CAT fills `itemVersionId` (empty until then) when the
   * candidate reaches it; places the CAT does not use are dropped from the form when it stops.
   */
  adaptive?: { section: string; slot: number; poolRef?: string };
}

/** A run of form positions [start, end) that is one testPart, section or item, with its rules. */
export interface FormScope {
  /** `test`, `part:P1`, `section:S1`, `item:Q1`: unique within the form. */
  key: string;
  kind: 'test' | 'part' | 'section' | 'item';
  identifier: string;
  start: number;
  end: number;
  /** Milliseconds; absent when the level has no such limit. */
  minMs?: number;
  maxMs?: number;
  allowLateSubmission: boolean;
  preConditions: ExpressionNode[];
  branchRules: BranchRuleSpec[];
}

export interface FormPart {
  identifier: string;
  navigationMode: 'linear' | 'nonlinear';
  submissionMode: 'individual' | 'simultaneous';
  start: number;
  end: number;
}

export interface AssembledForm {
  entries: FormEntry[];
  /** Parts in order (absent in forms assembled before parts existed: one nonlinear part). */
  parts?: FormPart[];
  /** Scopes with time limits or route rules (preConditions, branchRules). */
  scopes?: FormScope[];
  /** The parallel form the candidate was assigned, when the sitting has several. */
  parallelForm?: ParallelFormChoice;
}

export interface ParallelFormChoice {
  /** 0-based, in the sitting's order of forms. */
  index: number;
  label: string;
  /** The stored test the form came from. */
  testId?: string;
}

function selectChildren<T extends { required: boolean }>(
  section: { select?: number; withReplacement: boolean; items: T[] },
  random: () => number,
): T[] {
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

const ms = (seconds: number | undefined) => (seconds === undefined ? undefined : Math.round(seconds * 1000));

function scopeOf(
  kind: FormScope['kind'],
  identifier: string,
  start: number,
  end: number,
  level: { timeLimits?: TimeLimitsSpec; preConditions?: ExpressionNode[]; branchRules?: BranchRuleSpec[] },
): FormScope | undefined {
  const limits = level.timeLimits;
  const hasRules = Boolean(level.preConditions?.length || level.branchRules?.length);
  if (!hasRules && limits?.maxTime === undefined && !limits?.minTime) return undefined;
  return {
    key: kind === 'test' ? 'test' : `${kind}:${identifier}`,
    kind,
    identifier,
    start,
    end,
    ...(limits?.minTime ? { minMs: ms(limits.minTime) } : {}),
    ...(limits?.maxTime !== undefined ? { maxMs: ms(limits.maxTime) } : {}),
    allowLateSubmission: limits?.allowLateSubmission ?? false,
    preConditions: level.preConditions ?? [],
    branchRules: level.branchRules ?? [],
  };
}

export function assembleForm(spec: FormSpec, seed: number): AssembledForm {
  const random = seededRandom(seed);
  const entries: FormEntry[] = [];
  const parts: FormPart[] = [];
  const scopes: FormScope[] = [];
  const seen = new Map<string, number>();
  const testControl = inherit(
    { ...QTI_DEFAULT_CONTROL, allowReview: spec.allowReview, allowSkipping: spec.allowSkipping },
    spec.itemSessionControl,
  );

  for (const part of partsOf(spec)) {
    const partStart = entries.length;
    const partControl = inherit(testControl, part.itemSessionControl);
    const visitSection = (section: SectionSpec, path: SectionSpec[], control: EffectiveControl) => {
      const sectionStart = entries.length;
      const own = inherit(control, section.itemSessionControl);
      if (section.adaptive) {
        // The CAT's places: filled one by one on the server as the candidate answers.
        for (let slot = 1; slot <= section.adaptive.stop.maxItems; slot++) {
          const position = entries.length;
          entries.push({
            position,
            itemRef: `${section.identifier}-${slot}`,
            itemVersionId: '',
            sectionIdentifier: section.identifier,
            sectionTitle: section.title,
            sectionPath: [...path, section].map((s) => s.identifier),
            partIdentifier: part.identifier,
            title: '',
            weight: 1,
            categories: [],
            control: { ...own, allowReview: false },
            adaptive: { section: section.identifier, slot },
          });
        }
        return;
      }
      const picked = orderItems(selectChildren(section, random), section.shuffle, random);
      const repeats = new Map<string, number>();
      for (const child of picked) {
        if (isSection(child)) {
          // A section selected twice (with replacement) is delivered twice under one scope key.
          const n = (repeats.get(child.identifier) ?? 0) + 1;
          repeats.set(child.identifier, n);
          visitSection(child, [...path, section], own);
          continue;
        }
        const n = (seen.get(child.itemRef) ?? 0) + 1;
        seen.set(child.itemRef, n);
        const itemRef = n === 1 ? child.itemRef : `${child.itemRef}.${n}`;
        const position = entries.length;
        entries.push({
          position,
          itemRef,
          refIdentifier: child.itemRef,
          itemVersionId: child.itemVersionId,
          sectionIdentifier: section.identifier,
          sectionTitle: section.title,
          sectionPath: [...path, section].map((s) => s.identifier),
          partIdentifier: part.identifier,
          title: child.title,
          weight: child.weight,
          ...(Object.keys(child.weights).length ? { weights: child.weights } : {}),
          categories: child.categories,
          control: inherit(own, child.itemSessionControl),
        });
        const scope = scopeOf('item', itemRef, position, position + 1, child);
        if (scope) scopes.push(scope);
      }
      const scope = scopeOf('section', section.identifier, sectionStart, entries.length, section);
      if (scope && entries.length > sectionStart && !scopes.some((s) => s.key === scope.key))
        scopes.push(scope);
    };
    for (const section of part.sections) visitSection(section, [], partControl);
    parts.push({
      identifier: part.identifier,
      navigationMode: part.navigationMode,
      submissionMode: part.submissionMode,
      start: partStart,
      end: entries.length,
    });
    const scope = scopeOf('part', part.identifier, partStart, entries.length, part);
    if (scope) scopes.push(scope);
  }
  const testScope = scopeOf('test', 'test', 0, entries.length, { timeLimits: spec.timeLimits });
  if (testScope) scopes.push(testScope);
  const form: AssembledForm = { entries, parts, ...(scopes.length ? { scopes } : {}) };
  // Pretest items draw from their own generator: the operational form is the same with or without them.
  return spec.pretest ? placePretestItems(form, spec.pretest, seed) : form;
}

/** The parts of an assembled form (older forms: one part with the sitting's modes). */
export function formParts(form: AssembledForm, spec?: FormNavigation): FormPart[] {
  if (form.parts?.length) return form.parts;
  return [
    {
      identifier: 'P1',
      navigationMode: spec?.navigationMode ?? 'nonlinear',
      submissionMode: spec?.submissionMode ?? 'simultaneous',
      start: 0,
      end: form.entries.length,
    },
  ];
}

export function partAt(form: AssembledForm, position: number, spec?: FormNavigation): FormPart {
  const parts = formParts(form, spec);
  return parts.find((p) => position >= p.start && position < p.end) ?? parts[parts.length - 1]!;
}

/** The item session control of an entry (older forms: the sitting's test-wide settings). */
export function controlOf(entry: FormEntry, spec?: FormSpec): EffectiveControl {
  return (
    entry.control ?? {
      ...QTI_DEFAULT_CONTROL,
      allowReview: spec?.allowReview ?? true,
      allowSkipping: spec?.allowSkipping ?? true,
    }
  );
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
