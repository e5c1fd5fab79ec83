import { describe, expect, it } from 'vitest';
import type { ItemModel } from '../models/item.ts';
import { eapEstimate, mapEstimate, mleEstimate, wleEstimate, type ScoredResponse } from './index.ts';

// Expected values computed once with numpy/scipy (../expected-values.py), independently of this code:
// - MLE: brentq root of the 2PL score Σ a(u - P) (catR thetaEst method "ML"); SE = 1/√I (catR semTheta).
// - MAP: brentq root of score - θ (N(0,1) prior, catR "BM"); SE = 1/√(I + 1).
// - WLE: brentq root of score + J/(2I) with the 2PL closed form J = Σ a³PQ(1 - 2P) (Warm 1989, eq. 9;
//   catR "WL"); SE = 1/√I.
// - EAP: posterior mean and SD on 41 equally spaced nodes on [-4, 4] weighted by the N(0,1) density
//   (the rule the code uses; catR eapEst uses the same rectangular rule with 33 nodes); the continuous
//   integral by scipy quad gives 0.3162348947 / 0.6189462294, so the grid costs < 1e-6.
// - 3PL MLE: scipy minimize_scalar on the 3PL log-likelihood, SE from the Birnbaum information.
// - Polytomous MAP: minimize_scalar on the log-posterior of a GPCM, a GRM and a 2PL response,
//   SE from finite-difference information + 1.
const A = [1.0, 1.5, 0.8, 1.2, 2.0];
const B = [-1.0, -0.5, 0.0, 0.5, 1.0];
const pattern = (u: number[]): ScoredResponse[] =>
  u.map((category, i) => ({ item: { model: '2pl', a: A[i]!, b: B[i]! }, category }));
const mixed = pattern([1, 1, 0, 1, 0]);

describe('ability estimators on five 2PL items, pattern 11010', () => {
  it('MLE', () => {
    const e = mleEstimate(mixed);
    expect(e.theta).toBeCloseTo(0.5219407174770896, 9);
    expect(e.se).toBeCloseTo(0.7472116519930954, 9);
    expect(e.fallback).toBeUndefined();
  });
  it('MAP with a N(0, 1) prior', () => {
    const e = mapEstimate(mixed);
    expect(e.theta).toBeCloseTo(0.33292637702922506, 9);
    expect(e.se).toBeCloseTo(0.6054048774490679, 9);
  });
  it('EAP on the 41-point grid', () => {
    const e = eapEstimate(mixed);
    expect(e.theta).toBeCloseTo(0.31623483438935407, 12);
    expect(e.se).toBeCloseTo(0.6189460373152129, 12);
  });
  it('WLE (Warm 1989)', () => {
    const e = wleEstimate(mixed);
    expect(e.theta).toBeCloseTo(0.5586069150848844, 8);
    expect(e.se).toBeCloseTo(0.7452755831570097, 8);
  });
  it('WLE stays finite when every answer is right', () => {
    const e = wleEstimate(pattern([1, 1, 1, 1, 1]));
    expect(e.theta).toBeCloseTo(2.015889889550545, 8);
    expect(e.se).toBeCloseTo(1.143029487356302, 8);
  });
});

describe('MLE fallbacks before the pattern is mixed', () => {
  const allRight = pattern([1, 1, 1, 1, 1]);
  it('EAP by default, flagged', () => {
    const e = mleEstimate(allRight);
    expect(e.fallback).toBe('eap');
    expect(e.theta).toBe(eapEstimate(allRight).theta);
  });
  it('or the bound on the side of the pattern', () => {
    expect(mleEstimate(allRight, { mleFallback: 'bound' }).theta).toBe(4);
    expect(mleEstimate(pattern([0, 0, 0, 0, 0]), { mleFallback: 'bound', bounds: [-3, 3] }).theta).toBe(-3);
  });
  it('no responses: EAP gives the prior mean', () => {
    expect(mleEstimate([]).theta).toBeCloseTo(0, 12);
  });
});

describe('other models', () => {
  it('3PL MLE with D = 1.702', () => {
    const a = [1.2, 0.8, 1.5, 1.0];
    const b = [-0.5, 0.2, 0.8, -1.2];
    const c = [0.2, 0.25, 0.15, 0.2];
    const responses = [1, 0, 0, 1].map((category, i) => ({
      item: { model: '3pl', a: a[i]!, b: b[i]!, c: c[i]!, D: 1.702 } as ItemModel,
      category,
    }));
    const e = mleEstimate(responses);
    expect(e.theta).toBeCloseTo(-0.17905911053231077, 6);
    expect(e.se).toBeCloseTo(0.8665394034396101, 6);
  });
  it('MAP on a GPCM, a GRM and a 2PL response', () => {
    const responses: ScoredResponse[] = [
      { item: { model: 'gpcm', a: 0.9, b: [-1, 0.3, 1.2] }, category: 2 },
      { item: { model: 'grm', a: 1.3, b: [-1.2, 0, 1.1] }, category: 1 },
      { item: { model: '2pl', a: 1, b: 0 }, category: 1 },
    ];
    const e = mapEstimate(responses);
    expect(e.theta).toBeCloseTo(0.25830410375526575, 7);
    expect(e.se).toBeCloseTo(0.6445028418501949, 7);
  });
});
