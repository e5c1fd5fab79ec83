/**
 * QTI 3.0 spells elements and attributes in kebab-case with a `qti-` prefix
 * (`qti-choice-interaction`, `response-identifier`); QTI 2.x in camelCase. The model always
 * uses the 2.x spelling, so one set of code reads both.
 */
const kebabToCamel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** 2.x names with an upper-case run, which the kebab-case spelling of 3.0 writes as one word. */
export const ACRONYM_NAMES: Record<string, string> = { durationGte: 'durationGTE', durationLt: 'durationLT' };

/** Element name in the 2.x spelling: `qti-simple-choice` -> `simpleChoice`; XHTML and MathML names are unchanged. */
export function qtiElementName(local: string): string {
  if (!local.startsWith('qti-')) return local;
  const name = kebabToCamel(local.slice(4));
  return ACRONYM_NAMES[name] ?? name;
}

/** Attribute name in the 2.x spelling for QTI elements; `data-*`, `aria-*` and XHTML attributes are unchanged. */
export function qtiAttributeName(local: string, isQtiElement: boolean): string {
  if (!isQtiElement || local.startsWith('data-') || local.startsWith('aria-') || local.includes(':'))
    return local;
  return kebabToCamel(local);
}

export const QTI_NAMESPACES: Record<string, '2.0' | '2.1' | '2.2' | '3.0'> = {
  'http://www.imsglobal.org/xsd/imsqti_v2p0': '2.0',
  'http://www.imsglobal.org/xsd/imsqti_v2p1': '2.1',
  'http://www.imsglobal.org/xsd/imsqti_v2p2': '2.2',
  'http://www.imsglobal.org/xsd/imsqtiasi_v3p0': '3.0',
  // A misspelling published in qti-components' examples: read as QTI 3.0 (it is written back right).
  'http://www.imsglobal.org/xsd/qti/imsqtiasi_v3p0': '3.0',
};

export const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';
