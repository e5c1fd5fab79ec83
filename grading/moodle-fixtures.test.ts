/**
 * One test per file of Moodle's own import fixtures (../shared/corpus/moodle, read in place): every
 * question is either scored as Moodle scores it (a right, a partial where Moodle gives partial
 * credit, and a wrong answer, through the QTI scorer) with its media present, or refused with the
 * problem Moodle's own tests expect (files named "error" or "broken"). Essays are left to a marker,
 * as in Moodle. Finer points (feedback, wildcards, tolerance edges) are in moodle-import-scores.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseItemXml, previewImport, type ImportedQuestion, type ImportFormat } from '../item-bank/index.ts';
import { compileItem } from './score-item.ts';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/corpus/moodle');
const FORMATS: Record<string, ImportFormat> = { xml: 'moodle', gift: 'gift', aiken: 'aiken' };

type Expect =
  /** Responses (RESPONSE values, or whole response records) and the SCORE each must get. */
  | { score: Array<[unknown, number]>; media?: string[]; category?: string; tags?: string[] }
  /** Left to a marker (Moodle's essay): an extended text interaction. */
  | { essay: true; stem?: string; tags?: string[] }
  /** Refused, with these problem codes among its errors. */
  | { refused: string[] };

const R = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { RESPONSE: v };
const TRUE = 'A';
const FALSE = 'B';
const trueFalse = (right: string): Expect => ({
  score: [
    [right, 1],
    [right === TRUE ? FALSE : TRUE, 0],
  ],
});
const moodleActivities: Expect = {
  score: [
    [['P1 M1', 'P2 M2', 'P3 M3', 'P4 M4'], 1],
    [['P1 M1', 'P2 M2', 'P3 M5'], 0.5],
    [['P1 M5', 'P2 M1'], 0],
  ],
};
const colours: Expect = {
  score: [
    [['A', 'C'], 1],
    [['A'], 0.5],
    [['A', 'B'], 0],
    [['B', 'D'], 0],
  ],
};

const FIXTURES: Record<string, Expect[]> = {
  'xml/01-multichoice.xml': [
    {
      score: [
        ['B', 1],
        ['A', 0],
        ['D', 0],
      ],
      media: ['media/bonjour.mp3', 'media/flag-uk.jpg'],
    },
  ],
  'xml/02-truefalse.xml': [{ ...trueFalse(FALSE), media: ['media/logo.jpg'] }],
  'xml/03-multianswer.xml': [
    {
      score: [
        [
          {
            RESPONSE_1: 'G1_A',
            RESPONSE_2: 'G2_B',
            RESPONSE_3: 'G3_A',
            RESPONSE_4: 'G4_B',
            RESPONSE_5: 'Paris',
          },
          5,
        ],
        [
          {
            RESPONSE_1: 'G1_A',
            RESPONSE_2: 'G2_B',
            RESPONSE_3: 'G3_A',
            RESPONSE_4: 'G4_B',
            RESPONSE_5: 'Marseille',
          },
          4.5,
        ],
        [
          {
            RESPONSE_1: 'G1_B',
            RESPONSE_2: 'G2_A',
            RESPONSE_3: 'G3_B',
            RESPONSE_4: 'G4_A',
            RESPONSE_5: 'Lyon',
          },
          0,
        ],
      ],
      media: ['media/california-state-flag.png'],
    },
  ],
  'xml/04-error_invalid_grades.xml': [{ refused: ['moodle_invalid_grade'] }],
  'xml/05-broken_cloze_questions.xml': [
    { refused: ['cloze_no_gaps'] },
    { refused: ['cloze_bad_gap'] },
    { refused: ['cloze_too_few_options'] },
    { refused: ['cloze_no_key'] },
    { refused: ['not_a_number'] },
  ],
  'xml/06-nested_categories_with_questions.xml': [
    { ...trueFalse(TRUE), category: 'Iota' },
    { essay: true },
    { ...trueFalse(TRUE), category: 'Iota/Kappa' },
    { ...trueFalse(TRUE), category: 'Iota/Kappa/Lambda' },
    { ...trueFalse(TRUE), category: 'Iota/Mu' },
  ],
  'xml/07-html_chars_in_idnumbers.xml': [trueFalse(TRUE)],
  'xml/09-test-snippets.xml': [
    { essay: true },
    {
      score: [
        [['P1 M1', 'P2 M2', 'P3 M3'], 1],
        [['P1 M1', 'P2 M4'], 1 / 3],
        [['P1 M2'], 0],
      ],
    },
    // Two right answers worth 100% each, out of 2 points: either scores full, as Moodle clamps.
    {
      score: [
        [['B', 'D'], 2],
        [['B'], 2],
        [['A'], 0],
      ],
    },
    {
      score: [
        ['42', 1],
        ['42.0005', 1],
        ['42,0005', 1],
        ['13', 0],
      ],
    },
    {
      score: [
        ['Beta', 1],
        ['beta', 1],
        ['Gamma', 0],
      ],
    },
    trueFalse(TRUE),
  ],
  'gift/01-questions.gift.txt': [
    { essay: true },
    moodleActivities,
    {
      score: [
        ['A', 1],
        ['B', 0],
      ],
    },
    colours,
    {
      score: [
        ['3', 1],
        ['4,5', 1],
        ['5.5', 0],
      ],
    },
    {
      score: [
        ['Frog', 1],
        ['cat', 0.5],
        ['dog', 0],
      ],
    },
    trueFalse(FALSE),
    trueFalse(TRUE),
    trueFalse(TRUE),
  ],
  'gift/g01-essay.gift': [{ essay: true, stem: 'How are you?' }],
  'gift/g02-match.gift': [moodleActivities],
  'gift/g03-multichoice.gift': [
    {
      score: [
        ['A', 1],
        ['B', 0],
        ['C', 0],
      ],
    },
  ],
  'gift/g04-multichoice-multi.gift': [colours],
  'gift/g07-truefalse.gift': [trueFalse(FALSE)],
  'gift/g08-truefalse-T.gift': [trueFalse(TRUE)],
  // Moodle reads "A \\ B \\\\ C" as "A \ B \\ C".
  'gift/g09-backslash.gift': [{ essay: true, stem: 'A \\ B \\\\ C' }],
  'gift/g11-tags.gift': [{ essay: true, stem: 'How are you?', tags: ['tag', 'other-tag'] }],
  'aiken/01-questions.aiken.txt': [
    {
      score: [
        ['B', 1],
        ['A', 0],
      ],
    },
    trueFalse(TRUE),
  ],
  // Moodle's test: three malformed questions, one without ANSWER are errors; "A)Text" is accepted.
  'aiken/02-aiken_errors.txt': [
    { refused: ['too_few_options'] },
    { refused: ['too_few_options'] },
    { refused: ['too_few_options'] },
    trueFalse(TRUE),
    { refused: ['no_key'] },
    trueFalse(FALSE),
  ],
  'aiken/03-aiken-good-only.txt': [trueFalse(TRUE), trueFalse(FALSE), trueFalse(TRUE)],
};

function check(q: ImportedQuestion, expected: Expect, where: string) {
  const errors = q.problems.filter((p) => p.severity === 'error');
  if ('refused' in expected) {
    expect(q.item, where).toBeUndefined();
    expect(
      errors.map((p) => p.code),
      where,
    ).toEqual(expect.arrayContaining(expected.refused));
    // The reason names the question.
    for (const p of errors) expect(p.messageEn, where).toMatch(new RegExp(`^Question ${q.number}\\b`));
    return;
  }
  expect(errors, where).toEqual([]);
  const model = parseItemXml(q.qtiXml!).item!;
  if ('essay' in expected) {
    expect(
      model.interactions.map((i) => i.type),
      where,
    ).toEqual(['extendedTextInteraction']);
    if (expected.stem) expect(q.draft.stem.join('\n'), where).toBe(expected.stem);
    if (expected.tags) expect(q.draft.tags, where).toEqual(expected.tags);
    return;
  }
  const compiled = compileItem(model);
  const got = expected.score.map(
    ([response]) => Math.round(Number(compiled.scoreJson(R(response)).SCORE) * 1e4) / 1e4,
  );
  expect(got, where).toEqual(expected.score.map(([, s]) => Math.round(s * 1e4) / 1e4));
  // Media: each file the item shows is stored with it, and nothing is dropped.
  expect((q.media ?? []).map((m) => m.href).sort(), where).toEqual([...(expected.media ?? [])].sort());
  for (const m of q.media ?? []) expect(m.data.length, `${where} ${m.href}`).toBeGreaterThan(0);
  expect([...model.media].sort(), where).toEqual([...(expected.media ?? [])].sort());
  if (expected.category) expect(q.draft.category, where).toBe(expected.category);
}

describe("Moodle's import fixtures, file by file", () => {
  it('the table below covers every file of the corpus', () => {
    const files = Object.keys(FORMATS).flatMap((dir) =>
      readdirSync(path.join(corpus, dir)).map((f) => `${dir}/${f}`),
    );
    expect(Object.keys(FIXTURES).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(FIXTURES))('%s', async (file, expectations) => {
    const preview = await previewImport(
      FORMATS[file.split('/')[0]!]!,
      new Uint8Array(readFileSync(path.join(corpus, file))),
    );
    expect(preview.problems).toEqual([]);
    expect(preview.questions).toHaveLength(expectations.length);
    preview.questions.forEach((q, i) => check(q, expectations[i]!, `${file} ${q.label}`));
    // Only Moodle's "error"/"broken" files are refused in part.
    expect(preview.ok).toBe(!/error|broken/.test(file));
  });
});
