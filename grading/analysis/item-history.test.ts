import { describe, expect, it } from 'vitest';
import { itemStatistics } from './classical.ts';
import { adaptiveItemUses, itemHistory, type HistorySitting } from './item-history.ts';

/** Two sittings sharing bank item `x` (ref Q1 in one, C3 in the other). */
const first: HistorySitting = {
  id: 's1',
  usedAt: '2026-03-01T07:00:00.000Z',
  items: [
    { ref: 'Q1', key: 'x', maxScore: 1 },
    { ref: 'Q2', key: 'y', maxScore: 2 },
  ],
  candidates: [
    { scores: { Q1: 1, Q2: 2 } },
    { scores: { Q1: 1, Q2: 1 } },
    { scores: { Q1: 0, Q2: 0 }, omitted: ['Q1'] },
    { scores: { Q1: 0, Q2: 1 } },
  ],
};
const second: HistorySitting = {
  id: 's2',
  usedAt: '2026-05-10T07:00:00.000Z',
  items: [
    { ref: 'C3', key: 'x', maxScore: 1 },
    { ref: 'C4', key: 'z', maxScore: 1 },
  ],
  candidates: [
    { scores: { C3: 1, C4: 1 } },
    { scores: { C3: 0, C4: 0 }, omitted: ['C3', 'C4'] },
    // Not presented C4 (a parallel form), and C3 still waiting for a teacher's mark.
    { scores: { C3: null } },
  ],
};

describe('itemHistory', () => {
  const history = new Map(itemHistory([first, second]).map((h) => [h.key, h]));

  it('pools facility, mean score and omissions over the candidates who saw and were scored on the item', () => {
    const x = history.get('x')!;
    expect(x).toMatchObject({ sittings: 2, candidates: 6, maxScore: 1, lastUsed: second.usedAt });
    expect(x.p).toBeCloseTo(3 / 6, 12);
    expect(x.meanScore).toBeCloseTo(3 / 6, 12);
    expect(x.omitRate).toBeCloseTo(2 / 6, 12);
    const y = history.get('y')!;
    expect(y).toMatchObject({ sittings: 1, candidates: 4, lastUsed: first.usedAt });
    expect(y.p).toBeCloseTo(4 / 8, 12);
    expect(y.meanScore).toBeCloseTo(1, 12);
    expect(history.get('z')).toMatchObject({ candidates: 2, omitRate: 0.5 });
  });

  it('weights the per-sitting correlations by candidates', () => {
    const stats = (s: HistorySitting) =>
      itemStatistics({
        items: s.items.map((i) => i.ref),
        maxScores: s.items.map((i) => i.maxScore),
        rows: s.candidates.map((c) => s.items.map((i) => c.scores[i.ref] ?? null)),
      });
    const [a] = stats(first);
    const [b] = stats(second);
    const x = history.get('x')!;
    expect(x.discrimination).toBeCloseTo(
      (a!.pointBiserialCorrected * 4 + b!.pointBiserialCorrected * 2) / 6,
      12,
    );
    expect(x.pointBiserial).toBeCloseTo((a!.pointBiserial * 4 + b!.pointBiserial * 2) / 6, 12);
  });

  it('flags hard and weakly discriminating items with the sitting thresholds', () => {
    const hard: HistorySitting = {
      id: 's3',
      usedAt: '2026-06-01T07:00:00.000Z',
      items: [
        { ref: 'H', key: 'h', maxScore: 1 },
        { ref: 'E', key: 'e', maxScore: 1 },
      ],
      candidates: [
        { scores: { H: 0, E: 1 } },
        { scores: { H: 0, E: 1 } },
        { scores: { H: 0, E: 0 } },
        { scores: { H: 0, E: 1 } },
        { scores: { H: 0, E: 1 } },
      ],
    };
    const h = itemHistory([hard]).find((x) => x.key === 'h')!;
    expect(h.p).toBe(0);
    expect(h.flags).toEqual(['too_hard', 'low_discrimination']);
    expect(itemHistory([])).toEqual([]);
    // Two candidates are too few to call anything too hard or weakly discriminating.
    const few = itemHistory([{ ...hard, candidates: hard.candidates.slice(0, 2) }]);
    expect(few.find((x) => x.key === 'h')!.p).toBe(0);
    expect(few.map((x) => x.flags)).toEqual([[], []]);
  });

  it('leaves items an adaptive section gave out of every classical figure, and counts those uses apart', () => {
    // Sitting s4: linear item L for everybody, then a CAT that gave x to two candidates and w to one.
    const adaptive: HistorySitting = {
      id: 's4',
      usedAt: '2026-07-01T07:00:00.000Z',
      items: [
        { ref: 'L', key: 'l', maxScore: 1 },
        { ref: 'CAT-1@vx', key: 'x', maxScore: 1, adaptive: true },
        { ref: 'CAT-2@vw', key: 'w', maxScore: 1, adaptive: true },
      ],
      candidates: [
        { scores: { L: 1, 'CAT-1@vx': 1 } },
        { scores: { L: 0, 'CAT-1@vx': 0, 'CAT-2@vw': 1 } },
        { scores: { L: 1 } },
      ],
    };
    const withAdaptive = new Map(itemHistory([first, second, adaptive]).map((h) => [h.key, h]));
    // x keeps exactly its linear figures; w, given only by the CAT, has none.
    expect(withAdaptive.get('x')).toEqual(history.get('x'));
    expect(withAdaptive.has('w')).toBe(false);
    // L's figures are over L alone: the CAT's items are not in its sitting's total either.
    const alone = itemHistory([{ ...adaptive, items: adaptive.items.slice(0, 1) }]);
    expect(withAdaptive.get('l')).toEqual(alone.find((h) => h.key === 'l'));
    expect(adaptiveItemUses([first, second, adaptive])).toEqual([
      { key: 'x', sittings: 1, exposures: 2, lastUsed: adaptive.usedAt },
      { key: 'w', sittings: 1, exposures: 1, lastUsed: adaptive.usedAt },
    ]);
  });
});
