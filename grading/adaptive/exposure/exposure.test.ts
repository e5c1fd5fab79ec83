import { describe, expect, it } from 'vitest';
import { applyExposure } from './index.ts';

/** A generator that returns the given draws in turn. */
const draws = (...values: number[]) => {
  let i = 0;
  return () => values[i++]!;
};

describe('exposure control on a ranking', () => {
  const ranked = ['a', 'b', 'c', 'd', 'e', 'f'];
  it('none takes the best', () => {
    expect(applyExposure({ kind: 'none' }, ranked, draws())).toEqual({ chosen: 0, draws: [], setAside: [] });
  });
  it('randomesque takes ⌊u·k⌋ among the k best', () => {
    expect(applyExposure({ kind: 'randomesque', k: 5 }, ranked, draws(0.999)).chosen).toBe(4);
    expect(applyExposure({ kind: 'randomesque', k: 5 }, ranked, draws(0.41)).chosen).toBe(2);
    expect(applyExposure({ kind: 'randomesque', k: 10 }, ['a', 'b'], draws(0.6)).chosen).toBe(1);
  });
  it('Sympson–Hetter administers when u < K and sets aside the items that lose', () => {
    const k = { a: 0.3, b: 0.5, c: 1 };
    expect(applyExposure({ kind: 'sympson-hetter', k }, ranked, draws(0.2))).toEqual({
      chosen: 0,
      draws: [0.2],
      setAside: [],
    });
    expect(applyExposure({ kind: 'sympson-hetter', k }, ranked, draws(0.7, 0.6, 0.99))).toEqual({
      chosen: 2,
      draws: [0.7, 0.6, 0.99],
      setAside: ['a', 'b'],
    });
  });
  it('Sympson–Hetter gives the best item, flagged, when every candidate loses', () => {
    const out = applyExposure({ kind: 'sympson-hetter', k: { a: 0.1, b: 0.1 } }, ['a', 'b'], draws(0.5, 0.5));
    expect(out).toEqual({ chosen: 0, draws: [0.5, 0.5], setAside: ['b'], forced: true });
  });
});
