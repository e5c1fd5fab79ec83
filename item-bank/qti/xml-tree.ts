/**
 * A small element tree built with saxes (a maintained, namespace-aware streaming XML parser)
 * that keeps element order and the line and column of every element. Documents that declare
 * entities are refused outright, so entity-expansion attacks never run.
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

const MAX_DEPTH = 200;

/** Parses a whole XML document into its root element. Throws XmlSyntaxError with the place and reason. */
export function parseXmlTree(xml: string, file?: string): XmlElement {
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
  const fail = (message: string) => {
    failure ??= new XmlSyntaxError(message, here());
  };

  parser.on('error', (error) => fail(error.message.replace(/^[^:]*:\d+:\d+: /, '')));
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype))
      fail('The document declares entities (DOCTYPE with <!ENTITY>); this is refused for safety.');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= MAX_DEPTH) {
      fail(`Elements are nested deeper than ${MAX_DEPTH} levels.`);
      return;
    }
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
    else parent.children.push({ kind: 'text', text });
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(xml).close();
  } catch (error) {
    fail((error as Error).message.replace(/^[^:]*:\d+:\d+: /, ''));
  }
  if (failure) throw failure;
  if (!root) throw new XmlSyntaxError('The document has no root element.', { file, line: 1, column: 1 });
  return root;
}

export const elementChildren = (element: XmlElement): XmlElement[] =>
  element.children.filter((c): c is XmlElement => c.kind === 'element');

export function textContent(node: XmlNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textContent).join('');
}
