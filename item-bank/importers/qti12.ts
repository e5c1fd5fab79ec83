/**
 * QTI 1.2 (`questestinterop`), as Canvas, Blackboard and D2L export quizzes, read into question
 * drafts: multiple choice, multiple answers, true/false, short answer, fill in multiple blanks
 * (and Canvas's multiple drop-downs), matching, numerical (exact, with a margin, or a range) and
 * essay. What each option or answer is worth is asked of the file's own response processing
 * (qti12-scoring.ts), so partial credit comes through as the source scores it; per-answer,
 * general, correct and incorrect feedback come through too. The item keeps the QTI 1.2 `ident`
 * as its identifier. Pictures and sounds (HTML `<img>` in `mattext`, `matimage`, `mataudio`) come
 * from the package the file came in (qti12-media.ts). A question in a Canvas question group is
 * worth the group's `points_per_item`. Anything not carried is a warning on the question; a
 * question type that cannot be carried is an error naming QTI 1.2.
 */
import {
  elementChildren,
  parseXmlTree,
  textContent,
  XmlSyntaxError,
  type XmlElement,
} from '../qti/xml-tree.ts';
import { htmlContent, htmlParagraphs } from './html-text.ts';
import { addStem, placeMedia, type QuestionMedia } from './moodle-common.ts';
import { PackageMedia } from './qti12-media.ts';
import {
  emptyDraft,
  letter,
  ProblemSink,
  type ClozeGap,
  type ImportedMedia,
  type ParsedQuestions,
  type QuestionDraft,
} from './question-draft.ts';
import {
  comparedValues,
  scaleOf,
  scoreQti12,
  unknownConditions,
  type Qti12Response,
} from './qti12-scoring.ts';

/** Whether an XML document is QTI 1.2 (its root, or an early element, is `questestinterop`). */
export const isQti12Document = (xml: string) => /<(?:\w+:)?questestinterop[\s>]/.test(xml.slice(0, 4000));

const all = (e: XmlElement | undefined, name: string) =>
  e ? elementChildren(e).filter((c) => c.name === name) : [];
const first = (e: XmlElement | undefined, name: string) => all(e, name)[0];
const descendants = (e: XmlElement, name: string): XmlElement[] =>
  elementChildren(e).flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);

/** Canvas's `qtimetadata` fields of an item (question_type, points_possible...). */
function metadataOf(item: XmlElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of descendants(first(item, 'itemmetadata') ?? item, 'qtimetadatafield'))
    fields[textContent(first(field, 'fieldlabel') ?? field).trim()] = textContent(
      first(field, 'fieldentry') ?? field,
    ).trim();
  return fields;
}

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A `material` as HTML: `mattext` (HTML or plain), `matimage` as a picture, `matbreak` as a line break. */
function materialHtml(material: XmlElement | undefined): string {
  if (!material) return '';
  return elementChildren(material)
    .map((m) => {
      if (m.name === 'mattext' || m.name === 'matemtext') {
        const raw = textContent(m);
        return /html/i.test(m.attributes.texttype ?? '') ? raw : escapeHtml(raw).replace(/\n/g, '<br>');
      }
      if (m.name === 'matimage' || m.name === 'mataudio' || m.name === 'matvideo') {
        const src = mediaSource(m);
        if (!src) return '';
        const alt = escapeHtml(m.attributes.label ?? '');
        return m.name === 'matimage'
          ? `<img src="${escapeHtml(src)}" alt="${alt}">`
          : `<${m.name.slice(3)} src="${escapeHtml(src)}">${alt}</${m.name.slice(3)}>`;
      }
      if (m.name === 'matbreak') return '<br>';
      return '';
    })
    .join('');
}
const plainOf = (html: string) => htmlParagraphs(html).join(' ');

/** A `matimage`/`mataudio`/`matvideo` file: its `uri`, or its content embedded as base64 (a data: URL). */
function mediaSource(m: XmlElement): string | undefined {
  if (m.attributes.uri) return m.attributes.uri;
  const type = m.attributes.imagtype ?? m.attributes.audiotype ?? m.attributes.videotype;
  const data = textContent(m).replace(/\s+/g, '');
  if (/^base64$/i.test(m.attributes.embedded ?? '') && data && type) return `data:${type};base64,${data}`;
  return undefined;
}

/** Whether HTML shows a picture, sound or video. */
const hasMedia = (html: string) => /<(img|audio|video|source)[\s>]/i.test(html);

/** The `material` elements of a presentation in reading order, `flow`s opened. */
function materials(e: XmlElement | undefined): XmlElement[] {
  if (!e) return [];
  return elementChildren(e).flatMap((c) =>
    c.name === 'material' ? [c] : c.name === 'flow' || c.name === 'flow_mat' ? materials(c) : [],
  );
}

interface ResponseSpec {
  ident: string;
  kind: 'choice' | 'text';
  multiple: boolean;
  numeric: boolean;
  /** The material inside the response (a matching prompt, a blank's name). */
  promptHtml: string;
  labels: Array<{ ident: string; html: string }>;
  element: XmlElement;
}

function responsesOf(presentation: XmlElement): ResponseSpec[] {
  const found: ResponseSpec[] = [];
  const visit = (e: XmlElement) => {
    for (const c of elementChildren(e)) {
      if (c.name === 'response_lid' || c.name === 'response_str' || c.name === 'response_num') {
        const render = elementChildren(c).find((r) => r.name.startsWith('render_'));
        found.push({
          ident: c.attributes.ident ?? '',
          kind: c.name === 'response_lid' ? 'choice' : 'text',
          multiple: (c.attributes.rcardinality ?? 'Single') !== 'Single',
          numeric:
            c.name === 'response_num' ||
            /^(Decimal|Integer|Scientific)$/.test(render?.attributes.fibtype ?? ''),
          promptHtml: all(c, 'material').map(materialHtml).join(''),
          labels: (render ? descendants(render, 'response_label') : []).map((l) => ({
            ident: l.attributes.ident ?? '',
            html: materialHtml(first(l, 'material')) || escapeHtml(textContent(l).trim()),
          })),
          element: c,
        });
      } else visit(c);
    }
  };
  visit(presentation);
  return found;
}

/** A QTI identifier from a QTI 1.2 `ident` (Canvas writes hex strings; some tools write plain numbers). */
export function identifierFromIdent(ident: string): string {
  const cleaned = ident.trim().replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned.slice(0, 200) : `Q${cleaned}`.slice(0, 200);
}

type Where = { vi: string; en: string; at: { number: number; line: number } };

const CANVAS_TYPES: Record<string, string> = {
  multiple_choice_question: 'single',
  true_false_question: 'single',
  multiple_answers_question: 'multiple',
  short_answer_question: 'short',
  fill_in_multiple_blanks_question: 'blanks',
  multiple_dropdowns_question: 'blanks',
  matching_question: 'matching',
  numerical_question: 'numeric',
  essay_question: 'essay',
};
/** Canvas question types known not to be carried, with what they are. */
const CANVAS_UNSUPPORTED: Record<string, { vi: string; en: string }> = {
  calculated_question: {
    vi: 'câu tính toán có biến ngẫu nhiên',
    en: 'formula question with random variables',
  },
  file_upload_question: { vi: 'câu nộp tệp', en: 'file upload question' },
};

/** The kind of question from its structure, for exports without Canvas's question_type (Blackboard, D2L). */
function inferKind(responses: ResponseSpec[], resprocessing: XmlElement | undefined): string | undefined {
  if (!responses.length) return undefined;
  if (responses.length > 1)
    return responses.every(
      (r) => r.kind === 'choice' && r.promptHtml && !/^\s*\w+\s*$/.test(plainOf(r.promptHtml)),
    )
      ? 'matching'
      : 'blanks';
  const [r] = responses;
  if (r!.kind === 'choice') return r!.multiple ? 'multiple' : 'single';
  if (r!.numeric) return 'numeric';
  return comparedValues(resprocessing, r!.ident).length ? 'short' : 'essay';
}

/**
 * Reads a QTI 1.2 document into drafts; `numberFrom` continues the numbering of earlier files of
 * a package, `file` (a package path) is named in every problem, and `packageFiles` (the package's
 * files by path) are where the questions' pictures and sounds are looked for.
 */
export function parseQti12(
  xml: string,
  numberFrom = 1,
  file?: string,
  packageFiles?: ReadonlyMap<string, Uint8Array>,
  /** Points of questions drawn by a question group of another file (a bank's), by question ident. */
  drawnPoints?: ReadonlyMap<string, GroupPoints>,
): ParsedQuestions {
  const sink = new ProblemSink();
  const drafts: QuestionDraft[] = [];
  const media: Record<number, ImportedMedia[]> = {};
  let root: XmlElement;
  try {
    root = parseXmlTree(xml.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    sink.error(
      'xml_syntax',
      `${file ? `${file}: ` : ''}Tệp QTI 1.2 bị lỗi XML ở dòng ${error.location.line}, cột ${error.location.column}: ${error.message}`,
      `${file ? `${file}: ` : ''}The QTI 1.2 file's XML is broken at line ${error.location.line}, column ${error.location.column}: ${error.message}`,
      { line: error.location.line },
    );
    return { drafts, problems: sink.items };
  }
  if (root.name !== 'questestinterop') {
    sink.error(
      'not_qti12',
      'Đây không phải tệp QTI 1.2 (phần tử gốc phải là <questestinterop>).',
      'This is not QTI 1.2 (the root element must be <questestinterop>).',
    );
    return { drafts, problems: sink.items };
  }
  const groupPoints = pointsPerItemOf(root);
  for (const item of descendants(root, 'item')) {
    const number = numberFrom + drafts.length;
    const title = (item.attributes.title ?? '').trim();
    const line = item.location.line;
    const label = title ? `Câu ${number} (${title})` : `Câu ${number}`;
    const place = file ? `${file} ` : '';
    const where: Where = {
      vi: `${label} (QTI 1.2, ${place}dòng ${line})`,
      en: `${title ? `Question ${number} (${title})` : `Question ${number}`} (QTI 1.2, ${place}line ${line})`,
      at: { number, line },
    };
    const draft = emptyDraft(number, label, { line });
    if (item.attributes.ident) draft.sourceIdentifier = identifierFromIdent(item.attributes.ident);
    const files = new PackageMedia(packageFiles, file);
    const kept = readItem(item, draft, files, sink, where);
    if (kept === 'skip') continue;
    const group = groupPoints.get(item) ?? drawnPoints?.get(item.attributes.ident ?? '');
    const own = draft.points ?? (draft.kind === 'cloze' ? undefined : 1);
    if (group !== undefined && group.points !== own) {
      if (own !== undefined)
        sink.warning(
          'qti12_group_points',
          `${where.vi}: câu thuộc nhóm câu hỏi "${group.title}" nên được tính ${group.points} điểm như nhóm quy định (points_per_item), không phải ${own} điểm của câu.`,
          `${where.en}: the question is in the question group "${group.title}", so it is worth the group's ${group.points} point(s) (points_per_item), not its own ${own}.`,
          where.at,
        );
      draft.points = group.points;
    }
    drafts.push(draft);
    if (files.files.length) media[number] = files.files;
  }
  if (!drafts.length && !sink.items.some((p) => p.severity === 'error'))
    sink.error(
      'no_questions',
      'Tệp QTI 1.2 không có câu hỏi nào (<item>).',
      'The QTI 1.2 file holds no questions (<item>).',
    );
  return { drafts, problems: sink.items, media };
}

/**
 * Canvas question groups: a section whose `selection_extension` gives `points_per_item` makes
 * every question in it worth that much, whatever the question's own points_possible says.
 */
function pointsPerItemOf(root: XmlElement): Map<XmlElement, GroupPoints> {
  const found = new Map<XmlElement, GroupPoints>();
  for (const section of descendants(root, 'section')) {
    const group = groupPointsOf(section);
    if (group) for (const item of all(section, 'item')) found.set(item, group);
  }
  return found;
}

/** A Canvas question group's points per question, with its title. */
export interface GroupPoints {
  points: number;
  title: string;
}

/** The `points_per_item` of a section's selection (a Canvas question group), when it gives one. */
export function groupPointsOf(section: XmlElement): GroupPoints | undefined {
  const selection = first(first(section, 'selection_ordering'), 'selection');
  const field = first(first(selection, 'selection_extension'), 'points_per_item');
  const points = field ? Number(textContent(field).trim()) : NaN;
  if (!Number.isFinite(points) || points <= 0) return undefined;
  return { points, title: (section.attributes.title ?? section.attributes.ident ?? '').trim() };
}

function readItem(
  item: XmlElement,
  draft: QuestionDraft,
  files: QuestionMedia,
  sink: ProblemSink,
  where: Where,
): 'read' | 'skip' {
  const meta = metadataOf(item);
  const presentation = first(item, 'presentation');
  const resprocessing = first(item, 'resprocessing');
  const responses = presentation ? responsesOf(presentation) : [];
  const canvasType = meta.question_type;
  if (canvasType === 'text_only_question') {
    sink.warning(
      'qti12_text_only',
      `${where.vi}: đoạn văn không có câu hỏi (text_only_question) không được nhập.`,
      `${where.en}: a text-only block (text_only_question) is not imported.`,
      where.at,
    );
    return 'skip';
  }
  const kind = canvasType ? CANVAS_TYPES[canvasType] : inferKind(responses, resprocessing);
  const stemHtml = materials(presentation).map(materialHtml).join('');
  const feedbacks = new Map(
    all(item, 'itemfeedback').map((f) => [
      f.attributes.ident ?? '',
      htmlParagraphs(materials(f).map(materialHtml).join('') || materialHtml(first(f, 'material'))).join(
        '\n',
      ),
    ]),
  );
  if (
    all(item, 'itemfeedback').some((f) =>
      hasMedia(materials(f).map(materialHtml).join('') || materialHtml(first(f, 'material'))),
    )
  )
    mediaDropped(sink, where, { vi: 'lời nhận xét', en: 'feedback' });
  const points = Number(meta.points_possible);
  // A cloze item's points default to its gaps' weights (100 in all here), so 1 is said outright.
  if (Number.isFinite(points) && points > 0 && (points !== 1 || kind === 'blanks')) draft.points = points;
  if (!kind) {
    addStem(draft, stemHtml, files, sink, where);
    // An essay needs nothing more, so the refusal below is the question's only problem.
    draft.kind = 'essay';
    const what = CANVAS_UNSUPPORTED[canvasType ?? ''];
    sink.error(
      'qti12_unsupported',
      `${where.vi}: loại câu hỏi QTI 1.2 "${canvasType ?? 'không rõ'}"${what ? ` (${what.vi})` : ''} chưa nhập được; hãy bỏ câu này.`,
      `${where.en}: the QTI 1.2 question type "${canvasType ?? 'unknown'}"${what ? ` (${what.en})` : ''} cannot be imported; leave it out.`,
      where.at,
    );
    return 'read';
  }
  for (const unknown of unknownConditions(resprocessing))
    sink.warning(
      'qti12_condition_ignored',
      `${where.vi}: điều kiện chấm <${unknown.name}> (dòng ${unknown.location.line}) không được hiểu; coi như không thỏa.`,
      `${where.en}: the scoring condition <${unknown.name}> (line ${unknown.location.line}) is not understood; it is taken as false.`,
      where.at,
    );
  const scale = scaleOf(resprocessing);
  const span = scale.max > 0 ? scale.max : 100;
  const score = (response: Qti12Response) => scoreQti12(resprocessing, response);
  const fraction = (response: Qti12Response) => round6(score(response).score / span);
  const reader: Reader = {
    ...{ draft, files, sink, where, responses, score, fraction, feedbacks, stemHtml },
    canvasType,
  };
  switch (kind) {
    case 'single':
    case 'multiple':
      readChoice(reader, kind === 'multiple', resprocessing);
      break;
    case 'short':
    case 'numeric':
      readTyped(reader, kind === 'numeric', resprocessing);
      break;
    case 'blanks':
      readBlanks(reader, resprocessing);
      break;
    case 'matching':
      readMatching(reader);
      break;
    case 'essay':
      addStem(draft, stemHtml, files, sink, where);
      draft.kind = 'essay';
      break;
  }
  readFeedback(reader);
  return 'read';
}

/** A warning that pictures or sounds in one part of the question are not carried (only its text is). */
function mediaDropped(sink: ProblemSink, where: Where, part: { vi: string; en: string }) {
  sink.warning(
    'qti12_media_dropped',
    `${where.vi}: hình/âm thanh trong ${part.vi} không được giữ; chỉ giữ phần chữ.`,
    `${where.en}: pictures or sound in the ${part.en} are not carried; only the text is.`,
    where.at,
  );
}

interface Reader {
  draft: QuestionDraft;
  files: QuestionMedia;
  sink: ProblemSink;
  where: Where;
  responses: ResponseSpec[];
  score: (response: Qti12Response) => ReturnType<typeof scoreQti12>;
  fraction: (response: Qti12Response) => number;
  feedbacks: Map<string, string>;
  stemHtml: string;
  /** Canvas's question_type, when the export names it. */
  canvasType?: string;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
/** Canvas's names for the feedback of the whole question. */
const GENERAL_FEEDBACK = new Set(['general_fb', 'correct_fb', 'general_incorrect_fb']);

function onlyResponse(r: Reader): ResponseSpec | undefined {
  const [response, ...more] = r.responses;
  if (!response) {
    r.sink.error(
      'qti12_no_response',
      `${r.where.vi}: câu hỏi QTI 1.2 không có ô trả lời (response_lid/response_str).`,
      `${r.where.en}: the QTI 1.2 question has no response (response_lid/response_str).`,
      r.where.at,
    );
    return undefined;
  }
  if (more.length)
    r.sink.warning(
      'qti12_extra_responses',
      `${r.where.vi}: chỉ ô trả lời đầu tiên được nhập; ${more.length} ô khác bị bỏ.`,
      `${r.where.en}: only the first response is imported; ${more.length} other(s) are dropped.`,
      r.where.at,
    );
  return response;
}

/** The feedback text shown for a response besides the question's general feedback. */
const answerFeedback = (r: Reader, response: Qti12Response) =>
  r
    .score(response)
    .feedback.filter((id) => !GENERAL_FEEDBACK.has(id))
    .map((id) => r.feedbacks.get(id) ?? '')
    .filter(Boolean)
    .join('\n');

function readChoice(r: Reader, multiple: boolean, resprocessing: XmlElement | undefined) {
  const { draft } = r;
  addStem(draft, r.stemHtml, r.files, r.sink, r.where);
  const response = onlyResponse(r);
  if (!response) return;
  draft.kind = multiple ? 'multiple' : 'single';
  const id = response.ident;
  const labels = response.labels.map((l) => l.ident);
  const alone = labels.map((l) => r.fraction({ [id]: [l] }));
  if (!multiple) {
    const best = Math.max(...alone);
    const partial = alone.some((f) => f !== 0 && f !== 1);
    draft.options = optionsOf(
      r,
      response,
      alone.map((f) => f > 0 && f === best),
      partial ? alone : undefined,
    );
    return;
  }
  // Blackboard and others add a share per option chosen; Canvas scores the keyed set, and
  // nothing else, all or nothing. Which one the rules do is read off what they score.
  // An option that costs points shows only on top of others (the score never goes below its
  // minimum): its worth is what it takes from the keyed options' score.
  const positive = labels.filter((_, i) => alone[i]! > 0);
  const base = r.fraction({ [id]: positive });
  const worth = labels.map((l, i) =>
    alone[i]! > 0 ? alone[i]! : round6(r.fraction({ [id]: [...positive, l] }) - base),
  );
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const sumOf = (set: string[]) => clamp(set.reduce((s, l) => s + worth[labels.indexOf(l)]!, 0));
  const additive =
    positive.length > 0 &&
    Math.abs(base - sumOf(positive)) < 1e-6 &&
    Math.abs(r.fraction({ [id]: labels }) - sumOf(labels)) < 1e-6;
  if (additive) {
    draft.options = optionsOf(
      r,
      response,
      worth.map((f) => f > 0),
      worth,
    );
    return;
  }
  const compared = new Set(comparedValues(resprocessing, id).map((v) => textContent(v).trim()));
  const keyed = labels.filter((l) => compared.has(l));
  if (keyed.length && r.fraction({ [id]: keyed }) >= 1 - 1e-6) {
    draft.options = optionsOf(
      r,
      response,
      labels.map((l) => keyed.includes(l)),
      undefined,
    );
    return;
  }
  r.sink.error(
    'qti12_scoring_unsupported',
    `${r.where.vi}: cách chấm của câu nhiều đáp án QTI 1.2 này không chuyển được (không phải "đúng hết mới có điểm", cũng không cộng điểm từng phương án).`,
    `${r.where.en}: this QTI 1.2 multiple-answer scoring cannot be carried (neither all or nothing nor a share per option).`,
    r.where.at,
  );
}

function optionsOf(
  r: Reader,
  response: ResponseSpec,
  keyed: boolean[],
  fractions: number[] | undefined,
): QuestionDraft['options'] {
  if (response.labels.length > 26)
    r.sink.error(
      'too_many_options',
      `${r.where.vi}: có ${response.labels.length} phương án; tối đa 26.`,
      `${r.where.en}: has ${response.labels.length} options; at most 26.`,
      r.where.at,
    );
  return response.labels.slice(0, 26).map((l, i) => {
    const content = htmlContent(l.html);
    placeMedia(r.draft, content, r.files, r.sink, r.where, { option: letter(i) });
    const feedback = answerFeedback(r, { [response.ident]: [l.ident] });
    return {
      label: letter(i),
      text: content.paragraphs.join(' '),
      correct: keyed[i]!,
      ...(fractions ? { fraction: Math.max(-1, Math.min(1, fractions[i]!)) } : {}),
      ...(feedback ? { feedback } : {}),
    };
  });
}

/** Short answer and numerical: the accepted answers, each with its credit and feedback. */
function readTyped(r: Reader, numeric: boolean, resprocessing: XmlElement | undefined) {
  const { draft } = r;
  addStem(draft, r.stemHtml, r.files, r.sink, r.where);
  const response = onlyResponse(r);
  if (!response) return;
  const id = response.ident;
  draft.kind = numeric ? 'numeric' : 'shortAnswer';
  const answers = numeric ? numericAnswers(r, id, resprocessing) : textAnswers(r, id, resprocessing);
  const scored = answers.filter((a) => a.fraction > 0);
  draft.answers = scored.map((a) => a.text);
  draft.answerFractions = scored.map((a) => Math.min(1, a.fraction));
  if (numeric) draft.tolerances = scored.map((a) => a.tolerance ?? 0);
  else if (comparedValues(resprocessing, id).some((v) => v.attributes.case === 'Yes'))
    draft.caseSensitive = true;
  const feedback = scored.map((a) => answerFeedback(r, { [id]: [a.probe] }));
  if (feedback.some(Boolean)) {
    draft.answerFeedbacks = feedback;
    // Answer feedback is shown through the pattern rules (build-item shows it for wildcard short answers).
    if (!numeric) draft.wildcards = true;
  }
  if (draft.wildcards) draft.answers = draft.answers.map((a) => a.replace(/\*/g, '\\*'));
}

type TypedAnswer = { text: string; probe: string; fraction: number; tolerance?: number };

function textAnswers(r: Reader, id: string, resprocessing: XmlElement | undefined): TypedAnswer[] {
  const seen = new Set<string>();
  const out: TypedAnswer[] = [];
  for (const v of comparedValues(resprocessing, id)) {
    const text = textContent(v).trim();
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push({ text, probe: text, fraction: r.fraction({ [id]: [text] }) });
  }
  if (comparedValues(resprocessing, id, ['varsubstring']).length)
    r.sink.warning(
      'qti12_substring_dropped',
      `${r.where.vi}: đáp án "chứa chuỗi" (varsubstring) không được giữ; chỉ giữ đáp án khớp nguyên văn.`,
      `${r.where.en}: "contains" answers (varsubstring) are not carried; only exact answers are.`,
      r.where.at,
    );
  return out;
}

/**
 * Numerical answers: an exact value (`varequal`), an exact value with a margin (Canvas: the value
 * or'ed with `vargte`/`varlte` around it), or a range (`vargte` and `varlte`), each read from one
 * rule; a range becomes its middle with half its width as the tolerance.
 */
function numericAnswers(r: Reader, id: string, resprocessing: XmlElement | undefined): TypedAnswer[] {
  const out: TypedAnswer[] = [];
  for (const rule of all(resprocessing, 'respcondition')) {
    const condition = first(rule, 'conditionvar');
    if (!condition) continue;
    const within = (names: string[]) =>
      descendantsOrSelf(condition)
        .filter((e) => names.includes(e.name) && e.attributes.respident === id)
        .map((e) => Number(textContent(e).trim()));
    const equal = within(['varequal']);
    const low = within(['vargte', 'vargt']);
    const high = within(['varlte', 'varlt']);
    let value: number | undefined;
    let tolerance = 0;
    if (equal.length && Number.isFinite(equal[0])) {
      value = equal[0]!;
      if (low.length && high.length) tolerance = Math.max(value - low[0]!, high[0]! - value);
    } else if (low.length && high.length) {
      value = (low[0]! + high[0]!) / 2;
      tolerance = (high[0]! - low[0]!) / 2;
    } else if (low.length || high.length) {
      r.sink.warning(
        'qti12_open_range',
        `${r.where.vi}: khoảng số chỉ có một đầu (dòng ${rule.location.line}) không được giữ.`,
        `${r.where.en}: a range with one end only (line ${rule.location.line}) is not carried.`,
        r.where.at,
      );
      continue;
    }
    if (value === undefined || !Number.isFinite(value)) continue;
    if (descendantsOrSelf(condition).some((e) => e.name === 'vargt' || e.name === 'varlt'))
      r.sink.warning(
        'qti12_strict_bound',
        `${r.where.vi}: cận chặt (vargt/varlt) được coi là cận không chặt.`,
        `${r.where.en}: strict bounds (vargt/varlt) are taken as inclusive.`,
        r.where.at,
      );
    const probe = String(value);
    const fraction = r.fraction({ [id]: [probe] });
    // The tolerance is widened by a hair so the range's own ends, which floating point may put a
    // rounding error outside `value ± tolerance`, still score as the source does.
    const cleaned = round6(tolerance);
    out.push({
      text: String(round6(value)),
      probe,
      fraction,
      tolerance: cleaned ? cleaned + 1e-9 * Math.max(1, Math.abs(value)) : 0,
    });
  }
  return out;
}

const descendantsOrSelf = (e: XmlElement): XmlElement[] => [
  e,
  ...elementChildren(e).flatMap(descendantsOrSelf),
];

/** Fill in multiple blanks and multiple drop-downs: `[name]` in the text is a gap per response. */
function readBlanks(r: Reader, resprocessing: XmlElement | undefined) {
  const { draft } = r;
  draft.kind = 'cloze';
  let html = r.stemHtml;
  const gaps: ClozeGap[] = [];
  if (r.responses.some((resp) => resp.labels.some((l) => hasMedia(l.html))))
    mediaDropped(r.sink, r.where, { vi: 'các lựa chọn của chỗ trống', en: "blanks' choices" });
  const nothing = r.score({}).score;
  const span = scaleOf(resprocessing).max || 100;
  r.responses.forEach((response, i) => {
    const name = plainOf(response.promptHtml).trim() || response.ident.replace(/^response_/, '');
    const placeholder = `[${name}]`;
    if (html.includes(placeholder)) html = html.replace(placeholder, `{#${i + 1}}`);
    else
      r.sink.warning(
        'qti12_blank_not_in_text',
        `${r.where.vi}: chỗ trống "${name}" không có trong đề ([${name}]); nó được thêm vào cuối đề.`,
        `${r.where.en}: the blank "${name}" is not in the text ([${name}]); it is added at the end.`,
        r.where.at,
      );
    if (!html.includes(`{#${i + 1}}`)) html += `<p>{#${i + 1}}</p>`;
    // Canvas's fill in multiple blanks lists each blank's accepted answers as labels: typed, not chosen.
    const choice = response.kind === 'choice' && r.canvasType !== 'fill_in_multiple_blanks_question';
    const options =
      response.kind === 'choice'
        ? response.labels.map((l) => ({ probe: l.ident, text: plainOf(l.html) }))
        : comparedValues(resprocessing, response.ident).map((v) => ({
            probe: textContent(v).trim(),
            text: textContent(v).trim(),
          }));
    const gained = options.map((o) => (r.score({ [response.ident]: [o.probe] }).score - nothing) / span);
    const best = Math.max(0, ...gained);
    // A blank's weight is what its best answer adds; its answers' credit is their share of it.
    const answers = options
      .map((o, j) => ({
        text: o.text,
        fraction: best > 0 ? round6(Math.max(0, gained[j]!) / best) : 0,
        feedback: answerFeedback(r, { [response.ident]: [o.probe] }) || undefined,
      }))
      .filter((a) => choice || a.fraction > 0)
      .map(({ feedback, ...a }) => (feedback ? { ...a, feedback } : a));
    gaps.push({
      kind: choice ? 'choice' : 'short',
      weight: round6(best * 100),
      ...(choice ? { display: 'inline' as const } : {}),
      answers: choice ? answers : answers.filter((a) => a.fraction > 0),
    });
  });
  const content = htmlContent(html);
  placeMedia(draft, content, r.files, r.sink, r.where, { offset: 0 });
  draft.stem = content.paragraphs;
  if (content.preformatted.length) draft.preformatted = content.preformatted;
  draft.gaps = gaps;
}

function readMatching(r: Reader) {
  const { draft } = r;
  addStem(draft, r.stemHtml, r.files, r.sink, r.where);
  draft.kind = 'matching';
  if (r.responses.some((resp) => hasMedia(resp.promptHtml) || resp.labels.some((l) => hasMedia(l.html))))
    mediaDropped(r.sink, r.where, { vi: 'các vế ghép', en: 'matching prompts and answers' });
  const pairs: Array<{ prompt: string; answer: string }> = [];
  const used = new Set<string>();
  const shares: number[] = [];
  for (const response of r.responses) {
    const prompt = plainOf(response.promptHtml);
    const gains = response.labels.map((l) => r.fraction({ [response.ident]: [l.ident] }));
    const best = Math.max(0, ...gains);
    const key = response.labels[gains.indexOf(best)];
    if (!key || best <= 0) {
      r.sink.error(
        'no_key',
        `${r.where.vi}: vế "${prompt.slice(0, 60)}" không có đáp án đúng.`,
        `${r.where.en}: the prompt "${prompt.slice(0, 60)}" has no correct match.`,
        r.where.at,
      );
      continue;
    }
    const answer = plainOf(key.html);
    used.add(answer);
    shares.push(best);
    pairs.push({ prompt, answer });
  }
  const all = new Set(r.responses.flatMap((resp) => resp.labels.map((l) => plainOf(l.html))));
  for (const answer of all) if (!used.has(answer)) pairs.push({ prompt: '', answer });
  if (shares.some((s) => Math.abs(s - shares[0]!) > 1e-6))
    r.sink.warning(
      'qti12_unequal_pairs',
      `${r.where.vi}: các cặp ghép có điểm khác nhau; mỗi cặp đúng được chia đều điểm.`,
      `${r.where.en}: the pairs are worth different points; each right pair gets an equal share.`,
      r.where.at,
    );
  draft.pairs = pairs;
}

/** The question's general, correct and incorrect feedback (Canvas's general_fb, correct_fb, general_incorrect_fb). */
function readFeedback(r: Reader) {
  const { draft, feedbacks } = r;
  const general = feedbacks.get('general_fb');
  if (general) draft.feedback = general;
  const correct = feedbacks.get('correct_fb');
  const incorrect = feedbacks.get('general_incorrect_fb');
  if (correct || incorrect)
    draft.combinedFeedback = { ...(correct ? { correct } : {}), ...(incorrect ? { incorrect } : {}) };
  const known = new Set([...GENERAL_FEEDBACK]);
  const linked = new Set<string>();
  for (const resp of r.responses)
    for (const l of resp.labels)
      for (const id of r.score({ [resp.ident]: [l.ident] }).feedback) linked.add(id);
  for (const a of draft.answers)
    for (const id of r.score({ [r.responses[0]?.ident ?? '']: [a] }).feedback) linked.add(id);
  const lost = [...feedbacks.keys()].filter((id) => !known.has(id) && !linked.has(id) && feedbacks.get(id));
  if (lost.length && draft.kind !== 'shortAnswer' && draft.kind !== 'numeric')
    r.sink.warning(
      'qti12_feedback_dropped',
      `${r.where.vi}: ${lost.length} nhận xét (itemfeedback ${lost.join(', ')}) không gắn với đáp án nào nên không được giữ.`,
      `${r.where.en}: ${lost.length} feedback block(s) (itemfeedback ${lost.join(', ')}) are tied to no answer and are not carried.`,
      r.where.at,
    );
}
