import { describe, expect, it } from 'vitest';
import { adaptiveTargetRows, runAdaptiveLoad } from './adaptive-run.ts';

describe('the adaptive load run (issue 23)', () => {
  it('drives virtual candidates through an adaptive sitting on a real engine process, measuring the next item and losing no answer', async () => {
    const summary = await runAdaptiveLoad({
      candidates: 20,
      ramp: 2,
      duration: 0,
      saveEvery: 0.2,
      dropRate: 0.1,
      burst: 0,
      engines: 1,
      workers: 2,
      postgres: Boolean(process.env.DATABASE_URL),
      redis: false,
      generatorNice: 0,
      adaptive: { items: 6, pool: 60, se: 0.3 },
    });
    expect(summary.errors).toBe(0);
    expect(summary.lostResponses).toBe(0);
    // Every candidate was given at least the CAT's minimum (5) and at most its maximum (6) items,
    // each answer acknowledged, and every item after the first measured from its answer.
    expect(summary.sessions).toBe(20);
    expect(summary.submitted).toBe(20);
    expect(summary.itemsPerCandidate.min).toBeGreaterThanOrEqual(5);
    expect(summary.itemsPerCandidate.max).toBeLessThanOrEqual(6);
    expect(summary.answers).toBeGreaterThanOrEqual(20 * 5);
    expect(summary.nextItems).toBeGreaterThanOrEqual(20 * 4);
    expect(summary.nextItemMs.p50).toBeGreaterThan(0);
    expect(summary.nextItemMs.max).toBeGreaterThanOrEqual(summary.nextItemMs.p99);
    // Six items cannot bring the SE to 0.3: the CAT ran to its maximum length with a finite SE.
    expect(summary.stops['max-length']).toBe(20);
    expect(summary.finalSe.min).toBeGreaterThan(0.3);
    expect(summary.finalSe.max).toBeLessThan(1.5);
  }, 240_000);

  it('says whether the next-item target was met, and that a run measuring no next item misses it', () => {
    const rows = (p99: number, nextItems: number, errors = 0) =>
      adaptiveTargetRows({
        nextItemMs: { p50: 1, p95: 1, p99, max: p99 },
        nextItems,
        errors,
        lostResponses: 0,
      }).map((r) => r.verdict);
    expect(rows(42, 100)).toEqual(['met', 'met', 'met']);
    expect(rows(75, 100, 2)).toEqual(['missed by 50 %', 'missed', 'met']);
    expect(rows(0, 0)[0]).toBe('missed (no next item)');
  });
});
