/**
 * Turns per-frame decisions and audio levels into state-change events (what `proctor:events` carries): an event
 * only when something changes, so a quiet exam sends almost nothing. Pure and clock-injected, for tests.
 */
import type { DeviceEvent, FaceCount, HeadPose, WatchedObject } from '../events.ts';

export interface FrameDecision {
  faces: FaceCount;
  pose: HeadPose | null;
  yaw?: number;
  pitch?: number;
  /** Present only on frames where object detection ran. */
  objects?: WatchedObject[];
}

export function createFrameReporter(emit: (e: DeviceEvent) => void) {
  let faces: FaceCount | null = null;
  let pose: HeadPose | null = null;
  const present = new Set<WatchedObject>();
  return (at: number, d: FrameDecision) => {
    if (d.faces !== faces) {
      faces = d.faces;
      emit({ kind: 'faces', at, count: d.faces });
      if (d.faces !== 1) pose = null;
    }
    if (d.faces === 1 && d.pose && d.pose !== pose) {
      pose = d.pose;
      emit({
        kind: 'pose',
        at,
        pose: d.pose,
        ...(d.yaw === undefined ? {} : { yaw: Math.round(d.yaw) }),
        ...(d.pitch === undefined ? {} : { pitch: Math.round(d.pitch) }),
      });
    }
    if (d.objects) {
      for (const object of ['phone', 'book'] as const) {
        const seen = d.objects.includes(object);
        if (seen !== present.has(object)) {
          if (seen) present.add(object);
          else present.delete(object);
          emit({ kind: 'object', at, object, present: seen });
        }
      }
    }
  };
}

/** How long a count from a frame with tiles or objects stands for the plain frames after it (past the next one). */
export const TILE_HOLD_MS = 3500;

/**
 * The count the monitor reports for a frame: the second pass on tiles (every two seconds) and object detection
 * (people, every few seconds) see more than the plain frames between them, so those frames keep such a frame's
 * count for `holdMs` where it is higher, and a distant second face or person does not flicker in and out of the
 * reports. "Two or more" is held once two full frames in a row agree on it; a lone full frame's count is its own. `full`: the frame had the tile pass or objects. Shared by the monitor and the simulated sitting.
 */
export function createCountHold(holdMs = TILE_HOLD_MS) {
  let held: FaceCount = 0;
  let heldAt = -Infinity;
  let lastFull: FaceCount | undefined;
  return (now: number, faces: FaceCount, full: boolean): FaceCount => {
    if (full) {
      // "Two or more" stands for the plain frames only when two full frames in a row saw it: held for longer than
      // the "two faces" rule waits, one wrong tile frame would otherwise always become an incident.
      held = faces === 2 && lastFull !== 2 ? 1 : faces;
      lastFull = faces;
      heldAt = now;
      return faces;
    }
    return now - heldAt < holdMs && held > faces ? held : faces;
  };
}

/**
 * Speech-level sound with hysteresis: on after `onSamples` loud samples in a row (RMS >= `onLevel`), off after
 * `offSamples` quiet ones (RMS < `offLevel`), so a cough or a chair is not speech.
 */
export function createSpeechGate(
  emit: (e: DeviceEvent) => void,
  { onLevel = 0.04, offLevel = 0.02, onSamples = 4, offSamples = 8 } = {},
) {
  let speaking = false;
  let run = 0;
  return (at: number, rms: number) => {
    const loud = speaking ? rms >= offLevel : rms >= onLevel;
    run = loud === speaking ? 0 : run + 1;
    if (run >= (speaking ? offSamples : onSamples)) {
      speaking = !speaking;
      run = 0;
      emit({ kind: 'audio', at, speech: speaking, level: Math.min(1, Math.round(rms * 1000) / 1000) });
    }
  };
}
