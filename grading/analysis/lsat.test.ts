/**
 * Item analysis and IRT against published results on the LSAT data of Bock & Lieberman (1970),
 * "Fitting a response model for n dichotomously scored items", Psychometrika 35, 179-197: five
 * items of the Law School Admission Test answered by 1000 examinees, published as response-pattern
 * frequencies.
 *
 * - LSAT-6 (section 6): the `LSAT` data set of the R package ltm (Rizopoulos 2006, "ltm: An R
 *   package for latent variable modelling and item response theory analyses", JSS 17(5)); its
 *   documentation prints `descript(LSAT)`, `rasch(LSAT, constraint = cbind(6, 1))` (Rasch, a = 1),
 *   `rasch(LSAT)` (one common discrimination), `ltm(LSAT ~ z1)` (2PL) and `factor.scores()`
 *   (empirical Bayes = posterior mode, with standard errors) for each observed pattern.
 * - LSAT-7 (section 7): the `LSAT7` data set of the R package mirt (Chalmers 2012, JSS 48(6));
 *   `coef(mirt(expand.table(LSAT7), 1), IRTpars = TRUE)` and its log-likelihood.
 *
 * Tolerances: classical statistics are exact formulas, matched to the printed precision (0.001);
 * IRT estimates depend on the quadrature (ltm: 21 Gauss-Hermite points, mirt: 61 rectangular
 * points; we use 61 rectangular points on [-6, 6]) and on convergence criteria, so item
 * parameters and abilities are matched within 0.01 and the log-likelihood within 0.01.
 */
import { describe, expect, it } from 'vitest';
import { itemStatistics, testStatistics, type ScoreMatrix } from './classical.ts';
import { calibrate, estimateAbility } from './irt.ts';

/** LSAT-6 pattern frequencies as printed by ltm (two patterns, 01010 and 01100, never occur). */
const LSAT6: Record<string, number> = {
  '00000': 3,
  '00001': 6,
  '00010': 2,
  '00011': 11,
  '00100': 1,
  '00101': 1,
  '00110': 3,
  '00111': 4,
  '01000': 1,
  '01001': 8,
  '01011': 16,
  '01101': 3,
  '01110': 2,
  '01111': 15,
  '10000': 10,
  '10001': 29,
  '10010': 14,
  '10011': 81,
  '10100': 3,
  '10101': 28,
  '10110': 15,
  '10111': 80,
  '11000': 16,
  '11001': 56,
  '11010': 21,
  '11011': 173,
  '11100': 11,
  '11101': 61,
  '11110': 28,
  '11111': 298,
};

/** LSAT-7 pattern frequencies (mirt's LSAT7), patterns 00000 to 11111 in binary order. */
const LSAT7_FREQ = [
  12, 19, 1, 7, 3, 19, 3, 17, 10, 5, 3, 7, 7, 23, 8, 28, 7, 39, 11, 34, 14, 51, 15, 90, 6, 25, 7, 35, 18, 136,
  32, 308,
];

const pattern = (s: string) => [...s].map((c) => (c === '1' ? 1 : 0)) as (0 | 1)[];

function lsat6(): ScoreMatrix & { rows: (0 | 1)[][]; weights: number[] } {
  return {
    items: ['Item 1', 'Item 2', 'Item 3', 'Item 4', 'Item 5'],
    maxScores: [1, 1, 1, 1, 1],
    rows: Object.keys(LSAT6).map(pattern),
    weights: Object.values(LSAT6),
  };
}

function lsat7(): ScoreMatrix & { rows: (0 | 1)[][]; weights: number[] } {
  return {
    items: ['Item.1', 'Item.2', 'Item.3', 'Item.4', 'Item.5'],
    maxScores: [1, 1, 1, 1, 1],
    rows: LSAT7_FREQ.map((_, i) => pattern(i.toString(2).padStart(5, '0'))),
    weights: LSAT7_FREQ,
  };
}

function expectClose(actual: number[], expected: number[], tolerance: number) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) =>
    expect(Math.abs(v - expected[i]!), `index ${i}: ${v} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance),
  );
}

describe('classical item analysis on LSAT-6 (ltm descript)', () => {
  it('matches the proportions correct, corrected point-biserials and alpha', () => {
    const m = lsat6();
    const test = testStatistics(m);
    expect(test.n).toBe(1000);
    expect(test.mean).toBeCloseTo(3.819, 3);
    expect(Math.abs(test.alpha - 0.295)).toBeLessThanOrEqual(0.001);
    const items = itemStatistics(m);
    expectClose(
      items.map((s) => s.p),
      [0.924, 0.709, 0.553, 0.763, 0.87],
      1e-9,
    );
    // Point-biserial with the item excluded from the total.
    expectClose(
      items.map((s) => s.pointBiserialCorrected),
      [0.1128, 0.1531, 0.1727, 0.1444, 0.1215],
      0.001,
    );
    expect(items[0]!.pointBiserial).toBeCloseTo(0.362, 3);
    // SEM follows from alpha and the spread of totals.
    expect(test.sem).toBeCloseTo(test.sd * Math.sqrt(1 - test.alpha), 12);
  });

  it('gives LSAT-7 its published facilities and a KR-20 above LSAT-6', () => {
    const m = lsat7();
    const items = itemStatistics(m);
    expectClose(
      items.map((s) => s.p),
      [0.828, 0.658, 0.772, 0.606, 0.843],
      1e-9,
    );
    expect(testStatistics(m).mean).toBeCloseTo(3.707, 6);
    expect(testStatistics(m).alpha).toBeGreaterThan(testStatistics(lsat6()).alpha);
    // Every item discriminates positively in the upper-lower 27% groups.
    for (const s of items) expect(s.upperLower).toBeGreaterThan(0);
  });
});

describe('IRT calibration by marginal maximum likelihood (EM)', () => {
  it('Rasch (a = 1) on LSAT-6 matches ltm rasch(LSAT, constraint = cbind(6, 1))', () => {
    const { rows, weights } = lsat6();
    const fit = calibrate({ rows, weights }, { model: 'rasch' });
    expect(fit.converged).toBe(true);
    expectClose(
      fit.items.map((i) => i.b),
      [-2.872, -1.063, -0.258, -1.388, -2.219],
      0.01,
    );
  });

  it('1PL (common discrimination) on LSAT-6 matches ltm rasch(LSAT)', () => {
    const { rows, weights } = lsat6();
    const fit = calibrate({ rows, weights }, { model: '1pl' });
    expectClose(
      fit.items.map((i) => i.b),
      [-3.615, -1.322, -0.318, -1.73, -2.78],
      0.01,
    );
    expect(fit.items[0]!.a).toBeCloseTo(0.755, 2);
  });

  it('2PL on LSAT-6 matches ltm(LSAT ~ z1), and abilities match factor.scores (empirical Bayes)', () => {
    const { rows, weights } = lsat6();
    const fit = calibrate({ rows, weights }, { model: '2pl' });
    expect(fit.converged).toBe(true);
    expect(fit.sampleSize).toBe(1000);
    expectClose(
      fit.items.map((i) => i.b),
      [-3.3597, -1.3696, -0.2799, -1.8659, -3.1236],
      0.01,
    );
    expectClose(
      fit.items.map((i) => i.a),
      [0.8254, 0.7229, 0.8905, 0.6886, 0.6575],
      0.01,
    );
    const published: [string, number, number][] = [
      ['00000', -1.895, 0.795],
      ['10011', -0.506, 0.811],
      ['11011', -0.022, 0.827],
      ['11111', 0.606, 0.855],
    ];
    for (const [p, z, se] of published) {
      const est = estimateAbility(pattern(p), fit.items);
      expect(Math.abs(est.map - z), p).toBeLessThanOrEqual(0.01);
      expect(Math.abs(est.mapSe - se), p).toBeLessThanOrEqual(0.01);
      // EAP and MAP agree closely for a near-symmetric posterior; the EAP SE is the posterior SD.
      expect(Math.abs(est.eap - est.map)).toBeLessThan(0.1);
      expect(est.eapSe).toBeGreaterThan(0.7);
    }
  });

  it('2PL on LSAT-7 matches mirt (a, b and the log-likelihood)', () => {
    const { rows, weights } = lsat7();
    const fit = calibrate({ rows, weights }, { model: '2pl' });
    expect(fit.converged).toBe(true);
    expectClose(
      fit.items.map((i) => i.a),
      [0.988, 1.081, 1.706, 0.765, 0.736],
      0.01,
    );
    expectClose(
      fit.items.map((i) => i.b),
      [-1.879, -0.748, -1.058, -0.635, -2.52],
      0.01,
    );
    expect(Math.abs(fit.logLikelihood - -2658.805)).toBeLessThanOrEqual(0.01);
  });

  it('leaves items not presented out of the likelihood', () => {
    const { rows, weights } = lsat7();
    // Hide item 5 from half the patterns: the other items' estimates barely move.
    const holed = rows.map((r, i) => (i % 2 ? [...(r as (0 | 1)[]).slice(0, 4), null] : (r as (0 | 1)[])));
    const full = calibrate({ rows, weights }, { model: 'rasch' });
    const partial = calibrate({ rows: holed, weights }, { model: 'rasch' });
    expect(partial.converged).toBe(true);
    expectClose(
      partial.items.slice(0, 4).map((i) => i.b),
      full.items.slice(0, 4).map((i) => i.b),
      0.15,
    );
  });
});
