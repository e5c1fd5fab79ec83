/**
 * The test-level expressions of outcome processing: numberCorrect, numberIncorrect,
 * numberPresented, numberResponded, numberSelected, testVariables, outcomeMaximum,
 * outcomeMinimum (all with sectionIdentifier / includeCategory / excludeCategory), and
 * `variable` with an `ITEM.VARIABLE` reference and an optional weight.
 */
import type { BaseType, Declaration, ProcessingNode } from '../../item-bank/index.ts';
import { CompileError, type CompileEnv, type Expression, type ScoringState } from '../processing/context.ts';
import { container, float, int, type QtiValue, type Scalar } from '../values/value.ts';
import type { TestItemRef } from './test-model.ts';

/** One item of a candidate's test session, after its response processing. */
export interface ItemSessionResult {
  /** The assessmentItemRef identifier. */
  itemRef: string;
  /** Outcome variables of the item (SCORE...), typed. */
  outcomes: Map<string, QtiValue>;
  /** Response variables as given (for numberResponded, and ITEM.RESPONSE references). */
  responses?: Map<string, QtiValue>;
  /** The item's declarations (normalMaximum / normalMinimum for outcomeMaximum / outcomeMinimum). */
  declarations?: Map<string, Declaration>;
  /** Shown to the candidate; defaults to true. */
  presented?: boolean;
  /** The candidate answered; defaults to "some response is not NULL". */
  responded?: boolean;
  /** Every response matches its correct response; undefined when the item declares none. */
  correct?: boolean;
}

export interface TestContext {
  refs: Map<string, TestItemRef>;
  /** Selected items of this candidate, in route order. */
  sessions: ItemSessionResult[];
}

const ctx = (s: ScoringState) => s.test as TestContext;

function filterOf(node: ProcessingNode) {
  const section = node.attributes.sectionIdentifier;
  const include = node.attributes.includeCategory?.split(/\s+/).filter(Boolean);
  const exclude = node.attributes.excludeCategory?.split(/\s+/).filter(Boolean);
  return (ref: TestItemRef | undefined) => {
    if (!ref) return false;
    if (section && !ref.sections.includes(section)) return false;
    if (include?.length && !include.some((c) => ref.categories.includes(c))) return false;
    if (exclude?.length && exclude.some((c) => ref.categories.includes(c))) return false;
    return true;
  };
}

const isAnswered = (session: ItemSessionResult) =>
  session.responded ??
  [...(session.responses?.values() ?? [])].some(
    (v) => v !== null && !(v.cardinality !== 'single' && v.cardinality !== 'record' && v.values.length === 0),
  );

function counter(node: ProcessingNode, count: (s: ItemSessionResult) => boolean): Expression {
  const keep = filterOf(node);
  return (s) => {
    const { refs, sessions } = ctx(s);
    let n = 0;
    for (const session of sessions) if (keep(refs.get(session.itemRef)) && count(session)) n++;
    return int(n);
  };
}

const weightOf = (ref: TestItemRef, weightId: string | undefined) =>
  weightId === undefined ? 1 : (ref.weights[weightId] ?? 1);

function testVariables(node: ProcessingNode): Expression {
  const keep = filterOf(node);
  const id = node.attributes.variableIdentifier ?? '';
  const weightId = node.attributes.weightIdentifier;
  const wanted = node.attributes.baseType as BaseType | undefined;
  return (s) => {
    const { refs, sessions } = ctx(s);
    const values: Scalar[] = [];
    let baseType: BaseType | undefined = wanted;
    let anyFloat = false;
    for (const session of sessions) {
      const ref = refs.get(session.itemRef);
      if (!keep(ref)) continue;
      const v = session.outcomes.get(id) ?? session.responses?.get(id) ?? null;
      if (v === null || v.cardinality !== 'single') continue;
      if (
        wanted ? v.baseType !== wanted : baseType && v.baseType !== baseType && !numeric(baseType, v.baseType)
      )
        continue;
      baseType ??= v.baseType;
      if (typeof v.value === 'number') {
        const w = weightOf(ref!, weightId);
        if (v.baseType === 'float' || w !== 1) anyFloat = true;
        values.push(v.value * w);
      } else values.push(v.value);
    }
    if (!baseType) return null;
    const type: BaseType = anyFloat && (baseType === 'integer' || baseType === 'float') ? 'float' : baseType;
    return container('multiple', type, values);
  };
}

const numeric = (a: BaseType, b: BaseType) =>
  (a === 'integer' || a === 'float') && (b === 'integer' || b === 'float');

function outcomeBound(node: ProcessingNode, which: 'normalMaximum' | 'normalMinimum'): Expression {
  const keep = filterOf(node);
  const id = node.attributes.outcomeIdentifier ?? '';
  const weightId = node.attributes.weightIdentifier;
  return (s) => {
    const { refs, sessions } = ctx(s);
    const values: number[] = [];
    for (const session of sessions) {
      const ref = refs.get(session.itemRef);
      if (!keep(ref)) continue;
      const d = session.declarations?.get(id);
      const bound = d?.kind === 'outcome' ? d[which] : undefined;
      // An item without that bound makes the whole result NULL, as the specification says.
      if (bound === undefined) return null;
      values.push(bound * weightOf(ref!, weightId));
    }
    return container('multiple', 'float', values);
  };
}

/** `ITEM.VARIABLE` (optionally weighted) read from a candidate's item session. */
function itemVariable(node: ProcessingNode): Expression {
  const [itemRef, variable] = (node.attributes.identifier ?? '').split('.') as [string, string];
  const weightId = node.attributes.weightIdentifier;
  return (s) => {
    const { refs, sessions } = ctx(s);
    const session = sessions.find((x) => x.itemRef === itemRef);
    if (!session) return null;
    const v = session.outcomes.get(variable) ?? session.responses?.get(variable) ?? null;
    if (weightId && v && v.cardinality === 'single' && typeof v.value === 'number') {
      const ref = refs.get(itemRef);
      return float(v.value * (ref ? weightOf(ref, weightId) : 1));
    }
    return v;
  };
}

/** The compiler hook CompileEnv.testExpressions takes while compiling a test's outcome processing. */
export function compileTestExpression(node: ProcessingNode, env: CompileEnv): Expression | undefined {
  switch (node.name) {
    case 'numberSelected':
      return counter(node, () => true);
    case 'numberPresented':
      return counter(node, (x) => x.presented ?? true);
    case 'numberResponded':
      return counter(node, (x) => (x.presented ?? true) && isAnswered(x));
    case 'numberCorrect':
      return counter(node, (x) => isAnswered(x) && x.correct === true);
    case 'numberIncorrect':
      return counter(node, (x) => isAnswered(x) && x.correct === false);
    case 'testVariables':
      return testVariables(node);
    case 'outcomeMaximum':
      return outcomeBound(node, 'normalMaximum');
    case 'outcomeMinimum':
      return outcomeBound(node, 'normalMinimum');
    case 'variable': {
      const id = node.attributes.identifier ?? '';
      if (!id.includes('.')) {
        if (node.attributes.weightIdentifier)
          throw new CompileError('a weight needs an item variable (ITEM.VARIABLE)', node);
        return undefined;
      }
      void env;
      return itemVariable(node);
    }
    default:
      return undefined;
  }
}
