/**
 * QTI 1.2 response processing (`resprocessing`), evaluated for a given response: the conditions
 * (`varequal`, `varsubstring`, `vargt`, `vargte`, `varlt`, `varlte`, `and`, `or`, `not`, `other`,
 * `unanswered`), `setvar` with Set, Add, Subtract and Multiply, and `continue`, as the QTI 1.2
 * ASI specification describes them (one reading of ours, for what Canvas writes: see `conditionvar`). The importer asks it what each option or answer scores, so
 * the item it builds scores what the source's own rules score, instead of guessing from names.
 */
import type { XmlElement } from '../qti/xml-tree.ts';
import { elementChildren, textContent } from '../qti/xml-tree.ts';

/** Response values by `respident`: label identifiers of a `response_lid`, or the typed text. */
export type Qti12Response = Record<string, string[]>;

export interface Qti12Outcome {
  /** SCORE after processing, clamped to the `decvar` bounds. */
  score: number;
  /** `linkrefid`s of every `displayfeedback` that fired, in order. */
  feedback: string[];
}

/** The SCORE variable's bounds and default (`outcomes/decvar`); Canvas writes 0 to 100. */
export interface Qti12Scale {
  min: number;
  max: number;
  initial: number;
}

const byName = (e: XmlElement | undefined, name: string) =>
  e ? elementChildren(e).filter((c) => c.name === name) : [];
const numberOr = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) ? n : fallback;
};

/** The SCORE variable's scale; 0 to 100 when the file does not declare it (the Canvas and Blackboard default). */
export function scaleOf(resprocessing: XmlElement | undefined): Qti12Scale {
  const decvar = byName(byName(resprocessing, 'outcomes')[0], 'decvar').find(
    (d) => (d.attributes.varname ?? 'SCORE') === 'SCORE',
  );
  return {
    min: numberOr(decvar?.attributes.minvalue, 0),
    max: numberOr(decvar?.attributes.maxvalue, 100),
    initial: numberOr(decvar?.attributes.defaultval, 0),
  };
}

const sameText = (a: string, b: string, caseSensitive: boolean) =>
  caseSensitive ? a.trim() === b.trim() : a.trim().toLowerCase() === b.trim().toLowerCase();

function holds(condition: XmlElement, response: Qti12Response): boolean {
  const values = () => response[condition.attributes.respident ?? ''] ?? [];
  const expected = textContent(condition).trim();
  // QTI 1.2: `case` defaults to No (letter case ignored).
  const caseSensitive = condition.attributes.case === 'Yes';
  const compare = (test: (value: number, bound: number) => boolean) =>
    values().some((v) => v.trim() !== '' && test(Number(v), Number(expected)));
  switch (condition.name) {
    case 'conditionvar': {
      // Conditions side by side are all required, except `varequal`s on the same response: one
      // typed answer cannot equal two texts, so Canvas's short answers (its accepted answers side
      // by side) would never score; such a group is read as "any of them".
      const alternatives = new Map<string, XmlElement[]>();
      const required: XmlElement[] = [];
      for (const c of elementChildren(condition)) {
        const key = c.name === 'varequal' ? (c.attributes.respident ?? '') : undefined;
        if (key === undefined) required.push(c);
        else alternatives.set(key, [...(alternatives.get(key) ?? []), c]);
      }
      return (
        required.every((c) => holds(c, response)) &&
        [...alternatives.values()].every((group) => group.some((c) => holds(c, response)))
      );
    }
    case 'and':
      return elementChildren(condition).every((c) => holds(c, response));
    case 'or':
      return elementChildren(condition).some((c) => holds(c, response));
    case 'not':
      return !elementChildren(condition).every((c) => holds(c, response));
    case 'other':
      return true;
    case 'unanswered':
      return values().every((v) => !v.trim());
    case 'varequal':
      return values().some((v) => sameText(v, expected, caseSensitive));
    case 'varsubstring':
      return values().some((v) =>
        caseSensitive ? v.includes(expected) : v.toLowerCase().includes(expected.toLowerCase()),
      );
    case 'vargt':
      return compare((v, b) => v > b);
    case 'vargte':
      return compare((v, b) => v >= b);
    case 'varlt':
      return compare((v, b) => v < b);
    case 'varlte':
      return compare((v, b) => v <= b);
    default:
      // An operator this reader does not know never holds; the importer reports the element.
      return false;
  }
}

/** Runs `resprocessing` on one response. */
export function scoreQti12(resprocessing: XmlElement | undefined, response: Qti12Response): Qti12Outcome {
  const scale = scaleOf(resprocessing);
  let score = scale.initial;
  const feedback: string[] = [];
  for (const rule of byName(resprocessing, 'respcondition')) {
    const condition = byName(rule, 'conditionvar')[0];
    if (!condition || !holds(condition, response)) continue;
    for (const set of byName(rule, 'setvar')) {
      if ((set.attributes.varname ?? 'SCORE') !== 'SCORE') continue;
      const value = numberOr(textContent(set), 0);
      const action = set.attributes.action ?? 'Set';
      if (action === 'Add') score += value;
      else if (action === 'Subtract') score -= value;
      else if (action === 'Multiply') score *= value;
      else score = value;
    }
    for (const shown of byName(rule, 'displayfeedback'))
      if (shown.attributes.linkrefid) feedback.push(shown.attributes.linkrefid);
    // QTI 1.2: `continue` defaults to No, so the first rule that holds ends processing.
    if ((rule.attributes.continue ?? 'No') !== 'Yes') break;
  }
  return { score: Math.min(scale.max, Math.max(scale.min, score)), feedback };
}

const KNOWN = new Set([
  'conditionvar',
  'and',
  'or',
  'not',
  'other',
  'unanswered',
  'varequal',
  'varsubstring',
  'vargt',
  'vargte',
  'varlt',
  'varlte',
]);

/** Condition elements this reader does not evaluate (`var_extension`, `varinside`, `durequal`...), once each. */
export function unknownConditions(resprocessing: XmlElement | undefined): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (!KNOWN.has(e.name)) found.push(e);
    else elementChildren(e).forEach(visit);
  };
  for (const rule of byName(resprocessing, 'respcondition'))
    for (const c of byName(rule, 'conditionvar')) visit(c);
  return found;
}

/**
 * The values a response is compared with, positively (not under `not`), in rule order: the
 * labels a choice keys, or the answers a typed response accepts.
 */
export function comparedValues(
  resprocessing: XmlElement | undefined,
  respident: string,
  names: string[] = ['varequal'],
): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === 'not') return;
    if (names.includes(e.name) && e.attributes.respident === respident) found.push(e);
    elementChildren(e).forEach(visit);
  };
  for (const rule of byName(resprocessing, 'respcondition'))
    for (const c of byName(rule, 'conditionvar')) visit(c);
  return found;
}
