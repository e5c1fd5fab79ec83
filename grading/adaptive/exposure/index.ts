/** @module grading/adaptive/exposure — randomesque and Sympson–Hetter exposure control. */
export type { ExposureControl } from './exposure.ts';
export { applyExposure, type ExposureOutcome } from './apply.ts';
export {
  calibrateSympsonHetter,
  type SympsonHetterOptions,
  type SympsonHetterCalibration,
} from './sympson-hetter.ts';
