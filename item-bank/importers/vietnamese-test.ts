/**
 * Tests written the way Vietnamese teachers write them in Word: "Câu 1." starts a question,
 * "A. ... B. ..." options (several on one line too), the key underlined, in bold, marked with an
 * asterisk, given on an "Đáp án: B" line, or in an "ĐÁP ÁN" section (text or table) at the end.
 * The 2025 format's parts are followed: PHẦN I choices, PHẦN II true/false clusters "a) b) c) d)",
 * PHẦN III short answers; question numbers restart in each part.
 */
import { foldVietnamese } from '../search/fold-vietnamese.ts';
import {
  emptyDraft,
  ProblemSink,
  type ParsedQuestions,
  type QuestionDraft,
  type QuestionKind,
} from './question-draft.ts';
import type { Run, WordBlock } from './word-blocks.ts';

const QUESTION = /^(?:Câu|Question)\s*(\d+)\s*[.:)]?\s*(?:\([^)]*điểm[^)]*\)\s*[.:]?)?\s*/iu;
const PART = /^PHẦN\s+([IVX]+|\d+)\b/iu;
const OPTION_AT = /(^|\s)(\*?)([A-H])[.)](?=\s|$)/gu;
const STATEMENT = /^(\*?)([a-h])\)\s*/u;
const KEY_SECTION = /^(?:bảng\s+)?(?:đáp án|hướng dẫn chấm)(?:\s+(?:và|&)\s+hướng dẫn chấm)?\s*[:.]?\s*$/iu;
const INLINE_KEY = /^(?:đáp án|đáp số|answer|key)\s*[:.]\s*(.+)$/iu;
const TRUTH = /\(\s*(đ|s|đúng|sai)\s*\)\s*$/iu;

interface Marked {
  text: string;
  underline: boolean;
  bold: boolean;
}

/** Per-character formatting of a paragraph, so a line holding several options can be split. */
function chars(runs: Run[]): Marked[] {
  return runs.flatMap((r) => [...r.text].map((ch) => ({ text: ch, underline: r.underline, bold: r.bold })));
}
const slice = (cs: Marked[], from: number, to: number) => {
  const part = cs.slice(from, to);
  const visible = part.filter((c) => c.text.trim());
  const share = (f: 'underline' | 'bold') =>
    visible.length > 0 && visible.filter((c) => c[f]).length / visible.length >= 0.6;
  return {
    text: part.map((c) => c.text).join(''),
    underline: share('underline'),
    bold: share('bold'),
  };
};

interface OptionCandidate {
  label: string;
  text: string;
  asterisk: boolean;
  underline: boolean;
  bold: boolean;
}

/** Options on one line ("A. 2   B. 3   C. 4   D. 5"); undefined when the line does not start with one. */
function splitOptions(runs: Run[], text: string): OptionCandidate[] | undefined {
  const cs = chars(runs);
  const lead = text.length - text.trimStart().length;
  const starts = [...text.matchAll(OPTION_AT)]
    .map((m) => ({
      at: m.index + m[1]!.length,
      label: m[3]!,
      asterisk: m[2] === '*',
      length: m[0].length - m[1]!.length,
    }))
    // Options come in order A, B, C...: a capital letter with a dot inside a sentence is not one.
    .filter((s, i, all) => i === 0 || s.label.charCodeAt(0) > all[i - 1]!.label.charCodeAt(0));
  if (!starts.length || starts[0]!.at !== lead) return undefined;
  return starts.map((s, i) => {
    const end = starts[i + 1]?.at ?? text.length;
    const label = slice(cs, s.at, s.at + s.length);
    const body = slice(cs, s.at + s.length, end);
    let t = body.text.trim();
    const trailing = t.endsWith('*');
    if (trailing) t = t.slice(0, -1).trim();
    return {
      label: s.label,
      text: t,
      asterisk: s.asterisk || trailing,
      underline: label.underline || body.underline,
      bold: body.bold || (label.bold && !body.text.trim()),
    };
  });
}

interface Working {
  draft: QuestionDraft;
  part?: string;
  partKind?: QuestionKind;
  number: string;
  candidates: OptionCandidate[];
  inlineKey?: string;
  images: number;
}

const partKind = (heading: string): QuestionKind | undefined => {
  const f = foldVietnamese(heading);
  if (/dung sai/.test(f)) return 'trueFalse';
  if (/tra loi ngan/.test(f)) return 'shortAnswer';
  if (/tu luan/.test(f)) return 'essay';
  if (/nhieu phuong an|lua chon|trac nghiem/.test(f)) return 'single';
  return undefined;
};

const TRUE = new Set(['d', 'dung', 't', 'true']);
const FALSE = new Set(['s', 'sai', 'f', 'false']);
const truth = (s: string): boolean | null => {
  const f = foldVietnamese(s);
  return TRUE.has(f) ? true : FALSE.has(f) ? false : null;
};

/** Applies a key written as text ("B", "A, C", "a) Đ b) S ...", "ĐSĐS", "0,5") to a question. */
function applyKey(w: Working, key: string, sink: ProblemSink) {
  const d = w.draft;
  const at = { number: d.number, paragraph: d.paragraph };
  if (d.kind === 'trueFalse') {
    const labelled = [...key.matchAll(/([a-h])\)\s*([^\s,;]+)/giu)];
    const values = labelled.length
      ? labelled.map((m) => ({ label: m[1]!.toLowerCase(), value: truth(m[2]!) }))
      : [...key.replace(/[\s,;|-]+/g, '')].map((ch, i) => ({
          label: String.fromCharCode(97 + i),
          value: truth(ch),
        }));
    for (const v of values) {
      const statement = d.options.find((o) => o.label === v.label);
      if (statement && v.value !== null) statement.correct = v.value;
    }
    return;
  }
  if (d.kind === 'shortAnswer' || d.kind === 'essay') {
    d.answers = key
      .split('|')
      .map((a) => a.trim())
      .filter(Boolean);
    return;
  }
  const letters = key
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (!letters.every((l) => /^[A-H]$/.test(l))) {
    sink.error(
      'key_not_a_letter',
      `${d.label}: đáp án "${key}" không phải chữ cái phương án (A, B, C, D).`,
      `${d.label}: the key "${key}" is not an option letter (A, B, C, D).`,
      at,
    );
    return;
  }
  for (const o of d.options) o.correct = letters.includes(o.label);
  const missing = letters.filter((l) => !d.options.some((o) => o.label === l));
  if (missing.length)
    sink.error(
      'key_unknown_option',
      `${d.label}: đáp án ${missing.join(', ')} không có trong các phương án.`,
      `${d.label}: key ${missing.join(', ')} is not one of the options.`,
      at,
    );
}

/** Keys of the answer section: "1.A 2.B", "Câu 1: a) Đ b) S ...", tables across or down. */
function readKeys(blocks: WordBlock[], keys: Map<string, string>) {
  let part = '';
  let lastNumber = '';
  const put = (n: string, key: string) => {
    const k = `${part}:${n}`;
    keys.set(k, keys.has(k) ? `${keys.get(k)} ${key}` : key);
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const heading = PART.exec(b.text.trim());
      if (heading) {
        part = heading[1]!.toUpperCase();
        continue;
      }
      for (const m of b.text.matchAll(
        /(?:Câu\s*)?(\d+)\s*[.:)-]\s*(.+?)(?=\s*(?:[;,]\s*|\s)(?:Câu\s*)?\d+\s*[.:)-]\s*\D|$)/giu,
      ))
        put(m[1]!, m[2]!.replace(/[;,]\s*$/, '').trim());
      continue;
    }
    const rows = b.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const first = foldVietnamese(row[0] ?? '');
      const heading = PART.exec(row[0] ?? '');
      if (heading && row.slice(1).every((c) => !c)) {
        part = heading[1]!.toUpperCase();
        continue;
      }
      if (first === 'cau' && row.slice(1).some((c) => /^\d+$/.test(c))) {
        const answers = rows[r + 1];
        if (answers && /^dap an/.test(foldVietnamese(answers[0] ?? ''))) {
          row.slice(1).forEach((n, i) => n && answers[i + 1] && put(n.trim(), answers[i + 1]!));
          r++;
        }
        continue;
      }
      if (first === 'cau' || /^dap an/.test(first)) continue;
      const n =
        /^(?:Câu\s*)?(\d+)$/iu.exec(row[0]?.trim() ?? '')?.[1] ?? (row[0]?.trim() ? undefined : lastNumber);
      if (!n) continue;
      lastNumber = n;
      const rest = row.slice(1).filter(Boolean).join(' ');
      if (rest) put(n, rest);
    }
  }
}

/** Reads the blocks of a Word test into drafts. */
export function parseVietnameseTest(blocks: WordBlock[]): ParsedQuestions {
  const sink = new ProblemSink();
  const questions: Working[] = [];
  const keys = new Map<string, string>();
  let part: string | undefined;
  let kindOfPart: QuestionKind | undefined;
  let current: Working | undefined;
  const keyStart = blocks.findIndex((b) => b.kind === 'paragraph' && KEY_SECTION.test(b.text.trim()));
  const body = keyStart >= 0 ? blocks.slice(0, keyStart) : blocks;
  if (keyStart >= 0) readKeys(blocks.slice(keyStart + 1), keys);

  for (const b of body) {
    if (b.kind === 'table') {
      // A table inside a question belongs to its stem; one elsewhere is ignored.
      if (current && !current.candidates.length && !current.draft.options.length)
        current.draft.stem.push(...b.rows.map((r) => r.join(' | ')));
      continue;
    }
    const text = b.text.replace(/\s+/g, (s) => (s.includes('\n') ? ' ' : s)).trim();
    const heading = PART.exec(text);
    if (heading && !QUESTION.test(text)) {
      part = heading[1]!.toUpperCase();
      kindOfPart = partKind(text);
      current = undefined;
      continue;
    }
    const q = QUESTION.exec(text);
    if (q) {
      const n = questions.length + 1;
      const label = part ? `Phần ${part} – Câu ${q[1]}` : `Câu ${q[1]}`;
      current = {
        draft: emptyDraft(n, label, { paragraph: b.index }),
        part,
        partKind: kindOfPart,
        number: q[1]!,
        candidates: [],
        images: b.images,
      };
      questions.push(current);
      const rest = text.slice(q[0].length).trim();
      if (rest) current.draft.stem.push(rest);
      continue;
    }
    if (!current) continue;
    current.images += b.images;
    const inline = INLINE_KEY.exec(text);
    if (inline) {
      current.inlineKey = inline[1]!.trim();
      continue;
    }
    const statement = STATEMENT.exec(text);
    if (statement && current.partKind !== 'single' && !current.candidates.length) {
      let t = text.slice(statement[0].length).trim();
      const mark = TRUTH.exec(t);
      if (mark) t = t.slice(0, mark.index).trim();
      current.draft.options.push({
        label: statement[2]!.toLowerCase(),
        text: t,
        correct: mark ? truth(mark[1]!) : statement[1] === '*' ? true : null,
      });
      continue;
    }
    const options = splitOptions(b.runs, b.text);
    if (options) {
      current.candidates.push(...options);
      continue;
    }
    if (current.candidates.length) {
      const last = current.candidates[current.candidates.length - 1]!;
      last.text = `${last.text} ${text}`.trim();
    } else current.draft.stem.push(text);
  }

  for (const w of questions) {
    const d = w.draft;
    const at = { number: d.number, paragraph: d.paragraph };
    if (w.candidates.length) {
      d.kind = 'single';
      // Underline is the strongest mark; bold counts only when it singles options out.
      const underlined = w.candidates.filter((c) => c.underline);
      const bolded = w.candidates.filter((c) => c.bold);
      const starred = w.candidates.filter((c) => c.asterisk);
      const marked = starred.length
        ? starred
        : underlined.length && underlined.length < w.candidates.length
          ? underlined
          : bolded.length && bolded.length < w.candidates.length
            ? bolded
            : [];
      d.options = w.candidates.map((c) => ({ label: c.label, text: c.text, correct: marked.includes(c) }));
      const expected = d.options.map((_, i) => String.fromCharCode(65 + i));
      const labels = d.options.map((o) => o.label);
      if (labels.join() !== expected.join())
        sink.error(
          'options_out_of_order',
          `${d.label} (đoạn ${d.paragraph}): các phương án là ${labels.join(', ')}; cần liên tiếp ${expected.join(', ')}.`,
          `${d.label} (paragraph ${d.paragraph}): options are ${labels.join(', ')}; expected ${expected.join(', ')} in order.`,
          at,
        );
    } else if (d.options.length) d.kind = 'trueFalse';
    else if (w.partKind === 'single')
      sink.error(
        'no_options',
        `${d.label} (đoạn ${d.paragraph}): không tìm thấy phương án A., B., C., D.`,
        `${d.label} (paragraph ${d.paragraph}): no options A., B., C., D. were found.`,
        at,
      );
    else d.kind = w.partKind ?? 'shortAnswer';
    if (w.partKind && w.partKind !== d.kind && d.kind !== 'single')
      sink.warning(
        'kind_differs_from_part',
        `${d.label}: câu này được đọc là ${d.kind === 'trueFalse' ? 'đúng/sai' : 'câu khác loại'} dù nằm trong phần khác.`,
        `${d.label}: this question reads as a different type from its part.`,
        at,
      );
    const key =
      w.inlineKey ??
      keys.get(`${w.part ?? ''}:${w.number}`) ??
      (w.part ? undefined : keys.get(`:${w.number}`));
    const unkeyed = d.kind === 'trueFalse' ? d.options.some((o) => o.correct === null) : !marked(d);
    if (key && (w.inlineKey || unkeyed)) applyKey(w, key, sink);
    if (!key && !w.partKind && d.kind === 'shortAnswer' && !d.answers.length) {
      d.kind = 'essay';
      sink.warning(
        'read_as_essay',
        `${d.label} (đoạn ${d.paragraph}): không có phương án hay đáp án nên được nhập là câu tự luận.`,
        `${d.label} (paragraph ${d.paragraph}): no options or answer, so it is imported as an essay question.`,
        at,
      );
    }
    if (w.images)
      sink.warning(
        'images_not_imported',
        `${d.label}: có ${w.images} hình trong câu; hình chưa được nhập kèm, hãy thêm trong trình soạn câu hỏi.`,
        `${d.label}: ${w.images} image(s) in the question were not imported; add them in the item editor.`,
        at,
      );
  }
  if (!questions.length)
    sink.error(
      'no_questions',
      'Không tìm thấy câu hỏi nào: mỗi câu cần bắt đầu bằng "Câu 1.", "Câu 2.", ...',
      'No questions found: each question must start with "Câu 1.", "Câu 2.", ...',
    );
  return { drafts: questions.map((w) => w.draft), problems: sink.items };
}

/** Whether a choice question already has a key marked in the text. */
const marked = (d: QuestionDraft) => d.options.some((o) => o.correct === true);
