/**
 * Shared pieces of the QTI writers: element and attribute names in the spelling of the target
 * version, content trees and processing trees as output elements.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import type { ProcessingNode } from '../model/declarations.ts';
import { MATHML_NAMESPACE } from './qti-names.ts';
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
/** Foreign elements whose namespace was not recorded are written in this one. */
export const UNKNOWN_NAMESPACE = 'urn:x-exam-engine:foreign';

const camelToKebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** QTI element name in the target spelling: `simpleChoice` -> `qti-simple-choice` for 3.0. */
export const qtiName = (name: string, version: ExportVersion) =>
  version === '3.0' ? `qti-${camelToKebab(name)}` : name;

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
  xi: 'http://www.w3.org/2001/XInclude',
};

export type Attr = [string, string | number | boolean | undefined];

/** Declarations for the attribute prefixes used on one element (xml: needs none). */
function prefixDeclarations(keys: string[]): Attr[] {
  const prefixes = new Set(keys.filter((k) => k.includes(':')).map((k) => k.slice(0, k.indexOf(':'))));
  prefixes.delete('xml');
  return [...prefixes].map((p): Attr => [`xmlns:${p}`, KNOWN_PREFIXES[p] ?? `urn:x-exam-engine:prefix:${p}`]);
}

/**
 * Whether a QTI attribute can be written in the target version. A hyphenated name on a 2.x
 * element (`max-choices` in a 2.2 file) means nothing there, and in 3.0 it would turn into the
 * real attribute, changing the item; it is left out.
 */
const writable = (key: string, version: ExportVersion) =>
  version === '2.2' || !key.includes('-') || key.startsWith('data-') || key.startsWith('aria-');

/** Attributes of a QTI element from model (2.x spelling) names and values. */
export function qtiAttributes(attributes: Record<string, string>, version: ExportVersion): Attr[] {
  const entries = Object.entries(attributes).filter(([key]) => writable(key, version));
  return [
    ...prefixDeclarations(entries.map(([k]) => k)),
    ...entries.map(([key, value]): Attr => [qtiAttribute(key, version), value]),
  ];
}

export interface ContentWriteOptions {
  version: ExportVersion;
  /** Rewrites a media reference (img src, object data...) in the output. */
  mediaHref?(href: string): string;
}

const MEDIA_ATTRIBUTES: Record<string, string> = {
  img: 'src',
  object: 'data',
  source: 'src',
  audio: 'src',
  video: 'src',
  track: 'src',
};

/** A content element (itemBody, feedback, anything below) as an output element. */
export function contentElement(element: ContentElement, options: ContentWriteOptions): OutElement {
  const { version } = options;
  let attributes = Object.entries(element.attributes).filter(
    ([key]) => element.ns !== 'qti' || writable(key, version),
  );
  const mediaAttribute = MEDIA_ATTRIBUTES[element.name];
  if (mediaAttribute && options.mediaHref)
    attributes = attributes.map(([k, v]) => [k, k === mediaAttribute ? options.mediaHref!(v) : v]);
  const out: OutElement = {
    name: element.ns === 'qti' ? qtiName(element.name, version) : element.name,
    attributes: [
      ...prefixDeclarations(attributes.map(([k]) => k)),
      ...attributes.map(([k, v]): Attr => [element.ns === 'qti' ? qtiAttribute(k, version) : k, v]),
    ],
    children:
      element.ns === 'qti' && WRAPPED_CONTENT.has(element.name)
        ? wrappedContent(element.children, options)
        : contentNodes(element.children, options),
  };
  if (element.ns === 'math') out.namespace = MATHML_NAMESPACE;
  else if (element.ns === 'other') out.namespace = element.namespace ?? UNKNOWN_NAMESPACE;
  else out.namespace = QTI_NAMESPACE[version];
  return out;
}

export const contentNodes = (nodes: ContentNode[], options: ContentWriteOptions): OutNode[] =>
  nodes.map((n) => (n.kind === 'text' ? n.text : contentElement(n, options)));

/**
 * Elements whose content QTI 3.0 puts inside `<qti-content-body>` (after any stylesheets, before
 * any catalog info); 2.x puts it directly in the element. The model keeps it unwrapped (the reader
 * drops the wrapper, see normaliseChildren), so either version can be written.
 */
const WRAPPED_CONTENT = new Set([
  'feedbackBlock',
  'rubricBlock',
  'templateBlock',
  'modalFeedback',
  'testFeedback',
]);

/** The content of a feedback, rubric or template block in the target version's layout. */
export function wrappedContent(nodes: ContentNode[], options: ContentWriteOptions): OutNode[] {
  if (options.version !== '3.0') return contentNodes(nodes, options);
  const isQti = (n: ContentNode, name: string) => n.kind === 'element' && n.ns === 'qti' && n.name === name;
  const before = nodes.filter((n) => isQti(n, 'stylesheet'));
  const after = nodes.filter((n) => isQti(n, 'catalogInfo'));
  const body = nodes.filter((n) => !isQti(n, 'stylesheet') && !isQti(n, 'catalogInfo'));
  return [
    ...contentNodes(before, options),
    ...(body.some((n) => n.kind === 'element' || n.text.trim())
      ? [
          {
            name: qtiName('contentBody', '3.0'),
            namespace: QTI_NAMESPACE['3.0'],
            attributes: [],
            children: contentNodes(body, options),
          },
        ]
      : []),
    ...contentNodes(after, options),
  ];
}

/** A processing tree node (rules and expressions) as an output element. */
export function processingElement(node: ProcessingNode, version: ExportVersion): OutElement {
  return {
    name: qtiName(node.name, version),
    attributes: qtiAttributes(node.attributes, version),
    children:
      node.children.length > 0
        ? node.children.map((c) => processingElement(c, version))
        : node.text
          ? [node.text]
          : [],
  };
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
