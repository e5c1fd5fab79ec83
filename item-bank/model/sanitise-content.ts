/**
 * The item content sanitiser: keeps only what the allow-list (content-allow-list.ts) names, by
 * namespace, local name and attribute, and checks every URL and style that is kept. It works on the
 * content tree of the model, so the server runs it on import and on save, and a browser can run it
 * again just before rendering. Browser-safe: imports nothing Node-specific.
 *
 * Rules, in order, for each element:
 * 1. Elements that run script, load or frame a document, submit, restyle the page or reparse
 *    differently as HTML (script, style, iframe, form, base, meta, foreignObject, annotation-xml,
 *    mglyph...) are removed with their content, whatever their namespace or case (`m:iframe`,
 *    `svg:script`, `IFRAME`).
 * 2. MathML only inside a `math` element, SVG only inside an `svg` element, and nothing but MathML
 *    inside `math` or SVG inside `svg`; text-only elements (mi, mo, mtext, annotation, SVG title)
 *    keep only text. Anything out of place is unwrapped: the element goes, its text stays.
 * 3. XHTML, MathML, SVG and QTI elements not on the list of their namespace are unwrapped.
 *    Elements of other namespaces (custom interactions' configuration, vendor extensions) are
 *    inert data to every renderer (drawn as plain containers) and are kept, attributes checked.
 * 4. Attributes not on the list of their namespace and element are dropped; event handlers,
 *    `srcdoc`, `formaction`, `http-equiv` and `xml:base` always. URLs must be relative, http(s),
 *    mailto or a raster `data:image`; styles may not load anything or escape the item's box.
 *
 * Sanitising is idempotent, and content made only of listed things comes back deep-equal.
 */
import {
  DANGEROUS_ELEMENTS,
  HTML_ATTRIBUTES,
  HTML_ELEMENTS,
  HTML_GLOBAL_ATTRIBUTES,
  HTML_LIKE_NAMESPACES,
  MATHML_ATTRIBUTES,
  MATHML_ELEMENTS,
  MATHML_TEXT_ELEMENTS,
  QTI_ELEMENTS,
  SVG_ATTRIBUTES,
  SVG_ELEMENTS,
  SVG_LOCAL_HREF_ELEMENTS,
  SVG_NAMESPACE,
} from './content-allow-list.ts';
import type { ContentElement, ContentNode } from './content.ts';

/** One thing the sanitiser took out. */
export interface RemovedContent {
  /** The element, as `<m:iframe>`, `<svg:use>`, `<div>` or `<{namespace}name>`. */
  element: string;
  /** The attribute, when only an attribute was dropped. */
  attribute?: string;
  /** `removed`: the element and its content; `unwrapped`: the element, its text kept; `attribute`. */
  action: 'removed' | 'unwrapped' | 'attribute';
  reason: string;
  line?: number;
  column?: number;
}

export interface SanitiseOptions {
  /** Collects what was removed (for warnings); leave out when nobody needs to know. */
  removed?: RemovedContent[];
}

type Vocabulary = 'qti' | 'html' | 'math' | 'svg' | 'foreign';

interface Context {
  inMath: boolean;
  inSvg: boolean;
  textOnly: boolean;
  removed: RemovedContent[] | undefined;
}

function vocabularyOf(e: ContentElement): Vocabulary {
  if (e.ns === 'qti' || e.ns === 'html' || e.ns === 'math') return e.ns;
  if (e.namespace === SVG_NAMESPACE) return 'svg';
  if (e.namespace !== undefined && HTML_LIKE_NAMESPACES.has(e.namespace)) return 'html';
  return 'foreign';
}

const PREFIX: Record<Vocabulary, string> = { qti: '', html: '', math: 'm:', svg: 'svg:', foreign: '' };

function label(e: ContentElement, vocabulary: Vocabulary): string {
  if (vocabulary === 'foreign' && e.namespace) return `<{${e.namespace}}${e.name}>`;
  return `<${PREFIX[vocabulary]}${e.name}>`;
}

function note(ctx: Context, e: ContentElement, item: Omit<RemovedContent, 'line' | 'column'>) {
  ctx.removed?.push({
    ...item,
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.column !== undefined ? { column: e.column } : {}),
  });
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function elementAllowed(e: ContentElement, vocabulary: Vocabulary, ctx: Context): string | undefined {
  if (ctx.textOnly) return 'only text is allowed here';
  if (ctx.inMath && vocabulary !== 'math') return 'only MathML is allowed inside <math>';
  if (ctx.inSvg && vocabulary !== 'svg') return 'only SVG is allowed inside <svg>';
  switch (vocabulary) {
    case 'qti':
      return QTI_ELEMENTS.has(e.name) ? undefined : 'not a QTI element';
    case 'html':
      if (!HTML_ELEMENTS.has(e.name)) return 'not an allowed XHTML element';
      if (e.name === 'object' && !/^(image|audio|video)\//i.test(e.attributes.type ?? ''))
        return 'an object that is not an image, audio or video can embed a page';
      return undefined;
    case 'math':
      if (!MATHML_ELEMENTS.has(e.name)) return 'not an allowed MathML element';
      return ctx.inMath || e.name === 'math' ? undefined : 'MathML outside a <math> element';
    case 'svg':
      if (!SVG_ELEMENTS.has(e.name)) return 'not an allowed SVG element';
      return ctx.inSvg || e.name === 'svg' ? undefined : 'SVG outside an <svg> element';
    default:
      // Foreign markup (portable and custom interactions' configuration, vendor extensions): kept as
      // data. No client makes an element of its name, and its attributes are checked below.
      return NAME.test(e.name) ? undefined : 'not a valid name';
  }
}

/** Sanitises a list of content nodes. */
export function sanitiseContent(nodes: ContentNode[], options: SanitiseOptions = {}): ContentNode[] {
  return sanitiseNodes(nodes, { inMath: false, inSvg: false, textOnly: false, removed: options.removed });
}

/**
 * Sanitises one element (an itemBody, a feedback, a whole assessmentItem tree). Undefined when
 * the element itself is removed; an element that would be unwrapped is kept as a `span` (XHTML)
 * holding what survives, so callers always get an element or nothing.
 */
export function sanitiseElement(
  element: ContentElement,
  options: SanitiseOptions = {},
): ContentElement | undefined {
  const out = sanitiseContent([element], options);
  if (out.length === 1 && out[0]!.kind === 'element') return out[0];
  if (!out.length && isDangerous(element)) return undefined;
  return { kind: 'element', name: 'span', ns: 'html', attributes: {}, children: out };
}

const isDangerous = (e: ContentElement) =>
  DANGEROUS_ELEMENTS.has(e.name.toLowerCase()) && !(vocabularyOf(e) === 'svg' && e.name === 'title');

function sanitiseNodes(nodes: ContentNode[], ctx: Context): ContentNode[] {
  const out: ContentNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') {
      out.push({ kind: 'text', text: node.text });
      continue;
    }
    const vocabulary = vocabularyOf(node);
    if (isDangerous(node)) {
      note(ctx, node, {
        element: label(node, vocabulary),
        action: 'removed',
        reason: 'it can run script, load or frame a page, submit data or restyle the page',
      });
      continue;
    }
    const refused = elementAllowed(node, vocabulary, ctx);
    if (refused) {
      note(ctx, node, { element: label(node, vocabulary), action: 'unwrapped', reason: refused });
      // A loop, not push(...): an unwrapped element may hold more children than a call takes arguments.
      for (const kept of sanitiseNodes(node.children, ctx)) out.push(kept);
      continue;
    }
    const inMath = ctx.inMath || vocabulary === 'math';
    const inSvg = ctx.inSvg || vocabulary === 'svg';
    const textOnly =
      (vocabulary === 'math' && MATHML_TEXT_ELEMENTS.has(node.name)) ||
      (vocabulary === 'svg' && (node.name === 'title' || node.name === 'desc'));
    const child: Context = { inMath, inSvg, textOnly, removed: ctx.removed };
    out.push({
      ...node,
      attributes: sanitiseAttributes(node, vocabulary, ctx),
      children: sanitiseNodes(node.children, child),
    });
  }
  return out;
}

/** Attribute names that are never kept, in any namespace (local part compared, case-insensitive). */
const DENIED_ATTRIBUTE =
  /^(on.*|srcdoc|formaction|action|http-equiv|ping|is|xmlns|contenteditable|autofocus)$/i;
/** Attributes whose value is a URL (or a list of them), by lower-case local name. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'data',
  'poster',
  'cite',
  'longdesc',
  'background',
  'codebase',
  'lowsrc',
  'dynsrc',
  'usemap',
  'manifest',
  'primarypath',
  'fallbackpath',
  'primaryconfiguration',
  'fallbackconfiguration',
  'hook',
  'module',
]);
const ALLOWED_PREFIXES = new Set(['xml', 'xsi', 'ma']);

function attributeAllowed(e: ContentElement, vocabulary: Vocabulary, key: string): boolean {
  const colon = key.indexOf(':');
  const local = colon >= 0 ? key.slice(colon + 1) : key;
  if (DENIED_ATTRIBUTE.test(local) || key === 'xml:base' || key.startsWith('xmlns')) return false;
  if (key.startsWith('data-') || key.startsWith('aria-')) return NAME.test(key);
  switch (vocabulary) {
    case 'html':
      return HTML_GLOBAL_ATTRIBUTES.has(key) || (HTML_ATTRIBUTES[e.name]?.has(key) ?? false);
    case 'math':
      return MATHML_ATTRIBUTES.has(key);
    case 'svg':
      return SVG_ATTRIBUTES.has(key);
    default:
      return colon >= 0 ? ALLOWED_PREFIXES.has(key.slice(0, colon)) && NAME.test(local) : NAME.test(key);
  }
}

/** Why a URL is refused, or undefined when it is safe to keep. */
export function unsafeUrl(value: string): string | undefined {
  // Browsers drop whitespace and control characters inside a URL's scheme, so compare without them.
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto')
    return undefined;
  if (scheme === 'data' && /^data:image\/(png|jpe?g|gif|webp|bmp|avif)[;,]/i.test(compact)) return undefined;
  return `a ${scheme}: URL`;
}

/** Whether a URL is relative (a file of the item's package): no scheme, no `//` host. */
export const isRelativeUrl = (value: string) =>
  unsafeUrl(value) === undefined && !/^\s*([a-z][a-z0-9+.-]*:|\/\/)/i.test(value);

/**
 * A style attribute with anything that loads, runs or escapes the item's box taken out, or
 * undefined when nothing safe is left. CSS escapes and comments are refused outright, so what
 * is checked is what the browser reads.
 */
export function sanitiseStyle(value: string): string | undefined {
  if (
    /[\\]|\/\*|@import|expression\s*\(|behaviou?r\s*:|-moz-binding|javascript:|vbscript:|image-set|<|>/i.test(
      value,
    )
  )
    return undefined;
  for (const match of value.matchAll(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/gi))
    if (unsafeUrl(match[2]!) || /^\s*(\/\/|[a-z][a-z0-9+.-]*:)/i.test(match[2]!)) return undefined;
  if (/url\s*\(/i.test(value.replace(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/gi, ''))) return undefined;
  const kept = value
    .split(';')
    .filter((d) => !/^\s*position\s*:\s*(fixed|sticky)\b/i.test(d))
    .join(';');
  return kept.trim() ? kept : undefined;
}

function sanitiseAttributes(e: ContentElement, vocabulary: Vocabulary, ctx: Context): Record<string, string> {
  const out: Record<string, string> = {};
  const drop = (key: string, reason: string) =>
    note(ctx, e, { element: label(e, vocabulary), attribute: key, action: 'attribute', reason });
  for (const [key, value] of Object.entries(e.attributes)) {
    if (!attributeAllowed(e, vocabulary, key)) {
      drop(key, 'the attribute is not allowed on this element');
      continue;
    }
    const local = key.slice(key.indexOf(':') + 1).toLowerCase();
    if (local === 'style') {
      const style = sanitiseStyle(value);
      if (style === undefined) drop(key, 'the style loads something, runs script or escapes the item');
      else {
        if (style !== value)
          drop(key, 'fixed or sticky positioning was taken out of it (it could cover the page)');
        out[key] = style;
      }
      continue;
    }
    if (key === 'target' && value !== '_blank') {
      drop(key, 'a link may only open a new window, never replace the exam page');
      continue;
    }
    if (vocabulary === 'svg') {
      if (local === 'href') {
        const ok = SVG_LOCAL_HREF_ELEMENTS.has(e.name)
          ? value.trim().startsWith('#')
          : e.name === 'image' && !unsafeUrl(value);
        if (!ok) {
          drop(key, 'SVG links may only point inside the drawing (or to an image)');
          continue;
        }
      } else if (/url\s*\(/i.test(value) && !/^\s*url\(\s*(['"]?)#[\w.-]+\1\s*\)\s*$/i.test(value)) {
        drop(key, 'SVG paint may only refer to the drawing itself');
        continue;
      }
    }
    if (URL_ATTRIBUTES.has(local) || local === 'srcset') {
      const urls = local === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
      const unsafe = urls.map(unsafeUrl).find((r) => r !== undefined);
      if (unsafe) {
        drop(key, `${unsafe} can run script or load a document`);
        continue;
      }
      if (vocabulary === 'qti' && e.name === 'stylesheet' && !isRelativeUrl(value)) {
        drop(key, 'stylesheets must come from the item package');
        continue;
      }
    }
    out[key] = value;
  }
  return out;
}

/** The parts of an item model that hold content: the body and the modal feedback. */
interface ItemContent {
  body?: unknown;
  modalFeedback?: unknown;
}

const isElement = (x: unknown): x is ContentElement =>
  typeof x === 'object' && x !== null && (x as ContentElement).kind === 'element';

/**
 * Sanitises the content of a stored item model (its body and modal feedback), leaving every
 * other field as it is. Safe to call on any JSON: what does not look like an item comes back as is.
 */
export function sanitiseItemContent<T>(model: T, options: SanitiseOptions = {}): T {
  if (typeof model !== 'object' || model === null) return model;
  const item = model as ItemContent;
  const out: ItemContent & Record<string, unknown> = { ...(model as Record<string, unknown>) };
  if (isElement(item.body)) out.body = sanitiseElement(item.body, options) ?? { ...item.body, children: [] };
  if (Array.isArray(item.modalFeedback))
    out.modalFeedback = item.modalFeedback.map((f: unknown) =>
      typeof f === 'object' && f !== null && Array.isArray((f as { content?: unknown }).content)
        ? { ...f, content: sanitiseContent((f as { content: ContentNode[] }).content, options) }
        : f,
    );
  return out as T;
}
