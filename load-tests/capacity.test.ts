import { describe, expect, it } from 'vitest';
import { plan, type Costs } from './capacity.ts';

const cost = (checkInUs: number, saveUs: number, submitUs = 0) => ({
  checkInUs,
  fetchUs: 0,
  saveUs,
  submitUs,
  idleMsPerS: 0,
  seconds: 100,
  r2: 0.9,
});

describe('capacity model', () => {
  const costs: Costs = {
    engine: cost(2000, 150, 500),
    postgres: cost(500, 60, 200),
    redis: cost(0, 20),
    engineWithAdapter: cost(2200, 180, 600),
    rssMbPerCandidate: 0.1,
  };

  it('sizes each component from rates times measured costs at the worst phase', () => {
    const p = plan(100_000, costs);
    // Saves alone: 100,000 / 15 s = 6,667/s; the submit storm adds 1,667 submits/s.
    expect(Math.round(p.peak.savesPerS)).toBe(6667);
    // Engine with the adapter: check-in phase 333/s × 2.2 ms + 6,667/s × 0.18 ms = 1.93 cores;
    // submit storm 6,667 × 0.18 ms + 1,667 × 0.6 ms = 2.2 cores — the storm is the peak, at 60 % load.
    expect(p.peak.phase).toMatch(/submit storm/);
    expect(p.engineCores).toBeCloseTo(2.2 / 0.6, 1);
    expect(p.engines).toBe(4);
    expect(p.postgresCores).toBeCloseTo((6667 * 60 + 1667 * 200) / 1e6 / 0.6, 1);
    expect(p.bottleneck).toMatch(/^none reached/);
  });

  it('names the single-machine part that runs out first', () => {
    const p = plan(1_000_000, costs);
    // Redis: 66,667 saves/s × 20 µs = 1.33 cores / 0.6 > one thread.
    expect(p.redisCores).toBeGreaterThan(1);
    expect(p.bottleneck).toMatch(/Redis adapter fan-out/);
  });

  it('counts engines for the check-in rate and names check-in when it needs more engines than CPU', () => {
    // 1,000,000 over 10 min at 2x in the busiest minute: 3,333 check-ins/s; 50 per engine: 67 engines.
    const p = plan(1_000_000, { ...costs, redis: cost(0, 1), checkInsPerSPerEngine: 50, checkInPaced: true });
    expect(p.enginesForCheckIn).toBe(67);
    expect(p.engines).toBeLessThan(67);
    expect(p.bottleneck).toMatch(/^check-in: 67 engines .* lower bound/);
  });

  it('needs no Redis with one engine', () => {
    expect(plan(1_000, costs).redisCores).toBe(0);
  });
});
