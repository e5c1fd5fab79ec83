/**
 * preConditions and branchRules (QTI: linear parts only). After the candidate finishes an item,
 * the branch rules of the item, then of each section and part that ends with it, are tried in
 * order; the first true one moves the route to its target (always forward). Then the
 * preConditions of every part, section and item that starts at the new place are checked,
 * outermost first; a false one skips that whole level. Expressions see the test's outcome
 * variables and the item sessions so far, through the grading engine's test-level processing,
 * so the same answers always give the same route.
 */
import type { OutcomeDeclaration, ProcessingNode } from '../../item-bank/index.ts';
import { compileTest, type ItemSessionResult } from '../../grading/index.ts';
import type { AssembledForm, ExpressionNode, FormScope, FormSpec } from '../sittings/form.ts';
import { partAt } from '../sittings/form.ts';

const CONDITION = '__ROUTE_CONDITION__';

function withLocation(node: ExpressionNode): ProcessingNode {
  return {
    name: node.name,
    attributes: node.attributes ?? {},
    children: (node.children ?? []).map(withLocation),
    ...(node.text === undefined ? {} : { text: node.text }),
    location: { line: 0, column: 0 },
  };
}

export type Evaluate = (expression: ExpressionNode) => boolean;

/** Evaluates route expressions against a candidate's item sessions (in route order). */
export function routeEvaluator(spec: FormSpec, sessions: ItemSessionResult[], seed: number): Evaluate {
  const declarations = (spec.outcomes?.declarations ?? []) as OutcomeDeclaration[];
  const processing = (spec.outcomes?.outcomeProcessing ?? []) as ProcessingNode[];
  const itemRefs = [...new Set(sessions.map((s) => s.itemRef))].map((identifier) => ({
    identifier,
    href: '',
    sections: [],
    testPart: '',
    categories: [],
    weights: {},
  }));
  return (expression) => {
    const test = compileTest({
      identifier: spec.outcomes?.identifier ?? 'test',
      title: '',
      declarations: [
        ...declarations,
        {
          kind: 'outcome',
          identifier: CONDITION,
          cardinality: 'single',
          baseType: 'boolean',
          location: { line: 0, column: 0 },
        },
      ],
      outcomeProcessing: [
        ...processing,
        {
          name: 'setOutcomeValue',
          attributes: { identifier: CONDITION },
          children: [withLocation(expression)],
          location: { line: 0, column: 0 },
        },
      ],
      itemRefs,
    });
    const value = test.score(sessions, seed).get(CONDITION);
    // NULL (an unanswered item, a missing variable) counts as false, as in QTI.
    return Boolean(value && value.cardinality === 'single' && value.value === true);
  };
}

export interface RouteStep {
  /** Where the route goes; equal to the form length when it has run out. */
  position: number;
  skipped: number[];
  /** What decided it, for the session's events. */
  decisions: Array<{ kind: 'branch' | 'precondition'; scope: string; target?: string; result: boolean }>;
}

const EXITS = new Set(['EXIT_TEST', 'EXIT_TESTPART', 'EXIT_SECTION']);

function targetStart(
  form: AssembledForm,
  scope: FormScope,
  target: string,
  from: number,
): number | undefined {
  if (target === 'EXIT_TEST') return form.entries.length;
  if (target === 'EXIT_TESTPART') return partAt(form, from).end;
  if (target === 'EXIT_SECTION') {
    // The innermost section around the rule's place.
    const entry = form.entries[scope.kind === 'section' ? scope.start : from];
    const section = scope.kind === 'section' ? scope.identifier : entry?.sectionIdentifier;
    const positions = form.entries.filter(
      (e) => e.sectionPath?.includes(section ?? '') ?? e.sectionIdentifier === section,
    );
    return positions.length ? positions[positions.length - 1]!.position + 1 : undefined;
  }
  const item = form.entries.find((e) => e.itemRef === target || e.refIdentifier === target);
  if (item) return item.position;
  const inSection = form.entries.find(
    (e) => e.sectionPath?.includes(target) || e.sectionIdentifier === target,
  );
  if (inSection) return inSection.position;
  const part = form.parts?.find((p) => p.identifier === target);
  return part?.start;
}

/**
 * The next place after finishing `from` in a linear part. Branch targets behind the candidate
 * are ignored (QTI forbids branching backwards).
 */
export function nextStep(form: AssembledForm, from: number, evaluate: Evaluate): RouteStep {
  const scopes = form.scopes ?? [];
  const decisions: RouteStep['decisions'] = [];
  let next = from + 1;
  // Branch rules of the item, then of enclosing sections and the part that end with it (innermost first).
  const ending = scopes
    .filter((s) => s.branchRules.length && s.end === from + 1 && s.start <= from && s.kind !== 'test')
    .sort((a, b) => b.start - a.start);
  outer: for (const scope of ending) {
    for (const rule of scope.branchRules) {
      const result = evaluate(rule.expression);
      decisions.push({ kind: 'branch', scope: scope.key, target: rule.target, result });
      if (!result) continue;
      const target = targetStart(form, scope, rule.target, from);
      if (target !== undefined && target > from && (EXITS.has(rule.target) || target >= from + 1)) {
        next = target;
        break outer;
      }
    }
  }
  const skipped: number[] = [];
  for (let p = from + 1; p < next; p++) skipped.push(p);
  // Preconditions of what starts at the new place, outermost first; a false one skips the level.
  let moved = true;
  while (moved && next < form.entries.length) {
    moved = false;
    const starting = scopes
      .filter((s) => s.preConditions.length && s.start === next)
      .sort((a, b) => b.end - a.end);
    for (const scope of starting) {
      const ok = scope.preConditions.every((c) => evaluate(c));
      decisions.push({ kind: 'precondition', scope: scope.key, result: ok });
      if (!ok) {
        for (let p = scope.start; p < scope.end; p++) skipped.push(p);
        next = scope.end;
        moved = true;
        break;
      }
    }
  }
  return { position: next, skipped, decisions };
}

/** The first place of the route: preconditions of the levels that start the test. */
export function firstStep(form: AssembledForm, evaluate: Evaluate): RouteStep {
  return nextStep(form, -1, evaluate);
}
