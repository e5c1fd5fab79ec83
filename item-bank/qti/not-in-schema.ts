/**
 * Constructs some players accept that no QTI schema has, and that the writers cannot turn into a
 * schema-valid form of the same meaning. Such an item or test is refused at import (an error,
 * `not-in-qti-schema`, at the construct's line, saying why): the bank holds only what it can
 * export as schema-valid QTI 2.2 and 3.0. The parser still gives the model (the scorer's
 * conformance tests run these constructs). What the writers can rewrite (vendor expressions as
 * customOperator, matchTable as interpolationTable, constant patternMatch operands, identifiers
 * that are no NCName renamed...) is not reported here.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import type { Declaration, ProcessingNode } from '../model/declarations.ts';
import type { AssessmentItem } from '../model/item.ts';
import type { ProblemList } from './problems.ts';
import { patternAsAttribute } from './write-processing.ts';

export const NOT_IN_SCHEMA = 'not-in-qti-schema';

const EXPORT = 'no schema-valid QTI 2.2 or 3.0 form of this item means the same, so the item is not imported';

/** Rules and expressions of no schema, with why no valid form means the same. */
const PROCESSING: Record<string, string> = {
  record: 'builds a record value, which no QTI expression does',
  setResponseValue: 'changes a response during processing, which no QTI rule does',
  lookupTable:
    'a lookup table as an expression (its table is no expression, so no customOperator can hold it)',
};

/** Coordinates each shape of `inside` takes (a polygon: an even number, at least six). */
const SHAPE_COORDS: Record<string, (n: number) => boolean> = {
  rect: (n) => n === 4,
  circle: (n) => n === 3,
  ellipse: (n) => n === 4,
  poly: (n) => n >= 6 && n % 2 === 0,
  default: (n) => n === 0,
};

function processingReason(
  node: ProcessingNode,
  rules: 'template' | 'response' | 'outcome',
): string | undefined {
  if (PROCESSING[node.name]) return PROCESSING[node.name];
  if (node.name === 'setDefaultValue' && rules !== 'template')
    return 'setDefaultValue outside template processing resets a response, which no QTI rule does there';
  if (node.name === 'lookupOutcomeValue' && !node.children.length)
    return 'lookupOutcomeValue without the expression it looks up';
  if (node.name === 'substring' && node.children.length > 2)
    return 'substring with a start and a length (an extraction no QTI operator does)';
  if (node.name === 'patternMatch' && !patternAsAttribute(node))
    return 'patternMatch with a pattern computed at run time or a case-insensitive pattern with classes or escapes';
  if (node.name === 'inside') {
    const count = (node.attributes.coords ?? '').split(',').filter((c) => c.trim()).length;
    const fits = SHAPE_COORDS[node.attributes.shape ?? ''];
    if (fits && !fits(count))
      return `inside of shape ${node.attributes.shape} given ${count} coordinate(s): no valid coordinates mean the same`;
  }
  return undefined;
}

/** Refuses each construct of no schema in processing rules (items and tests alike). */
export function refuseProcessing(
  nodes: ProcessingNode[],
  rules: 'template' | 'response' | 'outcome',
  problems: ProblemList,
  what = EXPORT,
): void {
  for (const node of nodes) {
    const reason = processingReason(node, rules);
    if (reason)
      problems.error(NOT_IN_SCHEMA, `<${node.name}> is in no QTI schema: ${reason}; ${what}.`, node.location);
    refuseProcessing(node.children, rules, problems, what);
  }
}

function refuseDeclaration(d: Declaration, problems: ProblemList): void {
  if (d.kind === 'outcome' && d.mapping)
    problems.error(
      NOT_IN_SCHEMA,
      `The outcome ${d.identifier} has a mapping (read by mapOutcome), which no QTI schema has on an outcome; ${EXPORT}.`,
      d.location,
    );
  if (
    d.kind === 'outcome' &&
    d.lookupTable?.kind === 'matchTable' &&
    d.lookupTable.defaultValue === undefined
  )
    problems.error(
      NOT_IN_SCHEMA,
      `The matchTable of ${d.identifier} has no defaultValue: the schemas take no target values in a matchTable, and an interpolationTable cannot give NULL for a miss; ${EXPORT}.`,
      d.location,
    );
}

const at = (e: ContentElement) => ({ line: e.line, column: e.column });
const isElement = (n: ContentNode): n is ContentElement => n.kind === 'element';

/** Content of no schema: interactions in inline feedback, the 2015 PCI draft's info controls, rubric blocks out of reach. */
function refuseContent(
  element: ContentElement,
  problems: ProblemList,
  inFeedback: boolean,
  inDivs: boolean,
): void {
  for (const child of element.children.filter(isElement)) {
    if (inFeedback && child.ns === 'qti' && child.name.endsWith('Interaction'))
      problems.error(
        NOT_IN_SCHEMA,
        `A ${child.name} inside a feedbackInline: the schemas allow no interaction there; ${EXPORT}.`,
        at(child),
      );
    else if (child.ns === 'other' && child.name === 'portableInfoControl')
      problems.error(
        NOT_IN_SCHEMA,
        `portableInfoControl of the 2015 PCI draft (${child.attributes.infoControlTypeIdentifier ?? 'no type'}): QTI 2.2 and 3.0 have no place for it; ${EXPORT}.`,
        at(child),
      );
    else if (child.ns === 'qti' && child.name === 'rubricBlock' && !inDivs)
      problems.error(
        NOT_IN_SCHEMA,
        `A rubricBlock inside <${element.name}>: the schemas take rubric blocks only directly in the item body (and the writer raises them only out of divs); ${EXPORT}.`,
        at(child),
      );
    refuseContent(
      child,
      problems,
      inFeedback || (child.ns === 'qti' && child.name === 'feedbackInline'),
      inDivs && child.ns === 'html' && child.name === 'div',
    );
  }
}

/** Refuses every construct of the item that no schema has and no valid form carries with the same meaning. */
export function refuseNotInSchema(item: AssessmentItem, problems: ProblemList): void {
  for (const d of item.declarations) refuseDeclaration(d, problems);
  refuseProcessing(item.templateProcessing ?? [], 'template', problems);
  refuseProcessing(item.responseProcessing?.rules ?? [], 'response', problems);
  refuseProcessing(item.outcomeProcessing ?? [], 'outcome', problems);
  refuseContent(item.body, problems, false, true);
}
