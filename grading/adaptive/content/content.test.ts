import { describe, expect, it } from 'vitest';
import { preparePool } from '../pool.ts';
import { barredByEnemies, blueprintShares, neediestCell, type Blueprint } from './index.ts';

const blueprint: Blueprint = {
  unit: 'count',
  cells: [
    { topic: 'Đại số', level: 'nhận biết', target: 4 },
    { topic: 'Đại số', level: 'vận dụng', target: 2 },
    { topic: 'Hình học', level: 'nhận biết', target: 2 },
  ],
};

describe('blueprint cells', () => {
  it('turns counts into shares', () => {
    expect(blueprintShares(blueprint).map((s) => s.share)).toEqual([0.5, 0.25, 0.25]);
  });
  it('takes the cell with the largest share·(n+1) - count (Kingsbury & Zara)', () => {
    const shares = blueprintShares(blueprint);
    const [A, B, C] = shares.map((s) => s.cell) as [string, string, string];
    const all = () => true;
    // n = 0: deficits 0.5, 0.25, 0.25 -> A.
    expect(neediestCell(shares, [], all)).toBe(A);
    // after A: n = 1, deficits 1 - 1 = 0, 0.5, 0.5 -> B (first of the tie).
    expect(neediestCell(shares, [A], all)).toBe(B);
    // after A, B: deficits 1.5 - 1, 0.75 - 1, 0.75 -> C.
    expect(neediestCell(shares, [A, B], all)).toBe(C);
    // a cell without eligible items is skipped.
    expect(neediestCell(shares, [A, B], (c) => c !== C)).toBe(A);
  });
  it('keeps every cell within one item of its share over a whole test', () => {
    const shares = blueprintShares({
      unit: 'proportion',
      cells: [0.31, 0.23, 0.17, 0.13, 0.09, 0.07].map((target, i) => ({
        topic: `T${i}`,
        level: 'L',
        target,
      })),
    });
    const given: string[] = [];
    for (let n = 1; n <= 60; n++) {
      given.push(neediestCell(shares, given, () => true)!);
      for (const { cell, share } of shares)
        expect(Math.abs(given.filter((c) => c === cell).length - share * n)).toBeLessThanOrEqual(1);
    }
  });
});

describe('enemy items', () => {
  it('bars both sides of a pair and every member of a group', () => {
    const pool = preparePool([
      { id: 'x', model: '2pl', a: 1, b: 0, enemies: ['y'] },
      { id: 'y', model: '2pl', a: 1, b: 0 },
      { id: 'z', model: '2pl', a: 1, b: 0, enemies: ['x', 'y'] },
      { id: 'w', model: '2pl', a: 1, b: 0 },
    ]);
    expect([...barredByEnemies(pool, [1])].sort()).toEqual([0, 2]);
    expect([...barredByEnemies(pool, [3])]).toEqual([]);
  });
});
