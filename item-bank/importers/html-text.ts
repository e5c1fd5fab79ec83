/** Plain text of an HTML fragment (Moodle question text, GIFT [html] stems), read with htmlparser2. */
import { ElementType, parseDocument } from 'htmlparser2';

export type DomNode = ReturnType<typeof parseDocument>['children'][number];
export type DomTag = DomNode & { name: string; attribs: Record<string, string>; children: DomNode[] };
export const isText = (n: DomNode): n is DomNode & { data: string } => n.type === ElementType.Text;
export const isTag = (n: DomNode): n is DomTag => ElementType.isTag(n);
/** The text inside a node. */
export const textContent = (n: DomNode): string =>
  isText(n) ? n.data : isTag(n) ? n.children.map(textContent).join('') : '';

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Paragraphs of text, blank ones dropped; block elements and <br> start a new paragraph. */
export function htmlParagraphs(html: string): string[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const out: string[] = [''];
  const walk = (nodes: DomNode[]) => {
    for (const n of nodes) {
      if (isText(n)) out[out.length - 1] += n.data;
      else if (isTag(n)) {
        const block = BLOCKS.has(n.name);
        if (block) out.push('');
        if (n.name === 'img') out[out.length - 1] += n.attribs.alt ? `[${n.attribs.alt}]` : '[hình]';
        walk(n.children);
        if (block) out.push('');
      }
    }
  };
  walk(doc.children);
  return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export const htmlText = (html: string) => htmlParagraphs(html).join('\n');
