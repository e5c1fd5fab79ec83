import type { Blueprint } from './content/blueprint.ts';
import type { PoolItem } from './pool.ts';

/**
 * The pool file read by `npm run cat-sim -- --pool <file>`:
 *
 *   {
 *     "items": [
 *       { "id": "A1", "model": "2pl",  "a": 1.2, "b": -0.4, "topic": "Hàm số", "level": "nhận biết" },
 *       { "id": "A2", "model": "3pl",  "a": 0.9, "b": 0.3, "c": 0.2, "D": 1.702, "topic": "...", "level": "...",
 *         "enemies": ["A7"] },
 *       { "id": "A3", "model": "gpcm", "a": 1.0, "b": [-1, 0.2, 1.1], "topic": "...", "level": "..." },
 *       { "id": "A4", "model": "grm",  "a": 1.4, "b": [-1.5, 0, 1.2], "topic": "...", "level": "..." }
 *     ],
 *     "blueprint": {                       // optional: the ma trận đề
 *       "unit": "count",                   // or "proportion"
 *       "cells": [{ "topic": "Hàm số", "level": "nhận biết", "target": 4 }, ...]
 *     }
 *   }
 *
 * D defaults to 1 (logistic metric). "enemies" lists ids that must never share a test with the item
 * (the relation is made symmetric). GPCM steps and GRM thresholds give m + 1 categories 0..m;
 * GRM thresholds must increase.
 */
export interface PoolFile {
  items: PoolItem[];
  blueprint?: Blueprint;
}

/** Checks a parsed pool file and returns it typed; throws with the first problem found. */
export function readPoolFile(json: unknown): PoolFile {
  const file = json as Partial<PoolFile> | null;
  if (!file || !Array.isArray(file.items) || file.items.length === 0)
    throw new Error('pool file: "items" must be a non-empty array');
  file.items.forEach((item, n) => {
    const where = `pool file: item ${n} (${String(item?.id)})`;
    if (typeof item?.id !== 'string') throw new Error(`${where}: id must be a string`);
    if (!(typeof item.a === 'number' && item.a > 0)) throw new Error(`${where}: a must be a positive number`);
    if (item.model === '2pl' || item.model === '3pl') {
      if (typeof item.b !== 'number') throw new Error(`${where}: b must be a number`);
      if (item.model === '3pl' && !(item.c >= 0 && item.c < 1))
        throw new Error(`${where}: c must be in [0, 1)`);
    } else if (item.model === 'gpcm' || item.model === 'grm') {
      if (!Array.isArray(item.b) || item.b.length === 0 || !item.b.every((v) => typeof v === 'number'))
        throw new Error(`${where}: b must be a non-empty array of numbers`);
      if (item.model === 'grm' && item.b.some((v, k) => k > 0 && v <= item.b[k - 1]!))
        throw new Error(`${where}: GRM thresholds must increase`);
    } else throw new Error(`${where}: model must be 2pl, 3pl, gpcm or grm`);
  });
  return { items: file.items, ...(file.blueprint ? { blueprint: file.blueprint } : {}) };
}
