/** @module grading/adaptive/content — blueprint cells and enemy items. */
export { blueprintShares, neediestCell, type Blueprint } from './blueprint.ts';
export { barredByEnemies } from './enemies.ts';
