/**
 * Turns raw XML elements into content nodes in the 2.x spelling. The parsers then sanitise the
 * parts shown in a browser (item bodies, feedback, rubric blocks) with sanitiseElement and
 * sanitiseContent (model/sanitise-content.ts): only what the allow-list of (namespace, local
 * name, attribute) names is kept. Declarations and processing are never rendered and are read
 * as they are, so an unknown expression is reported by validation rather than silently unwrapped.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import type { RemovedContent } from '../model/sanitise-content.ts';
import { MATHML_NAMESPACE, QTI_NAMESPACES, qtiAttributeName, qtiElementName } from './qti-names.ts';
import type { ProblemList } from './problems.ts';
import type { XmlElement, XmlNode } from './xml-tree.ts';

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

export interface NormaliseOptions {
  /** Keep source line numbers (server model); the candidate payload leaves them out. */
  lines?: boolean;
}

function namespaceOf(element: XmlElement): ContentElement['ns'] {
  if (element.namespace === MATHML_NAMESPACE) return 'math';
  const inQti = element.namespace in QTI_NAMESPACES || element.namespace === '';
  if (element.name.startsWith('qti-')) return 'qti';
  if (element.namespace === XHTML_NAMESPACE) return 'html';
  if (inQti) return /^[a-z]+[A-Z]/.test(element.name) || QTI_LOWERCASE.has(element.name) ? 'qti' : 'html';
  return 'other';
}

/** QTI 2.x element names that are all lower case (the rest are camelCase). */
const QTI_LOWERCASE = new Set([
  'prompt',
  'gap',
  'hottext',
  'stylesheet',
  'mapping',
  'value',
  'and',
  'or',
  'not',
  'match',
  'member',
  'delete',
  'contains',
  'substring',
  'inside',
  'lt',
  'gt',
  'lte',
  'gte',
  'sum',
  'product',
  'subtract',
  'divide',
  'power',
  'truncate',
  'round',
  'max',
  'min',
  'gcd',
  'lcm',
  'repeat',
  'index',
  'random',
  'null',
  'variable',
  'default',
  'correct',
  'multiple',
  'ordered',
  'equal',
  'include',
  'selection',
  'ordering',
]);

/** Converts an element and everything in it to the model's spelling (sanitising is the caller's). */
export function normaliseElement(element: XmlElement, options: NormaliseOptions = {}): ContentElement {
  const ns = namespaceOf(element);
  const isQti = ns === 'qti';
  const name = isQti ? qtiElementName(element.name) : element.name;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(element.attributes))
    attributes[element.name.startsWith('qti-') ? qtiAttributeName(key, true) : key] = value;
  return {
    kind: 'element',
    name,
    ns,
    attributes,
    children: normaliseChildren(element.children, options),
    ...(ns === 'other' && element.namespace ? { namespace: element.namespace } : {}),
    ...(options.lines ? { line: element.location.line, column: element.location.column } : {}),
  };
}

/**
 * QTI 3.0's `<qti-content-body>` (inside feedback, rubric and template blocks) is only a wrapper:
 * its content takes its place, so the model is the same whichever version the file was written in.
 */
export function normaliseChildren(nodes: XmlNode[], options: NormaliseOptions = {}): ContentNode[] {
  const wrapped = nodes.some((n) => n.kind === 'element' && n.name === 'qti-content-body');
  return nodes.flatMap((node): ContentNode[] =>
    node.kind === 'text'
      ? // The layout around the wrapper is not content.
        wrapped && !node.text.trim()
        ? []
        : [{ kind: 'text', text: node.text }]
      : node.name === 'qti-content-body'
        ? normaliseChildren(node.children, options)
        : [normaliseElement(node, options)],
  );
}

/** At most this many removals are reported one by one; the rest are counted in one more warning. */
const REPORTED_REMOVALS = 50;

/** Reports what the sanitiser removed as `unsafe-content-removed` warnings with their places. */
export function reportRemoved(problems: ProblemList, removed: RemovedContent[]): void {
  for (const r of removed.slice(0, REPORTED_REMOVALS)) {
    const what =
      r.action === 'attribute'
        ? `The ${r.attribute} attribute of ${r.element} was removed`
        : r.action === 'removed'
          ? `${r.element} was removed with its content`
          : `${r.element} was removed (its text is kept)`;
    problems.warning('unsafe-content-removed', `${what}: ${r.reason}.`, { line: r.line, column: r.column });
  }
  if (removed.length > REPORTED_REMOVALS)
    problems.warning(
      'unsafe-content-removed',
      `${removed.length - REPORTED_REMOVALS} more elements or attributes were removed as unsafe.`,
    );
}
