/**
 * What Moodle's formats (Moodle XML, GIFT) share: the grades Moodle accepts for an answer, the
 * media a question carries (files embedded in the export, data: URLs, outside addresses), and
 * HTML text turned into draft paragraphs with code kept and pictures and sounds listed.
 */
import { htmlContent, MEDIA_LINK, type HtmlContent } from './html-text.ts';
import type { DraftMedia, ImportedMedia, ProblemSink, QuestionDraft } from './question-draft.ts';

/**
 * The answer grades Moodle offers (question_bank::fraction_options_full); an import with any
 * other grade is an error in Moodle (matchgrades "error", its default).
 */
const GRADES = [
  1, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2, 0.1666667,
  0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0,
];
export const isMoodleGrade = (fraction: number) =>
  GRADES.some((g) => Math.abs(Math.abs(fraction) - g) < 1e-5) && Math.abs(fraction) <= 1;

/** Reports answer grades Moodle would refuse (percentages such as 33 instead of 33.33333). */
export function checkGrades(
  fractions: number[],
  sink: ProblemSink,
  where: { vi: string; en: string },
  at: { number: number; line?: number },
): boolean {
  const bad = fractions.filter((f) => !isMoodleGrade(f));
  if (!bad.length) return true;
  const list = bad.map((f) => `${Math.round(f * 1e5) / 1e3}%`).join(', ');
  sink.error(
    'moodle_invalid_grade',
    `${where.vi}: điểm ${list} không phải là mức điểm Moodle cho phép (100%, 50%, 33,33333%, 25%, 20%, 10%...); Moodle cũng từ chối câu này.`,
    `${where.en}: the grade ${list} is not one Moodle allows (100%, 50%, 33.33333%, 25%, 20%, 10%...); Moodle refuses this question too.`,
    at,
  );
  return false;
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  bmp: 'image/bmp',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
};
export const contentTypeOf = (name: string) =>
  CONTENT_TYPES[name.toLowerCase().split(/[?#]/)[0]!.split('.').pop() ?? ''] ?? 'application/octet-stream';

/** A file name safe in an href: letters, digits, dot, dash and underscore (Vietnamese letters without their marks). */
const safeName = (name: string) =>
  (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // Vietnamese đ has no decomposition: "biểu-đồ.png" is "bieu-do.png".
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '_') || 'file'
  ).slice(-100);

/** The media files of one question, each stored once under `media/<name>`. */
export class QuestionMedia {
  readonly files: ImportedMedia[] = [];
  /** Files the export embeds, by the name the text uses (`@@PLUGINFILE@@/<name>`). */
  readonly embedded = new Map<string, Uint8Array>();

  add(name: string, data: Uint8Array): { href: string; contentType: string } {
    const contentType = contentTypeOf(name);
    const same = this.files.find((f) => f.data.length === data.length && Buffer.from(f.data).equals(data));
    if (same) return { href: same.href, contentType: same.contentType };
    let href = `media/${safeName(name)}`;
    for (let i = 2; this.files.some((f) => f.href === href); i++) href = `media/${i}-${safeName(name)}`;
    this.files.push({ href, contentType, data });
    return { href, contentType };
  }

  /** Where a src of the question's HTML leads: an embedded file, a data: URL, an outside address, or nowhere. */
  resolve(src: string): { href: string; contentType: string } | 'missing' {
    const plugin = /^@@PLUGINFILE@@\/(.+)$/.exec(src);
    if (plugin) {
      const name = safeDecode(plugin[1]!.split(/[?#]/)[0]!);
      const data = this.embedded.get(name) ?? this.embedded.get(name.split('/').pop()!);
      return data ? this.add(name.split('/').pop()!, data) : 'missing';
    }
    const dataUrl = /^data:([\w.+/-]+);base64,(.*)$/s.exec(src);
    if (dataUrl) {
      const ext = Object.entries(CONTENT_TYPES).find(([, t]) => t === dataUrl[1])?.[0] ?? 'bin';
      return this.add(`image.${ext}`, new Uint8Array(Buffer.from(dataUrl[2]!, 'base64')));
    }
    if (/^https?:\/\//i.test(src)) return { href: src, contentType: contentTypeOf(src) };
    return 'missing';
  }
}

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Decodes base64 file content from an export (whitespace allowed). */
export const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'base64'));

/**
 * Adds the pictures and sounds of an HTML fragment to the draft (in the stem, or in an option),
 * and reports each one that cannot be found, naming the question.
 */
export function placeMedia(
  draft: QuestionDraft,
  content: HtmlContent,
  media: QuestionMedia,
  sink: ProblemSink,
  where: { vi: string; en: string; at: { number: number; line?: number } },
  place: { option?: string; offset?: number } = {},
) {
  for (const m of content.media) {
    const found = media.resolve(m.src);
    if (found === 'missing') {
      sink.warning(
        'media_missing',
        `${where.vi}: tệp "${m.src}" không có trong tệp nhập nên không được đưa vào câu hỏi.`,
        `${where.en}: the file "${m.src}" is not in the import, so the question does not show it.`,
        where.at,
      );
      continue;
    }
    if (/^https?:/i.test(found.href))
      sink.warning(
        'external_media',
        `${where.vi}: "${found.href}" được tải từ địa chỉ bên ngoài lúc thi; hãy tải tệp lên ngân hàng câu hỏi nếu phòng thi không có mạng.`,
        `${where.en}: "${found.href}" is loaded from an outside address during the exam; upload the file to the bank if the exam room is offline.`,
        where.at,
      );
    const entry: DraftMedia = {
      ...found,
      ...(m.alt ? { alt: m.alt } : {}),
      ...(place.option !== undefined ? { option: place.option } : { after: m.after + (place.offset ?? 0) }),
    };
    (draft.media ??= []).push(entry);
  }
}

/** Stem paragraphs, code blocks and media of HTML question text, appended to the draft's stem. */
export function addStem(
  draft: QuestionDraft,
  html: string,
  media: QuestionMedia,
  sink: ProblemSink,
  where: { vi: string; en: string; at: { number: number; line?: number } },
) {
  const content = htmlContent(html);
  const offset = draft.stem.length;
  placeMedia(draft, content, media, sink, where, { offset });
  if (content.preformatted.length)
    draft.preformatted = [...(draft.preformatted ?? []), ...content.preformatted.map((i) => i + offset)];
  draft.stem.push(...content.paragraphs);
}

const FLATTENED: Record<string, { vi: string; en: string }> = {
  table: { vi: 'bảng', en: 'tables' },
  sub: { vi: 'chỉ số dưới', en: 'subscripts' },
  sup: { vi: 'chỉ số trên', en: 'superscripts' },
  u: { vi: 'gạch chân', en: 'underlining' },
  math: { vi: 'công thức MathML', en: 'MathML formulas' },
  ol: { vi: 'danh sách đánh số', en: 'numbered lists' },
  a: { vi: 'địa chỉ của liên kết', en: 'the addresses of links' },
};

/**
 * Reports what the plain-text drafts flatten in a question's HTML (tables, sub- and superscripts,
 * underlining, formulas, numbered lists, TeX left for a filter) and pictures or sounds in its
 * general feedback, which the item's feedback does not show.
 */
export function reportFlattened(
  html: string[],
  feedbackHtml: string,
  sink: ProblemSink,
  where: { vi: string; en: string; at: { number: number; line?: number } },
) {
  const joined = [...html, feedbackHtml].join('\n');
  const found = Object.keys(FLATTENED).filter(
    (tag) => tag !== 'a' && new RegExp(`<${tag}[\\s>/]`, 'i').test(joined),
  );
  // Links other than to a sound or video file keep their words but lose their address.
  if ([...joined.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']+)["']/gi)].some((m) => !MEDIA_LINK.test(m[1]!)))
    found.push('a');
  const tex = /\$\$|\\\(|\\\[/.test(joined);
  if (found.length || tex) {
    const vi = [...found.map((t) => FLATTENED[t]!.vi), ...(tex ? ['công thức TeX ($$...$$)'] : [])].join(
      ', ',
    );
    const en = [...found.map((t) => FLATTENED[t]!.en), ...(tex ? ['TeX formulas ($$...$$)'] : [])].join(', ');
    sink.warning(
      'formatting_flattened',
      `${where.vi}: định dạng (${vi}) bị chuyển thành chữ thường; hãy kiểm tra lại câu hỏi trong trình soạn.`,
      `${where.en}: formatting (${en}) becomes plain text; check the question in the editor.`,
      where.at,
    );
  }
  if (htmlContent(feedbackHtml).media.length)
    sink.warning(
      'feedback_media_dropped',
      `${where.vi}: hình/âm thanh trong lời giải chung không được giữ; chỉ giữ phần chữ.`,
      `${where.en}: pictures or sound in the general feedback are not kept; only its text is.`,
      where.at,
    );
}
