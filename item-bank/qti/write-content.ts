/**
 * Content trees (item bodies, feedback, rubric and template blocks, anything below) as output
 * elements of the target version: names and namespaces, media references, and the layout of
 * wrapped content (QTI 3.0's qti-content-body).
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import { blocksOnly, isInline, rubricsRaised } from './body-blocks.ts';
import { conform } from './conform-element.ts';
import { PCI_V1_NAMESPACE } from './pci-as-custom-interaction.ts';
import { MATHML_NAMESPACE } from './qti-names.ts';
import {
  prefixDeclarations,
  qtiAttribute,
  qtiName,
  QTI_NAMESPACE,
  UNKNOWN_NAMESPACE,
  writable,
  type Attr,
  type ExportVersion,
} from './qti-spelling.ts';
import { versionChildren } from './version-children.ts';
import type { OutElement, OutNode } from './xml-writer.ts';

export interface ContentWriteOptions {
  version: ExportVersion;
  /** Rewrites a media reference (img src, object data...) in the output. */
  mediaHref?(href: string): string;
  /** Told of everything the target schema made the writer drop or rename (one sentence each). */
  onAdjust?(note: string): void;
  /** `id` values written so far in this document (the schemas make them unique: xs:ID). */
  ids?: Set<string>;
  /**
   * Inside foreign markup (a PCI v1 portableCustomInteraction): XHTML is written in the XHTML
   * namespace there, where the QTI namespace would mean nothing.
   */
  inForeign?: boolean;
  /** Writing a test (its rubric blocks): there are no template variables there. */
  inTest?: boolean;
}

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** PCI markup namespaces (IMS PCI v1, and the earlier draft's): XHTML inside is in its own namespace. */
const PCI_NAMESPACES = new Set([PCI_V1_NAMESPACE, 'http://www.imsglobal.org/xsd/portableCustomInteraction']);

/** HTML5 elements QTI 2.2 keeps in its own namespace; QTI 3.0 has them in the QTI namespace. */
export const QTI22_HTML5_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqtiv2p2_html5_v1p0';

const HTML5_ELEMENTS = new Set([
  'article',
  'aside',
  'audio',
  'bdi',
  'figcaption',
  'figure',
  'footer',
  'header',
  'label',
  'nav',
  'rb',
  'rp',
  'rt',
  'rtc',
  'ruby',
  'section',
  'source',
  'track',
  'video',
]);

/** SSML as each version imports it: QTI 2.2 the 2010 draft namespace, QTI 3.0 the SSML 1.1 one. */
const SSML_NAMESPACES: Record<ExportVersion, string> = {
  '3.0': 'http://www.w3.org/2001/10/synthesis',
  '2.2': 'http://www.w3.org/2010/10/synthesis',
};

const isSsml = (namespace: string | undefined) => Object.values(SSML_NAMESPACES).includes(namespace ?? '');

/** The children of an element, with what the target version does not allow there replaced or left out. */
function conformChildren(parent: ContentElement, options: ContentWriteOptions): ContentNode[] {
  let children = versionChildren(parent, options);
  if (parent.ns !== 'qti' || parent.name !== 'itemBody') return children;
  children = children.flatMap((c) => rubricsRaised(c, options));
  return children.some(isInline) ? blocksOnly(children, options) : children;
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
export function contentElement(source: ContentElement, options: ContentWriteOptions): OutElement {
  const { version } = options;
  const element = { ...conform(source, options), children: conformChildren(source, options) };
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
        ? wrappedContent(element.children, options, element.name === 'rubricBlock')
        : contentNodes(element.children, childOptions(element, options)),
  };
  if (element.ns === 'math') out.namespace = MATHML_NAMESPACE;
  else if (element.ns === 'html' && options.inForeign) out.namespace = XHTML_NAMESPACE;
  else if (element.ns === 'other' && isSsml(element.namespace)) out.namespace = SSML_NAMESPACES[version];
  else if (element.ns === 'other' && element.namespace === QTI22_HTML5_NAMESPACE)
    out.namespace = version === '3.0' ? QTI_NAMESPACE[version] : QTI22_HTML5_NAMESPACE;
  else if (element.ns === 'other') out.namespace = element.namespace ?? UNKNOWN_NAMESPACE;
  else if (version === '2.2' && element.ns === 'html' && HTML5_ELEMENTS.has(element.name))
    out.namespace = QTI22_HTML5_NAMESPACE;
  else out.namespace = QTI_NAMESPACE[version];
  return out;
}

/** Options for an element's children: entering or leaving foreign markup. */
function childOptions(element: ContentElement, options: ContentWriteOptions): ContentWriteOptions {
  const inForeign = options.inForeign
    ? element.ns !== 'qti'
    : element.ns === 'other' && PCI_NAMESPACES.has(element.namespace ?? '');
  return inForeign === Boolean(options.inForeign) ? options : { ...options, inForeign };
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
export function wrappedContent(
  nodes: ContentNode[],
  options: ContentWriteOptions,
  /** Whether the schema requires the wrapper even when empty (rubric blocks). */
  required = false,
): OutNode[] {
  const isQti = (n: ContentNode, name: string) => n.kind === 'element' && n.ns === 'qti' && n.name === name;
  // QTI 2.2's rubricBlock takes its stylesheets after its content (they style the block wherever they are).
  if (options.version !== '3.0') {
    const isContent = (n: ContentNode) =>
      n.kind === 'element' ? !isQti(n, 'stylesheet') : n.text.trim() !== '';
    const early = nodes.some((n, i) => isQti(n, 'stylesheet') && nodes.slice(i + 1).some(isContent));
    if (!required || !early) return contentNodes(nodes, options);
    options.onAdjust?.('Stylesheets of a rubricBlock written after its content (QTI 2.2 takes them there).');
    return contentNodes(
      [...nodes.filter((n) => !isQti(n, 'stylesheet')), ...nodes.filter((n) => isQti(n, 'stylesheet'))],
      options,
    );
  }
  const before = nodes.filter((n) => isQti(n, 'stylesheet'));
  const after = nodes.filter((n) => isQti(n, 'catalogInfo'));
  const body = nodes.filter((n) => !isQti(n, 'stylesheet') && !isQti(n, 'catalogInfo'));
  return [
    ...contentNodes(before, options),
    ...(required || body.some((n) => n.kind === 'element' || n.text.trim())
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
