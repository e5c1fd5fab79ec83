/**
 * Turns a question draft into an item of the JSON authoring model, after checking it the way a
 * reviewer would (options present, exactly one key for a single choice, a truth value for every
 * statement...). Every problem names the question and says what to fix.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AuthoringDeclaration } from '../authoring/authoring-item.ts';
import {
  AuthoringItem,
  serialiseAuthoringItem,
  type AuthoringContentElement,
  type AuthoringContentNode,
  type AuthoringItemInput,
  type AuthoringProcessingNode,
} from '../authoring/authoring-item.ts';
import { parseItemXml } from '../qti/parse-item.ts';
import {
  letter,
  ProblemSink,
  type DraftMedia,
  type ImportProblem,
  type QuestionDraft,
} from './question-draft.ts';

const text = (t: string): AuthoringContentNode => ({ kind: 'text', text: t });
const el = (
  name: string,
  ns: 'qti' | 'html',
  attributes: Record<string, string>,
  children: AuthoringContentNode[] = [],
): AuthoringContentElement => ({ kind: 'element', name, ns, attributes, children });
const p = (t: string) => el('p', 'html', {}, [text(t)]);
const v = (t: string) => ({ text: t });
const node = (
  name: string,
  attributes: Record<string, string> = {},
  children: Node[] = [],
  t?: string,
): Node => ({
  name,
  attributes,
  children,
  ...(t === undefined ? {} : { text: t }),
});
type Node = { name: string; attributes: Record<string, string>; children: Node[]; text?: string };

/**
 * The identifier of an imported question: the one its source gives (QTI 1.2), or else a hash of
 * its content, so importing it twice adds no new item.
 */
export function draftIdentifier(draft: QuestionDraft): string {
  if (draft.sourceIdentifier) return draft.sourceIdentifier;
  const { number: _n, label: _l, line: _li, paragraph: _p, ...content } = draft;
  return `IMP-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12).toUpperCase()}`;
}

const TF_LABEL = { true: 'Đúng', false: 'Sai' };

/** The searchable text of a draft: stem, options and answers. */
export const draftText = (d: QuestionDraft) =>
  [
    ...d.stem,
    ...d.options.map((o) => `${o.label}. ${o.text}`),
    ...(d.pairs ?? []).map((pr) => `${pr.prompt} → ${pr.answer}`),
    ...(d.gaps ?? []).map((g, i) => `{#${i + 1}} ${g.answers.map((a) => a.text).join(' / ')}`),
  ].join('\n');

function check(d: QuestionDraft, sink: ProblemSink) {
  const at = { number: d.number, line: d.line, paragraph: d.paragraph };
  const where = `${d.label}: `;
  const whereEn = `${d.label.replace(/^Câu/, 'Question').replace(/Phần/, 'Part')}: `;
  if (!d.stem.some((s) => s.trim()))
    sink.error('empty_stem', `${where}không có nội dung câu hỏi.`, `${whereEn}the question has no text.`, at);
  if (d.kind === 'single' || d.kind === 'multiple') {
    if (d.options.length < 2)
      sink.error(
        'too_few_options',
        `${where}cần ít nhất hai phương án (A., B., ...), tìm thấy ${d.options.length}.`,
        `${whereEn}needs at least two options (A., B., ...), found ${d.options.length}.`,
        at,
      );
    if (d.options.length > 26)
      sink.error(
        'too_many_options',
        `${where}có ${d.options.length} phương án; tối đa 26 (A đến Z).`,
        `${whereEn}has ${d.options.length} options; at most 26 (A to Z).`,
        at,
      );
    const fractions = hasFractions(d);
    const keyed = d.options.filter((o) => (fractions ? optionFraction(o) > 0 : o.correct));
    if (!keyed.length)
      sink.error(
        'no_key',
        `${where}chưa có đáp án đúng (gạch chân, in đậm, dấu * hoặc bảng đáp án).`,
        `${whereEn}no correct answer is marked (underline, bold, an asterisk or the answer table).`,
        at,
      );
    else if (d.kind === 'single' && !fractions && keyed.length > 1)
      sink.error(
        'several_keys',
        `${where}có ${keyed.length} phương án được đánh dấu đúng (${keyed.map((o) => o.label).join(', ')}); câu một lựa chọn chỉ có một đáp án.`,
        `${whereEn}${keyed.length} options are marked correct (${keyed.map((o) => o.label).join(', ')}); a single-choice question has one key.`,
        at,
      );
    const labels = d.options.map((o) => o.label);
    if (new Set(labels).size !== labels.length)
      sink.error(
        'duplicate_option',
        `${where}có phương án bị lặp nhãn.`,
        `${whereEn}two options have the same letter.`,
        at,
      );
    d.options.forEach((o) => {
      if (!o.text.trim() && !d.media?.some((m) => m.option === o.label))
        sink.error(
          'empty_option',
          `${where}phương án ${o.label} để trống.`,
          `${whereEn}option ${o.label} is empty.`,
          at,
        );
    });
  }
  if (d.kind === 'trueFalse') {
    if (d.options.length < 2)
      sink.error(
        'too_few_statements',
        `${where}câu đúng/sai cần các ý a), b), c), d); tìm thấy ${d.options.length}.`,
        `${whereEn}a true/false cluster needs statements a), b), c), d); found ${d.options.length}.`,
        at,
      );
    const unknown = d.options.filter((o) => o.correct === null).map((o) => `${o.label})`);
    if (unknown.length)
      sink.error(
        'no_truth_value',
        `${where}chưa có đáp án Đúng/Sai cho ý ${unknown.join(', ')}.`,
        `${whereEn}statement ${unknown.join(', ')} has no true/false key.`,
        at,
      );
  }
  if (d.kind === 'numeric') {
    const bad = d.answers.filter((a) => a.trim() !== '*' && !Number.isFinite(Number(a.trim())));
    if (!d.answers.some((a) => a.trim()))
      sink.error(
        'no_answer',
        `${where}câu trả lời số chưa có đáp án.`,
        `${whereEn}the numeric question has no answer.`,
        at,
      );
    else if (bad.length)
      sink.error(
        'not_a_number',
        `${where}đáp án "${bad[0]}" không phải là số.`,
        `${whereEn}the answer "${bad[0]}" is not a number.`,
        at,
      );
  }
  if (d.kind === 'matching') {
    const prompts = (d.pairs ?? []).filter((pr) => pr.prompt.trim());
    if (prompts.length < 2)
      sink.error(
        'too_few_pairs',
        `${where}câu ghép đôi cần ít nhất hai cặp, tìm thấy ${prompts.length}.`,
        `${whereEn}a matching question needs at least two pairs, found ${prompts.length}.`,
        at,
      );
    if ((d.pairs ?? []).some((pr) => !pr.answer.trim()))
      sink.error(
        'empty_option',
        `${where}có cặp ghép đôi không có đáp án.`,
        `${whereEn}a pair has no answer.`,
        at,
      );
  }
  if (d.kind === 'cloze') checkCloze(d, sink, where, whereEn, at);
  if (d.kind === 'shortAnswer' && !d.answers.some((a) => a.trim()))
    sink.error(
      'no_answer',
      `${where}câu trả lời ngắn chưa có đáp án.`,
      `${whereEn}the short answer question has no answer.`,
      at,
    );
}

function checkCloze(
  d: QuestionDraft,
  sink: ProblemSink,
  where: string,
  whereEn: string,
  at: { number: number; line?: number; paragraph?: number },
) {
  const gaps = d.gaps ?? [];
  if (!gaps.length) {
    sink.error(
      'cloze_no_gaps',
      `${where}câu điền khuyết (cloze) không có chỗ trống nào.`,
      `${whereEn}the cloze question has no gaps.`,
      at,
    );
    return;
  }
  const used = [...d.stem.join('\n').matchAll(/\{#(\d+)\}/g)].map((m) => Number(m[1]));
  gaps.forEach((g, i) => {
    const n = i + 1;
    const gap = `chỗ trống ${n}`;
    const gapEn = `gap ${n}`;
    if (used.filter((u) => u === n).length !== 1)
      sink.error(
        'cloze_gap_place',
        `${where}${gap} phải xuất hiện đúng một lần trong đề.`,
        `${whereEn}${gapEn} must appear exactly once in the text.`,
        at,
      );
    const choice = g.kind === 'choice' || g.kind === 'multiple';
    if (choice && g.answers.length > 26)
      sink.error(
        'too_many_options',
        `${where}${gap} có ${g.answers.length} phương án; tối đa 26.`,
        `${whereEn}${gapEn} has ${g.answers.length} options; at most 26.`,
        at,
      );
    if (choice && g.answers.length < 2)
      sink.error(
        'cloze_too_few_options',
        `${where}${gap} cần ít nhất hai phương án, tìm thấy ${g.answers.length}.`,
        `${whereEn}${gapEn} needs at least two options, found ${g.answers.length}.`,
        at,
      );
    else if (!g.answers.length)
      sink.error(
        'cloze_no_answer',
        `${where}${gap} chưa có đáp án.`,
        `${whereEn}${gapEn} has no answer.`,
        at,
      );
    else if (
      g.kind === 'multiple'
        ? !g.answers.some((a) => a.fraction > 0)
        : !g.answers.some((a) => a.fraction === 1)
    )
      sink.error(
        'cloze_no_key',
        `${where}${gap} không có đáp án đúng hoàn toàn (100%).`,
        `${whereEn}${gapEn} has no fully correct (100%) answer.`,
        at,
      );
    if (g.kind === 'numeric') {
      const bad = g.answers.find((a) => a.text.trim() !== '*' && !Number.isFinite(Number(a.text.trim())));
      if (bad || g.answers.some((a) => !a.text.trim()))
        sink.error(
          'not_a_number',
          `${where}${gap}: đáp án "${bad?.text ?? ''}" không phải là số.`,
          `${whereEn}${gapEn}: the answer "${bad?.text ?? ''}" is not a number.`,
          at,
        );
    }
    if (choice && g.answers.some((a) => !a.text.trim()))
      sink.error(
        'empty_option',
        `${where}${gap} có phương án để trống.`,
        `${whereEn}${gapEn} has an empty option.`,
        at,
      );
  });
  for (const u of new Set(used))
    if (u < 1 || u > gaps.length)
      sink.error(
        'cloze_gap_place',
        `${where}đề nhắc tới chỗ trống ${u} nhưng không có chỗ trống đó.`,
        `${whereEn}the text refers to gap ${u}, which does not exist.`,
        at,
      );
}

function scoreOutcome(max: number) {
  return {
    kind: 'outcome' as const,
    identifier: 'SCORE',
    cardinality: 'single' as const,
    baseType: 'float' as const,
    defaultValue: [v('0')],
    normalMaximum: max,
  };
}

/** Numbers written the Vietnamese way ("0,5") are also accepted written "0.5", and the other way round. */
function answerVariants(answers: string[]): string[] {
  const out = new Set<string>();
  for (const raw of answers) {
    const a = raw.trim();
    if (!a) continue;
    out.add(a);
    if (/^-?\d+([.,]\d+)?$/.test(a)) {
      out.add(a.replace(',', '.'));
      out.add(a.replace('.', ','));
    }
  }
  return [...out];
}

const MEDIA_KINDS = ['audio', 'video'] as const;
function mediaElement(m: DraftMedia): AuthoringContentElement {
  const kind = MEDIA_KINDS.find((k) => m.contentType.startsWith(`${k}/`));
  return kind
    ? el(kind, 'html', { src: m.href, controls: 'true' })
    : el('img', 'html', { src: m.href, alt: m.alt ?? '' });
}

/** Stem paragraphs (code kept as `<pre>`) with the pictures and sounds after the paragraph they follow. */
function stemContent(
  d: QuestionDraft,
  paragraph: (t: string, pre: boolean, out: AuthoringContentNode[]) => void = (t, pre, out) =>
    out.push(pre ? el('pre', 'html', {}, [text(t)]) : p(t)),
): AuthoringContentNode[] {
  const out: AuthoringContentNode[] = [];
  const pre = new Set(d.preformatted ?? []);
  const stemMedia = (d.media ?? []).filter((m) => m.option === undefined);
  const mediaAfter = (i: number) => {
    const here = stemMedia.filter((m) => (m.after ?? d.stem.length - 1) === i).map(mediaElement);
    // Pictures sit in a paragraph; sound and video are blocks of their own (QTI 3 keeps them out of <p>).
    const pictures = here.filter((e) => e.name === 'img');
    if (pictures.length) out.push(el('p', 'html', {}, pictures));
    for (const e of here) if (e.name !== 'img') out.push(el('div', 'html', {}, [e]));
  };
  mediaAfter(-1);
  d.stem.forEach((t, i) => {
    if (t.trim()) paragraph(t, pre.has(i), out);
    mediaAfter(i);
  });
  return out;
}

const optionContent = (d: QuestionDraft, o: QuestionDraft['options'][number]): AuthoringContentNode[] => [
  ...(o.text ? [text(o.text)] : []),
  ...(d.media ?? []).filter((m) => m.option === o.label).map(mediaElement),
];

/** Moodle fractions in use: some option or answer gives other than all or nothing. */
const hasFractions = (d: QuestionDraft) =>
  d.options.some((o) => o.fraction !== undefined) || d.answerFractions !== undefined;
const optionFraction = (o: QuestionDraft['options'][number]) => o.fraction ?? (o.correct ? 1 : 0);
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

const variable = (identifier: string) => node('variable', { identifier });
const notNull = (identifier: string) => node('not', {}, [node('isNull', {}, [variable(identifier)])]);
const setScore = (value: Node) => node('setOutcomeValue', { identifier: 'SCORE' }, [value]);
const addScore = (value: Node) => setScore(node('sum', {}, [variable('SCORE'), value]));
const floatValue = (x: number) => node('baseValue', { baseType: 'float' }, [], String(r6(x)));

/** First matching case wins, as Moodle tries answers in order; trailing cases worth 0 are left out. */
function firstMatch(cases: Array<{ when: Node; value: number }>, add: boolean): Node[] {
  const kept = [...cases];
  while (kept.length && kept[kept.length - 1]!.value === 0) kept.pop();
  if (!kept.length) return [];
  return [
    node(
      'responseCondition',
      {},
      kept.map((c, i) =>
        node(i ? 'responseElseIf' : 'responseIf', {}, [
          c.when,
          add ? addScore(floatValue(c.value)) : setScore(floatValue(c.value)),
        ]),
      ),
    ),
  ];
}

const XSD_SPECIAL = new Set(['\\', '|', '.', '^', '?', '*', '+', '{', '}', '(', ')', '[', ']']);
/**
 * An XML Schema pattern for a Moodle short answer: `*` matches any text, `\*` is a star, spaces
 * around the response are ignored (Moodle trims it) and letter case too unless it must match.
 */
export function shortAnswerPattern(answer: string, caseSensitive: boolean): string {
  let out = '';
  const a = [...answer.trim().normalize('NFC')];
  for (let i = 0; i < a.length; i++) {
    const ch = a[i]!;
    if (ch === '\\' && a[i + 1] === '*') {
      out += '\\*';
      i++;
    } else if (ch === '*') {
      while (a[i + 1] === '*') i++;
      out += '.*';
    } else if (XSD_SPECIAL.has(ch)) out += `\\${ch}`;
    else out += letterPattern(ch, caseSensitive);
  }
  return `\\s*${out}\\s*`;
}

/**
 * One letter as Moodle compares it: either case unless case matters, and composed or decomposed
 * (Moodle normalises both sides; Vietnamese keyboards may type "ộ" as "o" with two combining marks).
 */
function letterPattern(ch: string, caseSensitive: boolean): string {
  const cases = caseSensitive
    ? [ch]
    : [ch, ch.toLowerCase(), ch.toUpperCase()].filter((c) => [...c].length === 1);
  const forms = [...new Set(cases.flatMap((c) => [c, c.normalize('NFD')]))];
  if (forms.length === 1) return ch;
  const single = forms.filter((f) => [...f].length === 1);
  if (single.length === forms.length) return `[${forms.join('')}]`;
  const multi = forms.filter((f) => [...f].length > 1);
  return `(${[single.length > 1 ? `[${single.join('')}]` : single.join(''), ...multi].filter(Boolean).join('|')})`;
}

/** Whether a Moodle answer holds a wildcard (an unescaped `*`). */
const hasWildcard = (answer: string) => /(^|[^\\])\*/.test(answer);
const literal = (answer: string) => answer.trim().replace(/\\\*/g, '*');

interface Scored {
  text: string;
  fraction: number;
  tolerance?: number;
}

/** The rules scoring a typed answer the way Moodle does (first matching answer, its share of `points`). */
function answerCondition(id: string, a: Scored, numeric: boolean, caseSensitive: boolean): Node {
  return numeric
    ? a.text.trim() === '*'
      ? notNull(id)
      : node(
          'equal',
          a.tolerance
            ? { toleranceMode: 'absolute', tolerance: `${a.tolerance} ${a.tolerance}` }
            : { toleranceMode: 'exact' },
          [floatValue(Number(a.text)), variable(id)],
        )
    : node('patternMatch', { pattern: shortAnswerPattern(a.text, caseSensitive) }, [variable(id)]);
}

function textAnswerRules(
  id: string,
  answers: Scored[],
  points: number,
  opts: { numeric: boolean; caseSensitive: boolean; add: boolean },
): Node[] {
  return firstMatch(
    answers.map((a) => ({
      value: a.fraction * points,
      when: answerCondition(id, a, opts.numeric, opts.caseSensitive),
    })),
    opts.add,
  );
}

const textEntry = (id: string, answers: Scored[]) =>
  el('textEntryInteraction', 'qti', {
    responseIdentifier: id,
    expectedLength: String(Math.max(8, ...answers.map((a) => literal(a.text).length + 2))),
  });

function scoredAnswers(d: QuestionDraft): Scored[] {
  return d.answers.map((t, i) => ({
    text: t,
    fraction: d.answerFractions?.[i] ?? 1,
    ...(d.tolerances?.[i] ? { tolerance: d.tolerances[i] } : {}),
  }));
}

function toItemInput(d: QuestionDraft, identifier: string): AuthoringItemInput {
  const stem = stemContent(d);
  const title = (
    d.stem
      .join(' ')
      .replace(/\{#\d+\}/g, '___')
      .trim() || d.label
  ).slice(0, 120);
  const points = d.points ?? (d.kind === 'cloze' ? (d.gaps ?? []).reduce((s, g) => s + g.weight, 0) || 1 : 1);
  const base = { identifier, title, language: 'vi', modalFeedback: [], stylesheets: [] };
  const body = (children: AuthoringContentNode[]) => el('itemBody', 'qti', {}, children);
  switch (d.kind) {
    case 'single':
    case 'multiple': {
      const single = d.kind === 'single';
      const fractions = hasFractions(d);
      const best = Math.max(...d.options.map(optionFraction));
      const keyed = fractions
        ? single
          ? d.options.filter((o) => optionFraction(o) === best).slice(0, 1)
          : d.options.filter((o) => optionFraction(o) > 0)
        : d.options.filter((o) => o.correct);
      const lowest = Math.min(0, ...d.options.map(optionFraction));
      return {
        ...base,
        declarations: [
          {
            kind: 'response',
            identifier: 'RESPONSE',
            cardinality: single ? 'single' : 'multiple',
            baseType: 'identifier',
            correctResponse: keyed.map((o) => v(o.label)),
            ...(fractions
              ? {
                  mapping: {
                    defaultValue: 0,
                    // Moodle: a single choice may cost points; a multiple choice scores 0 to full.
                    lowerBound: single ? r6(lowest * points) : 0,
                    upperBound: points,
                    entries: d.options
                      .filter((o) => optionFraction(o) !== 0)
                      .map((o) => ({
                        mapKey: o.label,
                        mappedValue: r6(optionFraction(o) * points),
                        caseSensitive: true,
                      })),
                  },
                }
              : {}),
          },
          scoreOutcome(points),
        ],
        responseProcessing: fractions
          ? { template: 'map_response' }
          : points === 1
            ? { template: 'match_correct' }
            : { rules: matchRules(points) },
        body: body([
          ...stem,
          el(
            'choiceInteraction',
            'qti',
            {
              responseIdentifier: 'RESPONSE',
              shuffle: d.shuffle ? 'true' : 'false',
              maxChoices: single ? '1' : '0',
            },
            [
              ...d.options.map((o) =>
                el('simpleChoice', 'qti', { identifier: o.label }, optionContent(d, o)),
              ),
            ],
          ),
        ]),
      };
    }
    case 'trueFalse': {
      const ids = d.options.map((_, i) => `RESPONSE_${String.fromCharCode(65 + i)}`);
      const n = d.options.length;
      // The 2025 scale for four statements; other counts score the share of right statements.
      const table =
        n === 4
          ? [
              [1, 0.1],
              [2, 0.25],
              [3, 0.5],
              [4, 1],
            ]
          : d.options.map((_, i) => [i + 1, (i + 1) / n]);
      return {
        ...base,
        declarations: [
          ...ids.map((id, i) => ({
            kind: 'response' as const,
            identifier: id,
            cardinality: 'single' as const,
            baseType: 'identifier' as const,
            correctResponse: [v(d.options[i]!.correct ? 'DUNG' : 'SAI')],
          })),
          {
            kind: 'outcome',
            identifier: 'NUM_CORRECT',
            cardinality: 'single',
            baseType: 'integer',
            defaultValue: [v('0')],
          },
          {
            ...scoreOutcome(points),
            lookupTable: {
              kind: 'matchTable',
              defaultValue: '0',
              entries: table.map(([s, t]) => ({ sourceValue: s!, targetValue: String(round(t! * points)) })),
            },
          },
        ],
        responseProcessing: {
          rules: [
            ...ids.map((id) =>
              node('responseCondition', {}, [
                node('responseIf', {}, [
                  node('match', {}, [
                    node('variable', { identifier: id }),
                    node('correct', { identifier: id }),
                  ]),
                  node('setOutcomeValue', { identifier: 'NUM_CORRECT' }, [
                    node('sum', {}, [
                      node('variable', { identifier: 'NUM_CORRECT' }),
                      node('baseValue', { baseType: 'integer' }, [], '1'),
                    ]),
                  ]),
                ]),
              ]),
            ),
            node('lookupOutcomeValue', { identifier: 'SCORE' }, [
              node('variable', { identifier: 'NUM_CORRECT' }),
            ]),
          ],
        },
        body: body([
          ...stem,
          ...d.options.map((o, i) =>
            el(
              'choiceInteraction',
              'qti',
              { responseIdentifier: ids[i]!, maxChoices: '1', shuffle: 'false' },
              [
                el('prompt', 'qti', {}, [text(`${o.label}) ${o.text}`)]),
                el('simpleChoice', 'qti', { identifier: 'DUNG' }, [text(TF_LABEL.true)]),
                el('simpleChoice', 'qti', { identifier: 'SAI' }, [text(TF_LABEL.false)]),
              ],
            ),
          ),
        ]),
      };
    }
    case 'shortAnswer': {
      const scored = scoredAnswers(d);
      // Moodle's short answers: trimmed, either case unless usecase, composed or decomposed, `*` a wildcard.
      const patterns = d.wildcards === true;
      if (patterns || d.caseSensitive || d.answerFractions) {
        const full = scored.find((a) => a.fraction === 1 && !(d.wildcards && hasWildcard(a.text)));
        const entries: Array<{ mapKey: string; mappedValue: number; caseSensitive: boolean }> = [];
        for (const a of scored) {
          const key = d.wildcards ? literal(a.text) : a.text.trim();
          const same = (k: string) => (d.caseSensitive ? k === key : k.toLowerCase() === key.toLowerCase());
          if (key && !entries.some((e) => same(e.mapKey)))
            entries.push({
              mapKey: key,
              mappedValue: r6(a.fraction * points),
              caseSensitive: !!d.caseSensitive,
            });
        }
        return {
          ...base,
          declarations: [
            {
              kind: 'response',
              identifier: 'RESPONSE',
              cardinality: 'single',
              baseType: 'string',
              ...(full ? { correctResponse: [v(d.wildcards ? literal(full.text) : full.text.trim())] } : {}),
              ...(patterns
                ? {}
                : { mapping: { defaultValue: 0, lowerBound: 0, upperBound: points, entries } }),
            },
            scoreOutcome(points),
          ],
          responseProcessing: patterns
            ? {
                rules: [
                  setScore(floatValue(0)),
                  ...textAnswerRules('RESPONSE', scored, points, {
                    numeric: false,
                    caseSensitive: !!d.caseSensitive,
                    add: false,
                  }),
                ],
              }
            : { template: 'map_response' },
          body: body([...stem, el('p', 'html', {}, [text('Đáp số: '), textEntry('RESPONSE', scored)])]),
        };
      }
      const accepted = answerVariants(d.answers);
      return {
        ...base,
        declarations: [
          {
            kind: 'response',
            identifier: 'RESPONSE',
            cardinality: 'single',
            baseType: 'string',
            correctResponse: [v(accepted[0] ?? '')],
            mapping: {
              defaultValue: 0,
              lowerBound: 0,
              upperBound: points,
              entries: accepted.map((a) => ({ mapKey: a, mappedValue: points, caseSensitive: false })),
            },
          },
          scoreOutcome(points),
        ],
        responseProcessing: { template: 'map_response' },
        body: body([
          ...stem,
          el('p', 'html', {}, [
            text('Đáp số: '),
            el('textEntryInteraction', 'qti', { responseIdentifier: 'RESPONSE', expectedLength: '12' }),
          ]),
        ]),
      };
    }
    case 'numeric': {
      const scored = scoredAnswers(d);
      const full = scored.find((a) => a.fraction === 1 && a.text.trim() !== '*');
      return {
        ...base,
        declarations: [
          {
            kind: 'response',
            identifier: 'RESPONSE',
            cardinality: 'single',
            baseType: 'float',
            ...(full ? { correctResponse: [v(String(Number(full.text)))] } : {}),
          },
          scoreOutcome(points),
        ],
        responseProcessing: {
          rules: [
            setScore(floatValue(0)),
            ...textAnswerRules('RESPONSE', scored, points, {
              numeric: true,
              caseSensitive: false,
              add: false,
            }),
          ],
        },
        body: body([...stem, el('p', 'html', {}, [text('Đáp số: '), textEntry('RESPONSE', scored)])]),
      };
    }
    case 'matching': {
      const pairs = d.pairs ?? [];
      const prompts = pairs.filter((pr) => pr.prompt.trim());
      const answers = [...new Set(pairs.map((pr) => pr.answer.trim()))];
      const answerId = (t: string) => `M${answers.indexOf(t.trim()) + 1}`;
      const correct = prompts.map((pr, i) => `P${i + 1} ${answerId(pr.answer)}`);
      const each = r6(points / Math.max(1, prompts.length));
      return {
        ...base,
        declarations: [
          {
            kind: 'response',
            identifier: 'RESPONSE',
            cardinality: 'multiple',
            baseType: 'directedPair',
            correctResponse: correct.map(v),
            mapping: {
              defaultValue: 0,
              lowerBound: 0,
              upperBound: points,
              entries: correct.map((c) => ({ mapKey: c, mappedValue: each, caseSensitive: true })),
            },
          },
          scoreOutcome(points),
        ],
        responseProcessing: { template: 'map_response' },
        body: body([
          ...stem,
          el(
            'matchInteraction',
            'qti',
            {
              responseIdentifier: 'RESPONSE',
              shuffle: d.shuffle ? 'true' : 'false',
              maxAssociations: String(prompts.length),
            },
            [
              el(
                'simpleMatchSet',
                'qti',
                {},
                prompts.map((pr, i) =>
                  el('simpleAssociableChoice', 'qti', { identifier: `P${i + 1}`, matchMax: '1' }, [
                    text(pr.prompt),
                  ]),
                ),
              ),
              el(
                'simpleMatchSet',
                'qti',
                {},
                answers.map((a) =>
                  el(
                    'simpleAssociableChoice',
                    'qti',
                    { identifier: answerId(a), matchMax: String(prompts.length) },
                    [text(a)],
                  ),
                ),
              ),
            ],
          ),
        ]),
      };
    }
    case 'cloze':
      return clozeItem(d, base, points);
    case 'essay':
      return {
        ...base,
        declarations: [
          { kind: 'response', identifier: 'RESPONSE', cardinality: 'single', baseType: 'string' },
          { ...scoreOutcome(points), externalScored: 'human' },
        ],
        body: body([
          ...stem,
          el('extendedTextInteraction', 'qti', { responseIdentifier: 'RESPONSE', expectedLines: '8' }),
        ]),
      };
  }
}

/** A cloze question: each gap its own response and interaction, scored by its weight's share of the points. */
function clozeItem(
  d: QuestionDraft,
  base: Pick<AuthoringItemInput, 'identifier' | 'title' | 'language' | 'modalFeedback' | 'stylesheets'>,
  points: number,
): AuthoringItemInput {
  const gaps = d.gaps ?? [];
  const total = gaps.reduce((s, g) => s + g.weight, 0) || 1;
  const declarations: z.input<typeof AuthoringDeclaration>[] = [];
  const rules: Node[] = [setScore(floatValue(0))];
  const interactions = new Map<number, { node: AuthoringContentElement; block: boolean }>();
  gaps.forEach((g, i) => {
    const id = `RESPONSE_${i + 1}`;
    const gp = (points * g.weight) / total;
    const best = Math.max(...g.answers.map((a) => a.fraction));
    if (g.kind === 'short' || g.kind === 'numeric') {
      const numeric = g.kind === 'numeric';
      const full = g.answers.find(
        (a) => a.fraction === 1 && (numeric ? a.text.trim() !== '*' : !hasWildcard(a.text)),
      );
      declarations.push({
        kind: 'response',
        identifier: id,
        cardinality: 'single',
        baseType: numeric ? 'float' : 'string',
        ...(full ? { correctResponse: [v(numeric ? String(Number(full.text)) : literal(full.text))] } : {}),
      });
      rules.push(
        ...textAnswerRules(id, g.answers, gp, { numeric, caseSensitive: !!g.caseSensitive, add: true }),
      );
      interactions.set(i + 1, { node: textEntry(id, g.answers), block: false });
      return;
    }
    const single = g.kind === 'choice';
    const ids = g.answers.map((_, j) => `G${i + 1}_${letter(j)}`);
    declarations.push({
      kind: 'response',
      identifier: id,
      cardinality: single ? 'single' : 'multiple',
      baseType: 'identifier',
      correctResponse: single
        ? [v(ids[g.answers.findIndex((a) => a.fraction === best)]!)]
        : ids.filter((_, j) => g.answers[j]!.fraction > 0).map(v),
      mapping: {
        defaultValue: 0,
        lowerBound: 0,
        upperBound: r6(gp),
        entries: g.answers
          .map((a, j) => ({ mapKey: ids[j]!, mappedValue: r6(a.fraction * gp), caseSensitive: true }))
          .filter((e) => e.mappedValue !== 0),
      },
    });
    rules.push(
      node('responseCondition', {}, [
        node('responseIf', {}, [notNull(id), addScore(node('mapResponse', { identifier: id }))]),
      ]),
    );
    const shuffle = g.shuffle ? 'true' : 'false';
    if (single && (g.display ?? 'inline') === 'inline')
      interactions.set(i + 1, {
        block: false,
        node: el(
          'inlineChoiceInteraction',
          'qti',
          { responseIdentifier: id, shuffle },
          g.answers.map((a, j) => el('inlineChoice', 'qti', { identifier: ids[j]! }, [text(a.text)])),
        ),
      });
    else
      interactions.set(i + 1, {
        block: true,
        node: el(
          'choiceInteraction',
          'qti',
          {
            responseIdentifier: id,
            shuffle,
            maxChoices: single ? '1' : '0',
            ...(g.display === 'horizontal' ? { orientation: 'horizontal' } : {}),
          },
          g.answers.map((a, j) => el('simpleChoice', 'qti', { identifier: ids[j]! }, [text(a.text)])),
        ),
      });
  });
  // Each gap's answer feedback: the first matching typed answer's, or each chosen option's.
  const feedbackRules: Node[] = [];
  const feedback: NonNullable<AuthoringItemInput['modalFeedback']> = [];
  const show = (fid: string) =>
    node('setOutcomeValue', { identifier: 'FEEDBACK' }, [
      node('multiple', {}, [variable('FEEDBACK'), node('baseValue', { baseType: 'identifier' }, [], fid)]),
    ]);
  gaps.forEach((g, i) => {
    const id = `RESPONSE_${i + 1}`;
    const fid = (j: number) => `FB_G${i + 1}_${j + 1}`;
    const last = Math.max(-1, ...g.answers.map((a, j) => (a.feedback?.trim() ? j : -1)));
    if (last < 0) return;
    g.answers.forEach((a, j) => {
      if (a.feedback?.trim() && j <= last)
        feedback.push({
          outcomeIdentifier: 'FEEDBACK',
          identifier: fid(j),
          showHide: 'show',
          content: a.feedback
            .split(/\n+/)
            .filter((x) => x.trim())
            .map(p),
        });
    });
    if (g.kind === 'short' || g.kind === 'numeric')
      feedbackRules.push(
        node(
          'responseCondition',
          {},
          g.answers
            .slice(0, last + 1)
            .map((a, j) =>
              node(j ? 'responseElseIf' : 'responseIf', {}, [
                answerCondition(id, a, g.kind === 'numeric', !!g.caseSensitive),
                ...(a.feedback?.trim() ? [show(fid(j))] : []),
              ]),
            ),
        ),
      );
    else
      g.answers.forEach((a, j) => {
        if (!a.feedback?.trim()) return;
        const choice = node('baseValue', { baseType: 'identifier' }, [], `G${i + 1}_${letter(j)}`);
        feedbackRules.push(
          node('responseCondition', {}, [
            node('responseIf', {}, [
              g.kind === 'choice'
                ? node('match', {}, [variable(id), choice])
                : node('member', {}, [choice, variable(id)]),
              show(fid(j)),
            ]),
          ]),
        );
      });
  });
  const stem = stemContent(d, (t, pre, out) => {
    let inline: AuthoringContentNode[] = [];
    const flush = () => {
      if (inline.some((n) => n.kind === 'element' || n.text.trim()))
        out.push(el(pre ? 'pre' : 'p', 'html', {}, inline));
      inline = [];
    };
    t.split(/\{#(\d+)\}/).forEach((part, i) => {
      if (i % 2 === 0) {
        if (part) inline.push(text(part));
        return;
      }
      const gap = interactions.get(Number(part));
      if (!gap) inline.push(text(`{#${part}}`));
      else if (gap.block) {
        flush();
        out.push(gap.node);
      } else inline.push(gap.node);
    });
    flush();
  });
  return {
    ...base,
    declarations: [
      ...declarations,
      scoreOutcome(points),
      ...(feedback.length
        ? [
            {
              kind: 'outcome' as const,
              identifier: 'FEEDBACK',
              cardinality: 'multiple' as const,
              baseType: 'identifier' as const,
            },
          ]
        : []),
    ],
    responseProcessing: { rules: [...rules, ...feedbackRules] },
    modalFeedback: feedback,
    body: el('itemBody', 'qti', {}, stem),
  };
}

const COMBINED_IDS = { correct: 'CORRECT', partial: 'PARTIAL', incorrect: 'INCORRECT' } as const;

/** Sets FEEDBACK to CORRECT, PARTIAL or INCORRECT by the score against the maximum (Moodle's combined feedback). */
function combinedRule(input: AuthoringItemInput): Node {
  const score = input.declarations.find((x) => x.identifier === 'SCORE');
  const max = score && 'normalMaximum' in score ? (score.normalMaximum ?? 1) : 1;
  const add = (id: string) =>
    node('setOutcomeValue', { identifier: 'FEEDBACK' }, [
      node('multiple', {}, [variable('FEEDBACK'), node('baseValue', { baseType: 'identifier' }, [], id)]),
    ]);
  return node('responseCondition', {}, [
    node('responseIf', {}, [node('gte', {}, [variable('SCORE'), floatValue(max * 0.99999)]), add('CORRECT')]),
    node('responseElseIf', {}, [node('gt', {}, [variable('SCORE'), floatValue(0)]), add('PARTIAL')]),
    node('responseElse', {}, [add('INCORRECT')]),
  ]);
}

/**
 * Moodle's feedback as modal feedback set by the rules: the general feedback for every candidate,
 * and each chosen option's own feedback (FEEDBACK holds the identifiers to show).
 */
function withFeedback(input: AuthoringItemInput, d: QuestionDraft): AuthoringItemInput {
  const general = d.feedback?.trim() ? d.feedback : undefined;
  const choice = d.kind === 'single' || d.kind === 'multiple';
  const options = choice ? d.options.filter((o) => o.feedback?.trim()) : [];
  const typed =
    (d.kind === 'shortAnswer' && d.wildcards) || d.kind === 'numeric'
      ? (d.answerFeedbacks ?? []).map((t, i) => ({ i, text: t.trim() }))
      : [];
  const lastTyped = Math.max(-1, ...typed.filter((t) => t.text).map((t) => t.i));
  const combined = Object.entries(d.combinedFeedback ?? {}).filter(([, t]) => t?.trim()) as Array<
    [keyof NonNullable<QuestionDraft['combinedFeedback']>, string]
  >;
  if (!general && !options.length && lastTyped < 0 && !combined.length) return input;
  const rp = input.responseProcessing;
  const rules: AuthoringProcessingNode[] = !rp
    ? []
    : 'rules' in rp
      ? (rp.rules as AuthoringProcessingNode[])
      : 'template' in rp && rp.template === 'map_response'
        ? [
            node('responseCondition', {}, [
              node('responseIf', {}, [node('isNull', {}, [variable('RESPONSE')]), setScore(floatValue(0))]),
              node('responseElse', {}, [setScore(node('mapResponse', { identifier: 'RESPONSE' }))]),
            ]),
          ]
        : matchRules(1);
  const show = (id: string) =>
    node('setOutcomeValue', { identifier: 'FEEDBACK' }, [
      node('multiple', {}, [variable('FEEDBACK'), node('baseValue', { baseType: 'identifier' }, [], id)]),
    ]);
  const chosen = (label: string) =>
    d.kind === 'single'
      ? node('match', {}, [variable('RESPONSE'), node('baseValue', { baseType: 'identifier' }, [], label)])
      : node('member', {}, [node('baseValue', { baseType: 'identifier' }, [], label), variable('RESPONSE')]);
  const paragraphs = (t: string) =>
    t
      .split(/\n+/)
      .filter((x) => x.trim())
      .map(p);
  return {
    ...input,
    declarations: [
      ...input.declarations,
      ...(input.declarations.some((x) => x.identifier === 'FEEDBACK')
        ? []
        : [
            {
              kind: 'outcome' as const,
              identifier: 'FEEDBACK',
              cardinality: 'multiple' as const,
              baseType: 'identifier' as const,
            },
          ]),
    ],
    responseProcessing: {
      rules: [
        ...rules,
        ...options.map((o) =>
          node('responseCondition', {}, [node('responseIf', {}, [chosen(o.label), show(`FB_${o.label}`)])]),
        ),
        // The feedback of the first typed answer that matches, as Moodle picks it.
        ...(lastTyped >= 0
          ? [
              node(
                'responseCondition',
                {},
                scoredAnswers(d)
                  .slice(0, lastTyped + 1)
                  .map((a, i) =>
                    node(i ? 'responseElseIf' : 'responseIf', {}, [
                      answerCondition('RESPONSE', a, d.kind === 'numeric', !!d.caseSensitive),
                      ...(typed[i]?.text ? [show(`FB_${i + 1}`)] : []),
                    ]),
                  ),
              ),
            ]
          : []),
        // Moodle's combined feedback: by the share of the points scored.
        ...(combined.length ? [combinedRule(input)] : []),
        ...(general ? [show('GENERAL')] : []),
      ],
    },
    modalFeedback: [
      ...(input.modalFeedback ?? []),
      ...options.map((o) => ({
        outcomeIdentifier: 'FEEDBACK',
        identifier: `FB_${o.label}`,
        showHide: 'show' as const,
        content: paragraphs(o.feedback!),
      })),
      ...typed
        .filter((t) => t.text && t.i <= lastTyped)
        .map((t) => ({
          outcomeIdentifier: 'FEEDBACK',
          identifier: `FB_${t.i + 1}`,
          showHide: 'show' as const,
          content: paragraphs(t.text),
        })),
      ...combined.map(([kind, t]) => ({
        outcomeIdentifier: 'FEEDBACK',
        identifier: COMBINED_IDS[kind],
        showHide: 'show' as const,
        content: paragraphs(t),
      })),
      ...(general
        ? [
            {
              outcomeIdentifier: 'FEEDBACK',
              identifier: 'GENERAL',
              showHide: 'show' as const,
              content: paragraphs(general),
            },
          ]
        : []),
    ],
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function matchRules(points: number): Node[] {
  return [
    node('responseCondition', {}, [
      node('responseIf', {}, [
        node('match', {}, [
          node('variable', { identifier: 'RESPONSE' }),
          node('correct', { identifier: 'RESPONSE' }),
        ]),
        node('setOutcomeValue', { identifier: 'SCORE' }, [
          node('baseValue', { baseType: 'float' }, [], String(points)),
        ]),
      ]),
    ]),
  ];
}

export interface BuiltQuestion {
  item?: AuthoringItem;
  /** The item as QTI 3.0, present with `item`. */
  qtiXml?: string;
  problems: ImportProblem[];
}

/** Checks a draft and builds its authoring item; no item when any problem is an error. */
export function buildItem(draft: QuestionDraft): BuiltQuestion {
  const sink = new ProblemSink();
  check(draft, sink);
  if (sink.items.some((p) => p.severity === 'error')) return { problems: sink.items };
  let item: AuthoringItem;
  let qtiXml: string;
  try {
    item = AuthoringItem.parse(withFeedback(toItemInput(draft, draftIdentifier(draft)), draft));
    qtiXml = serialiseAuthoringItem(item);
  } catch (error) {
    // A question the checks above let through but no item can hold (such as more options than letters).
    const message = error instanceof Error ? error.message.slice(0, 300) : String(error);
    sink.error(
      'invalid_item',
      `${draft.label}: không tạo được câu hỏi (${message}).`,
      `${draft.label.replace(/^Câu/, 'Question')}: the item cannot be built (${message}).`,
      { number: draft.number, line: draft.line, paragraph: draft.paragraph },
    );
    return { problems: sink.items };
  }
  const reread = parseItemXml(qtiXml);
  for (const problem of reread.problems.filter((p) => p.severity === 'error'))
    sink.error(
      'invalid_item',
      `${draft.label}: câu hỏi tạo ra không hợp lệ (${problem.message}).`,
      `${draft.label}: the generated item is invalid (${problem.message}).`,
      { number: draft.number, line: draft.line, paragraph: draft.paragraph },
    );
  if (sink.items.some((p) => p.severity === 'error')) return { problems: sink.items };
  return { item, qtiXml, problems: sink.items };
}
