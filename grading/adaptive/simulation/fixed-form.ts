import { normalQuadrature } from '../../analysis/irt.ts';
import { neediestCell } from '../content/blueprint.ts';
import { resolved } from '../estimators/options.ts';
import { information, logProbability } from '../models/curves.ts';
import { categoryCount } from '../models/item.ts';
import { seededRandom } from '../../processing/seeded-random.ts';
import type { Cat } from '../session/cat.ts';
import { squaredCorrelation } from './metrics.ts';
import { simulatedResponse } from './respond.ts';

/**
 * The fixed form a pool would offer: items in order of information at θ = 0, taken cell by cell
 * with the same largest-deficit rule as the CAT when a blueprint is set, never two enemies.
 * A form of length L is the first L items.
 */
export function fixedFormOrder(cat: Cat): number[] {
  const { items, enemiesOf } = cat.pool;
  const byInfo = items
    .map((item, i) => ({ i, info: information(item, 0) }))
    .sort((x, y) => y.info - x.info || x.i - y.i);
  const order: number[] = [];
  const barred = new Set<number>();
  const taken = new Set<number>();
  const inBlueprint = cat.shares ? new Set(cat.shares.map((s) => s.cell)) : null;
  const open = () =>
    byInfo.filter(
      ({ i }) => !taken.has(i) && !barred.has(i) && (!inBlueprint || inBlueprint.has(cat.cells[i]!)),
    );
  for (;;) {
    let candidates = open();
    if (candidates.length === 0) return order;
    if (cat.shares) {
      const present = new Set(candidates.map(({ i }) => cat.cells[i]!));
      const cell = neediestCell(
        cat.shares,
        order.map((i) => cat.cells[i]!),
        (c) => present.has(c),
      );
      candidates = candidates.filter(({ i }) => cat.cells[i] === cell);
    }
    const next = candidates[0]!.i;
    order.push(next);
    taken.add(next);
    for (const j of enemiesOf[next]!) barred.add(j);
  }
}

export interface FixedFormComparison {
  /** Shortest fixed form whose reliability reaches the target, or null if the whole form does not. */
  fixedFormItems: number | null;
  fixedFormReliability: number | null;
  /** CAT mean length divided by that fixed length. */
  catToFixedRatio: number | null;
}

/**
 * Scores the same simulees (their true θ) on ever longer prefixes of the fixed form, by EAP with
 * the CAT's prior and quadrature, and finds the first length whose squared correlation with the
 * true θ reaches `targetReliability`. Responses come from their own seeded stream.
 */
export function compareWithFixedForm(
  cat: Cat,
  trueThetas: readonly number[],
  targetReliability: number,
  catMeanItems: number,
  seed: number,
): FixedFormComparison {
  const order = fixedFormOrder(cat);
  const { prior, quadrature } = resolved(cat.config.estimatorOptions);
  const quad = normalQuadrature(quadrature.points, quadrature.range);
  const nodes = quad.nodes.map((x) => prior.mean + prior.sd * x);
  const Q = nodes.length;
  const logPost = trueThetas.map(() => Float64Array.from(quad.weights, Math.log));
  const rng = seededRandom(seed);
  const estimates = new Array<number>(trueThetas.length);
  for (let L = 1; L <= order.length; L++) {
    const item = cat.pool.items[order[L - 1]!]!;
    const lp = Array.from({ length: categoryCount(item) }, (_, k) =>
      nodes.map((t) => logProbability(item, k, t)),
    );
    trueThetas.forEach((theta, s) => {
      const u = simulatedResponse(item, theta, rng);
      const row = logPost[s]!;
      const add = lp[u]!;
      let top = -Infinity;
      for (let q = 0; q < Q; q++) {
        row[q] = row[q]! + add[q]!;
        if (row[q]! > top) top = row[q]!;
      }
      let sum = 0;
      let first = 0;
      for (let q = 0; q < Q; q++) {
        const w = Math.exp(row[q]! - top);
        sum += w;
        first += w * nodes[q]!;
      }
      estimates[s] = first / sum;
    });
    const reliability = squaredCorrelation(trueThetas, estimates);
    if (reliability >= targetReliability)
      return { fixedFormItems: L, fixedFormReliability: reliability, catToFixedRatio: catMeanItems / L };
  }
  return { fixedFormItems: null, fixedFormReliability: null, catToFixedRatio: null };
}
