import { describe, expect, it } from 'vitest';
import { runLoad, targetRows } from './run.ts';

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
      generatorNice: 0,
    });
    expect(summary.candidates).toBe(20);
    expect(summary.saves).toBeGreaterThan(40);
    expect(summary.errors).toBe(0);
    expect(summary.lostResponses).toBe(0);
    expect(summary.baselineRatio).toBeGreaterThan(0);
    // CPU per operation is fitted from the engine's and the echo server's CPU per second (a 20-candidate
    // run is too small for the figure to mean much: cpu-per-operation.test.ts checks the fit itself).
    expect(summary.engineUsPerSave).toBeGreaterThanOrEqual(0);
    expect(summary.echoUsPerAck).toBeGreaterThanOrEqual(0);
  }, 300_000);

  it('says which targets a run met and by how much it missed the others', () => {
    const rows = targetRows(
      { checkInS: 74.4, saveAckMs: { p99: 117 }, errors: 0, lostResponses: 0, baselineRatio: 0.485 },
      { ramp: 60 },
    );
    expect(rows.map((r) => r.verdict)).toEqual([
      'met',
      'missed by 134 %',
      'met',
      'met',
      'missed by 11.5 points',
    ]);
    expect(
      targetRows(
        {
          checkInS: 90,
          saveAckMs: { p99: 45 },
          errors: 3,
          lostResponses: 0,
          baselineRatio: 0.8,
          engineUsPerSave: 400,
          echoUsPerAck: 100,
        },
        { ramp: 20 },
      ).map((r) => r.verdict),
    ).toEqual(['missed by 13 %', 'met', 'missed', 'met', 'met', 'missed by 33 %']);
  });
});
