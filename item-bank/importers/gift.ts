/**
 * GIFT, Moodle's text format, read with gift-pegjs (a maintained PEG grammar). The file is cut
 * into questions at blank lines outside braces and each is parsed on its own, so one broken
 * question is reported with its line and the others still come through. Answers keep Moodle's
 * meaning: weights as partial credit, `*` wildcards, numeric tolerances and ranges, matching.
 */
import { parse, type GIFTQuestion, type TextFormat } from 'gift-pegjs';
import { htmlContent, htmlParagraphs } from './html-text.ts';
import { addStem, checkGrades, placeMedia, QuestionMedia, reportFlattened } from './moodle-common.ts';
import {
  emptyDraft,
  letter,
  ProblemSink,
  type ImportedMedia,
  type ParsedQuestions,
  type QuestionDraft,
} from './question-draft.ts';

/** Blocks of lines separated by blank lines outside `{...}` and `<pre>`, with the line each starts on. */
function blocks(source: string): Array<{ text: string; line: number; comments: string[] }> {
  const out: Array<{ text: string; line: number; comments: string[] }> = [];
  let comments: string[] = [];
  let current: string[] = [];
  let start = 1;
  let depth = 0;
  let pre = false;
  source.split(/\r?\n/).forEach((line, i) => {
    const content = line.trim().startsWith('//') ? '' : line;
    if (!content.trim() && depth === 0 && !pre) {
      if (current.some((l) => l.trim() && !l.trim().startsWith('//'))) {
        out.push({ text: current.join('\n'), line: start, comments });
        comments = [];
      }
      if (line.trim().startsWith('//')) comments.push(line);
      current = [];
      start = i + 2;
      return;
    }
    if (!current.length) start = i + 1;
    current.push(line);
    for (let j = 0; j < content.length; j++) {
      if (content[j] === '\\') j++;
      else if (content[j] === '{' && !pre) depth++;
      else if (content[j] === '}' && !pre) depth = Math.max(0, depth - 1);
      else if (/^<pre[\s>]/i.test(content.slice(j, j + 5))) pre = true;
      else if (/^<\/pre>/i.test(content.slice(j, j + 6))) pre = false;
    }
  });
  if (current.some((l) => l.trim() && !l.trim().startsWith('//')))
    out.push({ text: current.join('\n'), line: start, comments });
  return out;
}

/**
 * Prepares one GIFT question for gift-pegjs the way Moodle reads it: `<pre>` blocks are set aside
 * (the parser would fold their lines), `= ~ # :` in the question text are literal (Moodle only
 * looks for braces there), a numeric answer followed by wrong-answer feedback (`{#3:2~#Wrong}`)
 * is written in the long form, and `[tag:...]`/`[id:...]` in comments are taken out.
 */
function prepare(block: string): { text: string; pre: string[]; tags: string[]; ids: string[] } {
  const pre: string[] = [];
  const tags: string[] = [];
  const ids: string[] = [];
  let text = block.replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (m) => `\u27E6${pre.push(m) - 1}\u27E7`);
  text = text
    .split('\n')
    .map((l) => {
      if (!l.trim().startsWith('//')) return l;
      for (const m of l.matchAll(/\[tag:([^\]]+)\]/g)) tags.push(m[1]!.trim());
      for (const m of l.matchAll(/\[id:([^\]]+)\]/g)) ids.push(m[1]!.trim());
      return l;
    })
    .join('\n');
  // The question text: after the title and before the first unescaped brace (and after the last closing one).
  const lines = text.split('\n');
  const firstBody = lines.findIndex((l) => !l.trim().startsWith('//'));
  const comments = lines.slice(0, Math.max(0, firstBody)).join('\n');
  let body = lines.slice(Math.max(0, firstBody)).join('\n');
  const title = /^\s*::(?:\\.|[^:]|:(?!:))*::/.exec(body)?.[0] ?? '';
  body = body.slice(title.length);
  const open = unescapedIndex(body, '{');
  const close = open < 0 ? -1 : unescapedIndex(body, '}', open);
  const literal = (t: string) =>
    t
      .replace(/\[tag:[^\]]+\]|\[id:[^\]]+\]/g, (m) => {
        const tag = /^\[tag:(.+)\]$/.exec(m);
        if (tag) tags.push(tag[1]!.trim());
        const id = /^\[id:(.+)\]$/.exec(m);
        if (id) ids.push(id[1]!.trim());
        return '';
      })
      .replace(/(^|[^\\])(?=[=~#:])/g, '$1\\')
      .replace(/^\\(?=\[)/, '');
  if (open >= 0 && close > open) {
    let answers = body.slice(open, close + 1);
    const numeric = /^\{\s*#(?!\s*[=~])([^~}]*)~([\s\S]*)\}$/.exec(answers);
    if (numeric) answers = `{#=${numeric[1]!.trim()} ~${numeric[2]}}`;
    body = literal(body.slice(0, open)) + answers + literal(body.slice(close + 1));
  } else body = literal(body);
  return { text: [comments, title + body].filter(Boolean).join('\n'), pre, tags, ids };
}

function unescapedIndex(s: string, ch: string, from = 0): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

/** GIFT text as HTML: the moodle and html formats are HTML, plain and markdown are lines of text. */
function htmlOfText(t: TextFormat | null | undefined, pre: string[]): string {
  if (!t) return '';
  const restore = (s: string) => s.replace(/\u27E6(\d+)\u27E7/g, (_, i: string) => pre[Number(i)] ?? '');
  if (t.format === 'html' || t.format === 'moodle') return restore(t.text);
  return restore(
    t.text
      .split(/\n/)
      .map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
      .join('<br>'),
  );
}

const plainOf = (t: TextFormat | null | undefined) => htmlParagraphs(htmlOfText(t, [])).join(' ').trim();

type NumericChoice = {
  type: 'simple' | 'range' | 'high-low';
  number?: number;
  range?: number;
  numberHigh?: number;
  numberLow?: number;
};
/** A numeric answer as a value and Moodle's nominal tolerance. */
function numericAnswer(c: NumericChoice | TextFormat): { text: string; tolerance: number } {
  if ('format' in c) return { text: c.text.trim() || '*', tolerance: 0 };
  if (c.type === 'high-low') {
    const hi = c.numberHigh ?? 0;
    const lo = c.numberLow ?? 0;
    return { text: String((hi + lo) / 2), tolerance: Math.abs(hi - lo) / 2 };
  }
  return { text: String(c.number ?? ''), tolerance: Math.abs(c.range ?? 0) };
}

/** Reads a GIFT file into drafts. */
export function parseGift(source: string): ParsedQuestions {
  const sink = new ProblemSink();
  const drafts: QuestionDraft[] = [];
  const mediaByQuestion: Record<number, ImportedMedia[]> = {};
  let category: string | undefined;
  for (const block of blocks(source.replace(/^\uFEFF/, ''))) {
    let parsed: GIFTQuestion[];
    const number = drafts.length + 1;
    const prepared = prepare(block.text);
    for (const c of block.comments) {
      for (const m of c.matchAll(/\[tag:([^\]]+)\]/g)) prepared.tags.push(m[1]!.trim());
      for (const m of c.matchAll(/\[id:([^\]]+)\]/g)) prepared.ids.push(m[1]!.trim());
    }
    try {
      parsed = parse(`${prepared.text}\n`);
    } catch (error) {
      const e = error as { location?: { start: { line: number } }; message: string };
      const line = block.line + (e.location?.start.line ?? 1) - 1;
      const draft = emptyDraft(number, `Câu ${number}`, { line });
      draft.stem = [block.text.split('{')[0]!.trim()];
      drafts.push(draft);
      sink.error(
        'gift_syntax',
        `Câu ${number} (dòng ${line}): sai cú pháp GIFT (${e.message}). Dấu ~ = # { } : trong đáp án cần viết \\~ \\= \\# \\{ \\} \\:.`,
        `Question ${number} (line ${line}): GIFT syntax error (${e.message}). Write ~ = # { } : inside answers as \\~ \\= \\# \\{ \\} \\:.`,
        { number, line },
      );
      continue;
    }
    for (const q of parsed) {
      if (q.type === 'Category') {
        category =
          q.title.replace(/^\$(course|system|module|cat\d*)\$\/?/, '').replace(/^top\/?/, '') || undefined;
        continue;
      }
      if (q.type === 'Description') continue;
      const n = drafts.length + 1;
      const draft = emptyDraft(n, q.title ? `Câu ${n} (${q.title})` : `Câu ${n}`, { line: block.line });
      const at = { number: n, line: block.line };
      const where = {
        vi: q.title ? `Câu ${n} (${q.title})` : `Câu ${n}`,
        en: q.title ? `Question ${n} (${q.title})` : `Question ${n}`,
        at,
      };
      const media = new QuestionMedia();
      addStem(draft, htmlOfText(q.stem, prepared.pre), media, sink, where);
      if (q.globalFeedback)
        draft.feedback = htmlParagraphs(htmlOfText(q.globalFeedback, prepared.pre)).join('\n');
      if (category) draft.category = category;
      if (prepared.tags.length) draft.tags = [...new Set(prepared.tags)];
      for (const id of new Set(prepared.ids))
        sink.warning(
          'idnumber_dropped',
          `${where.vi}: mã ID của Moodle ("${id}") không được giữ; câu hỏi có mã riêng trong ngân hàng.`,
          `${where.en}: Moodle's ID number ("${id}") is not kept; the item gets its own identifier in the bank.`,
          at,
        );
      const feedbackOf = (t: TextFormat) => htmlParagraphs(htmlOfText(t, prepared.pre)).join('\n');
      const fraction = (c: { isCorrect: boolean; weight: number | null }) =>
        c.weight !== null ? c.weight / 100 : c.isCorrect ? 1 : 0;
      switch (q.type) {
        case 'MC': {
          // Moodle: one choice at least marked "=" makes a single-answer question; only "~" choices with weights, several answers.
          const single = q.choices.some((c) => c.isCorrect);
          draft.kind = single ? 'single' : 'multiple';
          checkGrades(q.choices.map(fraction), sink, where, at);
          const weighted =
            q.choices.some((c) => c.weight !== null) || q.choices.filter((c) => c.isCorrect).length > 1;
          const best = Math.max(...q.choices.map(fraction));
          draft.options = q.choices.map((c, i) => {
            const content = htmlContent(htmlOfText(c.text, prepared.pre));
            placeMedia(draft, content, media, sink, where, { option: letter(i) });
            const f = fraction(c);
            return {
              label: letter(i),
              text: content.paragraphs.join(' '),
              correct: single ? f === best && f > 0 : f > 0,
              ...(weighted ? { fraction: Math.max(-1, Math.min(1, f)) } : {}),
              ...(c.feedback?.text.trim() ? { feedback: feedbackOf(c.feedback) } : {}),
            };
          });
          break;
        }
        case 'TF': {
          // Moodle: {TRUE#feedback for the wrong answer#feedback for the right answer}.
          const wrong = q.trueFeedback?.text.trim() ? { feedback: feedbackOf(q.trueFeedback) } : {};
          const right = q.falseFeedback?.text.trim() ? { feedback: feedbackOf(q.falseFeedback) } : {};
          draft.options = [
            { label: 'A', text: 'Đúng', correct: q.isTrue, ...(q.isTrue ? right : wrong) },
            { label: 'B', text: 'Sai', correct: !q.isTrue, ...(q.isTrue ? wrong : right) },
          ];
          break;
        }
        case 'Short':
          draft.kind = 'shortAnswer';
          draft.wildcards = true;
          checkGrades(q.choices.map(fraction), sink, where, at);
          draft.answers = q.choices.map((c) => plainOf(c.text));
          draft.answerFractions = q.choices.map((c) => Math.max(0, Math.min(1, fraction(c))));
          if (q.choices.some((c) => c.feedback?.text.trim()))
            draft.answerFeedbacks = q.choices.map((c) => (c.feedback ? feedbackOf(c.feedback) : ''));
          break;
        case 'Numerical': {
          draft.kind = 'numeric';
          const choices = Array.isArray(q.choices)
            ? q.choices.map((c) => ({
                read: numericAnswer(c.text as NumericChoice | TextFormat),
                f: fraction(c),
                fb: !!c.feedback?.text.trim(),
                fbText: c.feedback ? feedbackOf(c.feedback) : '',
              }))
            : [{ read: numericAnswer(q.choices as NumericChoice), f: 1, fb: false, fbText: '' }];
          checkGrades(
            choices.map((c) => c.f),
            sink,
            where,
            at,
          );
          draft.answers = choices.map((c) => c.read.text);
          draft.tolerances = choices.map((c) => c.read.tolerance);
          draft.answerFractions = choices.map((c) => Math.max(0, Math.min(1, c.f)));
          if (choices.some((c) => c.fb)) draft.answerFeedbacks = choices.map((c) => c.fbText);
          break;
        }
        case 'Essay':
          draft.kind = 'essay';
          break;
        case 'Matching':
          draft.kind = 'matching';
          draft.shuffle = true;
          draft.pairs = q.matchPairs.map((pr) => ({
            prompt: plainOf(pr.subquestion),
            answer: pr.subanswer.trim(),
          }));
          break;
      }
      reportFlattened(
        [
          htmlOfText(q.stem, prepared.pre),
          ...('choices' in q && Array.isArray(q.choices)
            ? q.choices.map((c) => ('format' in c.text ? htmlOfText(c.text, prepared.pre) : ''))
            : []),
        ],
        [
          htmlOfText(q.globalFeedback, prepared.pre),
          ...('choices' in q && Array.isArray(q.choices)
            ? q.choices.map((c) => htmlOfText(c.feedback, prepared.pre))
            : []),
        ].join('\n'),
        sink,
        where,
      );
      if (media.files.length) mediaByQuestion[n] = media.files;
      drafts.push(draft);
    }
  }
  return { drafts, problems: sink.items, media: mediaByQuestion };
}
