import { eapEstimate } from './eap.ts';
import { mapEstimate } from './map.ts';
import { mleEstimate } from './mle.ts';
import type { AbilityEstimate, ScoredResponse } from './response.ts';
import type { EstimatorOptions } from './options.ts';
import { wleEstimate } from './wle.ts';

export type EstimatorName = 'mle' | 'map' | 'eap' | 'wle';

/** Estimates ability with the named method. */
export function estimateTheta(
  method: EstimatorName,
  responses: readonly ScoredResponse[],
  options?: EstimatorOptions,
): AbilityEstimate {
  switch (method) {
    case 'mle':
      return mleEstimate(responses, options);
    case 'map':
      return mapEstimate(responses, options);
    case 'eap':
      return eapEstimate(responses, options);
    case 'wle':
      return wleEstimate(responses, options);
  }
}
