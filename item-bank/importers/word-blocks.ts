/**
 * A Word document as a list of blocks: paragraphs with their formatted runs (bold, underline) and
 * tables as grids of cell text. mammoth (a maintained .docx reader) turns the document into HTML,
 * with underline kept by a style map; htmlparser2 reads that HTML.
 */
import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import { checkDocx } from './docx-limits.ts';
import { isTag, isText, textContent, type DomNode, type DomTag } from './html-text.ts';

export interface Run {
  text: string;
  bold: boolean;
  underline: boolean;
}
export type WordBlock =
  | { kind: 'paragraph'; index: number; runs: Run[]; text: string; images: number }
  | { kind: 'table'; index: number; rows: string[][] };

function runsOf(
  nodes: DomNode[],
  flags: { bold: boolean; underline: boolean },
  out: Run[],
  images: { n: number },
) {
  for (const n of nodes) {
    if (isText(n)) out.push({ text: n.data, ...flags });
    else if (isTag(n)) {
      if (n.name === 'img') images.n++;
      if (n.name === 'br') out.push({ text: '\n', ...flags });
      runsOf(
        n.children,
        {
          bold: flags.bold || n.name === 'strong' || n.name === 'b',
          underline: flags.underline || n.name === 'u',
        },
        out,
        images,
      );
    }
  }
}

/** The rows of a table, not those of tables nested in its cells. */
function rowsOf(table: DomTag): DomTag[] {
  const out: DomTag[] = [];
  const walk = (nodes: DomNode[]) => {
    for (const c of nodes) {
      if (!isTag(c) || c.name === 'table') continue;
      if (c.name === 'tr') out.push(c);
      else walk(c.children);
    }
  };
  walk(table.children);
  return out;
}

/** Reads a .docx into blocks; mammoth's messages (unsupported parts) come back as warnings. */
export async function readWordBlocks(
  bytes: Uint8Array,
): Promise<{ blocks: WordBlock[]; warnings: string[] }> {
  // mammoth unpacks the whole zip in memory: a decompression bomb is stopped here first.
  await checkDocx(bytes);
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { styleMap: ['u => u'], ignoreEmptyParagraphs: true },
  );
  const doc = parseDocument(result.value, { decodeEntities: true });
  const blocks: WordBlock[] = [];
  const visit = (nodes: DomNode[]) => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      if (n.name === 'table') {
        const rows = rowsOf(n).map((tr) =>
          tr.children
            .filter((c): c is DomTag => isTag(c) && (c.name === 'td' || c.name === 'th'))
            .map((c) => textContent(c).replace(/\s+/g, ' ').trim()),
        );
        blocks.push({ kind: 'table', index: blocks.length + 1, rows });
      } else if (n.name === 'ul' || n.name === 'ol') visit(n.children);
      else if (/^(p|li|h[1-6])$/.test(n.name)) {
        const runs: Run[] = [];
        const images = { n: 0 };
        runsOf(n.children, { bold: false, underline: false }, runs, images);
        const text = runs.map((r) => r.text).join('');
        if (text.trim() || images.n)
          blocks.push({ kind: 'paragraph', index: blocks.length + 1, runs, text, images: images.n });
      } else visit(n.children);
    }
  };
  visit(doc.children);
  return { blocks, warnings: result.messages.map((m) => m.message) };
}
