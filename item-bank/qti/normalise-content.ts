/**
 * Turns raw XML elements into content nodes in the 2.x spelling, sanitising as it goes: item
 * bodies are teacher content shown in a browser, so scripts, event handlers, `javascript:` URLs
 * and embedding elements are dropped; XHTML, MathML and QTI elements are kept.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import { MATHML_NAMESPACE, QTI_NAMESPACES, qtiAttributeName, qtiElementName } from './qti-names.ts';
import type { XmlElement, XmlNode } from './xml-tree.ts';

const DROPPED_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'embed',
  'applet',
  'base',
  'link',
  'meta',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'style',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'data',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
]);
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

function safeUrl(value: string): boolean {
  // Browsers ignore whitespace and control characters inside a URL scheme, so compare without them.
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
  return !/^(javascript|vbscript|data:text\/html)/.test(compact);
}

export function normaliseElement(
  element: XmlElement,
  options: NormaliseOptions = {},
): ContentElement | undefined {
  const ns = namespaceOf(element);
  if (ns !== 'math' && DROPPED_ELEMENTS.has(element.name.toLowerCase())) return undefined;
  const isQti = ns === 'qti';
  const name = isQti ? qtiElementName(element.name) : element.name;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(element.attributes)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('on')) continue; // event handlers
    if (URL_ATTRIBUTES.has(lower) && !safeUrl(value)) continue;
    if (lower === 'style' && /expression\s*\(|url\s*\(\s*['"]?\s*javascript:/i.test(value)) continue;
    attributes[element.name.startsWith('qti-') ? qtiAttributeName(key, true) : key] = value;
  }
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

export function normaliseChildren(nodes: XmlNode[], options: NormaliseOptions = {}): ContentNode[] {
  const out: ContentNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') out.push({ kind: 'text', text: node.text });
    else {
      const element = normaliseElement(node, options);
      if (element) out.push(element);
    }
  }
  return out;
}
