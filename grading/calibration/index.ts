/**
 * @module grading/calibration
 * Item calibration for the bank (issue 23): 1PL/2PL/3PL and GPCM/GRM by marginal maximum
 * likelihood (Bock–Aitkin EM) from response matrices with missing data, item fit (infit, outfit,
 * Q1) and flags, and linking to the bank's scale (fixed anchors, mean/sigma, Stocking–Lord).
 * Pure: no I/O.
 */
export { estimateItems } from './estimate.ts';
export { itemFit, type ItemFit } from './fit.ts';
export {
  calibrationFlags,
  DEFAULT_CALIBRATION_THRESHOLDS,
  type CalibrationFlag,
  type CalibrationThresholds,
} from './flags.ts';
export { meanSigma, stockingLord, transformItem, type AnchorPair, type LinkingConstants } from './linking.ts';
export { calibrateItems, parseResponseCsv, type CalibrationReport } from './calibrate-items.ts';
export { simulateResponses, rmse, type SimulatedItem } from './simulate.ts';
export { chiSquareSurvival } from './chi-square.ts';
export { DICHOTOMOUS, type CalibrationModel } from './item-params.ts';
export type {
  CalibratedItem,
  Calibration,
  CalibrationItemSpec,
  EstimationOptions,
  Priors,
  ResponseMatrix,
} from './types.ts';
export { matrixFromHistory, type HistoryMatrix } from './from-history.ts';
export {
  estimateAndLink,
  LINK_METHODS,
  LinkingError,
  type LinkMethod,
  type Linking,
} from './estimate-and-link.ts';
