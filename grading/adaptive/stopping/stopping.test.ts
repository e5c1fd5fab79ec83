import { describe, expect, it } from 'vitest';
import type { ScoredResponse } from '../estimators/response.ts';
import { sprtDecision, stopReason } from './index.ts';

const A = [1.0, 1.5, 0.8, 1.2, 2.0];
const B = [-1.0, -0.5, 0.0, 0.5, 1.0];
const responses: ScoredResponse[] = [1, 1, 0, 1, 0].map((category, i) => ({
  item: { model: '2pl', a: A[i]!, b: B[i]! },
  category,
}));

describe('SPRT around a cut score', () => {
  // numpy (../expected-values.py): log L(0.2) - log L(-0.2) = 0.35355352688520725 for the pattern 11010 on these items;
  // Wald's bounds for α = β = 0.05 are ±log(19) = ±2.9444389791664403.
  it('computes the log likelihood ratio and continues inside the bounds', () => {
    const out = sprtDecision({ cut: 0, delta: 0.2, alpha: 0.05, beta: 0.05 }, responses);
    expect(out.logRatio).toBeCloseTo(0.35355352688520725, 12);
    expect(out.decision).toBe('continue');
  });
  it('classifies once a bound is crossed', () => {
    const right = Array.from(
      { length: 12 },
      () => ({ item: { model: '2pl', a: 1.5, b: 0 }, category: 1 }) as ScoredResponse,
    );
    expect(sprtDecision({ cut: 0, delta: 0.3, alpha: 0.05, beta: 0.05 }, right).decision).toBe('above');
    const wrong = right.map((r) => ({ ...r, category: 0 }));
    expect(sprtDecision({ cut: 0, delta: 0.3, alpha: 0.05, beta: 0.05 }, wrong).decision).toBe('below');
  });
});

describe('stop rules', () => {
  const est = (se: number) => ({ theta: 0, se, method: 'eap' as const });
  it('never before minItems, always at maxItems', () => {
    expect(stopReason({ minItems: 6, maxItems: 10, se: 0.5 }, responses, est(0.1))).toBeNull();
    expect(stopReason({ minItems: 1, maxItems: 5, se: 0.1 }, responses, est(0.9))).toBe('max-length');
  });
  it('stops when the SE reaches the threshold', () => {
    expect(stopReason({ minItems: 1, maxItems: 30, se: 0.3 }, responses, est(0.3))).toBe('se');
    expect(stopReason({ minItems: 1, maxItems: 30, se: 0.3 }, responses, est(0.31))).toBeNull();
  });
});
