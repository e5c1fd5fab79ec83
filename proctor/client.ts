/**
 * @module proctor/client (browser side)
 *
 * On-device detectors (Human on the TensorFlow.js wasm backend, models and wasm from the engine's own URLs, run in
 * a dedicated worker with a main-thread fallback), frame classification, the proctoring monitor (camera, microphone
 * and browser monitors, sending only events) and the identity check and incident snapshots (only where the sitting
 * allows them). Imports no other top-level folder.
 */
export { startMonitor, type MonitorOptions, type ProctorMonitor } from './client/monitor.ts';
export { createDetectionWorker, workerDetectionSupported } from './client/worker-detector.ts';
export { checkIdentity, loadPhoto } from './client/identity.ts';
export { captureSnapshot, snapshotWorthy } from './client/snapshot.ts';
/** `createDetector` is loaded on demand (`import('proctor/client/detector.ts')`), keeping Human out of the main chunk. */
export type { Detector, FrameSource } from './client/detector.ts';
export {
  DEFAULT_THRESHOLDS,
  acceptedFaces,
  faceCountClass,
  headPose,
  mainFace,
  watchedObjects,
  type DetectorThresholds,
} from './client/classify.ts';
export { ENGINE_ASSET_URLS, humanConfig, type AssetUrls } from './client/human-config.ts';
export type { FrameAnalysis, DetectedFace, DetectedObject } from './client/frame-analysis.ts';
export { createFrameReporter, createSpeechGate } from './client/reporter.ts';
export type { DeviceEvent, DeviceEventBatch } from './events.ts';
