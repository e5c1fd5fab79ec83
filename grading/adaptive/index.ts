/**
 * @module grading/adaptive
 * Computerized adaptive testing, pure and seeded: item models (2PL, 3PL, GPCM, GRM), ability
 * estimation (MLE, MAP, EAP, WLE), selection (maximum information, KL, a-stratification),
 * exposure control (randomesque, Sympson–Hetter), blueprint cells and enemy items, stopping
 * (SE, length, SPRT), a decision log that replays exactly, and the simulation behind `npm run cat-sim`.
 */
export * from './models/index.ts';
export * from './estimators/index.ts';
export * from './selection/index.ts';
export * from './exposure/index.ts';
export * from './content/index.ts';
export * from './stopping/index.ts';
export * from './session/index.ts';
export * from './simulation/index.ts';
export { preparePool, cellOf, type PoolItem, type PreparedPool } from './pool.ts';
export { readPoolFile, type PoolFile } from './pool-file.ts';
export { rngAfter, normalDraw, type Rng } from './rng.ts';
