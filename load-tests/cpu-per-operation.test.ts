import { describe, expect, it } from 'vitest';
import { cpuPerBurstSave, cpuPerOperation } from './cpu-per-operation.ts';

describe('CPU per operation', () => {
  it('recovers known per-operation costs from CPU per second and the operations of each second', () => {
    // A synthetic run: ramp (check-ins and fetches), steady (saves and fetches), burst (saves only),
    // with the second-to-second variation a real run has.
    const wobble = (s: number, k: number) => 1 + 0.3 * Math.sin(s * k);
    const checkIns = Array.from({ length: 60 }, (_, s) => (s < 20 ? Math.round(100 * wobble(s, 1.3)) : 0));
    const fetches = Array.from({ length: 60 }, (_, s) =>
      s < 20 ? Math.round(50 * wobble(s, 0.7)) : s < 50 ? Math.round(30 * wobble(s, 2.1)) : 0,
    );
    const saves = Array.from({ length: 60 }, (_, s) =>
      s < 20 ? 10 : s < 50 ? Math.round(200 * wobble(s, 0.9)) : Math.round(3000 * wobble(s, 1.7)),
    );
    const cost = { idle: 0.005, checkIn: 0.002, fetch: 0.0003, save: 0.00015 };
    const startAt = 1_000_000;
    const at: number[] = [];
    const cpuSeconds: number[] = [];
    let total = 0;
    for (let s = 0; s <= 60; s++) {
      at.push(startAt + s * 1000);
      cpuSeconds.push(total);
      if (s < 60)
        total += cost.idle + cost.checkIn * checkIns[s]! + cost.fetch * fetches[s]! + cost.save * saves[s]!;
    }
    const fit = cpuPerOperation({ at, cpuSeconds }, { checkIns, fetches, saves, submits: [] }, startAt);
    expect(fit.checkInUs).toBeCloseTo(2000, 0);
    expect(fit.fetchUs).toBeCloseTo(300, 0);
    expect(fit.saveUs).toBeCloseTo(150, 0);
    expect(fit.idleMsPerS).toBeCloseTo(5, 0);
    expect(fit.r2).toBeGreaterThan(0.99);
    expect(fit.seconds).toBe(60);
  });

  it('never reports a negative cost: an operation the data cannot separate is fitted as free', () => {
    const saves = [0, 10, 20, 30, 40];
    const fetches = [40, 30, 20, 10, 0];
    const at = [0, 1000, 2000, 3000, 4000, 5000];
    // CPU falls as fetches rise: a least-squares fit alone would give fetches a negative cost.
    const cpuSeconds = [0, 0.001, 0.003, 0.006, 0.01, 0.015];
    const fit = cpuPerOperation({ at, cpuSeconds }, { checkIns: [], fetches, saves, submits: [] }, 0);
    expect(fit.fetchUs).toBeGreaterThanOrEqual(0);
    expect(fit.saveUs).toBeGreaterThan(0);
  });

  it('divides the CPU of the burst window by the saves acknowledged in it', () => {
    const series = { at: [0, 1000, 2000, 3000], cpuSeconds: [0, 0.1, 0.6, 1.1] };
    // 1 CPU s between t = 1 s and 3 s, over 5,000 saves: 200 µs each.
    expect(cpuPerBurstSave(series, 1000, 3000, 5000)).toBe(200);
    expect(cpuPerBurstSave(series, 1000, 3000, 0)).toBe(0);
  });
});
