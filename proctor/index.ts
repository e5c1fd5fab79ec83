/**
 * @module proctor (server side)
 *
 * Incident rules over the events a candidate's device reports, sitting policies, and the per-candidate risk score.
 * The browser side (detectors and monitors) is `proctor/client.ts`.
 */
export type {
  DeviceEvent,
  DeviceEventBatch,
  DeviceEventKind,
  FaceCount,
  HeadPose,
  IdentityResult,
  WatchedObject,
} from './events.ts';
export { INCIDENT_KINDS, SEVERITY, type Incident, type IncidentKind, type Severity } from './incidents.ts';
export { DEFAULT_POLICY, proctoringEnabled, proctoringPolicyOf, type ProctoringPolicy } from './policy.ts';
export { createIncidentTracker, type IncidentTracker } from './rules.ts';
export { deviceEventOfSecurityEvent } from './security-events.ts';
export { riskScore, SEVERITY_WEIGHT, type Risk, type RiskReason } from './risk.ts';
export { EXTRA_MODEL_FILES, proctorAssetDirs, proctorAssetType } from './assets.ts';
