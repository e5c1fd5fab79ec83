/**
 * A small element tree built with saxes (a maintained, namespace-aware streaming XML parser)
 * that keeps element order and the line and column of every element. Documents that declare
 * entities are refused outright, so entity-expansion attacks never run; documents nested deeper
 * or holding more nodes than the budget (XmlLimits) are refused the moment they cross it, so a
 * hostile file costs time in proportion to the budget, not to its size squared (saxes resolves a
 * namespace prefix by walking the open elements, so unbounded depth made parsing quadratic).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { SourceLocation } from '../model/declarations.ts';

export interface XmlElement {
  kind: 'element';
  /** Local name, without prefix. */
  name: string;
  namespace: string;
  /** Attributes by local name (xml:lang is kept as `xml:lang`). */
  attributes: Record<string, string>;
  children: XmlNode[];
  location: SourceLocation;
}

export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/** What one XML document (an item, a test, an import file) may hold. */
export interface XmlLimits {
  /** Elements open at once (nesting depth). */
  maxDepth: number;
  /** Elements and text runs in the whole document. */
  maxNodes: number;
}

export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({ maxDepth: 200, maxNodes: 250_000 });

/** Filled in by parseXmlTree: what the document held (up to where parsing stopped). */
export interface XmlParseStats {
  nodes: number;
}

/** The document is over its budget (XmlLimits); `code` says which one. */
export class XmlBudgetError extends XmlSyntaxError {
  constructor(
    message: string,
    location: SourceLocation,
    readonly code: 'xml-too-deep' | 'xml-too-many-nodes',
  ) {
    super(message, location);
    this.name = 'XmlBudgetError';
  }
}

/** Thrown inside saxes' handlers to stop parsing at the first failure. */
class Stop extends Error {}

/**
 * Parses a whole XML document into its root element. Throws XmlSyntaxError with the place and
 * reason (XmlBudgetError when the document is over `limits`), at the first problem found.
 */
export function parseXmlTree(
  xml: string,
  file?: string,
  limits: Partial<XmlLimits> = {},
  stats?: XmlParseStats,
): XmlElement {
  const { maxDepth, maxNodes } = { ...DEFAULT_XML_LIMITS, ...limits };
  const parser = new SaxesParser({ xmlns: true, position: true, fileName: file });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: XmlSyntaxError | undefined;
  const here = (): SourceLocation => ({ file, line: parser.line, column: parser.column });
  // Where the current start tag's `<` is: saxes reports the place just after the tag name and one more character.
  let tagStart: SourceLocation = { file, line: 1, column: 1 };
  parser.on('opentagstart', (tag) => {
    tagStart = { file, line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
  });
  const fail = (message: string, error: XmlSyntaxError = new XmlSyntaxError(message, here())): never => {
    failure ??= error;
    throw new Stop();
  };
  let nodes = 0;
  const count = () => {
    if (stats) stats.nodes = nodes + 1;
    if (++nodes > maxNodes)
      fail(
        '',
        new XmlBudgetError(
          `The document holds more than ${maxNodes} elements and text runs (reached at line ${parser.line}); it is refused.`,
          here(),
          'xml-too-many-nodes',
        ),
      );
  };

  parser.on('error', (error) => fail(cleanMessage(error)));
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype))
      fail('The document declares entities (DOCTYPE with <!ENTITY>); this is refused for safety.');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= maxDepth)
      fail(
        '',
        new XmlBudgetError(
          `Elements are nested more than ${maxDepth} deep (<${tag.name}> at line ${tagStart.line}, column ${tagStart.column}); the document is refused.`,
          tagStart,
          'xml-too-deep',
        ),
      );
    count();
    const attributes: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      const key =
        attr.prefix === 'xml'
          ? `xml:${attr.local}`
          : attr.prefix && attr.uri && attr.prefix !== ''
            ? `${attr.prefix}:${attr.local}`
            : attr.local;
      attributes[key] = attr.value;
    }
    const element: XmlElement = {
      kind: 'element',
      name: tag.local,
      namespace: tag.uri,
      attributes,
      children: [],
      location: tagStart,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (text: string) => {
    const parent = stack[stack.length - 1];
    if (!parent || text === '') return;
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === 'text') last.text += text;
    else {
      count();
      parent.children.push({ kind: 'text', text });
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(xml).close();
  } catch (error) {
    if (!(error instanceof Stop)) failure ??= new XmlSyntaxError(cleanMessage(error as Error), here());
  }
  if (failure) throw failure;
  if (!root) throw new XmlSyntaxError('The document has no root element.', { file, line: 1, column: 1 });
  return root;
}

/** saxes prefixes its messages with file:line:column, which the location already carries. */
const cleanMessage = (error: Error) => error.message.replace(/^[^:]*:\d+:\d+: /, '');

export const elementChildren = (element: XmlElement): XmlElement[] =>
  element.children.filter((c): c is XmlElement => c.kind === 'element');

export function textContent(node: XmlNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textContent).join('');
}
