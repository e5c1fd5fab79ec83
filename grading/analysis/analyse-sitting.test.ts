import { describe, expect, it } from 'vitest';
import { analyseSitting, type AnalysisCandidate } from './analyse-sitting.ts';
import { seededRandom } from '../processing/seeded-random.ts';

/** 200 simulated candidates on 6 choice items; item Q6 is keyed wrong (B) while C is correct. */
function simulate(): AnalysisCandidate[] {
  const random = seededRandom(7);
  const difficulties = [-1.5, -0.5, 0, 0.5, 1, 0];
  return Array.from({ length: 200 }, (_, c) => {
    const z = Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());
    const scores: Record<string, number> = {};
    const choices: Record<string, string> = {};
    difficulties.forEach((b, j) => {
      const right = random() < 1 / (1 + Math.exp(-(1.5 * (z - b))));
      const answer = right ? (j === 5 ? 'C' : 'A') : (['B', 'C', 'D'][Math.floor(random() * 3)] ?? 'B');
      const ref = `Q${j + 1}`;
      choices[ref] = j === 5 && !right ? (answer === 'C' ? 'A' : answer) : answer;
      scores[ref] = j === 5 ? (choices[ref] === 'B' ? 1 : 0) : right ? 1 : 0;
    });
    return { id: `c${c}`, scores, choices };
  });
}

describe('analyseSitting', () => {
  it('flags a miskeyed item and its distractor, and calibrates the rest', () => {
    const items = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6'].map((ref) => ({
      ref,
      maxScore: 1,
      options: ['A', 'B', 'C', 'D'],
      key: [ref === 'Q6' ? 'B' : 'A'],
    }));
    const analysis = analyseSitting(items, simulate());
    expect(analysis.test.n).toBe(200);
    expect(analysis.test.alpha).toBeGreaterThan(0);
    expect(analysis.test.sem).toBeGreaterThan(0);
    const q6 = analysis.items[5]!;
    expect(q6.flags).toContain('negative_discrimination');
    expect(q6.flags).toContain('distractor_problem');
    expect(q6.options?.find((o) => o.option === 'C')?.problem).toBe('distractor_attracts_upper');
    const q3 = analysis.items[2]!;
    expect(q3.flags).not.toContain('negative_discrimination');
    expect(q3.options?.find((o) => o.option === 'A')?.key).toBe(true);
    // Rasch difficulties order the good items as simulated.
    const b = analysis.irt!.items.slice(0, 5).map((i) => i.b);
    expect([...b].sort((x, y) => x - y)).toEqual(b);
    expect(Object.keys(analysis.abilities!)).toHaveLength(200);
    expect(analysis.histogram.reduce((s, h) => s + h.count, 0)).toBe(200);
  });

  it('takes flag thresholds from the caller', () => {
    const items = [
      { ref: 'A', maxScore: 1 },
      { ref: 'B', maxScore: 1 },
    ];
    const candidates = Array.from({ length: 10 }, (_, i) => ({ id: String(i), scores: { A: 1, B: i % 2 } }));
    const strict = analyseSitting(items, candidates, { irtModel: 'none' });
    expect(strict.items[0]!.flags).toContain('too_easy');
    const lax = analyseSitting(items, candidates, { irtModel: 'none', thresholds: { maxP: 1 } });
    expect(lax.items[0]!.flags).not.toContain('too_easy');
  });

  it('flags no item seen by fewer candidates than the minimum sample', () => {
    const items = [
      { ref: 'A', maxScore: 1 },
      { ref: 'B', maxScore: 1 },
    ];
    // A answered by all four, B by two of them: both far too easy, but four answers judge nothing.
    const candidates = Array.from({ length: 4 }, (_, i) => ({
      id: String(i),
      scores: (i < 2 ? { A: 1, B: 1 } : { A: 1 }) as Record<string, number>,
    }));
    const byDefault = analyseSitting(items, candidates, { irtModel: 'none' });
    expect(byDefault.items.map((i) => [i.n, i.flags])).toEqual([
      [4, []],
      [2, []],
    ]);
    // The board may lower the minimum: counted per item, by the candidates who saw it.
    const lowered = analyseSitting(items, candidates, { irtModel: 'none', thresholds: { minSample: 3 } });
    expect(lowered.items[0]!.flags).toContain('too_easy');
    expect(lowered.items[1]!.flags).toEqual([]);
  });
});
