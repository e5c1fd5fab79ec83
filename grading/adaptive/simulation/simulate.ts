import { normalDraw, type Rng } from '../rng.ts';
import { seededRandom } from '../../processing/seeded-random.ts';
import type { Cat } from '../session/cat.ts';
import type { CatSession } from '../session/decision.ts';
import { catMetrics, type CatMetrics, type SimulatedRun } from './metrics.ts';
import { simulatedResponse } from './respond.ts';
import { runCat } from './run-cat.ts';

export interface SimulationOptions {
  simulees: number;
  seed: number;
  /** Called after each simulee (for timing or keeping logs); the engine itself keeps nothing. */
  onSession?: (session: CatSession, trueTheta: number) => void;
}

export interface Simulation {
  runs: SimulatedRun[];
  metrics: CatMetrics;
}

/** True abilities of the simulees: N(0, 1) from the seed. */
export function simulatedThetas(count: number, rng: Rng): number[] {
  return Array.from({ length: count }, () => normalDraw(rng));
}

/**
 * Runs the CAT for simulees with θ ~ N(0, 1). One seeded stream gives the thetas, each
 * simulee's CAT seed and the responses, so the same seed gives the same simulation.
 */
export function simulate(cat: Cat, options: SimulationOptions): Simulation {
  const rng = seededRandom(options.seed);
  const thetas = simulatedThetas(options.simulees, rng);
  const runs = thetas.map((trueTheta) => {
    const catSeed = Math.floor(rng() * 2 ** 32);
    const session = runCat(cat, catSeed, (id) =>
      simulatedResponse(cat.pool.items[cat.pool.indexOf.get(id)!]!, trueTheta, rng),
    );
    options.onSession?.(session, trueTheta);
    const last = session.decisions[session.decisions.length - 1]!;
    return {
      trueTheta,
      theta: last.estimate.theta,
      se: last.estimate.se,
      items: session.responses.map((r) => r.itemId),
    };
  });
  return { runs, metrics: catMetrics(runs) };
}
