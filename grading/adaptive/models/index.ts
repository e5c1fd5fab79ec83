/** @module grading/adaptive/models — item response models with probabilities and information. */
export type { ItemModel, TwoPl, ThreePl, Gpcm, Grm, Category, CategoryCurves } from './item.ts';
export { categoryCount } from './item.ts';
export { probabilityCorrect, dichotomousInformation } from './dichotomous.ts';
export { curves, categoryProbabilities, information, logProbability } from './curves.ts';
