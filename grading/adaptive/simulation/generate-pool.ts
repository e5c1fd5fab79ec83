import type { Blueprint } from '../content/blueprint.ts';
import type { PoolItem } from '../pool.ts';
import { normalDraw } from '../rng.ts';
import { seededRandom } from '../../processing/seeded-random.ts';

/** Topics and cognitive levels of generated pools, and each cell's share of pool and blueprint. */
export const GENERATED_TOPICS = ['T1', 'T2', 'T3', 'T4'];
export const GENERATED_LEVELS: { level: string; share: number }[] = [
  { level: 'nhận biết', share: 0.4 },
  { level: 'thông hiểu', share: 0.4 },
  { level: 'vận dụng', share: 0.2 },
];

/** The blueprint of generated pools: topics equal, levels 40 / 40 / 20 %, as proportions. */
export function generatedBlueprint(): Blueprint {
  return {
    unit: 'proportion',
    cells: GENERATED_TOPICS.flatMap((topic) =>
      GENERATED_LEVELS.map(({ level, share }) => ({ topic, level, target: share / GENERATED_TOPICS.length })),
    ),
  };
}

/**
 * A seeded 2PL pool in the normal-ogive metric (each item says D = 1.702): a = exp(N(0, 0.3²))
 * (median 1, 95 % within 0.56–1.8), b ~ U(-3, 3) so the pool spans the ability range. Cells are
 * filled in proportion to the blueprint (item i goes to the cell whose cumulative share first
 * reaches (i + ½)/n); count/20 enemy pairs join random items.
 */
export function generatePool(count: number, seed: number): PoolItem[] {
  const rng = seededRandom(seed);
  const cells = generatedBlueprint().cells;
  const cumulative: number[] = [];
  let acc = 0;
  for (const c of cells) cumulative.push((acc += c.target));
  const items: PoolItem[] = Array.from({ length: count }, (_, i) => {
    const position = (i + 0.5) / count;
    const cell =
      cells[
        Math.max(
          0,
          cumulative.findIndex((c) => position <= c + 1e-12),
        )
      ]!;
    const a = Math.exp(0.3 * normalDraw(rng));
    const b = -3 + 6 * rng();
    const id = `I${String(i + 1).padStart(3, '0')}`;
    return { id, model: '2pl', a: round(a), b: round(b), D: 1.702, topic: cell.topic, level: cell.level };
  });
  for (let pair = 0; pair < Math.floor(count / 20); pair++) {
    const x = Math.floor(rng() * count);
    const y = Math.floor(rng() * count);
    if (x === y) continue;
    (items[x]!.enemies ??= []).push(items[y]!.id);
  }
  return items;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
