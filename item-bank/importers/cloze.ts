/**
 * Moodle's cloze syntax (multianswer): gaps written `{weight:TYPE:=right#feedback~%50%half~wrong}`
 * inside HTML text, read the way Moodle's own regular expressions read them. Each gap becomes a
 * ClozeGap and is replaced in the text by `{#n}`.
 */
import { htmlText } from './html-text.ts';
import type { ClozeGap } from './question-draft.ts';

const TYPES: Record<string, Pick<ClozeGap, 'kind' | 'display' | 'shuffle' | 'caseSensitive'>> = {};
const define = (names: string[], gap: Pick<ClozeGap, 'kind' | 'display' | 'shuffle' | 'caseSensitive'>) =>
  names.forEach((n) => (TYPES[n] = gap));
define(['NUMERICAL', 'NM'], { kind: 'numeric' });
define(['SHORTANSWER', 'SA', 'MW'], { kind: 'short' });
define(['SHORTANSWER_C', 'SAC', 'MWC'], { kind: 'short', caseSensitive: true });
define(['MULTICHOICE', 'MC'], { kind: 'choice', display: 'inline' });
define(['MULTICHOICE_S', 'MCS'], { kind: 'choice', display: 'inline', shuffle: true });
define(['MULTICHOICE_V', 'MCV'], { kind: 'choice', display: 'vertical' });
define(['MULTICHOICE_VS', 'MCVS'], { kind: 'choice', display: 'vertical', shuffle: true });
define(['MULTICHOICE_H', 'MCH'], { kind: 'choice', display: 'horizontal' });
define(['MULTICHOICE_HS', 'MCHS'], { kind: 'choice', display: 'horizontal', shuffle: true });
define(['MULTIRESPONSE', 'MR'], { kind: 'multiple', display: 'vertical' });
define(['MULTIRESPONSE_S', 'MRS'], { kind: 'multiple', display: 'vertical', shuffle: true });
define(['MULTIRESPONSE_H', 'MRH'], { kind: 'multiple', display: 'horizontal' });
define(['MULTIRESPONSE_HS', 'MRHS'], { kind: 'multiple', display: 'horizontal', shuffle: true });

export interface ClozeRead {
  /** The text with each gap replaced by `{#n}`. */
  html: string;
  gaps: ClozeGap[];
  /** Fractions as written, for Moodle's grade check. */
  fractions: number[];
  /** Feedback texts given for particular answers. */
  feedbackCount: number;
  /** Gaps that look like Moodle gaps but cannot be read, as written. */
  broken: string[];
}

/** Splits at an unescaped separator (`\~` is a literal; `&#...;` entities are not feedback marks). */
function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length) {
      cur += ch + s[i + 1];
      i++;
    } else if (ch === sep && !(sep === '#' && s[i - 1] === '&')) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const unescape = (s: string) => s.replace(/\\([~#}{/\\"])/g, '$1');
const plainAnswer = (s: string) => htmlText(unescape(s)).trim();

/** Reads every gap of a cloze question's HTML text. */
export function readCloze(html: string): ClozeRead {
  const gaps: ClozeGap[] = [];
  const fractions: number[] = [];
  const broken: string[] = [];
  let feedbackCount = 0;
  let out = '';
  let i = 0;
  const start = /\{(\d*):([A-Z_]+)(:|\})/g;
  while (i < html.length) {
    start.lastIndex = i;
    const m = start.exec(html);
    if (!m) break;
    const type = TYPES[m[2]!];
    if (!type) {
      out += html.slice(i, m.index + 1);
      i = m.index + 1;
      continue;
    }
    // The closing brace: the first one not escaped.
    let end = m.index + m[0].length - 1;
    if (m[3] === ':') {
      end++;
      while (end < html.length && !(html[end] === '}' && html[end - 1] !== '\\')) end++;
    }
    const written = html.slice(m.index, end + 1);
    out += html.slice(i, m.index);
    i = end + 1;
    const body = m[3] === ':' ? html.slice(m.index + m[0].length, end) : '';
    if (!body.trim() || end >= html.length) {
      broken.push(written);
      out += written;
      continue;
    }
    const answers: ClozeGap['answers'] = [];
    for (const alt of splitUnescaped(body, '~')) {
      const f = /^\s*(=|%(-?\d+(?:[.,]\d*)?)%)?/.exec(alt)!;
      const fraction = f[1] === '=' ? 1 : f[2] !== undefined ? Number(f[2].replace(',', '.')) / 100 : 0;
      const [answer = '', ...feedback] = splitUnescaped(alt.slice(f[0].length), '#');
      const feedbackText = plainAnswer(feedback.join('#'));
      if (feedbackText) feedbackCount++;
      let text = plainAnswer(answer);
      let tolerance: number | undefined;
      if (type.kind === 'numeric' && text !== '*') {
        const [value, tol] = text.split(':');
        text = (value ?? '').trim();
        if (tol !== undefined && tol.trim()) tolerance = Math.abs(Number(tol.trim()));
      }
      fractions.push(fraction);
      answers.push({
        text,
        fraction: Math.max(-1, Math.min(1, fraction)),
        ...(tolerance !== undefined && Number.isFinite(tolerance) ? { tolerance } : {}),
        ...(feedbackText ? { feedback: feedbackText } : {}),
      });
    }
    gaps.push({ ...type, weight: m[1] ? Number(m[1]) : 1, answers });
    out += `{#${gaps.length}}`;
  }
  out += html.slice(i);
  return { html: out, gaps, fractions, feedbackCount, broken };
}
