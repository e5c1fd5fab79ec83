/**
 * Turns a question draft into an item of the JSON authoring model, after checking it the way a
 * reviewer would (options present, exactly one key for a single choice, a truth value for every
 * statement...). Every problem names the question and says what to fix.
 */
import { createHash } from 'node:crypto';
import {
  AuthoringItem,
  serialiseAuthoringItem,
  type AuthoringContentElement,
  type AuthoringContentNode,
  type AuthoringItemInput,
} from '../authoring/authoring-item.ts';
import { parseItemXml } from '../qti/parse-item.ts';
import { ProblemSink, type ImportProblem, type QuestionDraft } from './question-draft.ts';

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

/** The identifier of an imported question: a hash of its content, so importing it twice adds no new item. */
export function draftIdentifier(draft: QuestionDraft): string {
  const { number: _n, label: _l, line: _li, paragraph: _p, ...content } = draft;
  return `IMP-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12).toUpperCase()}`;
}

const TF_LABEL = { true: 'Đúng', false: 'Sai' };

/** The searchable text of a draft: stem, options and answers. */
export const draftText = (d: QuestionDraft) =>
  [...d.stem, ...d.options.map((o) => `${o.label}. ${o.text}`)].join('\n');

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
    const keyed = d.options.filter((o) => o.correct);
    if (!keyed.length)
      sink.error(
        'no_key',
        `${where}chưa có đáp án đúng (gạch chân, in đậm, dấu * hoặc bảng đáp án).`,
        `${whereEn}no correct answer is marked (underline, bold, an asterisk or the answer table).`,
        at,
      );
    else if (d.kind === 'single' && keyed.length > 1)
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
      if (!o.text.trim())
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
  if (d.kind === 'shortAnswer' && !d.answers.some((a) => a.trim()))
    sink.error(
      'no_answer',
      `${where}câu trả lời ngắn chưa có đáp án.`,
      `${whereEn}the short answer question has no answer.`,
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

function toItemInput(d: QuestionDraft, identifier: string): AuthoringItemInput {
  const stem = d.stem.filter((s) => s.trim()).map(p);
  const title = (d.stem.join(' ').trim() || d.label).slice(0, 120);
  const points = d.points ?? 1;
  const base = { identifier, title, language: 'vi', modalFeedback: [], stylesheets: [] };
  const body = (children: AuthoringContentNode[]) => el('itemBody', 'qti', {}, children);
  switch (d.kind) {
    case 'single':
    case 'multiple': {
      const single = d.kind === 'single';
      return {
        ...base,
        declarations: [
          {
            kind: 'response',
            identifier: 'RESPONSE',
            cardinality: single ? 'single' : 'multiple',
            baseType: 'identifier',
            correctResponse: d.options.filter((o) => o.correct).map((o) => v(o.label)),
          },
          scoreOutcome(points),
        ],
        responseProcessing: points === 1 ? { template: 'match_correct' } : { rules: matchRules(points) },
        body: body([
          ...stem,
          el(
            'choiceInteraction',
            'qti',
            { responseIdentifier: 'RESPONSE', shuffle: 'false', maxChoices: single ? '1' : '0' },
            [...d.options.map((o) => el('simpleChoice', 'qti', { identifier: o.label }, [text(o.text)]))],
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
  const item = AuthoringItem.parse(toItemInput(draft, draftIdentifier(draft)));
  const qtiXml = serialiseAuthoringItem(item);
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
