/**
 * QTI names and namespaces in the spelling of the target version: `simpleChoice` and
 * `responseIdentifier` in 2.2, `qti-simple-choice` and `response-identifier` in 3.0, with the
 * namespace declarations the attribute prefixes need.
 */
import { ACRONYM_NAMES } from './qti-names.ts';
import type { OutElement, OutNode } from './xml-writer.ts';

export type ExportVersion = '3.0' | '2.2';

export const QTI_NAMESPACE: Record<ExportVersion, string> = {
  '3.0': 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0',
  '2.2': 'http://www.imsglobal.org/xsd/imsqti_v2p2',
};

export const SCHEMA_LOCATION: Record<ExportVersion, string> = {
  '3.0':
    'http://www.imsglobal.org/xsd/imsqtiasi_v3p0 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd',
  '2.2': 'http://www.imsglobal.org/xsd/imsqti_v2p2 http://www.imsglobal.org/xsd/qti/qtiv2p2/imsqti_v2p2.xsd',
};

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

export const XINCLUDE_NAMESPACE = 'http://www.w3.org/2001/XInclude';

/** Foreign elements whose namespace was not recorded are written in this one. */
export const UNKNOWN_NAMESPACE = 'urn:x-exam-engine:foreign';

const camelToKebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const ACRONYMS = new Map(Object.entries(ACRONYM_NAMES).map(([kebab, name]) => [name, kebab]));

/** QTI element name in the target spelling: `simpleChoice` -> `qti-simple-choice`, `durationGTE` -> `qti-duration-gte` for 3.0. */
export const qtiName = (name: string, version: ExportVersion) =>
  version === '3.0' ? `qti-${camelToKebab(ACRONYMS.get(name) ?? name)}` : name;

/** QTI attribute name in the target spelling: `responseIdentifier` -> `response-identifier` for 3.0. */
export function qtiAttribute(name: string, version: ExportVersion): string {
  if (version === '2.2' || name.includes(':') || name.startsWith('data-') || name.startsWith('aria-'))
    return name;
  return camelToKebab(name);
}

/** Namespaces of attribute prefixes found in QTI content; the model keeps the prefix only. */
const KNOWN_PREFIXES: Record<string, string> = {
  xlink: XLINK_NAMESPACE,
  xsi: XSI_NAMESPACE,
  ma: 'http://mathassess.qtitools.org/xsd/mathassess',
  m: 'http://www.w3.org/1998/Math/MathML',
  xi: XINCLUDE_NAMESPACE,
  xee: 'urn:x-exam-engine:expression',
};

export type Attr = [string, string | number | boolean | undefined];

/** Declarations for the attribute prefixes used on one element (xml: needs none). */
export function prefixDeclarations(keys: string[]): Attr[] {
  const prefixes = new Set(keys.filter((k) => k.includes(':')).map((k) => k.slice(0, k.indexOf(':'))));
  prefixes.delete('xml');
  return [...prefixes].map((p): Attr => [`xmlns:${p}`, KNOWN_PREFIXES[p] ?? `urn:x-exam-engine:prefix:${p}`]);
}

/**
 * Whether a QTI attribute can be written in the target version. A hyphenated name on a 2.x
 * element (`max-choices` in a 2.2 file) means nothing there, and in 3.0 it would turn into the
 * real attribute, changing the item; it is left out.
 */
export const writable = (key: string, version: ExportVersion) =>
  version === '2.2' || !key.includes('-') || key.startsWith('data-') || key.startsWith('aria-');

/** Attributes of a QTI element from model (2.x spelling) names and values. */
export function qtiAttributes(attributes: Record<string, string>, version: ExportVersion): Attr[] {
  const entries = Object.entries(attributes).filter(([key]) => writable(key, version));
  return [
    ...prefixDeclarations(entries.map(([k]) => k)),
    ...entries.map(([key, value]): Attr => [qtiAttribute(key, version), value]),
  ];
}

/** A QTI element with attributes in model spelling, undefined ones left out. */
export function qtiElement(
  name: string,
  version: ExportVersion,
  attributes: Record<string, string | number | boolean | undefined>,
  children: OutNode[] = [],
): OutElement {
  return {
    name: qtiName(name, version),
    attributes: Object.entries(attributes).map(([k, v]): Attr => [qtiAttribute(k, version), v]),
    children,
  };
}
