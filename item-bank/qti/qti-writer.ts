/**
 * Shared pieces of the QTI writers: element and attribute names in the spelling of the target
 * version, content trees and processing trees as output elements.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import type { ProcessingNode } from '../model/declarations.ts';
import { PCI_V1_NAMESPACE, pciAsCustomInteraction } from './pci-as-custom-interaction.ts';
import { ACRONYM_NAMES, MATHML_NAMESPACE } from './qti-names.ts';
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
const XINCLUDE_NAMESPACE = 'http://www.w3.org/2001/XInclude';
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

/** The only QTI 3.0 elements that may carry `fixed` (2.x also allows it on hotspots, gaps and gap texts). */
const FIXED_IN_3_0 = new Set(['simpleChoice', 'simpleAssociableChoice', 'inlineChoice']);

/** Interactions whose image QTI 2.2 wants as an `object` (3.0 also takes `img` and `picture`). */
const GRAPHIC_CONTAINERS = new Set([
  'hotspotInteraction',
  'selectPointInteraction',
  'graphicOrderInteraction',
  'graphicAssociateInteraction',
  'graphicGapMatchInteraction',
  'positionObjectStage',
  'drawingInteraction',
  'positionObjectInteraction',
  'gapImg',
]);

/**
 * Attributes the QTI 3.0 schema does not have on XHTML elements: inline `style` (presentation
 * only; QTI 3.0 styles through classes and stylesheets) and `type` on `img`.
 */
const HTML_ATTRIBUTES_NOT_IN_3_0: Array<[element: string, attribute: string]> = [
  ['*', 'style'],
  ['img', 'type'],
  ['a', 'target'],
];

const NCNAME = /^[A-Za-z_][\w.-]*$/u;

/**
 * A category (an identifier of the schemas) as an NCName: a source's `1` becomes `_1`. Applied
 * wherever categories are written (itemRef category, includeCategory, excludeCategory), so
 * every reference still meets its category.
 */
export const categoryName = (name: string) =>
  NCNAME.test(name) ? name : `_${name.replace(/[^\w.-]/gu, '_')}`;

/** A space-separated list of categories with each one as categoryName writes it. */
export function categoryList(list: string, onAdjust?: (note: string) => void): string {
  const names = list.split(/\s+/).filter(Boolean);
  const written = names.map(categoryName);
  if (written.some((n, i) => n !== names[i]))
    onAdjust?.(
      `Categories ${names.join(' ')} written as ${written.join(' ')} (categories are identifiers; every reference is written the same way).`,
    );
  return written.join(' ');
}

/** HTML boolean attributes of audio and video. */
const MEDIA_BOOLEANS = ['controls', 'autoplay', 'loop', 'muted'];

/** The order QTI 3.0 wants a PCI's children in (the prompt first); what has no place there is left out. */
const PCI_ORDER_3_0 = [
  'prompt',
  'interactionModules',
  'interactionMarkup',
  'templateVariable',
  'contextVariable',
];

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

const imageType = (src: string) => {
  const ext = /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(src)?.[1]?.toLowerCase() ?? '';
  return IMAGE_TYPES[ext] ?? (ext ? `image/${ext}` : 'image/png');
};

const makeElement = (
  name: string,
  ns: ContentElement['ns'],
  attributes: Record<string, string>,
  children: ContentNode[] = [],
): ContentElement => ({
  kind: 'element',
  name,
  ns,
  attributes,
  children,
});

/**
 * An `img` (or a `picture`'s `img`) in a graphic interaction as the `object` QTI 2.2 requires:
 * same file, its type from the extension, same size, the alternative text as the object's content.
 */
function imageAsObject(image: ContentElement, options: ContentWriteOptions): ContentElement {
  const img =
    image.name === 'picture'
      ? (image.children.find((c): c is ContentElement => c.kind === 'element' && c.name === 'img') ?? image)
      : image;
  const src = img.attributes.src ?? '';
  const { width, height, alt } = img.attributes;
  options.onAdjust?.(
    `<${image.name} src="${src}"> in a graphic interaction written as <object> (QTI 2.2 takes no other image there).`,
  );
  return makeElement(
    'object',
    'html',
    {
      data: src,
      type: imageType(src),
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
    },
    alt ? [{ kind: 'text', text: alt }] : [],
  );
}

/** The element as the target schema has it: renamed, moved to another namespace, or with attributes dropped. */
function conform(element: ContentElement, options: ContentWriteOptions): ContentElement {
  const { version } = options;
  let attributes = element.attributes;
  if (version === '3.0' && element.ns === 'qti' && 'fixed' in attributes && !FIXED_IN_3_0.has(element.name)) {
    const { fixed, ...rest } = attributes;
    attributes = rest;
    options.onAdjust?.(`fixed="${fixed}" on ${element.name} dropped (QTI 3.0 has no fixed there).`);
  }
  if (version === '3.0' && element.ns === 'html')
    for (const [name, attribute] of HTML_ATTRIBUTES_NOT_IN_3_0)
      if ((name === '*' || name === element.name) && attribute in attributes) {
        const { [attribute]: value, ...rest } = attributes;
        attributes = rest;
        options.onAdjust?.(
          `${attribute}="${value}" on <${element.name}> dropped (QTI 3.0 has no ${attribute} there).`,
        );
      }
  // QTI 2.2's HTML5 audio and video require preload="metadata" (a fixed value: a loading hint only).
  if (
    version === '2.2' &&
    (element.name === 'audio' || element.name === 'video') &&
    attributes.preload !== 'metadata'
  )
    attributes = { ...attributes, preload: 'metadata' };
  if (version === '3.0' && element.ns === 'qti' && element.name === 'rubricBlock' && !attributes.use) {
    const views = (attributes.view ?? '').split(/\s+/).filter(Boolean);
    // QTI 3.0 requires `use`; a block only scorers or tutors see is about scoring.
    const use =
      views.length && views.every((v) => v === 'scorer' || v === 'tutor') ? 'scoring' : 'instructions';
    attributes = { ...attributes, use };
  }
  // Only xs:ID ids: not a PCI module's id (a module name), nor ids in foreign markup (no schema there).
  const isId =
    element.ns !== 'other' &&
    !options.inForeign &&
    !(element.ns === 'qti' && element.name === 'interactionModule');
  if (attributes.id !== undefined && options.ids && isId) {
    let id = attributes.id;
    for (let n = 2; options.ids.has(id); n++) id = `${attributes.id}-${n}`;
    if (id !== attributes.id) {
      options.onAdjust?.(`A second id="${attributes.id}" renamed ${id} (ids must be unique).`);
      attributes = { ...attributes, id };
    }
    options.ids.add(id);
  }
  // HTML writes boolean media attributes as their own name (controls="controls"); the schemas take xs:boolean.
  if (element.ns === 'html' && (element.name === 'audio' || element.name === 'video'))
    for (const name of MEDIA_BOOLEANS)
      if (name in attributes && !/^(true|false|1|0)$/.test(attributes[name]!))
        attributes = { ...attributes, [name]: 'true' };
  // QTI 3.0 has no alt on object: its text content is the alternative (as the 2.2 writer does for images).
  if (version === '3.0' && element.ns === 'html' && element.name === 'object' && 'alt' in attributes) {
    const { alt, ...rest } = attributes;
    attributes = rest;
    const hasText = element.children.some((c) => c.kind === 'element' || c.text.trim());
    options.onAdjust?.(
      `alt="${alt}" on <object> ${hasText ? 'left out (its content is the alternative)' : 'written as its content'} (QTI 3.0 has no alt there).`,
    );
    if (!hasText && alt) return { ...element, attributes, children: [{ kind: 'text', text: alt }] };
  }
  return attributes === element.attributes ? element : { ...element, attributes };
}

/** What an item body may hold directly (both versions): blocks; anything else is inline content. */
const BODY_BLOCKS = new Set([
  ...['rubricBlock', 'positionObjectStage', 'customInteraction', 'portableCustomInteraction'],
  ...['drawingInteraction', 'gapMatchInteraction', 'matchInteraction', 'graphicGapMatchInteraction'],
  ...[
    'hotspotInteraction',
    'graphicOrderInteraction',
    'selectPointInteraction',
    'graphicAssociateInteraction',
  ],
  ...['sliderInteraction', 'choiceInteraction', 'mediaInteraction', 'hottextInteraction', 'orderInteraction'],
  ...[
    'extendedTextInteraction',
    'uploadInteraction',
    'associateInteraction',
    'feedbackBlock',
    'templateBlock',
  ],
  ...[
    'infoControl',
    'math',
    'include',
    'pre',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'address',
    'dl',
    'ol',
  ],
  ...['ul', 'hr', 'blockquote', 'table', 'div', 'article', 'aside', 'audio', 'figure', 'footer', 'header'],
  ...['nav', 'section', 'video', 'catalogInfo', 'stylesheet'],
]);

const isInline = (n: ContentNode) =>
  n.kind === 'text' ? n.text.trim() !== '' : n.ns !== 'other' && !BODY_BLOCKS.has(n.name);

/**
 * An item body's inline content (text, an inline interaction, an image) in a `div`: the schemas
 * take only blocks there. A run of inline nodes (with the white space inside it) becomes one div,
 * which shows the same.
 */
function blocksOnly(children: ContentNode[], options: ContentWriteOptions): ContentNode[] {
  const out: ContentNode[] = [];
  let run: ContentNode[] = [];
  let pending: ContentNode[] = [];
  const flush = () => {
    if (run.length) {
      const first = run.find((n) => n.kind === 'element');
      options.onAdjust?.(
        `Inline content directly in the item body${first?.kind === 'element' ? ` (${first.name})` : ''} wrapped in a <div> (the schema takes only blocks there).`,
      );
      out.push(makeElement('div', 'html', {}, run));
    }
    out.push(...pending);
    run = [];
    pending = [];
  };
  for (const child of children) {
    if (isInline(child)) {
      run.push(...pending, child);
      pending = [];
    } else if (child.kind === 'text' && run.length) pending.push(child);
    else {
      flush();
      out.push(child);
    }
  }
  flush();
  return out;
}

/** The children of an element, with what the target version does not allow there replaced or left out. */
function conformChildren(parent: ContentElement, options: ContentWriteOptions): ContentNode[] {
  let children = versionChildren(parent, options);
  if (parent.ns !== 'qti' || parent.name !== 'itemBody') return children;
  children = children.flatMap((c) => rubricsRaised(c, options));
  return children.some(isInline) ? blocksOnly(children, options) : children;
}

const isRubric = (n: ContentNode): n is ContentElement =>
  n.kind === 'element' && n.ns === 'qti' && n.name === 'rubricBlock';

/**
 * A rubricBlock inside a div of the item body raised to the body (the only place the schemas
 * take it in an item): the div is split around it, each part keeping the div's attributes (the
 * id on the first only), so the content shows in the same order.
 */
function rubricsRaised(
  child: ContentNode,
  options: ContentWriteOptions,
  told = { note: false },
): ContentNode[] {
  if (child.kind !== 'element' || child.ns !== 'html' || child.name !== 'div') return [child];
  // A div nested in this one gives up its rubric blocks first, so they reach this level.
  const children = child.children.flatMap((n) => rubricsRaised(n, options, told));
  if (!children.some(isRubric)) return [child];
  if (!told.note)
    options.onAdjust?.(
      'A rubricBlock inside a <div> of the item body raised to the body, the div split around it (the schemas take rubric blocks only directly in the body).',
    );
  told.note = true;
  const out: ContentNode[] = [];
  let part: ContentNode[] = [];
  const { id: _id, ...rest } = child.attributes;
  const flush = () => {
    if (part.some((n) => n.kind === 'element' || n.text.trim()))
      out.push(makeElement('div', 'html', out.length ? rest : child.attributes, part));
    part = [];
  };
  for (const n of children)
    if (isRubric(n)) {
      flush();
      out.push(n);
    } else part.push(n);
  flush();
  return out;
}

const isTemplateBlock = (n: ContentNode): n is ContentElement =>
  n.kind === 'element' && n.ns === 'qti' && n.name === 'templateBlock';

/**
 * A templateBlock in a test (QTI 3.0 has no place for one there). A test has no template
 * variables, so its block never matches: showHide="show" is never shown (left out), "hide" is
 * always shown (its content written in its place). Either way what the candidate sees is the same.
 */
function testTemplateBlock(block: ContentElement, options: ContentWriteOptions): ContentNode[] {
  const shown = block.attributes.showHide === 'hide';
  options.onAdjust?.(
    `A templateBlock (${block.attributes.templateIdentifier ?? ''}) in a test ${shown ? 'written as its content, which is always shown' : 'left out: it is never shown'} (a test has no template variables; QTI 3.0 has no templateBlock there).`,
  );
  return shown ? block.children : [];
}

/** XHTML blocks that QTI 2.2's figcaption (inline content only) cannot hold. */
const HTML_BLOCKS = new Set(['div', 'p', 'blockquote', 'pre', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const isBlockHtml = (n: ContentNode) => n.kind === 'element' && n.ns === 'html' && HTML_BLOCKS.has(n.name);

/** Blocks in a figcaption as spans (same attributes, same text, same order): QTI 2.2 takes only inline content there. */
function inlineOnly(nodes: ContentNode[], options: ContentWriteOptions): ContentNode[] {
  return nodes.map((n) => {
    if (n.kind !== 'element') return n;
    if (!isBlockHtml(n)) return { ...n, children: inlineOnly(n.children, options) };
    options.onAdjust?.(
      `<${n.name}> in a <figcaption> written as a <span> (QTI 2.2 takes only inline content there).`,
    );
    return makeElement('span', 'html', n.attributes, inlineOnly(n.children, options));
  });
}

/** Elements of empty content in both schemas: anything inside them has no place (and no meaning). */
const EMPTY_ELEMENTS = new Set(['textEntryInteraction', 'endAttemptInteraction', 'printedVariable']);

function versionChildren(parent: ContentElement, options: ContentWriteOptions): ContentNode[] {
  if (parent.ns === 'qti' && EMPTY_ELEMENTS.has(parent.name)) {
    if (parent.children.some((c) => c.kind === 'element' || c.text.trim()))
      options.onAdjust?.(`The content of a ${parent.name} left out (the element is empty by the schema).`);
    return [];
  }
  if (options.version === '3.0' && parent.ns === 'qti' && parent.name === 'portableCustomInteraction') {
    const rank = (c: ContentNode) =>
      c.kind === 'element' && c.ns === 'qti' ? PCI_ORDER_3_0.indexOf(c.name) : -1;
    for (const c of parent.children)
      if (c.kind === 'element' && rank(c) < 0)
        options.onAdjust?.(
          `${c.name} in a portable custom interaction left out (QTI 3.0 has no place for it there).`,
        );
    return parent.children.filter((c) => rank(c) >= 0).sort((a, b) => rank(a) - rank(b));
  }
  if (options.version === '3.0' && options.inTest)
    return parent.children.flatMap((child) =>
      isTemplateBlock(child) ? testTemplateBlock(child, options) : [child],
    );
  if (options.version !== '2.2') return parent.children;
  if (
    !options.inForeign &&
    parent.ns === 'html' &&
    parent.name === 'figcaption' &&
    parent.children.some(isBlockHtml)
  )
    return inlineOnly(parent.children, options);
  return parent.children.flatMap((child): ContentNode[] => {
    if (child.kind !== 'element') return [child];
    if (child.ns === 'qti' && child.name === 'catalogInfo') {
      options.onAdjust?.('catalogInfo dropped (QTI 2.2 has no catalogs).');
      return [];
    }
    // QTI 2.2 has no portableCustomInteraction of its own: a customInteraction wraps the PCI v1 form.
    if (child.ns === 'qti' && child.name === 'portableCustomInteraction')
      return pciAsCustomInteraction(child, options.onAdjust);
    if (
      parent.ns === 'qti' &&
      GRAPHIC_CONTAINERS.has(parent.name) &&
      child.ns === 'html' &&
      (child.name === 'img' || child.name === 'picture')
    )
      return [imageAsObject(child, options)];
    // QTI 2.2 has no <picture>: outside graphic interactions (above) its <img> stands for it.
    if (child.ns === 'html' && child.name === 'picture') {
      const img = child.children.find((c): c is ContentElement => c.kind === 'element' && c.name === 'img');
      options.onAdjust?.(
        `<picture> written as its <img> (QTI 2.2 has no picture; its other sources are left out).`,
      );
      return img ? [img] : [];
    }
    // MathML 2 (QTI 2.2) requires an annotation in <semantics>; without one it is just its first child.
    if (
      child.ns === 'math' &&
      child.name === 'semantics' &&
      !child.children.some((c) => c.kind === 'element' && c.name.startsWith('annotation'))
    )
      return [makeElement('mrow', 'math', {}, child.children)];
    return [child];
  });
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
