/**
 * The 2025 upper-secondary exam formats, as the demo bank writes them in standard QTI 3.0:
 * multiple choice 0.25 a question, true/false clusters of four statements scored through
 * lookupOutcomeValue (1 -> 0.1, 2 -> 0.25, 3 -> 0.5, 4 -> 1), short answer 0.5 in mathematics.
 */
import { describe, expect, it } from 'vitest';
import { loadDemoBank } from '../../item-bank/index.ts';
import { compileItem } from '../score-item.ts';
import { toTenPointScale } from './ten-point.ts';

const bank = loadDemoBank();
const scorer = (identifier: string) => {
  const demo = bank.find((d) => d.item.identifier === identifier);
  if (!demo) throw new Error(`demo item ${identifier} is missing`);
  return compileItem(demo.item);
};

describe('2025 upper-secondary formats (demo bank, standard QTI)', () => {
  it('multiple choice: 0.25 for the key, 0 for another choice or no answer', () => {
    const mc = scorer('TOAN-9-DT-01');
    expect(mc.scoreJson({ RESPONSE: 'A' }).SCORE).toBe(0.25);
    expect(mc.scoreJson({ RESPONSE: 'B' }).SCORE).toBe(0);
    expect(mc.scoreJson({}).SCORE).toBe(0);
  });

  it('true/false cluster: 0, 0.1, 0.25, 0.5, 1 for 0..4 statements right', () => {
    const tf = scorer('TOAN-12-DS-01');
    const key = { RESPONSE_A: 'DUNG', RESPONSE_B: 'SAI', RESPONSE_C: 'DUNG', RESPONSE_D: 'SAI' };
    const flip = (v: string) => (v === 'DUNG' ? 'SAI' : 'DUNG');
    const ids = Object.keys(key) as Array<keyof typeof key>;
    const expected = [0, 0.1, 0.25, 0.5, 1];
    for (let right = 0; right <= 4; right++) {
      const answers = Object.fromEntries(ids.map((id, i) => [id, i < right ? key[id] : flip(key[id])]));
      const out = tf.scoreJson(answers);
      expect(out.NUM_CORRECT).toBe(right);
      expect(out.SCORE).toBe(expected[right]);
    }
    // Unanswered statements are simply not right.
    expect(tf.scoreJson({ RESPONSE_A: 'DUNG' }).SCORE).toBe(0.1);
  });

  it('short answer (mathematics): 0.5 for the number within 0.001, else 0; text that is no number is no answer', () => {
    const sa = scorer('TOAN-12-TLN-01');
    expect(sa.scoreJson({ RESPONSE: 4 }).SCORE).toBe(0.5);
    expect(sa.scoreJson({ RESPONSE: '4.0005' }).SCORE).toBe(0.5);
    expect(sa.scoreJson({ RESPONSE: 4.01 }).SCORE).toBe(0);
    expect(sa.scoreJson({ RESPONSE: 'bốn' }).SCORE).toBe(0);
    expect(sa.scoreJson({}).SCORE).toBe(0);
  });

  it('a full 2025 mathematics paper (12 x 0.25 + 4 clusters + 6 x 0.5) is 10 points at most', () => {
    const max = 12 * 0.25 + 4 * 1 + 6 * 0.5;
    expect(max).toBe(10);
    expect(toTenPointScale(max, max, 'exam_board')).toBe(10);
  });
});
