/** @module grading/adaptive/selection — item selection criteria. */
export { fisherCriterion } from './fisher.ts';
export { klCriterion } from './kullback-leibler.ts';
export { stratify, currentStratum, bMatchCriterion, itemLocation } from './a-stratified.ts';
