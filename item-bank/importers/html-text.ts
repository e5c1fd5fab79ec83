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

/** A picture, sound or video an HTML fragment shows (img, audio, video, source, or a link to a sound file). */
export interface HtmlMedia {
  src: string;
  alt?: string;
  /** The paragraph (index into `paragraphs`) it follows; -1 before the first. */
  after: number;
}

export interface HtmlContent {
  paragraphs: string[];
  /** Indices of paragraphs that were `<pre>`: their spaces and line breaks are kept. */
  preformatted: number[];
  media: HtmlMedia[];
}

export const MEDIA_LINK = /\.(mp3|m4a|ogg|oga|wav|aac|mp4|m4v|webm|ogv)(\?.*)?$/i;

/**
 * Paragraphs as `htmlParagraphs` gives them, except that `<pre>` blocks keep their layout and
 * pictures, sounds and videos (and links to sound or video files) are listed with the paragraph
 * they follow instead of becoming text.
 */
export function htmlContent(html: string): HtmlContent {
  const doc = parseDocument(html, { decodeEntities: true });
  const out: Array<{ text: string; pre: boolean }> = [{ text: '', pre: false }];
  const media: Array<{ src: string; alt?: string; slot: number }> = [];
  const newBlock = (pre = false) => out.push({ text: '', pre });
  const walk = (nodes: DomNode[]) => {
    for (const n of nodes) {
      if (isText(n)) out[out.length - 1]!.text += n.data;
      else if (isTag(n)) {
        if (n.name === 'pre') {
          newBlock(true);
          out[out.length - 1]!.text = textContent(n)
            .replace(/^\r?\n/, '')
            .replace(/\s+$/, '');
          newBlock();
          continue;
        }
        const src =
          n.name === 'img' || n.name === 'audio' || n.name === 'video' || n.name === 'source'
            ? n.attribs.src
            : n.name === 'a' && MEDIA_LINK.test(n.attribs.href ?? '')
              ? n.attribs.href
              : undefined;
        // The text inside <audio>/<video> is the fallback of a browser that cannot play it, not part
        // of the question: it names the file (its alt), and only the <source> elements are read.
        const player = n.name === 'audio' || n.name === 'video';
        const fallback = player ? textContent(n).replace(/\s+/g, ' ').trim() : '';
        const alt = n.attribs.alt ?? (fallback || undefined);
        if (src) {
          media.push({ src, ...(alt ? { alt } : {}), slot: out.length - 1 });
          if (n.name === 'img') continue;
        }
        if (player) {
          walk(n.children.filter((c) => isTag(c) && c.name === 'source'));
          continue;
        }
        const block = BLOCKS.has(n.name);
        if (block) newBlock();
        walk(n.children);
        if (block) newBlock();
      }
    }
  };
  walk(doc.children);
  const paragraphs: string[] = [];
  const preformatted: number[] = [];
  const indexOfSlot: number[] = [];
  out.forEach((block, slot) => {
    const text = block.pre ? block.text : block.text.replace(/\s+/g, ' ').trim();
    if (text) {
      if (block.pre) preformatted.push(paragraphs.length);
      paragraphs.push(text);
    }
    indexOfSlot[slot] = paragraphs.length - 1;
  });
  return {
    paragraphs,
    preformatted,
    media: media.map(({ slot, ...m }) => ({ ...m, after: indexOfSlot[slot]! })),
  };
}
