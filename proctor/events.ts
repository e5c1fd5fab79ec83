/**
 * What the candidate's device reports: state changes seen by the detectors and the browser monitors, each with
 * the device's own clock (epoch ms). No pixels and no sound ever: only these small records travel.
 * The engine's zod schema of the same shape is `DeviceEventBatch` in engine/protocol/candidate.ts.
 */

export type FaceCount = 0 | 1 | 2;
export type HeadPose = 'frontal' | 'turned' | 'down';
export type WatchedObject = 'phone' | 'book';
export type IdentityResult = 'match' | 'mismatch' | 'no_photo' | 'no_face' | 'unavailable';

export type DeviceEvent =
  /** Faces in view changed: 0, 1, or 2 meaning two or more. */
  | { kind: 'faces'; at: number; count: FaceCount }
  /** Head pose of the candidate's face changed (sent while exactly one face is in view). */
  | { kind: 'pose'; at: number; pose: HeadPose; yaw?: number; pitch?: number }
  /** A phone or a book came into view or left it. */
  | { kind: 'object'; at: number; object: WatchedObject; present: boolean; score?: number }
  /** Speech-level sound started or stopped (Web Audio on the device; no sound leaves it). */
  | { kind: 'audio'; at: number; speech: boolean; level?: number }
  | { kind: 'focus'; at: number; focused: boolean }
  | { kind: 'visibility'; at: number; visible: boolean }
  | { kind: 'fullscreen'; at: number; active: boolean }
  | { kind: 'clipboard'; at: number; action: 'copy' | 'cut' | 'paste' }
  /** `screen.isExtended`: a second screen is attached. */
  | { kind: 'screen'; at: number; extended: boolean }
  | { kind: 'devtools'; at: number; open: boolean }
  /** Identity check at check-in: the face descriptor compared on the device with the roster photo. */
  | { kind: 'identity'; at: number; result: IdentityResult; similarity?: number }
  /** Camera or microphone could not be used (denied, missing, stopped). */
  | { kind: 'camera'; at: number; available: boolean; reason?: string }
  /** The monitor's own pace, so the proctor can tell a slow device from a blind one. */
  | { kind: 'monitor'; at: number; fps: number };

export type DeviceEventKind = DeviceEvent['kind'];

/** One batch as sent over the candidate socket; `sentAt` is the device's "now" when it was sent. */
export interface DeviceEventBatch {
  sentAt: number;
  events: DeviceEvent[];
}
