/**
 * Moodle XML quiz export, read with the item bank's saxes tree (entity declarations refused).
 * multichoice, truefalse, shortanswer, numerical and essay questions come through; categories and
 * descriptions are skipped; other types are reported per question.
 */
import { parseXmlTree, XmlSyntaxError, type XmlElement, type XmlNode } from '../qti/xml-tree.ts';
import { htmlParagraphs } from './html-text.ts';
import {
  emptyDraft,
  letter,
  ProblemSink,
  type ParsedQuestions,
  type QuestionDraft,
} from './question-draft.ts';

const children = (e: XmlElement, name: string) =>
  e.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === name);
const child = (e: XmlElement, name: string) => children(e, name)[0];
const textOf = (e: XmlElement | undefined): string =>
  e ? e.children.map((c: XmlNode) => (c.kind === 'text' ? c.text : textOf(c))).join('') : '';
/** The `<text>` of an element such as `<questiontext format="html"><text>...</text></questiontext>`, as paragraphs. */
function paragraphs(e: XmlElement | undefined): string[] {
  if (!e) return [];
  const raw = textOf(child(e, 'text'));
  return e.attributes.format === 'html' || /<\w/.test(raw)
    ? htmlParagraphs(raw)
    : raw
        .split(/\n+/)
        .map((s) => s.trim())
        .filter(Boolean);
}

/** Reads a Moodle XML export into drafts. */
export function parseMoodleXml(xml: string): ParsedQuestions {
  const sink = new ProblemSink();
  const drafts: QuestionDraft[] = [];
  let root: XmlElement;
  try {
    root = parseXmlTree(xml.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    sink.error(
      'xml_syntax',
      `Tệp XML bị lỗi ở dòng ${error.location.line}, cột ${error.location.column}: ${error.message}`,
      `The XML is broken at line ${error.location.line}, column ${error.location.column}: ${error.message}`,
      { line: error.location.line },
    );
    return { drafts, problems: sink.items };
  }
  if (root.name !== 'quiz') {
    sink.error(
      'not_moodle',
      'Đây không phải tệp Moodle XML (phần tử gốc phải là <quiz>).',
      'This is not Moodle XML (the root element must be <quiz>).',
    );
    return { drafts, problems: sink.items };
  }
  for (const q of children(root, 'question')) {
    const type = q.attributes.type ?? '';
    if (type === 'category' || type === 'description') continue;
    const number = drafts.length + 1;
    const name = textOf(child(child(q, 'name') ?? q, 'text')).trim();
    const line = q.location.line;
    const draft = emptyDraft(number, name ? `Câu ${number} (${name})` : `Câu ${number}`, { line });
    const at = { number, line };
    draft.stem = paragraphs(child(q, 'questiontext'));
    const feedback = paragraphs(child(q, 'generalfeedback')).join('\n');
    if (feedback) draft.feedback = feedback;
    const grade = Number(textOf(child(q, 'defaultgrade')));
    if (grade > 0 && grade !== 1) draft.points = grade;
    const answers = children(q, 'answer').map((a) => ({
      fraction: Number(a.attributes.fraction ?? '0'),
      text: paragraphs(a).join(' '),
    }));
    switch (type) {
      case 'multichoice': {
        const single = textOf(child(q, 'single')).trim() !== 'false';
        draft.kind = single ? 'single' : 'multiple';
        draft.options = answers.map((a, i) => ({ label: letter(i), text: a.text, correct: a.fraction > 0 }));
        if (!single && answers.some((a) => a.fraction > 0 && a.fraction < 100))
          sink.warning(
            'partial_credit',
            `Câu ${number}: điểm từng phần của Moodle được đổi thành đúng hết mới có điểm.`,
            `Question ${number}: Moodle partial credit becomes all-or-nothing.`,
            at,
          );
        break;
      }
      case 'truefalse': {
        const isTrue =
          answers
            .find((a) => a.fraction >= 100)
            ?.text.trim()
            .toLowerCase() === 'true';
        draft.options = [
          { label: 'A', text: 'Đúng', correct: isTrue },
          { label: 'B', text: 'Sai', correct: !isTrue },
        ];
        break;
      }
      case 'shortanswer':
      case 'numerical':
        draft.kind = 'shortAnswer';
        draft.answers = answers.filter((a) => a.fraction >= 100).map((a) => a.text);
        if (
          type === 'numerical' &&
          children(q, 'answer').some((a) => Number(textOf(child(a, 'tolerance')) || 0) > 0)
        )
          sink.warning(
            'numeric_tolerance',
            `Câu ${number}: sai số cho phép của Moodle bị bỏ qua; chỉ nhận đúng giá trị.`,
            `Question ${number}: the Moodle tolerance is dropped; only the exact value is accepted.`,
            at,
          );
        break;
      case 'essay':
        draft.kind = 'essay';
        break;
      default:
        sink.error(
          'moodle_unsupported',
          `Câu ${number} (dòng ${line}): loại câu hỏi Moodle "${type}" chưa nhập được; hãy bỏ câu này.`,
          `Question ${number} (line ${line}): Moodle question type "${type}" cannot be imported yet; remove it.`,
          at,
        );
    }
    drafts.push(draft);
  }
  if (!drafts.length) sink.error('no_questions', 'Tệp không có câu hỏi nào.', 'The file holds no questions.');
  return { drafts, problems: sink.items };
}
