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

/** How many frames in a row must agree on a new count before it is reported (see createCountHold). */
export const AGREEING_FRAMES = 2;

/**
 * The count the monitor reports for a frame, in two steps. Shared by the monitor and the simulated sitting.
 *
 * 1. The hold: the second pass on tiles (every two seconds) and object detection (people, every few seconds) see
 *    more than the plain frames between them, so those frames keep such a frame's count for `holdMs` where it is
 *    higher, and a distant second face or person does not flicker in and out of the reports. "Two or more" is held
 *    only once two full frames in a row agree on it: held for longer than the "two faces" rule waits, one wrong
 *    tile frame would otherwise always become an incident. `full`: the frame had the tile pass or objects.
 * 2. Temporal agreement: a count other than the one reported now is reported only once `agree` frames in a row
 *    (after the hold) give it; until then the reported count stands. So one frame that misses the face, or sees a
 *    second one, never starts a "no face" or "two faces" episode: every such incident rests on at least two frames
 *    that agree, even when frames are far apart (a slow device backs off; the rules' delay is time, not frames).
 *    The first frame of a sitting is reported as it is (nothing was reported before it).
 */
export function createCountHold(holdMs = TILE_HOLD_MS, agree = AGREEING_FRAMES) {
  let held: FaceCount = 0;
  let heldAt = -Infinity;
  let lastFull: FaceCount | undefined;
  let reported: FaceCount | undefined;
  let candidate: FaceCount | undefined;
  let run = 0;
  const agreed = (faces: FaceCount): FaceCount => {
    if (reported === undefined || faces === reported) {
      reported = faces;
      run = 0;
      return faces;
    }
    run = faces === candidate ? run + 1 : 1;
    candidate = faces;
    if (run >= agree) {
      reported = faces;
      run = 0;
    }
    return reported;
  };
  return (now: number, faces: FaceCount, full: boolean): FaceCount => {
    if (full) {
      held = faces === 2 && lastFull !== 2 ? 1 : faces;
      lastFull = faces;
      heldAt = now;
      return agreed(faces);
    }
    return agreed(now - heldAt < holdMs && held > faces ? held : faces);
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
