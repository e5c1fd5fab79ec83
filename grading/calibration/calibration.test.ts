/**
 * Calibration against published and independently computed values:
 * - LSAT-7 2PL: mirt (Chalmers 2012), `coef(mirt(expand.table(LSAT7), 1), IRTpars = TRUE)` and its
 *   log-likelihood -2658.805 (the same values ../analysis/lsat.test.ts matches with the older
 *   2PL-only calibration); LSAT-6 Rasch and 1PL: ltm (Rizopoulos 2006), `rasch(LSAT, constraint =
 *   cbind(6, 1))` and `rasch(LSAT)`.
 * - A mixed 2PL/3PL/GPCM/GRM data set with a pretest item answered by 40 % (fixtures/mixed.ts):
 *   the maximum of the marginal log-posterior found by scipy.optimize directly (no EM), printed by
 *   ./expected-values.py; 3PL items with BILOG-MG's priors (log a ~ N(0, 0.5²), c ~ Beta(5, 17)).
 * - Stocking–Lord and mean/sigma constants from the same script.
 */
import { describe, expect, it } from 'vitest';
import {
  calibrateItems,
  chiSquareSurvival,
  estimateItems,
  meanSigma,
  parseResponseCsv,
  stockingLord,
  transformItem,
  type CalibrationModel,
} from './index.ts';
import { MIXED_MODELS, MIXED_ROWS } from './fixtures/mixed.ts';
import type { ItemModel } from '../adaptive/models/item.ts';

const LSAT7_FREQ = [
  12, 19, 1, 7, 3, 19, 3, 17, 10, 5, 3, 7, 7, 23, 8, 28, 7, 39, 11, 34, 14, 51, 15, 90, 6, 25, 7, 35, 18, 136,
  32, 308,
];
const LSAT7_ROWS = LSAT7_FREQ.map((_, i) => [...i.toString(2).padStart(5, '0')].map(Number));
const LSAT6: [string, number][] = Object.entries({
  '00000': 3, '00001': 6, '00010': 2, '00011': 11, '00100': 1, '00101': 1, '00110': 3, '00111': 4,
  '01000': 1, '01001': 8, '01011': 16, '01101': 3, '01110': 2, '01111': 15, '10000': 10, '10001': 29,
  '10010': 14, '10011': 81, '10100': 3, '10101': 28, '10110': 15, '10111': 80, '11000': 16, '11001': 56,
  '11010': 21, '11011': 173, '11100': 11, '11101': 61, '11110': 28, '11111': 298,
}); // prettier-ignore

const columns = (n: number, model: CalibrationModel) =>
  Array.from({ length: n }, (_, j) => ({ id: `Item ${j + 1}`, model }));
const bOf = (m: ItemModel) => (typeof m.b === 'number' ? m.b : m.b[0]!);

function expectClose(actual: number[], expected: number[], tolerance: number) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) =>
    expect(Math.abs(v - expected[i]!), `index ${i}: ${v} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance),
  );
}

describe('published values', () => {
  it('2PL on LSAT-7 matches mirt (a, b, log-likelihood)', () => {
    const fit = estimateItems({ items: columns(5, '2pl'), rows: LSAT7_ROWS, weights: LSAT7_FREQ });
    expect(fit.converged).toBe(true);
    expectClose(
      fit.items.map((i) => i.params.a),
      [0.988, 1.081, 1.706, 0.765, 0.736],
      0.01,
    );
    expectClose(
      fit.items.map((i) => bOf(i.params)),
      [-1.879, -0.748, -1.058, -0.635, -2.52],
      0.01,
    );
    expect(Math.abs(fit.logLikelihood - -2658.805)).toBeLessThanOrEqual(0.01);
  });

  it('GPCM and GRM with two categories are the 2PL: the same LSAT-7 estimates', () => {
    const twoPl = estimateItems({ items: columns(5, '2pl'), rows: LSAT7_ROWS, weights: LSAT7_FREQ });
    for (const model of ['gpcm', 'grm'] as const) {
      const fit = estimateItems({ items: columns(5, model), rows: LSAT7_ROWS, weights: LSAT7_FREQ });
      expectClose(
        fit.items.map((i) => i.params.a),
        twoPl.items.map((i) => i.params.a),
        1e-4,
      );
      expectClose(
        fit.items.map((i) => bOf(i.params)),
        twoPl.items.map((i) => bOf(i.params)),
        1e-4,
      );
    }
  });

  it('Rasch and 1PL on LSAT-6 match ltm', () => {
    const rows = LSAT6.map(([p]) => [...p].map(Number));
    const weights = LSAT6.map(([, f]) => f);
    const rasch = estimateItems({ items: columns(5, 'rasch'), rows, weights });
    expectClose(
      rasch.items.map((i) => bOf(i.params)),
      [-2.872, -1.063, -0.258, -1.388, -2.219],
      0.01,
    );
    const onePl = estimateItems({ items: columns(5, '1pl'), rows, weights });
    expectClose(
      onePl.items.map((i) => bOf(i.params)),
      [-3.615, -1.322, -0.318, -1.73, -2.78],
      0.01,
    );
    expect(onePl.sharedSlope).toBeCloseTo(0.755, 2);
  });
});

describe('independently computed values (scipy, ./expected-values.py)', () => {
  it('mixed 2PL/3PL/GPCM/GRM with a pretest item: EM reaches scipy’s direct maximum of the marginal posterior', () => {
    const rows = MIXED_ROWS.map((r) => [...r].map((c) => (c === '.' ? null : Number(c))));
    const fit = estimateItems(
      { items: MIXED_MODELS.map((model, j) => ({ id: `i${j}`, model })), rows },
      { tolerance: 1e-7, maxIterations: 5000 },
    );
    expect(fit.converged).toBe(true);
    const expected = [
      [0.907552, 0.277694],
      [0.487398, -0.471696],
      [1.211, 0.949995],
      [1.056097, -0.057882, -1.477335],
      [1.184149, 0.416205, -1.380112],
      [0.849924, 0.650343, -0.280368],
      [1.133677, 0.14043, -1.209442],
      [1.000682, 1.521809, -0.062409, -1.208064],
      [0.603109, 2.213786, 0.56731, -0.71286],
      [1.174751, -0.190463],
    ];
    fit.items.forEach((item, j) => expectClose(item.x, expected[j]!, 1e-4));
    expect(Math.abs(fit.logLikelihood - -4020.3508907493247)).toBeLessThan(1e-4);
    // The pretest item was answered by its subset only.
    expect(fit.items[9]!.n).toBeLessThan(250);
    expect(fit.items[0]!.n).toBe(500);
  });

  it('mean/sigma and Stocking–Lord constants', () => {
    const item = (a: number, b: number): ItemModel => ({ model: '2pl', a, b });
    const bank = [item(1.0, -1.0), item(1.4, 0.0), item(0.8, 0.7), item(1.2, 1.5), item(0.9, -0.3)];
    const fresh = [item(1.25, -1.45), item(1.6, -0.5), item(1.1, 0.1), item(1.3, 0.95), item(1.2, -0.7)];
    const pairs = bank.map((b, j) => ({ bank: b, new: fresh[j]! }));
    const ms = meanSigma(pairs);
    expect(ms.A).toBeCloseTo(1.0635090481650034, 10);
    expect(ms.B).toBeCloseTo(0.520322895412801, 10);
    const sl = stockingLord(pairs);
    expect(sl.A).toBeCloseTo(1.1972849146716427, 6);
    expect(sl.B).toBeCloseTo(0.5870700021977613, 6);
    expect(sl.criterion).toBeCloseTo(9.384599768840064e-5, 9);
  });

  it('chi-square upper tail (tables: 3.841 at 1 df and 18.307 at 10 df are the 5 % points)', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 9);
    expect(chiSquareSurvival(18.307038053275146, 10)).toBeCloseTo(0.05, 9);
    expect(chiSquareSurvival(2, 2)).toBeCloseTo(Math.exp(-1), 12);
  });
});

describe('linking exactly transformed anchors', () => {
  it('mean/sigma and Stocking–Lord both return A and B, and transformItem maps every model', () => {
    const bank: ItemModel[] = [
      { model: '2pl', a: 1.2, b: -0.8 },
      { model: '3pl', a: 0.9, b: 0.4, c: 0.2 },
      { model: 'gpcm', a: 1.1, b: [-1, 0.2, 1.3] },
      { model: 'grm', a: 0.7, b: [-1.5, 0, 1.1] },
    ];
    const truth = { A: 1.3, B: -0.4 };
    // new = bank expressed on a scale θ_new = (θ_bank - B) / A.
    const inverse = { A: 1 / truth.A, B: -truth.B / truth.A };
    const pairs = bank.map((b) => ({ bank: b, new: transformItem(b, inverse) }));
    for (const k of [meanSigma(pairs), stockingLord(pairs)]) {
      expect(k.A).toBeCloseTo(truth.A, 6);
      expect(k.B).toBeCloseTo(truth.B, 6);
    }
    expect(transformItem(pairs[2]!.new, truth)).toMatchObject({ a: expect.closeTo(1.1, 9) });
  });
});

describe('response files', () => {
  it('reads ids, labels, missing cells and polytomous columns', () => {
    const m = parseResponseCsv('candidate,q1,q2,q3\nA,1,0,2\nB,0,,1\nC,1,NA,0\n', '2pl', { q2: '3pl' });
    expect(m.labels).toEqual(['A', 'B', 'C']);
    expect(m.items.map((i) => i.model)).toEqual(['2pl', '3pl', 'gpcm']);
    expect(m.rows).toEqual([
      [1, 0, 2],
      [0, null, 1],
      [1, null, 0],
    ]);
    expect(() => parseResponseCsv('q1\n1.5\n')).toThrow(/not a score category/);
  });

  it('calibrateItems adds fit and flags to every item', () => {
    const report = calibrateItems({ items: columns(5, '2pl'), rows: LSAT7_ROWS, weights: LSAT7_FREQ });
    for (const item of report.items) {
      expect(item.fit.infit).toBeGreaterThan(0.7);
      expect(item.fit.outfit).toBeLessThan(1.3);
    }
    // Item 5's b = -2.52 is inside ±3; none of LSAT-7's 1000 responses per item is too few.
    expect(report.items.map((i) => i.flags)).toEqual([[], [], [], [], []]);
  });
});
