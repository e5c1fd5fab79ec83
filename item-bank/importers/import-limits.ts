/**
 * How much one imported file (Moodle XML, GIFT, Aiken, a sheet, a Word test) may hold. A 2 KB .docx
 * of 10,000 "Câu" paragraphs once blocked the engine 27 s (issue 26, finding 2); a file beyond these
 * budgets is refused whole, with the count and the budget named, before any question is built.
 */
import { ProblemSink, type ParsedQuestions } from './question-draft.ts';

/** Questions in one file: a whole course's bank, far beyond one test, still previewable. */
export const MAX_QUESTIONS_PER_FILE = 3000;

/** Rows of a question sheet (a title and a header row above the questions, a few blank rows). */
export const MAX_SHEET_ROWS = MAX_QUESTIONS_PER_FILE + 100;

const count = (n: number) => n.toLocaleString('en-US');

/** The file's one problem when it holds more questions than MAX_QUESTIONS_PER_FILE. */
export function tooManyQuestions(found: number): ParsedQuestions {
  const sink = new ProblemSink();
  sink.error(
    'too_many_questions',
    `Tệp có ${count(found)} câu hỏi; mỗi tệp nhập tối đa ${count(MAX_QUESTIONS_PER_FILE)} câu. Hãy chia thành nhiều tệp.`,
    `The file holds ${count(found)} questions; at most ${count(MAX_QUESTIONS_PER_FILE)} can be imported from one file. Split it into several files.`,
  );
  return { drafts: [], problems: sink.items };
}
