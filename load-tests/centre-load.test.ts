/**
 * The centre load mode (issue 22): virtual candidates on a real centre node process, synced to a real
 * central engine process; every acknowledged save is on the centre and, after the sync, centrally.
 * PGlite for both, or a PostgreSQL database each when DATABASE_URL is set.
 */
import { describe, expect, it } from 'vitest';
import { runCentreLoad } from './centre-run.ts';

describe('the centre load run', () => {
  it('drives candidates through a centre node and finds every acknowledged save on both engines', async () => {
    const summary = await runCentreLoad({
      candidates: 20,
      ramp: 2,
      duration: 8,
      saveEvery: 1,
      dropRate: 0.1,
      burst: 2,
      engines: 1,
      workers: 1,
      postgres: Boolean(process.env.DATABASE_URL),
      redis: false,
      generatorNice: 0,
      centre: true,
    });
    expect(summary.saves).toBeGreaterThan(100);
    expect(summary.errors).toBe(0);
    expect(summary.lostAtCentre).toBe(0);
    expect(summary.lostAtCentral).toBe(0);
    // The whole chain reached the central engine: every save, event and submit, each once.
    expect(summary.chain.localSeq).toBeGreaterThan(summary.saves);
    expect(summary.chain.centralSeq).toBe(summary.chain.localSeq);
  }, 300_000);
});
