/** Seeded shuffles for form assembly; the PRNG is the grading engine's, so one seed reproduces everything. */
import { seededRandom } from '../../grading/index.ts';

export { seededRandom };

/** Fisher-Yates shuffle with the given source of randomness; returns a new array. */
export function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
