/** Decoding the full-range face detector's raw output (anchors, box offsets, score, overlap). */
import { describe, expect, it } from 'vitest';
import { decodeFullRange, FULL_RANGE_ANCHORS, FULL_RANGE_STRIDE } from './full-range.ts';

function output(found: { cell: [number, number]; logit: number; dx?: number; w: number }[]): Float32Array {
  const raw = new Float32Array(FULL_RANGE_ANCHORS * FULL_RANGE_STRIDE).fill(0);
  for (let i = 0; i < FULL_RANGE_ANCHORS; i++) raw[i * FULL_RANGE_STRIDE] = -10;
  for (const f of found) {
    const o = (f.cell[1] * 48 + f.cell[0]) * FULL_RANGE_STRIDE;
    raw[o] = f.logit;
    raw[o + 1] = f.dx ?? 0;
    raw[o + 3] = f.w;
    raw[o + 4] = f.w;
  }
  return raw;
}

describe('full-range decoding', () => {
  it('places a box on its anchor cell, offsets and sizes in input pixels (192)', () => {
    const [box, ...rest] = decodeFullRange(output([{ cell: [12, 24], logit: 2, dx: 9.6, w: 19.2 }]), 0.5);
    expect(rest).toEqual([]);
    expect(box?.score).toBeCloseTo(1 / (1 + Math.exp(-2)));
    const [x, y, w, h] = box?.box ?? [];
    expect(x).toBeCloseTo(12.5 / 48 + 0.05 - 0.05);
    expect(y).toBeCloseTo(24.5 / 48 - 0.05);
    expect(w).toBeCloseTo(0.1);
    expect(h).toBeCloseTo(0.1);
  });

  it('drops findings under the score and keeps the surest of overlapping ones', () => {
    const raw = output([
      { cell: [10, 10], logit: 3, w: 40 },
      { cell: [11, 10], logit: 1, w: 40 },
      { cell: [40, 40], logit: 0.5, w: 20 },
      { cell: [30, 5], logit: -2, w: 20 },
    ]);
    const boxes = decodeFullRange(raw, 0.5);
    expect(boxes.map((b) => Math.round(b.score * 100))).toEqual([95, 62]);
  });
});
