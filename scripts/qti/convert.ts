/**
 * `npm run qti -- convert <file> --out <dir> [--json]`: turns a teacher's file (Moodle XML, GIFT,
 * Aiken, CSV/XLSX, Word) into QTI 3.0 item files, one per question, with the media each question
 * shows beside it (`media/...`). The questions are read by the same code as the authoring pages'
 * import (`POST /api/item-banks/{id}/imports`, item-bank's previewImport), so both give the same
 * items and the same problems. The last line printed is JSON:
 * `{ items: [{ file, title, problems }], refused: [{ question, reason, line }], problems }`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkQti3Schema,
  formatFromFilename,
  IMPORT_FORMATS,
  parseItemXml,
  previewImport,
  writeItemXml,
  type ImportFormat,
  type ImportProblem,
  type ImportedQuestion,
} from '../../item-bank/index.ts';

export const summary =
  'convert a Moodle XML, GIFT, Aiken, CSV/XLSX or Word file to QTI 3.0 items (one file per question, media beside it)';

const USAGE = `Usage: npm run qti -- convert <file.xml|.gift|.txt|.docx|.csv|.xlsx> --out <dir> [--json] [--format F] [--xsd <folder>]
  --out     folder to write to (created when missing): <identifier>.xml per question, media under media/
  --json    print only the JSON summary (otherwise one line per question comes first)
  --format  ${IMPORT_FORMATS.join('|')} (default: from the file name; .txt is Aiken unless it holds GIFT braces)
  --xsd     a folder of the official QTI 3.0 XSDs: every written item is checked against them
The last line printed is JSON: { items: [{ file, title, problems }], refused: [{ question, reason, line }], problems }.
Exit code: 0 when every question was converted, 2 when some were refused (or fail the XSD check), 1 when nothing could be read.`;

interface ConvertedItem {
  /** The item file, relative to --out. */
  file: string;
  title: string;
  /** How the source file names the question ("Câu 3 (Moodle name)"). */
  question: string;
  number: number;
  identifier: string;
  kind: string;
  /** Media files written for it, relative to --out. */
  media: string[];
  /** Moodle category path and tags (item metadata). */
  category?: string;
  tags?: string[];
  problems: ImportProblem[];
}

interface RefusedQuestion {
  question: string;
  number: number;
  /** The errors, in English (each problem also in Vietnamese under `problems`). */
  reason: string;
  line: number | null;
  problems: ImportProblem[];
}

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A file name not used yet: `name.ext`, then `name-2.ext`... */
function freeName(wanted: string, taken: (name: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  const ext = path.posix.extname(wanted);
  const stem = wanted.slice(0, wanted.length - ext.length);
  for (let i = 2; ; i++) if (!taken(`${stem}-${i}${ext}`)) return `${stem}-${i}${ext}`;
}

/** Writes one converted question; media of the same name but other content get a new name. */
async function writeQuestion(
  q: ImportedQuestion,
  out: string,
  itemFiles: Set<string>,
  mediaFiles: Map<string, string>,
): Promise<ConvertedItem> {
  const renamed = new Map<string, string>();
  const media: string[] = [];
  for (const m of q.media ?? []) {
    const hash = sha(m.data);
    const href = freeName(m.href, (name) => mediaFiles.has(name) && mediaFiles.get(name) !== hash);
    if (href !== m.href) renamed.set(m.href, href);
    if (!mediaFiles.has(href)) {
      mediaFiles.set(href, hash);
      await mkdir(path.dirname(path.join(out, href)), { recursive: true });
      await writeFile(path.join(out, href), m.data);
    }
    media.push(href);
  }
  const model = parseItemXml(q.qtiXml!).item!;
  const xml = renamed.size
    ? writeItemXml(model, { mediaHref: (href) => renamed.get(href) ?? href })
    : q.qtiXml!;
  const file = freeName(`${q.identifier}.xml`, (name) => itemFiles.has(name));
  itemFiles.add(file);
  await writeFile(path.join(out, file), xml);
  return {
    file,
    title: model.title,
    question: q.label,
    number: q.number,
    identifier: q.identifier,
    kind: q.draft.kind,
    media,
    ...(q.draft.category ? { category: q.draft.category } : {}),
    ...(q.draft.tags?.length ? { tags: q.draft.tags } : {}),
    problems: q.problems,
  };
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        xsd: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    return 1;
  }
  const { values: options, positionals } = parsed;
  const source = positionals[0];
  if (options.help || !source || !options.out) {
    console.log(USAGE);
    return options.help ? 0 : 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(source));
  } catch (error) {
    console.error(`Cannot read ${source}: ${(error as Error).message}`);
    return 1;
  }
  const format = (options.format ?? formatFromFilename(source, bytes)) as ImportFormat | undefined;
  if (!format || !IMPORT_FORMATS.includes(format)) {
    console.error(`Say the format with --format ${IMPORT_FORMATS.join('|')} (the file name does not tell).`);
    return 1;
  }
  const preview = await previewImport(format, bytes);
  const out = path.resolve(options.out);
  await mkdir(out, { recursive: true });

  const items: ConvertedItem[] = [];
  const refused: RefusedQuestion[] = [];
  const itemFiles = new Set<string>();
  const mediaFiles = new Map<string, string>();
  for (const q of preview.questions) {
    if (q.item && q.qtiXml) {
      items.push(await writeQuestion(q, out, itemFiles, mediaFiles));
      continue;
    }
    const errors = q.problems.filter((p) => p.severity === 'error');
    refused.push({
      question: q.label,
      number: q.number,
      reason: errors.map((p) => p.messageEn).join(' ') || 'The question could not be built.',
      line: q.draft.line ?? errors.find((p) => p.line)?.line ?? null,
      problems: q.problems,
    });
  }

  let schemaFailed = false;
  if (options.xsd) {
    const documents = await Promise.all(
      items.map(async (i) => ({ fileName: i.file, xml: await readFile(path.join(out, i.file), 'utf8') })),
    );
    let errors: Awaited<ReturnType<typeof checkQti3Schema>>;
    try {
      errors = await checkQti3Schema(documents, options.xsd);
    } catch (error) {
      console.error(`Cannot check against the XSDs: ${(error as Error).message}`);
      return 1;
    }
    for (const item of items)
      for (const e of errors.get(item.file) ?? []) {
        schemaFailed = true;
        item.problems.push({
          number: item.number,
          severity: 'error',
          code: 'qti_schema',
          message: `Câu ${item.number}: tệp QTI không hợp lệ theo lược đồ QTI 3.0${e.line ? ` (dòng ${e.line})` : ''}: ${e.message}`,
          messageEn: `Question ${item.number}: the QTI file is not valid under the QTI 3.0 schema${e.line ? ` (line ${e.line})` : ''}: ${e.message}`,
        });
      }
  }

  if (!options.json) {
    for (const p of preview.problems) console.log(`${source}: ${p.severity} ${p.code}: ${p.messageEn}`);
    for (const item of items) {
      console.log(`${item.file}  ${item.title}${item.media.length ? `  (+${item.media.length} media)` : ''}`);
      for (const p of item.problems) console.log(`  ${p.severity} ${p.code}: ${p.messageEn}`);
    }
    for (const r of refused)
      console.log(`refused: ${r.question}${r.line ? ` (line ${r.line})` : ''}: ${r.reason}`);
    console.log(`${items.length} item(s) written to ${out}, ${refused.length} question(s) refused.`);
  }
  console.log(JSON.stringify({ items, refused, problems: preview.problems }));
  if (!items.length && !refused.length) return 1;
  return refused.length || schemaFailed ? 2 : 0;
}
