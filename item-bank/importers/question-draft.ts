/**
 * What every importer produces before anything becomes an item: a plain question draft (stem,
 * options with their key, accepted answers) with the place it came from, and problems written as
 * a sentence in Vietnamese and English. Drafts are JSON, so a preview can show them and a
 * confirmation can send corrections back.
 */
import { z } from 'zod';

export const QUESTION_KINDS = ['single', 'multiple', 'trueFalse', 'shortAnswer', 'essay'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

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
      z.object({ label: z.string().max(10), text: z.string().max(5000), correct: z.boolean().nullable() }),
    )
    .max(26),
  /** Accepted answers of a short answer question. */
  answers: z.array(z.string().max(500)).max(50),
  /** Maximum score; the 2025 true/false cluster always scores 0.1/0.25/0.5/1 of it. */
  points: z.number().positive().max(1000).optional(),
  feedback: z.string().max(5000).optional(),
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

/** What a parser of one format gives: drafts, and problems (per question or for the file). */
export interface ParsedQuestions {
  drafts: QuestionDraft[];
  problems: ImportProblem[];
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
