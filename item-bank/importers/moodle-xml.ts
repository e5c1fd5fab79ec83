/**
 * Moodle XML quiz export, read with the item bank's saxes tree (entity declarations refused).
 * multichoice, truefalse, shortanswer, numerical, essay, matching and cloze (multianswer)
 * questions come through with Moodle's meaning: answer grades as partial credit, `*` wildcards,
 * numeric tolerances, embedded files (`@@PLUGINFILE@@`, Moodle 1.9 `<image_base64>`) as item
 * media. Categories and tags become metadata, descriptions are skipped, and whatever cannot be
 * carried is a problem on the question.
 */
import { parseXmlTree, XmlSyntaxError, type XmlElement, type XmlNode } from '../qti/xml-tree.ts';
import { readCloze } from './cloze.ts';
import { htmlContent, htmlParagraphs } from './html-text.ts';
import {
  addStem,
  checkGrades,
  fromBase64,
  placeMedia,
  QuestionMedia,
  reportFlattened,
} from './moodle-common.ts';
import {
  emptyDraft,
  letter,
  ProblemSink,
  type ImportedMedia,
  type ParsedQuestions,
  type QuestionDraft,
} from './question-draft.ts';

const children = (e: XmlElement, name: string) =>
  e.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === name);
const child = (e: XmlElement | undefined, name: string) => (e ? children(e, name)[0] : undefined);
const textOf = (e: XmlElement | undefined): string =>
  e ? e.children.map((c: XmlNode) => (c.kind === 'text' ? c.text : textOf(c))).join('') : '';
/** Every element of a name under `e`, at any depth. */
const descendants = (e: XmlElement, name: string): XmlElement[] =>
  e.children.flatMap((c) =>
    c.kind === 'element' ? [...(c.name === name ? [c] : []), ...descendants(c, name)] : [],
  );
/** The `<text>` of an element such as `<questiontext format="html"><text>...</text></questiontext>`, as HTML. */
function htmlOf(e: XmlElement | undefined): string {
  if (!e) return '';
  const raw = textOf(child(e, 'text'));
  const format = e.attributes.format ?? '';
  if (format === 'html' || format === 'moodle_auto_format' || /<\w/.test(raw)) return raw;
  if (format === 'markdown') return raw;
  return raw
    .split(/\n/)
    .map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .join('<br>');
}
const plain = (e: XmlElement | undefined) => htmlParagraphs(htmlOf(e)).join(' ');
const hasText = (e: XmlElement | undefined) => !!e && plain(e).trim() !== '';

/** Reads a Moodle XML export into drafts. */
export function parseMoodleXml(xml: string): ParsedQuestions {
  const sink = new ProblemSink();
  const drafts: QuestionDraft[] = [];
  const mediaByQuestion: Record<number, ImportedMedia[]> = {};
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
  let category: string | undefined;
  for (const q of children(root, 'question')) {
    const type = q.attributes.type ?? '';
    if (type === 'category') {
      const path = textOf(child(child(q, 'category'), 'text')).trim();
      category =
        path.replace(/^\$(course|system|module|cat\d*)\$\/?/, '').replace(/^top\/?/, '') || undefined;
      continue;
    }
    if (type === 'description') continue;
    const number = drafts.length + 1;
    const name = textOf(child(child(q, 'name') ?? q, 'text')).trim();
    const line = q.location.line;
    const draft = emptyDraft(number, name ? `Câu ${number} (${name})` : `Câu ${number}`, { line });
    const at = { number, line };
    const where = {
      vi: name ? `Câu ${number} (${name})` : `Câu ${number}`,
      en: name ? `Question ${number} (${name})` : `Question ${number}`,
      at,
    };
    if (category) draft.category = category;
    const tags = children(child(q, 'tags') ?? q, 'tag')
      .map((t) => textOf(child(t, 'text')).trim())
      .filter(Boolean);
    if (tags.length) draft.tags = tags;
    drafts.push(draft);
    const media = new QuestionMedia();
    for (const f of descendants(q, 'file'))
      if (f.attributes.name) media.embedded.set(f.attributes.name, fromBase64(textOf(f)));
    const read = readQuestion(q, type, draft, media, sink, where);
    if (!read) continue;
    // Moodle 1.9: one picture after the question text.
    const image = textOf(child(q, 'image')).trim();
    const image64 = textOf(child(q, 'image_base64')).trim();
    if (image64) {
      const added = media.add(image.split('/').pop() || 'image.png', fromBase64(image64));
      (draft.media ??= []).push({ ...added, after: draft.stem.length - 1 });
    } else if (image)
      placeMedia(
        draft,
        { paragraphs: [], preformatted: [], media: [{ src: image, after: draft.stem.length - 1 }] },
        media,
        sink,
        where,
      );
    if (COMBINED_TYPES.has(type)) {
      const text = (n: string) => htmlParagraphs(htmlOf(child(q, n))).join('\n');
      const combined = {
        ...(text('correctfeedback') ? { correct: text('correctfeedback') } : {}),
        ...(text('partiallycorrectfeedback') ? { partial: text('partiallycorrectfeedback') } : {}),
        ...(text('incorrectfeedback') ? { incorrect: text('incorrectfeedback') } : {}),
      };
      if (Object.keys(combined).length) draft.combinedFeedback = combined;
    }
    if (media.files.length) mediaByQuestion[number] = media.files;
    reportLosses(q, type, sink, where);
    reportFlattened(
      [
        htmlOf(child(q, 'questiontext')),
        ...children(q, 'answer').map(htmlOf),
        ...children(q, 'subquestion').map(htmlOf),
      ],
      [
        htmlOf(child(q, 'generalfeedback')),
        ...children(q, 'answer').map((a) => htmlOf(child(a, 'feedback'))),
      ].join('\n'),
      sink,
      where,
    );
  }
  if (!drafts.length) sink.error('no_questions', 'Tệp không có câu hỏi nào.', 'The file holds no questions.');
  return { drafts, problems: sink.items, media: mediaByQuestion };
}

type Where = { vi: string; en: string; at: { number: number; line?: number } };

/** Fills the draft from one question; false when the question type cannot be imported. */
function readQuestion(
  q: XmlElement,
  type: string,
  draft: QuestionDraft,
  media: QuestionMedia,
  sink: ProblemSink,
  where: Where,
): boolean {
  const questionHtml = htmlOf(child(q, 'questiontext'));
  const feedback = htmlParagraphs(htmlOf(child(q, 'generalfeedback'))).join('\n');
  if (feedback) draft.feedback = feedback;
  const grade = Number(textOf(child(q, 'defaultgrade')));
  if (grade > 0 && grade !== 1) draft.points = grade;
  const answerEls = children(q, 'answer');
  const answers = answerEls.map((a) => ({
    el: a,
    fraction: Number(a.attributes.fraction ?? '0') / 100,
    html: htmlOf(a),
    feedback: hasText(child(a, 'feedback')),
    feedbackText: htmlParagraphs(htmlOf(child(a, 'feedback'))).join('\n'),
  }));
  const stem = () => addStem(draft, questionHtml, media, sink, where);
  const grades = () =>
    checkGrades(
      answers.map((a) => a.fraction),
      sink,
      where,
      where.at,
    );
  switch (type) {
    case 'multichoice': {
      stem();
      grades();
      const single = textOf(child(q, 'single')).trim() !== 'false';
      draft.kind = single ? 'single' : 'multiple';
      draft.shuffle = !['false', '0'].includes(textOf(child(q, 'shuffleanswers')).trim());
      const best = Math.max(...answers.map((a) => a.fraction));
      draft.options = answers.map((a, i) => {
        const content = htmlContent(a.html);
        placeMedia(draft, content, media, sink, where, { option: letter(i) });
        return {
          label: letter(i),
          text: content.paragraphs.join(' '),
          correct: single ? a.fraction === best && best > 0 : a.fraction > 0,
          fraction: Math.max(-1, Math.min(1, a.fraction)),
          ...(a.feedback ? { feedback: a.feedbackText } : {}),
        };
      });
      return true;
    }
    case 'truefalse': {
      stem();
      const isTrue =
        answers
          .find((a) => a.fraction >= 1)
          ?.html.replace(/<[^>]*>/g, '')
          .trim()
          .toLowerCase() === 'true';
      const said = (value: string) =>
        answers.find(
          (a) =>
            a.html
              .replace(/<[^>]*>/g, '')
              .trim()
              .toLowerCase() === value,
        );
      const fb = (a: (typeof answers)[number] | undefined) =>
        a?.feedback ? { feedback: a.feedbackText } : {};
      draft.options = [
        { label: 'A', text: 'Đúng', correct: isTrue, ...fb(said('true')) },
        { label: 'B', text: 'Sai', correct: !isTrue, ...fb(said('false')) },
      ];
      return true;
    }
    case 'shortanswer':
    case 'numerical': {
      stem();
      grades();
      draft.kind = type === 'numerical' ? 'numeric' : 'shortAnswer';
      draft.answers = answers.map((a) => htmlParagraphs(a.html).join(' ').trim());
      draft.answerFractions = answers.map((a) => Math.max(0, Math.min(1, a.fraction)));
      if (answers.some((a) => a.feedback)) draft.answerFeedbacks = answers.map((a) => a.feedbackText);
      if (type === 'shortanswer') {
        draft.wildcards = true;
        if (textOf(child(q, 'usecase')).trim() === '1') draft.caseSensitive = true;
      } else {
        draft.tolerances = answerEls.map(
          (a) => Math.abs(Number(textOf(child(a, 'tolerance')).trim() || 0)) || 0,
        );
      }
      return true;
    }
    case 'essay':
      stem();
      draft.kind = 'essay';
      return true;
    case 'matching': {
      stem();
      draft.kind = 'matching';
      draft.shuffle = !['false', '0'].includes(textOf(child(q, 'shuffleanswers')).trim());
      draft.pairs = children(q, 'subquestion').map((sq) => {
        const content = htmlContent(htmlOf(sq));
        if (content.media.length)
          sink.warning(
            'media_in_pair',
            `${where.vi}: hình/âm thanh trong vế ghép đôi không được giữ; chỉ giữ chữ.`,
            `${where.en}: pictures or sound inside a matching pair are not kept; only the text is.`,
            where.at,
          );
        return {
          prompt: content.paragraphs.join(' '),
          answer: htmlParagraphs(textOf(child(child(sq, 'answer'), 'text'))).join(' '),
        };
      });
      return true;
    }
    case 'cloze':
    case 'multianswer': {
      draft.kind = 'cloze';
      const cloze = readCloze(questionHtml);
      addStem(draft, cloze.html, media, sink, where);
      draft.gaps = cloze.gaps;
      checkGrades(cloze.fractions, sink, where, where.at);
      for (const b of cloze.broken)
        sink.error(
          'cloze_bad_gap',
          `${where.vi}: chỗ trống "${b.slice(0, 60)}" viết sai cú pháp cloze (thiếu đáp án).`,
          `${where.en}: the gap "${b.slice(0, 60)}" is not valid cloze syntax (no answers).`,
          where.at,
        );
      if (!textOf(child(q, 'defaultgrade')).trim()) delete draft.points;
      return true;
    }
    default:
      stem();
      sink.error(
        'moodle_unsupported',
        `${where.vi} (dòng ${where.at.line}): loại câu hỏi Moodle "${type}" chưa nhập được; hãy bỏ câu này.`,
        `${where.en} (line ${where.at.line}): Moodle question type "${type}" cannot be imported yet; remove it.`,
        where.at,
      );
      return false;
  }
}

const COMBINED_TYPES = new Set(['multichoice', 'matching']);

/** What Moodle keeps for a question that the item does not: each reported once, naming the question. */
function reportLosses(q: XmlElement, type: string, sink: ProblemSink, where: Where) {
  const lost = (code: string, vi: string, en: string) =>
    sink.warning(code, `${where.vi}: ${vi}`, `${where.en}: ${en}`, where.at);
  const combined = ['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback'].filter((n) =>
    hasText(child(q, n)),
  );
  // Carried for the question types that have it; reported where Moodle XML has it elsewhere.
  if (combined.length && !COMBINED_TYPES.has(type))
    lost(
      'combined_feedback_dropped',
      'nhận xét cho câu trả lời đúng / đúng một phần / sai không được đưa vào câu hỏi.',
      'the feedback for correct, partially correct and incorrect responses is not carried into the item.',
    );
  const idnumber = textOf(child(q, 'idnumber')).trim();
  if (idnumber)
    lost(
      'idnumber_dropped',
      `mã ID của Moodle ("${idnumber}") không được giữ; câu hỏi có mã riêng trong ngân hàng.`,
      `Moodle's ID number ("${idnumber}") is not kept; the item gets its own identifier in the bank.`,
    );
  const hints = children(q, 'hint').filter((h) => hasText(h));
  if (hints.length)
    lost(
      'hints_dropped',
      `${hints.length} gợi ý (dùng khi làm nhiều lần) không được đưa vào câu hỏi.`,
      `${hints.length} hint(s) (for multiple tries) are not carried into the item.`,
    );
  if (type === 'numerical' && children(child(q, 'units') ?? q, 'unit').length)
    lost(
      'numeric_units_dropped',
      'đơn vị đo của Moodle không được giữ: thí sinh chỉ nhập số, không kèm đơn vị.',
      "Moodle's units are not kept: candidates type the number only, without a unit.",
    );
  if (type === 'essay') {
    if (hasText(child(q, 'graderinfo')))
      lost(
        'grader_info_dropped',
        'hướng dẫn chấm (graderinfo) không được đưa vào câu hỏi.',
        'the information for graders (graderinfo) is not carried into the item.',
      );
    if (hasText(child(q, 'responsetemplate')))
      lost(
        'response_template_dropped',
        'mẫu câu trả lời (responsetemplate) không được đưa vào câu hỏi.',
        'the response template is not carried into the item.',
      );
    if (Number(textOf(child(q, 'attachments')).trim() || 0) !== 0)
      lost(
        'essay_attachments_dropped',
        'bài luận cho phép nộp tệp đính kèm ở Moodle; câu hỏi nhập vào chỉ nhận phần viết.',
        'the Moodle essay accepts attachments; the imported item takes the written answer only.',
      );
  }
}
