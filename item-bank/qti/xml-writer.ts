/**
 * Writes an element tree as XML. Text and attribute values are always escaped here, names are
 * checked, and default namespaces are declared where an element's namespace differs from its
 * parent's, so callers build trees and never concatenate markup.
 */

export interface OutElement {
  name: string;
  /** Namespace URI of the element; inherited from the parent when absent. */
  namespace?: string;
  /** Attributes in writing order; undefined values are left out. */
  attributes?: Array<[string, string | number | boolean | undefined]>;
  children?: OutNode[];
}

/** A child: an element, or text (escaped on output). */
export type OutNode = OutElement | string;

export class XmlWriteError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(:[A-Za-z_][A-Za-z0-9._-]*)?$/;
// Characters XML 1.0 cannot carry at all, even escaped.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export const escapeText = (text: string) =>
  text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');

export const escapeAttribute = (value: string) =>
  escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');

function checkName(name: string): string {
  if (!NAME.test(name)) throw new XmlWriteError(`"${name}" is not a valid XML name.`);
  return name;
}

function write(element: OutElement, inherited: string | undefined, out: string[]): void {
  const name = checkName(element.name);
  out.push('<', name);
  const namespace = element.namespace ?? inherited;
  if (namespace !== inherited && namespace !== undefined)
    out.push(' xmlns="', escapeAttribute(namespace), '"');
  for (const [key, value] of element.attributes ?? []) {
    if (value === undefined) continue;
    out.push(' ', checkName(key), '="', escapeAttribute(String(value)), '"');
  }
  const children = element.children ?? [];
  if (children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of children) {
    if (typeof child === 'string') out.push(escapeText(child));
    else write(child, namespace, out);
  }
  out.push('</', name, '>');
}

/** Serialises a document (with an XML declaration) from its root element. */
export function serialiseXml(root: OutElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, undefined, out);
  out.push('\n');
  return out.join('');
}
