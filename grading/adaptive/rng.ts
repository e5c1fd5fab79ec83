import { seededRandom } from '../processing/seeded-random.ts';

/** A uniform [0, 1) generator; the engine never calls Math.random. */
export type Rng = () => number;

/**
 * The session's generator positioned after `used` draws, so a session resumed from its stored
 * state (seed and draw count) continues the same sequence on any node.
 */
export function rngAfter(seed: number, used: number): Rng {
  const rng = seededRandom(seed);
  for (let i = 0; i < used; i++) rng();
  return rng;
}

/** A standard normal draw (Box–Muller; uses two uniforms). */
export function normalDraw(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
