/**
 * Builds a sitting's FormSpec from a stored QTI assessmentTest (the item bank's test model and
 * its itemRef -> item version map, resolved at import): testParts with their modes, nested
 * sections with selection and ordering, itemRef weights and categories, and itemSessionControl,
 * timeLimits, preConditions and branchRules at every level, as written.
 */
import type {
  AssessmentTest,
  ItemRef,
  ItemSessionControl,
  ProcessingNode,
  Section,
  SectionRef,
  TimeLimits,
} from '../../item-bank/index.ts';
import { FormSpec, type ExpressionNode, type FormItemSpec, type SectionSpec } from './form.ts';

export class TestFormError extends Error {}

/** Processing nodes without their source locations: smaller, and all delivery needs. */
function expression(node: ProcessingNode): ExpressionNode {
  return {
    name: node.name,
    attributes: node.attributes,
    children: node.children.map(expression),
    ...(node.text === undefined ? {} : { text: node.text }),
  };
}

function control(c: ItemSessionControl | undefined) {
  if (!c) return undefined;
  const { allowComment: _ignored, ...rest } = c;
  return rest;
}

const limits = (t: TimeLimits | undefined) => (t ? { ...t } : undefined);

function common(level: Pick<ItemRef, 'preConditions' | 'branchRules' | 'itemSessionControl' | 'timeLimits'>) {
  return {
    itemSessionControl: control(level.itemSessionControl),
    timeLimits: limits(level.timeLimits),
    preConditions: level.preConditions.map(expression),
    branchRules: level.branchRules.map((r) => ({ target: r.target, expression: expression(r.expression) })),
  };
}

export interface TestFormSource {
  testId: string;
  testVersionId: string;
  version: number;
  model: AssessmentTest;
  /** itemRef identifier -> item version id. */
  itemVersionIds: Record<string, string>;
  /** item version id -> title shown in the form. */
  titles?: Record<string, string>;
}

export function formSpecFromTest(source: TestFormSource): FormSpec {
  const { model } = source;
  const item = (ref: ItemRef): FormItemSpec => {
    const itemVersionId = source.itemVersionIds[ref.identifier];
    if (!itemVersionId) throw new TestFormError(`itemRef ${ref.identifier} has no stored item version.`);
    return {
      itemRef: ref.identifier,
      itemVersionId,
      title: source.titles?.[itemVersionId] ?? '',
      fixed: ref.fixed,
      required: ref.required,
      weight: 1,
      weights: Object.fromEntries(ref.weights.map((w) => [w.identifier, w.value])),
      categories: ref.categories,
      ...common(ref),
    };
  };
  const section = (s: Section | SectionRef): SectionSpec => {
    if (s.kind === 'sectionRef')
      throw new TestFormError(`section ${s.identifier} is a reference to ${s.href}, which is not supported.`);
    const items = s.parts.map((p) => (p.kind === 'itemRef' ? item(p) : section(p)));
    if (!items.length) throw new TestFormError(`section ${s.identifier} holds no items.`);
    return {
      identifier: s.identifier,
      title: s.title,
      select: s.selection?.select,
      withReplacement: s.selection?.withReplacement ?? false,
      shuffle: s.ordering?.shuffle ?? false,
      fixed: s.fixed,
      required: s.required,
      ...common(s),
      items,
    };
  };
  const parsed = FormSpec.safeParse({
    testParts: model.testParts.map((p) => ({
      identifier: p.identifier,
      navigationMode: p.navigationMode,
      submissionMode: p.submissionMode,
      ...common(p),
      sections: p.sections.map(section),
    })),
    timeLimits: limits(model.timeLimits),
    source: { testId: source.testId, testVersionId: source.testVersionId, version: source.version },
    outcomes: {
      identifier: model.identifier,
      declarations: model.outcomeDeclarations,
      outcomeProcessing: model.outcomeProcessing ?? [],
    },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TestFormError(`the test cannot be delivered: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
