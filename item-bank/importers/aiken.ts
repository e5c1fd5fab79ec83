/**
 * Aiken: the plain-text multiple-choice format Moodle reads. A question is its stem lines, then
 * options "A." or "A)", then "ANSWER: B"; questions are separated by blank lines.
 */
import { emptyDraft, ProblemSink, type ParsedQuestions, type QuestionDraft } from './question-draft.ts';

const OPTION = /^([A-Z])[.)]\s*(\S.*)$/;
const ANSWER = /^ANSWER\s*:\s*([A-Z](?:\s*,\s*[A-Z])*)\s*$/i;

/** Reads an Aiken file into drafts; each question is checked on its own. */
export function parseAiken(source: string): ParsedQuestions {
  const sink = new ProblemSink();
  const drafts: QuestionDraft[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let block: Array<{ text: string; line: number }> = [];
  const flush = () => {
    if (!block.length) return;
    const number = drafts.length + 1;
    const draft = emptyDraft(number, `Câu ${number}`, { line: block[0]!.line });
    const at = { number, line: block[0]!.line };
    let answer: string[] | undefined;
    for (const { text, line } of block) {
      const option = OPTION.exec(text);
      const key = ANSWER.exec(text);
      if (key) answer = key[1]!.toUpperCase().split(/\s*,\s*/);
      else if (option && (draft.stem.length || draft.options.length))
        draft.options.push({ label: option[1]!, text: option[2]!.trim(), correct: false });
      else if (draft.options.length)
        sink.error(
          'aiken_stray_line',
          `Câu ${number}, dòng ${line}: dòng "${text.slice(0, 40)}" không phải phương án (A. ...) hay ANSWER:.`,
          `Question ${number}, line ${line}: "${text.slice(0, 40)}" is neither an option (A. ...) nor ANSWER:.`,
          at,
        );
      else draft.stem.push(text);
    }
    // A missing ANSWER line leaves every option unkeyed; the item check reports it.
    if (answer) {
      const missing = answer.filter((a) => !draft.options.some((o) => o.label === a));
      if (missing.length)
        sink.error(
          'aiken_unknown_answer',
          `Câu ${number} (dòng ${at.line}): đáp án ${missing.join(', ')} không có trong các phương án.`,
          `Question ${number} (line ${at.line}): answer ${missing.join(', ')} is not one of the options.`,
          at,
        );
      for (const o of draft.options) o.correct = answer.includes(o.label);
      if (answer.length > 1) draft.kind = 'multiple';
    }
    drafts.push(draft);
    block = [];
  };
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) flush();
    else block.push({ text, line: i + 1 });
  });
  flush();
  return { drafts, problems: sink.items };
}
