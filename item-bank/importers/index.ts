/**
 * Importers of the formats teachers already have: Moodle XML, GIFT, Aiken, CSV/XLSX question
 * sheets and Word tests in the Vietnamese layout. Each gives question drafts, the authoring item
 * built from each, and per-question problems; nothing is stored here. A confirmation re-reads the
 * file with the teacher's decisions (questions left out, drafts corrected in the preview).
 */
import type { AuthoringItem } from '../authoring/authoring-item.ts';
import { parseAiken } from './aiken.ts';
import { buildItem, draftIdentifier, draftText } from './build-item.ts';
import { parseGift } from './gift.ts';
import { MAX_QUESTIONS_PER_FILE, tooManyQuestions } from './import-limits.ts';
import { parseMoodleXml } from './moodle-xml.ts';
import { parseQti12Upload } from './qti12-package.ts';
import { isQti12Document } from './qti12.ts';
import {
  ProblemSink,
  QuestionDraft,
  type ImportedMedia,
  type ImportProblem,
  type ParsedQuestions,
} from './question-draft.ts';
import { parseSheet } from './sheet.ts';
import { parseVietnameseTest } from './vietnamese-test.ts';
import { readWordBlocks } from './word-blocks.ts';

export {
  QuestionDraft,
  QUESTION_KINDS,
  type QuestionKind,
  type ImportProblem,
  type ImportedMedia,
} from './question-draft.ts';
export { buildItem, draftIdentifier, draftText } from './build-item.ts';

export const IMPORT_FORMATS = ['moodle', 'gift', 'aiken', 'csv', 'xlsx', 'docx', 'qti12'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * The format a file name suggests (.xml is Moodle XML unless it is QTI 1.2 `questestinterop`; a
 * .zip is a Canvas/Blackboard QTI 1.2 export; .txt is Aiken unless it holds GIFT braces).
 */
export function formatFromFilename(name: string, bytes?: Uint8Array): ImportFormat | undefined {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'xml' || ext === 'qti')
    return bytes && isQti12Document(new TextDecoder().decode(bytes.subarray(0, 4000))) ? 'qti12' : 'moodle';
  if (ext === 'zip') return 'qti12';
  if (ext === 'gift') return 'gift';
  if (ext === 'csv' || ext === 'xlsx' || ext === 'docx') return ext;
  if (ext === 'txt') return bytes && /\{[^}]*[=~#T]/.test(new TextDecoder().decode(bytes)) ? 'gift' : 'aiken';
  return undefined;
}

export interface ImportedQuestion {
  number: number;
  label: string;
  draft: QuestionDraft;
  /** Present when the question has no error. */
  item?: AuthoringItem;
  qtiXml?: string;
  identifier: string;
  /** Searchable text (stem and options). */
  text: string;
  problems: ImportProblem[];
  /** Left out by the teacher. */
  skipped: boolean;
  /**
   * The media files the item refers to (Moodle's embedded files), under the href the item uses;
   * to be stored with the item version (ItemVersionInput.media).
   */
  media?: ImportedMedia[];
}

export interface ImportPreview {
  format: ImportFormat;
  questions: ImportedQuestion[];
  /** Problems of the whole file. */
  problems: ImportProblem[];
  /** True when every question not left out has an item and the file has no error. */
  ok: boolean;
}

export interface ImportDecisions {
  /** Question numbers to leave out. */
  skip?: number[];
  /** Corrected drafts by question number; a correction replaces what was read. */
  fixes?: Record<string, QuestionDraft>;
}

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

async function parse(format: ImportFormat, bytes: Uint8Array): Promise<ParsedQuestions> {
  switch (format) {
    case 'moodle':
      return parseMoodleXml(utf8(bytes));
    case 'gift':
      return parseGift(utf8(bytes));
    case 'aiken':
      return parseAiken(utf8(bytes));
    case 'csv':
    case 'xlsx':
      return parseSheet(bytes, format);
    case 'qti12':
      return parseQti12Upload(bytes);
    case 'docx': {
      let read: Awaited<ReturnType<typeof readWordBlocks>>;
      try {
        read = await readWordBlocks(bytes);
      } catch (error) {
        const sink = new ProblemSink();
        sink.error(
          'docx_unreadable',
          `Không đọc được tệp Word (.docx): ${(error as Error).message}`,
          `The Word file (.docx) cannot be read: ${(error as Error).message}`,
        );
        return { drafts: [], problems: sink.items };
      }
      return parseVietnameseTest(read.blocks);
    }
  }
}

/** Reads a file and builds every question, applying the teacher's decisions. Stores nothing. */
export async function previewImport(
  format: ImportFormat,
  bytes: Uint8Array,
  decisions: ImportDecisions = {},
): Promise<ImportPreview> {
  let parsed: ParsedQuestions;
  try {
    parsed = await parse(format, bytes);
  } catch (error) {
    // A reader's own failure is the file's problem, never a crash of the import.
    const sink = new ProblemSink();
    const message = error instanceof Error ? error.message.slice(0, 300) : String(error);
    sink.error('file_unreadable', `Không đọc được tệp: ${message}`, `The file cannot be read: ${message}`);
    parsed = { drafts: [], problems: sink.items };
  }
  if (parsed.drafts.length > MAX_QUESTIONS_PER_FILE) parsed = tooManyQuestions(parsed.drafts.length);
  const skip = new Set(decisions.skip ?? []);
  const fileProblems = parsed.problems.filter((p) => p.number === undefined);
  // Grouped once: a file of thousands of questions must cost thousands of steps, not millions.
  const problemsOf = new Map<number, ImportProblem[]>();
  for (const p of parsed.problems) {
    if (p.number === undefined) continue;
    const list = problemsOf.get(p.number);
    if (list) list.push(p);
    else problemsOf.set(p.number, [p]);
  }
  const questions = parsed.drafts.map((read): ImportedQuestion => {
    const fix = decisions.fixes?.[String(read.number)];
    const draft = fix ? QuestionDraft.parse({ ...fix, number: read.number }) : read;
    const built = buildItem(draft);
    const problems = [...(fix ? [] : (problemsOf.get(read.number) ?? [])), ...built.problems];
    const failed = problems.some((p) => p.severity === 'error');
    return {
      number: draft.number,
      label: draft.label,
      draft,
      ...(!failed && built.item ? { item: built.item, qtiXml: built.qtiXml } : {}),
      identifier: draftIdentifier(draft),
      text: draftText(draft),
      problems,
      skipped: skip.has(draft.number),
      ...(parsed.media?.[read.number]?.length ? { media: parsed.media[read.number] } : {}),
    };
  });
  const kept = questions.filter((q) => !q.skipped);
  if (!parsed.drafts.length && !fileProblems.length)
    fileProblems.push({
      severity: 'error',
      code: 'no_questions',
      message: 'Tệp không có câu hỏi nào.',
      messageEn: 'The file holds no questions.',
    });
  return {
    format,
    questions,
    problems: fileProblems,
    ok: !fileProblems.some((p) => p.severity === 'error') && kept.length > 0 && kept.every((q) => q.item),
  };
}
