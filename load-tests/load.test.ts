import { describe, expect, it } from 'vitest';
import { runLoad } from './run.ts';

describe('the load runner', () => {
  it('drives virtual candidates through a real engine process and finds every acknowledged save in the database', async () => {
    const summary = await runLoad({
      candidates: 20,
      ramp: 2,
      duration: 6,
      saveEvery: 1,
      dropRate: 0.1,
      burst: 2,
      engines: 1,
      workers: 2,
      postgres: Boolean(process.env.DATABASE_URL),
      redis: false,
    });
    expect(summary.candidates).toBe(20);
    expect(summary.saves).toBeGreaterThan(40);
    expect(summary.errors).toBe(0);
    expect(summary.lostResponses).toBe(0);
    expect(summary.baselineRatio).toBeGreaterThan(0);
  }, 120_000);
});
