/**
 * QTI 1.2 (Canvas-style) questions score after import as the source's own response processing
 * scores them: the fixture written for this project (item-bank/importers/fixtures), through the
 * import preview and the QTI scorer, each question type with its right, partly right and wrong
 * answers. (Here rather than in item-bank, which may not import grading.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseItemXml,
  previewImport,
  type ImportedQuestion,
  type ImportPreview,
} from '../item-bank/index.ts';
import { compileItem } from './score-item.ts';

const fixture = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../item-bank/importers/fixtures/canvas-quiz-qti12.xml',
);
let preview: ImportPreview;
beforeAll(async () => {
  preview = await previewImport('qti12', new Uint8Array(readFileSync(fixture)));
});

const question = (identifier: string): ImportedQuestion => {
  const q = preview.questions.find((x) => x.identifier === identifier);
  if (!q) throw new Error(`no question ${identifier}`);
  expect(q.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return q;
};
const outcomes = (q: ImportedQuestion, responses: Record<string, unknown>) =>
  compileItem(parseItemXml(q.qtiXml!).item!).scoreJson(responses);
const score = (identifier: string, responses: Record<string, unknown>) =>
  Math.round(Number(outcomes(question(identifier), responses).SCORE) * 1e4) / 1e4;
const R = (v: unknown) => ({ RESPONSE: v });

describe('QTI 1.2 import scores as the source does', () => {
  it('keeps each QTI 1.2 ident as the item identifier and names the format of the file', () => {
    expect(preview.format).toBe('qti12');
    expect(preview.questions.map((q) => q.identifier)).toEqual([
      'g0mc01',
      'g0ma01',
      'g0ma02',
      'g0tf01',
      'g0sa01',
      'g0fb01',
      'g0mt01',
      'g0nu01',
      'g0nu02',
      'g0es01',
      'g0ca01',
    ]);
  });

  it('multiple choice: the key scores the points_possible (2), another option 0, and feedback is shown per option', () => {
    expect(score('g0mc01', R('A'))).toBe(2);
    expect(score('g0mc01', R('B'))).toBe(0);
    expect(score('g0mc01', R('C'))).toBe(0);
    const wrong = outcomes(question('g0mc01'), R('B')).FEEDBACK as string[];
    expect([...wrong].sort()).toEqual(['FB_B', 'GENERAL', 'INCORRECT']);
    const right = outcomes(question('g0mc01'), R('A')).FEEDBACK as string[];
    expect([...right].sort()).toEqual(['CORRECT', 'GENERAL']);
  });

  it('multiple answers (Canvas): all keyed options and nothing else, or nothing', () => {
    expect(score('g0ma01', R(['A', 'C']))).toBe(1);
    expect(score('g0ma01', R(['A']))).toBe(0);
    expect(score('g0ma01', R(['A', 'B', 'C']))).toBe(0);
  });

  it('multiple answers with partial credit: each option adds or takes its share, never below 0', () => {
    expect(score('g0ma02', R(['A']))).toBe(0.5);
    expect(score('g0ma02', R(['A', 'B']))).toBe(1);
    expect(score('g0ma02', R(['A', 'B', 'C']))).toBe(0.5);
    expect(score('g0ma02', R(['C']))).toBe(0);
  });

  it('true/false', () => {
    expect(score('g0tf01', R('A'))).toBe(1);
    expect(score('g0tf01', R('B'))).toBe(0);
  });

  it('short answer: any accepted answer, letter case ignored (QTI 1.2 varequal case="No")', () => {
    expect(score('g0sa01', R('hổ'))).toBe(1);
    expect(score('g0sa01', R('Cọp'))).toBe(1);
    expect(score('g0sa01', R('sư tử'))).toBe(0);
  });

  it('fill in multiple blanks: each blank its share of the points', () => {
    expect(score('g0fb01', { RESPONSE_1: 'đông', RESPONSE_2: 'tây' })).toBe(2);
    expect(score('g0fb01', { RESPONSE_1: 'đông', RESPONSE_2: 'bắc' })).toBe(1);
    expect(score('g0fb01', { RESPONSE_1: 'tây', RESPONSE_2: 'đông' })).toBe(0);
  });

  it('matching: each right pair an equal share, the distractor matches nothing', () => {
    expect(score('g0mt01', R(['P1 M1', 'P2 M2', 'P3 M3']))).toBe(3);
    expect(score('g0mt01', R(['P1 M1', 'P2 M2', 'P3 M4']))).toBe(2);
    expect(score('g0mt01', R(['P1 M4']))).toBe(0);
    expect(question('g0mt01').draft.pairs).toContainEqual({ prompt: '', answer: 'Oslo' });
  });

  it('numerical, exact with a margin: the margin ends are in, past them out', () => {
    expect(score('g0nu01', R('3.14'))).toBe(1);
    expect(score('g0nu01', R('3.13'))).toBe(1);
    expect(score('g0nu01', R('3.15'))).toBe(1);
    expect(score('g0nu01', R('3.16'))).toBe(0);
  });

  it('numerical range: both ends in, outside out', () => {
    for (const inside of ['2', '3.5', '5']) expect(score('g0nu02', R(inside))).toBe(1);
    for (const outside of ['1.99', '5.01']) expect(score('g0nu02', R(outside))).toBe(0);
  });

  it('essay: an extended text for a marker, worth the points_possible', () => {
    const essay = parseItemXml(question('g0es01').qtiXml!).item!;
    expect(essay.interactions.map((i) => i.type)).toEqual(['extendedTextInteraction']);
    expect(question('g0es01').draft.points).toBe(5);
  });

  it('refuses what it cannot carry, naming QTI 1.2, the question type and the line', () => {
    const calculated = preview.questions.find((q) => q.identifier === 'g0ca01')!;
    expect(calculated.item).toBeUndefined();
    expect(calculated.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'qti12_unsupported',
        line: 277,
        messageEn: expect.stringMatching(
          /QTI 1\.2, .*line 277\): the QTI 1\.2 question type "calculated_question"/,
        ),
      }),
    ]);
    expect(preview.ok).toBe(false);
  });
});
