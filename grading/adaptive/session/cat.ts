import { blueprintShares } from '../content/blueprint.ts';
import { cellOf, preparePool, type PoolItem, type PreparedPool } from '../pool.ts';
import { stratify } from '../selection/a-stratified.ts';
import type { CatConfig } from './config.ts';

/** A pool and a configuration with everything derived from them once (strata, blueprint shares). */
export interface Cat {
  pool: PreparedPool;
  config: CatConfig;
  cells: readonly string[];
  shares: { cell: string; share: number }[] | null;
  strata: readonly number[] | null;
  /** Whether each pool item lies in a blueprint cell (all true without a blueprint). */
  inBlueprint: Uint8Array;
}

export function createCat(items: readonly PoolItem[], config: CatConfig): Cat {
  if (config.stop.minItems > config.stop.maxItems)
    throw new Error('stop.minItems is larger than stop.maxItems');
  if (config.exposure.kind === 'randomesque' && !(config.exposure.k >= 1))
    throw new Error('randomesque k must be >= 1');
  const pool = preparePool(items);
  const cells = items.map(cellOf);
  const shares = config.blueprint ? blueprintShares(config.blueprint) : null;
  const blueprintCells = new Set(shares?.map((s) => s.cell));
  return {
    pool,
    config,
    cells,
    shares,
    inBlueprint: Uint8Array.from(cells, (c) => (shares === null || blueprintCells.has(c) ? 1 : 0)),
    strata: config.selector === 'a-stratified' ? stratify(items, config.strata ?? 4) : null,
  };
}
