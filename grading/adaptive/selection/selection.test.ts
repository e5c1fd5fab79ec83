import { describe, expect, it } from 'vitest';
import type { PoolItem } from '../pool.ts';
import { bMatchCriterion, currentStratum, fisherCriterion, klCriterion, stratify } from './index.ts';

describe('maximum Fisher information', () => {
  it('is the item information at θ̂ (catR Ii / nextItem criterion "MFI")', () => {
    // 0.28831199051236867 = a²PQ for a = 1.2, b = 0.5 at θ = -0.3 (numpy, ../expected-values.py, see models.test.ts).
    expect(fisherCriterion({ model: '2pl', a: 1.2, b: 0.5 }, -0.3)).toBeCloseTo(0.28831199051236867, 12);
  });
});

describe('Kullback–Leibler index (Chang & Ying 1996)', () => {
  // ∫_{θ̂-δ}^{θ̂+δ} Σ_k P_k(θ̂) log(P_k(θ̂)/P_k(θ)) dθ with δ = 3/√n, by scipy.integrate.quad in ../expected-values.py (adaptive
  // Gauss–Kronrod, error < 1e-12), against the code's 20-interval Simpson rule.
  it('2PL a = 1.2, b = 0.3 at θ̂ = 0.1 after 4 items (δ = 1.5)', () => {
    expect(klCriterion({ model: '2pl', a: 1.2, b: 0.3 }, 0.1, 4)).toBeCloseTo(0.37208028429440776, 5);
  });
  it('GPCM a = 0.9, b = (-1, 0.3, 1.2) at θ̂ = -0.2 with no item yet (δ = 3)', () => {
    expect(klCriterion({ model: 'gpcm', a: 0.9, b: [-1, 0.3, 1.2] }, -0.2, 0)).toBeCloseTo(
      4.7535761484174595,
      4,
    );
  });
});

describe('a-stratification with b-blocking (Chang, Qian & Ying 2001)', () => {
  // By hand: sorted by b the ids are e(-2) a(-1.5) c(-1) g(-0.5) b(0.2) h(0.5) d(1) f(2).
  // Blocks of 2: {e,a} {c,g} {b,h} {d,f}; in each the lower a goes to stratum 0:
  // e 0.9 vs a 1.4 -> e:0 a:1; c 0.7 vs g 1.8 -> c:0 g:1; b 2.0 vs h 0.6 -> h:0 b:1; d 0.5 vs f 1.1 -> d:0 f:1.
  const pool: PoolItem[] = [
    { id: 'a', model: '2pl', a: 1.4, b: -1.5 },
    { id: 'b', model: '2pl', a: 2.0, b: 0.2 },
    { id: 'c', model: '2pl', a: 0.7, b: -1 },
    { id: 'd', model: '2pl', a: 0.5, b: 1 },
    { id: 'e', model: '2pl', a: 0.9, b: -2 },
    { id: 'f', model: '2pl', a: 1.1, b: 2 },
    { id: 'g', model: '2pl', a: 1.8, b: -0.5 },
    { id: 'h', model: '2pl', a: 0.6, b: 0.5 },
  ];
  it('assigns strata rising in a, each spanning the b range', () => {
    expect(stratify(pool, 2)).toEqual([1, 1, 0, 0, 0, 1, 1, 0]);
  });
  it('moves through the strata in equal shares of the maximum length', () => {
    expect([0, 4, 5, 9, 10, 19, 25].map((n) => currentStratum(n, 20, 4))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });
  it('prefers the b nearest θ̂ inside a stratum (polytomous: mean step)', () => {
    expect(bMatchCriterion(pool[1]!, 0)).toBeCloseTo(-0.2, 12);
    expect(bMatchCriterion({ id: 'p', model: 'gpcm', a: 1, b: [-1, 0, 2] }, 0)).toBeCloseTo(-1 / 3, 12);
  });
});
