/**
 * Recalibrating items that already carry bank parameters, without `link: none`: every item is
 * estimated freely (on the sample's N(0, 1) scale), the stored parameters of those same items give the
 * mean/sigma or Stocking–Lord constants, and every fresh estimate, anchors included, is put on the
 * bank's scale. Data: 12 2PL items on the bank's scale answered by 1,500 simulees of a group that is
 * abler and more spread than the bank's (θ ~ N(0.5, 1.2²)), so without linking the b come out shifted
 * and shrunk. Fixed linking holds stored parameters, so it refuses to recalibrate them.
 */
import { describe, expect, it } from 'vitest';
import { estimateAndLink, LinkingError, rmse, simulateResponses } from './index.ts';
import type { ItemModel, TwoPl } from '../adaptive/models/item.ts';

/** b evenly over [-2, 2], a from 0.8 to 1.6. */
const truth: TwoPl[] = Array.from({ length: 12 }, (_, j) => ({
  model: '2pl',
  a: 0.8 + 0.2 * (j % 5),
  b: -2 + (4 * j) / 11,
}));
const { rows } = simulateResponses(
  truth.map((params) => ({ params })),
  1500,
  2027,
  { mean: 0.5, sd: 1.2 },
);
const matrix = { items: truth.map((_, j) => ({ id: `I${j}`, model: '2pl' as const })), rows };
// The bank's stored parameters: the generating ones, except one that drifted (stored 0.4 too easy).
const stored = new Map<string, ItemModel>(
  truth.map((p, j) => [`I${j}`, j === 0 ? { ...p, b: p.b - 0.4 } : p]),
);
const bOf = (items: { params: ItemModel }[]) => items.map((i) => i.params.b as number);
const trueB = truth.map((p) => p.b);

describe('recalibrating stored items through their own parameters', () => {
  it.each(['stocking-lord', 'mean-sigma'] as const)(
    '%s: every item re-estimated on the bank scale, the drifted one corrected',
    (link) => {
      const { report, linking } = estimateAndLink(matrix, stored, link, { recalibrate: true });
      expect(linking).toMatchObject({ method: link, anchors: 12, recalibrated: true });
      // The free run's scale (N(0, 1) for this group) is moved to the bank's: θ_bank ≈ 1.2 θ + 0.5.
      expect(linking.A!).toBeGreaterThan(1.05);
      expect(linking.B!).toBeGreaterThan(0.3);
      expect(report.items.every((i) => i.anchor)).toBe(true);
      const fresh = bOf(report.items);
      // Fresh estimates, not the stored values: the drifted item comes back near its true difficulty.
      expect(fresh[0]).not.toBe(stored.get('I0')!.b);
      expect(Math.abs(fresh[0]! - trueB[0]!)).toBeLessThan(0.25);
      expect(rmse(fresh, trueB)).toBeLessThan(0.2);
      // Without linking the same estimates sit on the group's own scale, visibly off the bank's.
      const none = estimateAndLink(matrix, stored, 'none');
      expect(rmse(bOf(none.report.items), trueB)).toBeGreaterThan(0.3);
    },
    60_000,
  );

  it('without recalibrate the anchors keep their stored parameters', () => {
    const { report, linking } = estimateAndLink(matrix, stored, 'mean-sigma');
    expect(linking.recalibrated).toBeUndefined();
    expect(bOf(report.items)[0]).toBe(stored.get('I0')!.b);
  }, 60_000);

  it('fixed linking refuses to recalibrate the items it holds', () => {
    const attempt = () => estimateAndLink(matrix, stored, 'fixed', { recalibrate: true });
    expect(attempt).toThrow(LinkingError);
    expect(attempt).toThrow(/mean\/sigma or Stocking–Lord/);
  });
});
