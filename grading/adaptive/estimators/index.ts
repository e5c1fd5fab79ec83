/** @module grading/adaptive/estimators — ability estimation (MLE, MAP, EAP, WLE) with SEs. */
export type { ScoredResponse, AbilityEstimate } from './response.ts';
export type { EstimatorOptions } from './options.ts';
export { likelihoodTerms, logLikelihood, type LikelihoodTerms } from './likelihood.ts';
export { patternKind } from './pattern.ts';
export { mleEstimate } from './mle.ts';
export { mapEstimate } from './map.ts';
export { eapEstimate } from './eap.ts';
export { wleEstimate } from './wle.ts';
export { estimateTheta, type EstimatorName } from './estimate.ts';
