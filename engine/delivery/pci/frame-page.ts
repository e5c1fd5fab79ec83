/**
 * The page a PCI runs in: its markup, its configuration (as inert JSON) and two script tags, the
 * frame runtime and nothing else; the runtime loads the PCI's modules. Built by the engine from
 * the stored item model, so the page never holds a key, a mapping or response processing, and
 * its CSP lets it load scripts and files from its own ticket's path only, with no network.
 */
import {
  escapeAttribute,
  escapeText,
  sanitiseContent,
  type AssessmentItem,
  type BaseType,
  type Cardinality,
  type ContentNode,
} from '../../../item-bank/index.ts';

export type StoredPci = NonNullable<AssessmentItem['portableInteractions']>[number];

/** What the frame runtime reads from the page (`<script type="application/json" id="pci-config">`). */
export interface PciFrameConfig {
  responseIdentifier: string;
  typeIdentifier: string;
  entryModule?: string;
  /** AMD module id -> URL of its file, relative to the page. */
  modules: Record<string, string>;
  properties: StoredPci['properties'];
  baseType?: BaseType;
  cardinality: Cardinality;
  /** The candidate page's origin: the only window the frame talks to. */
  parentOrigin: string;
}

/** Attributes naming a package file, rewritten to the ticket's file URLs. */
const FILE_ATTRIBUTES: Record<string, string> = {
  img: 'src',
  audio: 'src',
  video: 'src',
  source: 'src',
  track: 'src',
  object: 'data',
};
const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'col', 'source', 'track', 'wbr', 'param']);

/** The URL of a stored file of the item, relative to the frame page. */
export const frameFileUrl = (sha256: string) => `files/${sha256}`;

/** Sanitised markup as HTML, package files pointed at the ticket's file route; foreign data left out. */
export function markupHtml(nodes: ContentNode[], fileSha: (href: string) => string | undefined): string {
  const out: string[] = [];
  const write = (list: ContentNode[]) => {
    for (const node of list) {
      if (node.kind === 'text') {
        out.push(escapeText(node.text));
        continue;
      }
      if (node.ns === 'other') continue;
      // QTI elements inside markup (a prompt) become divs carrying the QTI 3 class name.
      const tag = node.ns === 'qti' ? 'div' : node.name;
      const attributes: Record<string, string> = { ...node.attributes };
      if (node.ns === 'qti')
        attributes.class = `qti-${node.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      const fileAttribute = FILE_ATTRIBUTES[node.name];
      if (fileAttribute && attributes[fileAttribute] !== undefined) {
        const sha = fileSha(attributes[fileAttribute]);
        if (sha) attributes[fileAttribute] = frameFileUrl(sha);
        else delete attributes[fileAttribute];
      }
      // Links would navigate the frame away from its page.
      delete attributes.href;
      out.push('<', tag);
      for (const [key, value] of Object.entries(attributes))
        if (/^[A-Za-z_:][A-Za-z0-9_.:-]*$/.test(key)) out.push(' ', key, '="', escapeAttribute(value), '"');
      out.push('>');
      if (VOID_ELEMENTS.has(tag)) continue;
      write(node.children);
      out.push('</', tag, '>');
    }
  };
  write(sanitiseContent(nodes));
  return out.join('');
}

/** JSON safe inside a script element: no `</script>` or `<!--` can close or open anything. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export function framePageHtml(options: {
  config: PciFrameConfig;
  markup: string;
  language?: string;
}): string {
  const lang = options.language ? ` lang="${escapeAttribute(options.language)}"` : '';
  return `<!doctype html>
<html${lang}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>PCI</title>
<style>html,body{margin:0;padding:0;background:transparent;font:inherit}body{padding:2px}</style>
<script type="application/json" id="pci-config">${scriptJson(options.config)}</script>
</head><body><div id="pci-root" class="qti-interaction-markup">${options.markup}</div>
<script src="runtime.js"></script>
</body></html>
`;
}

/**
 * The frame page's CSP: scripts, styles, pictures and sound only from this ticket's own path
 * (`base` is `<origin>/api/candidate/pci/<ticket>/`), no connections of any kind, no forms, no
 * frames, no plugins; only the engine's own pages may frame it. Recorded sound plays from blob:.
 */
export function frameCsp(base: string, parentOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src ${base}`,
    `style-src ${base} 'unsafe-inline'`,
    `img-src ${base} data: blob:`,
    `media-src ${base} blob: mediastream:`,
    `font-src ${base}`,
    "connect-src 'none'",
    "worker-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    `frame-ancestors ${parentOrigin}`,
  ].join('; ');
}
