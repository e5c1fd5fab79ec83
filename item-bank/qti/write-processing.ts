/**
 * Processing trees (rules and expressions) as output elements, in a form the schemas take with
 * the same meaning: conditions that start with an else, vendor expressions as customOperator,
 * categories as identifiers, operator attributes the schemas lack, xi:include in its namespace.
 */
import type { ProcessingNode } from '../model/declarations.ts';
import { categoryList } from './categories.ts';
import { qtiAttributes, qtiName, XINCLUDE_NAMESPACE, type ExportVersion } from './qti-spelling.ts';
import type { OutElement } from './xml-writer.ts';

/**
 * Expressions some players accept beyond the QTI standard (the scorer implements them; see
 * grading/processing/vendor-expressions.ts). No schema has them: they are written as the
 * standard extension point, a `customOperator` whose `definition` names the expression, with
 * their attributes in a namespace of their own (the schemas allow only foreign attributes there).
 * The reader turns that customOperator back into the expression (read-processing.ts).
 */
export const VENDOR_EXPRESSIONS = new Set([
  ...['isNotNull', 'notEqual', 'mod', 'allN', 'isTypeOf', 'mean', 'sampleVariance', 'sampleSD'],
  ...['popVariance', 'popSD', 'mapOutcome', 'preCondition'],
]);

export const VENDOR_EXPRESSION_URN = 'urn:x-exam-engine:expression:';

/** The prefix of a vendor expression's attributes on its customOperator. */
export const VENDOR_ATTRIBUTE_PREFIX = 'xee';

const CONDITIONS: Record<string, string> = {
  responseCondition: 'response',
  outcomeCondition: 'outcome',
  templateCondition: 'template',
};

/** The rounding modes of the schemas; the scorer reads any other (`significantFigure`) as significantFigures. */
const ROUNDING_MODES = new Set(['decimalPlaces', 'significantFigures']);

/**
 * Attributes of an operator as the schemas have them, each with the meaning the scorer gives the
 * source: a roundingMode the schemas do not list as significantFigures, a substring without its
 * required caseSensitive as caseSensitive="true", and a patternMatch whose pattern is a constant
 * second operand (with caseSensitive) as its pattern attribute (case folded into the pattern).
 */
function conformOperands(node: ProcessingNode, onAdjust?: (note: string) => void): ProcessingNode {
  const mode = node.attributes.roundingMode;
  if ((node.name === 'equalRounded' || node.name === 'roundTo') && mode && !ROUNDING_MODES.has(mode)) {
    onAdjust?.(
      `roundingMode="${mode}" on ${node.name} written as significantFigures (what it is scored as).`,
    );
    return { ...node, attributes: { ...node.attributes, roundingMode: 'significantFigures' } };
  }
  if (node.name === 'substring' && node.attributes.caseSensitive === undefined) {
    onAdjust?.('A substring without caseSensitive written with caseSensitive="true" (what it is scored as).');
    return { ...node, attributes: { ...node.attributes, caseSensitive: 'true' } };
  }
  if (node.name === 'patternMatch') return patternAsAttribute(node, onAdjust) ?? node;
  return node;
}

/**
 * A patternMatch in a form some players accept (the pattern as a constant second operand,
 * caseSensitive on the operator) as the standard one, or undefined where no standard form means
 * the same (a pattern computed at run time; a case-insensitive pattern with classes or escapes).
 */
export function patternAsAttribute(
  node: ProcessingNode,
  onAdjust?: (note: string) => void,
): ProcessingNode | undefined {
  const { caseSensitive, ...attributes } = node.attributes;
  const operand = node.children[1];
  if (caseSensitive === undefined && !operand) return node;
  let pattern = attributes.pattern;
  if (pattern === undefined) {
    if (operand?.name !== 'baseValue' || operand.children.length || /^\{.*\}$/s.test(operand.text ?? ''))
      return undefined;
    pattern = operand.text ?? '';
  } else if (operand) return undefined;
  if (caseSensitive === 'false') {
    // Outside classes, quantifiers and escapes a letter can stand for both its cases.
    if (/[\\[\]{}]/.test(pattern)) return undefined;
    const letters = [...pattern].filter((c) => c.toLowerCase() !== c.toUpperCase());
    // A letter whose other case is more than one character (ß, SS) has no one-character class.
    if (letters.some((c) => [...c.toLowerCase()].length > 1 || [...c.toUpperCase()].length > 1))
      return undefined;
    pattern = [...pattern]
      .map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`))
      .join('');
  }
  onAdjust?.(
    `A patternMatch${caseSensitive !== undefined ? ` with caseSensitive="${caseSensitive}"` : ''}${operand ? ' and its pattern as an operand' : ''} written with pattern="${pattern}" (same matches).`,
  );
  return { ...node, attributes: { ...attributes, pattern }, children: node.children.slice(0, 1) };
}

/**
 * A rule or expression as the schemas take it, with the same meaning: a condition that starts
 * with its else (or an else-if) gets an `if` that always holds (or its else-if as its if), and a
 * vendor expression becomes a customOperator. Each change is told to onAdjust.
 */
function conformProcessing(node: ProcessingNode, onAdjust?: (note: string) => void): ProcessingNode {
  const kind = CONDITIONS[node.name];
  const first = node.children[0];
  if (kind && first && first.name !== `${kind}If`) {
    if (first.name === `${kind}ElseIf`) {
      onAdjust?.(
        `A ${node.name} starting with ${first.name} written with it as its ${kind}If (same meaning).`,
      );
      return { ...node, children: [{ ...first, name: `${kind}If` }, ...node.children.slice(1)] };
    }
    if (first.name === `${kind}Else`) {
      onAdjust?.(
        `A ${node.name} with only an else written as a ${kind}If whose condition is true (same meaning: its rules always run).`,
      );
      const always: ProcessingNode = {
        name: 'baseValue',
        attributes: { baseType: 'boolean' },
        children: [],
        text: 'true',
        location: first.location,
      };
      return {
        ...node,
        children: [
          { ...first, name: `${kind}If`, children: [always, ...first.children] },
          ...node.children.slice(1),
        ],
      };
    }
  }
  for (const key of ['includeCategory', 'excludeCategory'])
    if (node.attributes[key] !== undefined) {
      const written = categoryList(node.attributes[key], onAdjust);
      if (written !== node.attributes[key])
        node = { ...node, attributes: { ...node.attributes, [key]: written } };
    }
  node = conformOperands(node, onAdjust);
  if (VENDOR_EXPRESSIONS.has(node.name)) {
    onAdjust?.(
      `${node.name} (not a QTI expression) written as customOperator definition="${VENDOR_EXPRESSION_URN}${node.name}".`,
    );
    return {
      ...node,
      name: 'customOperator',
      attributes: {
        definition: `${VENDOR_EXPRESSION_URN}${node.name}`,
        ...Object.fromEntries(
          Object.entries(node.attributes).map(([k, v]) => [
            k.includes(':') ? k : `${VENDOR_ATTRIBUTE_PREFIX}:${k}`,
            v,
          ]),
        ),
      },
    };
  }
  return node;
}

/** A processing tree node (rules and expressions) as an output element. */
export function processingElement(
  source: ProcessingNode,
  version: ExportVersion,
  onAdjust?: (note: string) => void,
): OutElement {
  const node = conformProcessing(source, onAdjust);
  // xi:include stays an XInclude element (the schemas take it there in the XInclude namespace).
  if (node.name === 'include')
    return {
      name: 'include',
      namespace: XINCLUDE_NAMESPACE,
      attributes: Object.entries(node.attributes).filter(([k]) => !k.startsWith('xmlns')),
    };
  return {
    name: qtiName(node.name, version),
    attributes: qtiAttributes(node.attributes, version),
    children:
      node.children.length > 0
        ? node.children.map((c) => processingElement(c, version, onAdjust))
        : node.text
          ? [node.text]
          : [],
  };
}
