/**
 * The tiles of the second face pass (`frameTiles`): square in pixels, covering the whole frame with overlap, and
 * few enough to keep a tile frame affordable.
 */
import { describe, expect, it } from 'vitest';
import { frameTiles } from './frame-analysis.ts';

describe('frameTiles', () => {
  for (const [w, h] of [
    [640, 480],
    [480, 270],
    [320, 240],
    [384, 512],
    [640, 640],
  ] as const) {
    it(`covers a ${w}x${h} frame with overlapping square tiles`, () => {
      const tiles = frameTiles(w, h);
      expect(tiles.length).toBeGreaterThanOrEqual(2);
      expect(tiles.length).toBeLessThanOrEqual(8);
      for (const [x, y, tw, th] of tiles) {
        expect(tw * w).toBeCloseTo(th * h, 6);
        expect(tw * w).toBeCloseTo(0.6 * Math.min(w, h), 6);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x + tw).toBeLessThanOrEqual(1 + 1e-9);
        expect(y + th).toBeLessThanOrEqual(1 + 1e-9);
      }
      // Every pixel lies in some tile, and neighbours share at least a fifth of a tile.
      for (let py = 0; py < h; py += 7) {
        for (let px = 0; px < w; px += 7) {
          expect(
            tiles.some(
              ([x, y, tw, th]) => px / w >= x && px / w <= x + tw && py / h >= y && py / h <= y + th,
            ),
          ).toBe(true);
        }
      }
      const xs = [...new Set(tiles.map((t) => t[0]))].sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++)
        expect(xs[i]! - xs[i - 1]!).toBeLessThanOrEqual(0.8 * tiles[0]![2] + 1e-9);
    });
  }
});
