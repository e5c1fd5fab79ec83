/**
 * What every importer produces before anything becomes an item: a plain question draft (stem,
 * options with their key, accepted answers) with the place it came from, and problems written as
 * a sentence in Vietnamese and English. Drafts are JSON, so a preview can show them and a
 * confirmation can send corrections back.
 */
import { z } from 'zod';

export const QUESTION_KINDS = [
  'single',
  'multiple',
  'trueFalse',
  'shortAnswer',
  'numeric',
  'matching',
  'cloze',
  'essay',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** One gap of a cloze question (Moodle multianswer). */
export const ClozeGap = z.object({
  /** short: typed text; numeric: a number within a tolerance; choice: one option; multiple: several options. */
  kind: z.enum(['short', 'numeric', 'choice', 'multiple']),
  /** Relative weight among the gaps (Moodle's `{2:...}`). */
  weight: z.number().min(0).max(1000),
  /** Options shown as a drop-down (inline), or as a vertical or horizontal list. */
  display: z.enum(['inline', 'vertical', 'horizontal']).optional(),
  shuffle: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  /** Answers (short, numeric) or options (choice, multiple) with their share of the gap's points. */
  answers: z
    .array(
      z.object({
        text: z.string().max(2000),
        fraction: z.number().min(-1).max(1),
        tolerance: z.number().min(0).optional(),
        /** Shown after this answer (Moodle's feedback after `#`). */
        feedback: z.string().max(5000).optional(),
      }),
    )
    .max(50),
});
export type ClozeGap = z.infer<typeof ClozeGap>;

/** A media file a question shows: in the stem after a paragraph, or in an option. */
export const DraftMedia = z.object({
  /** The file's path as the item refers to it (`media/flag.png`). */
  href: z.string().max(300),
  contentType: z.string().max(100),
  alt: z.string().max(500).optional(),
  /** The stem paragraph it follows (-1: before the stem), or the option label it belongs to. */
  after: z.number().int().min(-1).optional(),
  option: z.string().max(10).optional(),
});
export type DraftMedia = z.infer<typeof DraftMedia>;

export const QuestionDraft = z.object({
  /** Position in the file, from 1, unique within one import. */
  number: z.number().int().min(1),
  /** How the file names the question, such as "Phần II – Câu 3". */
  label: z.string().max(200),
  kind: z.enum(QUESTION_KINDS),
  /** Stem paragraphs as plain text. */
  stem: z.array(z.string().max(20_000)).max(200),
  /**
   * Choices (single, multiple) or statements (trueFalse). `correct` is whether the choice is
   * keyed, or whether the statement is true; null when the file does not say.
   */
  options: z
    .array(
      z.object({
        label: z.string().max(10),
        text: z.string().max(5000),
        correct: z.boolean().nullable(),
        /**
         * Moodle's share of the points for choosing it, -1 to 1 (0.5 = half, negative = a penalty);
         * absent: 1 when correct, else 0, all or nothing.
         */
        fraction: z.number().min(-1).max(1).optional(),
        /** Shown to a candidate who chose it, after answering (Moodle's per-answer feedback). */
        feedback: z.string().max(5000).optional(),
      }),
    )
    .max(26),
  /**
   * Accepted answers of a short answer question, or the numbers of a numeric one, in the order
   * they are tried (the first that matches gives its credit, as in Moodle).
   */
  answers: z.array(z.string().max(500)).max(50),
  /** The share of the points each of `answers` gives (0 to 1); absent: every answer gives full points. */
  answerFractions: z.array(z.number().min(0).max(1)).max(50).optional(),
  /** Feedback shown after each of `answers` matched (Moodle's per-answer feedback); '' for none. */
  answerFeedbacks: z.array(z.string().max(5000)).max(50).optional(),
  /** Moodle's combined feedback: for a fully correct, a partly correct and an incorrect response. */
  combinedFeedback: z
    .object({
      correct: z.string().max(5000).optional(),
      partial: z.string().max(5000).optional(),
      incorrect: z.string().max(5000).optional(),
    })
    .optional(),
  /** Numeric questions: how far from each of `answers` a response may be (absolute, Moodle's nominal tolerance). */
  tolerances: z.array(z.number().min(0)).max(50).optional(),
  /** Short answers: `*` in an answer matches any text, `\*` is a literal star (Moodle's rule). */
  wildcards: z.boolean().optional(),
  /** Short answers: letter case must match (Moodle's usecase); the default ignores it. */
  caseSensitive: z.boolean().optional(),
  /** Matching: each prompt and its answer; a pair with an empty prompt is a distractor answer. */
  pairs: z
    .array(z.object({ prompt: z.string().max(5000), answer: z.string().max(5000) }))
    .max(50)
    .optional(),
  /** Cloze: the gaps, written `{#1}`, `{#2}` ... in the stem. */
  gaps: z.array(ClozeGap).max(100).optional(),
  /** Options (or matching answers) shown in a new random order to each candidate (Moodle's shuffleanswers). */
  shuffle: z.boolean().optional(),
  /** Stem paragraphs (by index) that are code or preformatted text: line breaks and spaces kept. */
  preformatted: z.array(z.number().int().min(0)).max(200).optional(),
  /** Pictures, sound and video the question shows, from the file's own media (see ParsedQuestions.media). */
  media: z.array(DraftMedia).max(50).optional(),
  /** Moodle category path and tags, kept as metadata. */
  category: z.string().max(1000).optional(),
  tags: z.array(z.string().max(200)).max(50).optional(),
  /** Maximum score; the 2025 true/false cluster always scores 0.1/0.25/0.5/1 of it. */
  points: z.number().positive().max(1000).optional(),
  feedback: z.string().max(5000).optional(),
  /**
   * The identifier the source gives the question (QTI 1.2 `ident`), kept as the item's identifier
   * so a re-import of the same question meets its earlier version; absent: a hash of the content.
   */
  sourceIdentifier: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/)
    .max(200)
    .optional(),
  /** Line (text formats) or paragraph (Word) where the question starts. */
  line: z.number().int().optional(),
  paragraph: z.number().int().optional(),
});
export type QuestionDraft = z.infer<typeof QuestionDraft>;

export interface ImportProblem {
  /** The question it concerns; absent for problems of the whole file. */
  number?: number;
  line?: number;
  paragraph?: number;
  severity: 'error' | 'warning';
  code: string;
  /** Plain Vietnamese sentence. */
  message: string;
  /** The same sentence in English. */
  messageEn: string;
}

/** Collects problems for one question or the whole file. */
export class ProblemSink {
  readonly items: ImportProblem[] = [];
  add(
    severity: ImportProblem['severity'],
    code: string,
    message: string,
    messageEn: string,
    at: { number?: number; line?: number; paragraph?: number } = {},
  ) {
    this.items.push({ ...at, severity, code, message, messageEn });
  }
  error(code: string, vi: string, en: string, at?: { number?: number; line?: number; paragraph?: number }) {
    this.add('error', code, vi, en, at);
  }
  warning(code: string, vi: string, en: string, at?: { number?: number; line?: number; paragraph?: number }) {
    this.add('warning', code, vi, en, at);
  }
}

/** A media file an imported question carries, under the href its item uses. */
export interface ImportedMedia {
  href: string;
  contentType: string;
  data: Uint8Array;
}

/** What a parser of one format gives: drafts, and problems (per question or for the file). */
export interface ParsedQuestions {
  drafts: QuestionDraft[];
  problems: ImportProblem[];
  /** Media files by question number (kept when a correction replaces the draft). */
  media?: Record<number, ImportedMedia[]>;
}

/** A new draft with empty parts. */
export const emptyDraft = (
  number: number,
  label: string,
  at: { line?: number; paragraph?: number } = {},
): QuestionDraft => ({
  number,
  label,
  kind: 'single',
  stem: [],
  options: [],
  answers: [],
  ...at,
});

/** Option letters A, B, C ... */
export const letter = (i: number) => String.fromCharCode(65 + i);
