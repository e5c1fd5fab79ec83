import type { Blueprint } from '../content/blueprint.ts';
import type { EstimatorName } from '../estimators/estimate.ts';
import type { EstimatorOptions } from '../estimators/options.ts';
import type { ExposureControl } from '../exposure/exposure.ts';
import type { StopRule } from '../stopping/stop-rule.ts';

export type SelectorName = 'mfi' | 'kl' | 'a-stratified';

/** Everything that decides a CAT's choices; a replay must be given the same configuration. */
export interface CatConfig {
  estimator: EstimatorName;
  estimatorOptions?: EstimatorOptions;
  selector: SelectorName;
  /** KL interval half-width is z / √n; default 3. */
  klZ?: number;
  /** a-stratification: number of strata; default 4. */
  strata?: number;
  exposure: ExposureControl;
  blueprint?: Blueprint;
  stop: StopRule;
  /** How many ranked candidates each decision writes to the log (beyond those the exposure draw looked at); default 10. */
  logCandidates?: number;
}

export const DEFAULT_CONFIG: CatConfig = {
  estimator: 'eap',
  selector: 'mfi',
  exposure: { kind: 'none' },
  stop: { minItems: 5, maxItems: 30, se: 0.3 },
};
