/**
 * GIFT, Moodle's text format, read with gift-pegjs (a maintained PEG grammar). The file is cut
 * into questions at blank lines outside braces and each is parsed on its own, so one broken
 * question is reported with its line and the others still come through.
 */
import { parse, type GIFTQuestion, type TextFormat } from 'gift-pegjs';
import { htmlParagraphs } from './html-text.ts';
import {
  emptyDraft,
  letter,
  ProblemSink,
  type ParsedQuestions,
  type QuestionDraft,
} from './question-draft.ts';

/** Blocks of lines separated by blank lines outside `{...}`, with the line each starts on. */
function blocks(source: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let current: string[] = [];
  let start = 1;
  let depth = 0;
  source.split(/\r?\n/).forEach((line, i) => {
    const content = line.trim().startsWith('//') ? '' : line;
    if (!content.trim() && depth === 0) {
      if (current.some((l) => l.trim() && !l.trim().startsWith('//')))
        out.push({ text: current.join('\n'), line: start });
      current = [];
      start = i + 2;
      return;
    }
    if (!current.length) start = i + 1;
    current.push(line);
    for (let j = 0; j < content.length; j++) {
      if (content[j] === '\\') j++;
      else if (content[j] === '{') depth++;
      else if (content[j] === '}') depth = Math.max(0, depth - 1);
    }
  });
  if (current.some((l) => l.trim() && !l.trim().startsWith('//')))
    out.push({ text: current.join('\n'), line: start });
  return out;
}

const plain = (t: TextFormat | null | undefined): string[] =>
  t
    ? t.format === 'html'
      ? htmlParagraphs(t.text)
      : t.text
          .split(/\n+/)
          .map((s) => s.trim())
          .filter(Boolean)
    : [];

/** Reads a GIFT file into drafts. */
export function parseGift(source: string): ParsedQuestions {
  const sink = new ProblemSink();
  const drafts: QuestionDraft[] = [];
  for (const block of blocks(source.replace(/^\uFEFF/, ''))) {
    let parsed: GIFTQuestion[];
    const number = drafts.length + 1;
    try {
      parsed = parse(`${block.text}\n`);
    } catch (error) {
      const e = error as { location?: { start: { line: number } }; message: string };
      const line = block.line + (e.location?.start.line ?? 1) - 1;
      const draft = emptyDraft(number, `Câu ${number}`, { line });
      draft.stem = [block.text.split('{')[0]!.trim()];
      drafts.push(draft);
      sink.error(
        'gift_syntax',
        `Câu ${number} (dòng ${line}): sai cú pháp GIFT (${e.message}). Dấu ~ = # { } : trong nội dung cần viết \\~ \\= \\# \\{ \\} \\:.`,
        `Question ${number} (line ${line}): GIFT syntax error (${e.message}). Write ~ = # { } : inside text as \\~ \\= \\# \\{ \\} \\:.`,
        { number, line },
      );
      continue;
    }
    for (const q of parsed) {
      if (q.type === 'Category' || q.type === 'Description') continue;
      const n = drafts.length + 1;
      const draft = emptyDraft(n, q.title ? `Câu ${n} (${q.title})` : `Câu ${n}`, { line: block.line });
      draft.stem = plain(q.stem);
      if (q.globalFeedback) draft.feedback = plain(q.globalFeedback).join('\n');
      const at = { number: n, line: block.line };
      switch (q.type) {
        case 'MC': {
          const positive = q.choices.filter((c) => c.isCorrect || (c.weight ?? 0) > 0);
          draft.kind =
            q.choices.some((c) => c.weight !== null) && positive.length > 1 ? 'multiple' : 'single';
          draft.options = q.choices.map((c, i) => ({
            label: letter(i),
            text: plain(c.text).join(' '),
            correct: c.isCorrect || (c.weight ?? 0) > 0,
          }));
          break;
        }
        case 'TF':
          draft.options = [
            { label: 'A', text: 'Đúng', correct: q.isTrue },
            { label: 'B', text: 'Sai', correct: !q.isTrue },
          ];
          break;
        case 'Short':
          draft.kind = 'shortAnswer';
          draft.answers = q.choices
            .filter((c) => c.isCorrect || (c.weight ?? 0) >= 100)
            .map((c) => plain(c.text).join(' '));
          break;
        case 'Numerical': {
          draft.kind = 'shortAnswer';
          const choices = Array.isArray(q.choices)
            ? q.choices.filter((c) => c.isCorrect).map((c) => c.text)
            : [q.choices];
          for (const c of choices) {
            if (c.type === 'simple' && c.number !== undefined && !c.range)
              draft.answers.push(String(c.number));
            else
              sink.warning(
                'gift_numeric_range',
                `Câu ${n}: đáp án số theo khoảng chưa được hỗ trợ; chỉ nhận đáp án đúng bằng một số.`,
                `Question ${n}: numeric ranges are not supported yet; only exact numbers are kept.`,
                at,
              );
          }
          break;
        }
        case 'Essay':
          draft.kind = 'essay';
          break;
        case 'Matching':
          sink.error(
            'gift_unsupported',
            `Câu ${n}: câu ghép đôi (matching) của GIFT chưa được hỗ trợ khi nhập; hãy bỏ câu này.`,
            `Question ${n}: GIFT matching questions cannot be imported yet; remove this question.`,
            at,
          );
          break;
      }
      drafts.push(draft);
    }
  }
  return { drafts, problems: sink.items };
}
