/**
 * Parameter recovery on seeded simulated data: the estimates come back within the tolerance a
 * sample of this size allows (RMSE bounds set about 1.5× the values observed; the README lists
 * the observed RMSEs), missing data and pretest subsets included; fixed-anchor calibration puts
 * new items on the bank's scale and recovers the population's mean and SD; item fit flags a
 * misfitting item; the flags fire on their thresholds.
 */
import { describe, expect, it } from 'vitest';
import {
  calibrateItems,
  meanSigma,
  rmse,
  simulateResponses,
  stockingLord,
  transformItem,
  type CalibrationModel,
} from './index.ts';
import type { ItemModel } from '../adaptive/models/item.ts';
import { normalDraw } from '../adaptive/rng.ts';
import { seededRandom } from '../processing/seeded-random.ts';

/** a ~ lognormal(0, 0.3) (×1.5 for 3PL), b ~ U(-2, 2), c ~ U(0.1, 0.3); polytomous: 3 ordered steps around b/2. */
export function generatingItems(n: number, model: CalibrationModel, seed: number): ItemModel[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const a = Math.exp(0.3 * normalDraw(r));
    const b = -2 + 4 * r();
    if (model === '3pl') return { model: '3pl', a: a * 1.5, b, c: 0.1 + 0.2 * r() };
    if (model === 'gpcm' || model === 'grm') {
      const steps = [-1, 0, 1].map((s) => b * 0.5 + s + 0.3 * normalDraw(r)).sort((x, y) => x - y);
      return { model, a, b: steps };
    }
    return { model: '2pl', a, b };
  });
}

const thresholds = (m: ItemModel) => (typeof m.b === 'number' ? [m.b] : m.b);

function recover(model: CalibrationModel, items: number, persons: number, presented = 1) {
  const truth = generatingItems(items, model, 7);
  const { rows } = simulateResponses(
    truth.map((params, j) => ({ params, presented: j % 3 === 2 ? presented : 1 })),
    persons,
    11,
  );
  const fit = calibrateItems({ items: truth.map((_, j) => ({ id: `i${j}`, model })), rows });
  return {
    fit,
    a: rmse(
      fit.items.map((i) => i.params.a),
      truth.map((i) => i.a),
    ),
    b: rmse(
      fit.items.flatMap((i) => thresholds(i.params)),
      truth.flatMap(thresholds),
    ),
    c:
      model === '3pl'
        ? rmse(
            fit.items.map((i) => (i.params.model === '3pl' ? i.params.c : 0)),
            truth.map((i) => (i.model === '3pl' ? i.c : 0)),
          )
        : 0,
  };
}

describe('parameter recovery', { timeout: 120_000 }, () => {
  it('2PL, 20 items × 1,500, every third item a pretest item seen by 40 %', () => {
    const { fit, a, b } = recover('2pl', 20, 1500, 0.4);
    expect(fit.converged).toBe(true);
    expect(a).toBeLessThan(0.15);
    expect(b).toBeLessThan(0.2);
  });

  it('3PL, 20 items × 2,500, with the default priors', () => {
    const { fit, a, b, c } = recover('3pl', 20, 2500);
    expect(fit.converged).toBe(true);
    // One hard, steep item (a = 2.1, b = 1.84) comes back flat (a = 0.95): few high scorers pin its slope.
    expect(a).toBeLessThan(0.4);
    expect(b).toBeLessThan(0.25);
    expect(c).toBeLessThan(0.07);
  });

  it('GPCM and GRM, 10 four-category items × 1,000', () => {
    for (const model of ['gpcm', 'grm'] as const) {
      const { fit, a, b } = recover(model, 10, 1000);
      expect(fit.converged, model).toBe(true);
      expect(a, model).toBeLessThan(0.16);
      expect(b, model).toBeLessThan(0.27);
    }
  });
});

describe('linking new items to the bank', { timeout: 120_000 }, () => {
  const truth = generatingItems(30, '2pl', 3);
  // 15 anchors seen by all, 15 new items each seen by 40 %; the new population is N(0.5, 1.2²).
  const { rows, thetas } = simulateResponses(
    truth.map((params, j) => ({ params, presented: j < 15 ? 1 : 0.4 })),
    2500,
    5,
    { mean: 0.5, sd: 1.2 },
  );
  const fresh = truth.slice(15);

  it('fixed anchors: the new items land on the bank scale and the population is estimated', () => {
    const fit = calibrateItems({
      items: truth.map((p, j) => ({ id: `i${j}`, model: '2pl' as const, ...(j < 15 ? { anchor: p } : {}) })),
      rows,
    });
    // The sample's own mean and SD (the population's are 0.5 and 1.2).
    const mean = thetas.reduce((s, t) => s + t, 0) / thetas.length;
    const sd = Math.sqrt(thetas.reduce((s, t) => s + (t - mean) ** 2, 0) / thetas.length);
    expect(Math.abs(fit.latent.mean - mean)).toBeLessThan(0.05);
    expect(Math.abs(fit.latent.sd - sd)).toBeLessThan(0.05);
    expect(fit.items.slice(0, 15).every((i) => i.anchor && i.flags.length === 0)).toBe(true);
    const est = fit.items.slice(15).map((i) => i.params as { a: number; b: number });
    expect(
      rmse(
        est.map((i) => i.a),
        fresh.map((i) => i.a),
      ),
    ).toBeLessThan(0.15);
    expect(
      rmse(
        est.map((i) => i.b),
        fresh.map((i) => i.b as number),
      ),
    ).toBeLessThan(0.2);
  });

  it('separate calibration then mean/sigma or Stocking–Lord: A ≈ 1.2, B ≈ 0.5', () => {
    const free = calibrateItems({
      items: truth.map((_, j) => ({ id: `i${j}`, model: '2pl' as const })),
      rows,
    });
    const pairs = truth.slice(0, 15).map((bank, j) => ({ bank, new: free.items[j]!.params }));
    for (const k of [meanSigma(pairs), stockingLord(pairs)]) {
      expect(Math.abs(k.A - 1.2)).toBeLessThan(0.1);
      expect(Math.abs(k.B - 0.5)).toBeLessThan(0.1);
      const linked = free.items.slice(15).map((i) => transformItem(i.params, k) as { a: number; b: number });
      expect(
        rmse(
          linked.map((i) => i.b),
          fresh.map((i) => i.b as number),
        ),
      ).toBeLessThan(0.25);
    }
  });
});

describe('fit and flags', { timeout: 120_000 }, () => {
  it('flags a misfitting item, too few responses, low discrimination and extreme difficulty', () => {
    const good = generatingItems(12, '2pl', 21);
    const items = [
      ...good.map((params) => ({ params })),
      // Barely discriminating.
      { params: { model: '2pl', a: 0.2, b: 0 } as ItemModel },
      // Very hard.
      { params: { model: '2pl', a: 1.2, b: 3.8 } as ItemModel },
      // Seen by 5 %.
      { params: { model: '2pl', a: 1, b: 0 } as ItemModel, presented: 0.05 },
      // A guessable 3PL item (c = 0.45, steep) calibrated as 2PL: misfits.
      { params: { model: '3pl', a: 3, b: 0.8, c: 0.45 } as ItemModel },
    ];
    const { rows } = simulateResponses(items, 2000, 9);
    const report = calibrateItems({
      items: items.map((_, j) => ({ id: `i${j}`, model: '2pl' as const })),
      rows,
    });
    const flags = report.items.map((i) => i.flags);
    expect(flags.slice(0, 12).filter((f) => f.length).length).toBeLessThanOrEqual(1);
    expect(report.items[15]!.fit.p).toBeLessThan(0.001);
    expect(flags[12]).toContain('low_discrimination');
    expect(flags[13]).toContain('extreme_difficulty');
    expect(flags[14]).toContain('few_responses');
    expect(flags[15]).toContain('poor_fit');
  });
});
