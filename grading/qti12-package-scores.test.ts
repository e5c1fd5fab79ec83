/**
 * The Canvas-style QTI 1.2 package written for this project (item-bank/importers/fixtures/
 * canvas-package-qti12), read as a package import reads it, scores as the source would: a
 * question group's points per item (its own questions and a bank's), multiple drop-downs a share
 * per blank, a Blackboard-style multiple answer (no Canvas question type) with a share per option
 * and a penalty, short answer with any accepted answer and its feedback, the picture question.
 * (Here rather than in item-bank, which may not import grading.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPackageFiles } from '../item-bank/index.ts';
import { compileItem } from './score-item.ts';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../item-bank/importers/fixtures/canvas-package-qti12',
);
const read = readPackageFiles(
  new Map(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('.'))
      .map((f) => [f.split(path.sep).join('/'), readFileSync(path.join(root, f))]),
  ),
);
const outcomes = (id: string, responses: Record<string, unknown>) => {
  const entry = read.items.find((i) => i.item?.identifier === id);
  if (!entry) throw new Error(`no item ${id}`);
  return compileItem(entry.item!).scoreJson(responses);
};
const score = (id: string, responses: Record<string, unknown>) =>
  Math.round(Number(outcomes(id, responses).SCORE) * 1e4) / 1e4;
const R = (v: unknown) => ({ RESPONSE: v });

describe('QTI 1.2 package questions score as the source does', () => {
  it("a question group's questions are worth its points_per_item (2), not their own 1", () => {
    expect(score('g1tf01', R('A'))).toBe(2);
    expect(score('g1tf01', R('B'))).toBe(0);
    expect(score('g1tf03', R('B'))).toBe(2);
  });

  it("a bank's questions drawn by a group are worth the group's points (3)", () => {
    expect(score('g1bk01', R('5'))).toBe(3);
    expect(score('g1bk01', R('6'))).toBe(0);
    expect(score('g1bk02', R('8'))).toBe(3);
  });

  it('multiple drop-downs: each blank (an inline choice: A đông, B tây) its share of the points', () => {
    expect(score('g1md01', { RESPONSE_1: 'G1_A', RESPONSE_2: 'G2_B' })).toBe(2);
    expect(score('g1md01', { RESPONSE_1: 'G1_A', RESPONSE_2: 'G2_A' })).toBe(1);
    expect(score('g1md01', { RESPONSE_1: 'G1_B', RESPONSE_2: 'G2_A' })).toBe(0);
  });

  it('Blackboard-style multiple answer: a share per right option, a wrong one takes its share, never below 0, with its feedback', () => {
    expect(score('g1bb01', R(['A', 'C']))).toBe(1);
    expect(score('g1bb01', R(['A']))).toBe(0.5);
    expect(score('g1bb01', R(['A', 'B', 'C']))).toBe(0.5);
    expect(score('g1bb01', R(['B']))).toBe(0);
    const read = outcomes('g1bb01', R(['A', 'B']));
    expect(read.FEEDBACK).toBeDefined();
  });

  it('short answer: any accepted answer scores, and the answer and general feedback are shown', () => {
    expect(score('g1sa02', R('Mê Kông'))).toBe(1);
    expect(score('g1sa02', R('cửu long'))).toBe(1);
    expect(score('g1sa02', R('Sông Hồng'))).toBe(0);
    const right = [...((outcomes('g1sa02', R('Mê Kông')).FEEDBACK as string[] | undefined) ?? [])];
    const wrong = [...((outcomes('g1sa02', R('Sông Hồng')).FEEDBACK as string[] | undefined) ?? [])];
    expect(right.length).toBeGreaterThan(wrong.length);
  });

  it('the picture question scores its key', () => {
    expect(score('g1im01', R('A'))).toBe(1);
    expect(score('g1im01', R('B'))).toBe(0);
  });
});
