import type { Cat } from '../session/cat.ts';
import { createCat } from '../session/cat.ts';
import { simulate } from '../simulation/simulate.ts';

export interface SympsonHetterOptions {
  /** Target largest exposure rate r_max. */
  rMax: number;
  /** Simulees per iteration. */
  simulees: number;
  iterations: number;
  seed: number;
}

export interface SympsonHetterCalibration {
  k: Record<string, number>;
  /** Largest selection and administration rates seen in each iteration. */
  history: { iteration: number; maxSelection: number; maxExposure: number }[];
}

/**
 * Sets the Sympson & Hetter (1985) exposure parameters by simulation. Start with K_i = 1; each
 * iteration simulates the CAT with the current K, counts P(S_i), the share of simulees for whom
 * item i came up for its lottery, and sets K_i = r_max / P(S_i) where P(S_i) > r_max, else 1.
 * Administration rate P(A_i) = P(S_i) K_i is then kept at or below r_max. Each iteration uses its
 * own seed (seed + iteration) so the parameters do not fit one sample of simulees.
 */
export function calibrateSympsonHetter(cat: Cat, options: SympsonHetterOptions): SympsonHetterCalibration {
  let k: Record<string, number> = Object.fromEntries(cat.pool.items.map((item) => [item.id, 1]));
  const history: SympsonHetterCalibration['history'] = [];
  for (let iteration = 1; iteration <= options.iterations; iteration++) {
    const current = createCat(cat.pool.items, { ...cat.config, exposure: { kind: 'sympson-hetter', k } });
    const selected = new Map<string, number>();
    const { metrics } = simulate(current, {
      simulees: options.simulees,
      seed: options.seed + iteration,
      onSession: (session) => {
        for (const d of session.decisions)
          for (const c of d.candidates.slice(0, d.draws.length))
            selected.set(c.id, (selected.get(c.id) ?? 0) + 1);
      },
    });
    let maxSelection = 0;
    const next: Record<string, number> = {};
    for (const item of cat.pool.items) {
      const ps = (selected.get(item.id) ?? 0) / options.simulees;
      maxSelection = Math.max(maxSelection, ps);
      next[item.id] = ps > options.rMax ? options.rMax / ps : 1;
    }
    history.push({ iteration, maxSelection, maxExposure: metrics.maxExposure });
    k = next;
  }
  return { k, history };
}
