/**
 * Adaptive items in a sitting's analysis (issue 23): exposure count and rate and mean θ by hand on
 * a small set, and analyseSitting keeps adaptive pool items out of the classical figures (item
 * statistics, test statistics, IRT) while the linear items keep theirs unchanged.
 */
import { describe, expect, it } from 'vitest';
import { analyseAdaptiveItems } from './adaptive-items.ts';
import { analyseSitting, type AnalysisCandidate } from './analyse-sitting.ts';

describe('adaptive items in the analysis', () => {
  it('exposure and mean θ by hand', () => {
    const [section] = analyseAdaptiveItems(
      ['A', 'B', 'C', 'D'].map((ref) => ({ ref, section: 'CAT' })),
      [
        { theta: 1, given: ['A', 'B'] },
        { theta: -1, given: ['A', 'C'] },
        { theta: 0.5, given: ['A', 'B'] },
        { theta: 2, given: ['B', 'C'] },
      ],
    );
    expect(section).toMatchObject({ section: 'CAT', candidates: 4, meanLength: 2, maxExposureRate: 0.75 });
    const byRef = Object.fromEntries(section!.items.map((s) => [s.item, s]));
    // A: given to θ 1, -1, 0.5: mean 1/6, SD sqrt(((5/6)^2 + (7/6)^2 + (1/3)^2) / 3).
    expect(byRef.A).toMatchObject({ exposure: 3, exposureRate: 0.75, classical: 'not_applicable' });
    expect(byRef.A!.meanTheta).toBeCloseTo(1 / 6, 12);
    expect(byRef.A!.sdTheta).toBeCloseTo(Math.sqrt(((5 / 6) ** 2 + (7 / 6) ** 2 + (1 / 3) ** 2) / 3), 12);
    expect(byRef.B!.meanTheta).toBeCloseTo(3.5 / 3, 12);
    expect(byRef.C).toMatchObject({ exposure: 2, exposureRate: 0.5, meanTheta: 0.5, sdTheta: 1.5 });
    expect(byRef.D).toMatchObject({ exposure: 0, exposureRate: 0, meanTheta: null, sdTheta: null });
  });

  it('analyseSitting keeps pool items out of p, discrimination, alpha and IRT', () => {
    const linear = ['L1', 'L2', 'L3'].map((ref) => ({ ref, maxScore: 1 }));
    const pool = ['P1', 'P2', 'P3', 'P4'].map((ref) => ({ ref, maxScore: 1, adaptiveSection: 'CAT' }));
    const candidates: AnalysisCandidate[] = Array.from({ length: 40 }, (_, i) => {
      const theta = -2 + (4 * i) / 39;
      const given = theta > 0 ? ['P3', 'P4'] : ['P1', 'P2'];
      return {
        id: `c${i}`,
        scores: {
          L1: i % 2,
          L2: i > 10 ? 1 : 0,
          L3: i > 25 ? 1 : 0,
          ...Object.fromEntries(given.map((r, k) => [r, (i + k) % 2])),
        },
        abilities: { CAT: theta },
      };
    });
    const mixed = analyseSitting([...linear, ...pool], candidates);
    const plain = analyseSitting(
      linear,
      candidates.map((c) => ({ id: c.id, scores: { L1: c.scores.L1!, L2: c.scores.L2!, L3: c.scores.L3! } })),
    );
    expect(mixed.items.map((i) => i.item)).toEqual(['L1', 'L2', 'L3']);
    expect(mixed.items).toEqual(plain.items);
    expect(mixed.test).toEqual(plain.test);
    expect(mixed.irt?.items.map((i) => i.ref)).toEqual(['L1', 'L2', 'L3']);
    expect(plain.adaptive).toBeUndefined();
    const [cat] = mixed.adaptive!;
    expect(cat!.candidates).toBe(40);
    const byRef = Object.fromEntries(cat!.items.map((s) => [s.item, s]));
    expect(byRef.P1).toMatchObject({ exposure: 20, exposureRate: 0.5 });
    expect(byRef.P1!.meanTheta).toBeLessThan(-0.9);
    expect(byRef.P4!.meanTheta).toBeGreaterThan(0.9);
    expect(byRef.P3!.meanTheta).toBeCloseTo(-byRef.P1!.meanTheta!, 12);
  });
});
