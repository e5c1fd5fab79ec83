/**
 * The simulated sitting (issue 21): what the proctor sees from a candidate who sits alone in front of the camera the
 * whole time. The labelled one-face images stand for the moments of a sitting: a random walk over them, each held
 * for a random time (exponential, `meanDwellSeconds`), frames at the monitor's pace (5 a second, the full pass with
 * tiles and objects every 2 s, the plain pass on the frames between), each frame decided by the same code as the
 * candidate page (`faceCountClass`, the count hold `createCountHold`, the frame reporter) and the device events
 * replayed through the incident rules (`createIncidentTracker`, default policy: "no face" after 5 s, "two faces"
 * after 2 s). Every "no face" or "two faces" incident is a false one, since the candidate never leaves nor has
 * company. A still image gives the same answer on every frame, so an image the detector gets wrong is wrong for as
 * long as it is held: this is harsher than a live camera, whose frames differ a little.
 *
 * The plain frames' analysis is derived from the full one: the faces the first pass found (not `tile`), no tile
 * or full-range findings, no objects.
 */
import { faceCountClass, DEFAULT_THRESHOLDS, type DetectorThresholds } from '../client/classify.ts';
import type { FrameAnalysis } from '../client/frame-analysis.ts';
import { createCountHold, createFrameReporter } from '../client/reporter.ts';
import type { DeviceEvent } from '../events.ts';
import { DEFAULT_POLICY, type ProctoringPolicy } from '../policy.ts';
import { createIncidentTracker } from '../rules.ts';
import { mulberry32 } from './seeded-random.ts';

export interface SittingOptions {
  /** Length of the simulated sitting, hours. */
  hours: number;
  /** Mean time one image (one moment of the candidate) is held, seconds. */
  meanDwellSeconds: number;
  seed: number;
  /** Monitor pace (defaults: detection-loop.ts). */
  frameIntervalMs?: number;
  fullIntervalMs?: number;
  policy?: ProctoringPolicy;
  thresholds?: DetectorThresholds;
}

export interface SittingReport {
  hours: number;
  meanDwellSeconds: number;
  frames: number;
  /** Share of frames reported as 0 faces / as 2+ faces (after the count hold). */
  noFaceFrames: number;
  multipleFaceFrames: number;
  noFaceIncidents: number;
  multipleFacesIncidents: number;
  noFacePerHour: number;
  multipleFacesPerHour: number;
}

/** What the plain pass (no tiles, no objects) saw in a frame whose full analysis is `a`. */
export function plainAnalysis(a: FrameAnalysis): FrameAnalysis {
  return { width: a.width, height: a.height, ms: a.ms, faces: a.faces.filter((f) => !f.tile), objects: [] };
}

/** Replays a sitting of one candidate alone over the analyses of one-face images (see the file comment). */
export function simulateSitting(analyses: FrameAnalysis[], options: SittingOptions): SittingReport {
  if (analyses.length === 0) throw new Error('simulateSitting needs at least one analysed image');
  const t = options.thresholds ?? DEFAULT_THRESHOLDS;
  const frameMs = options.frameIntervalMs ?? 200;
  const fullMs = options.fullIntervalMs ?? 2000;
  const random = mulberry32(options.seed);
  // Each image's two answers, decided once: the full pass and the plain pass.
  const full = analyses.map((a) => faceCountClass(a, t));
  const plain = analyses.map((a) => faceCountClass(plainAnalysis(a), t));
  const tracker = createIncidentTracker(options.policy ?? DEFAULT_POLICY);
  const hold = createCountHold();
  let events: DeviceEvent[] = [];
  const report = createFrameReporter((e) => events.push(e));
  const incidents = { no_face: 0, multiple_faces: 0 };
  const end = options.hours * 3_600_000;
  let image = 0;
  let until = -1;
  let lastFull = -Infinity;
  let lastBatch = 0;
  let frames = 0;
  let zero = 0;
  let many = 0;
  const flush = (now: number) => {
    for (const incident of tracker.ingest({ sentAt: now, events })) {
      if (incident.kind === 'no_face' || incident.kind === 'multiple_faces') incidents[incident.kind]++;
    }
    events = [];
    lastBatch = now;
  };
  for (let now = 0; now < end; now += frameMs) {
    if (now >= until) {
      image = Math.floor(random() * analyses.length);
      until = now + -Math.log(1 - random()) * options.meanDwellSeconds * 1000;
    }
    const isFull = now - lastFull >= fullMs;
    if (isFull) lastFull = now;
    const faces = hold(now, (isFull ? full : plain)[image] ?? 1, isFull);
    frames++;
    if (faces === 0) zero++;
    if (faces === 2) many++;
    report(now, { faces, pose: null });
    if (now - lastBatch >= 1000) flush(now);
  }
  flush(end);
  const perHour = (n: number) => Math.round((n / options.hours) * 100) / 100;
  return {
    hours: options.hours,
    meanDwellSeconds: options.meanDwellSeconds,
    frames,
    noFaceFrames: Math.round((zero / frames) * 10000) / 10000,
    multipleFaceFrames: Math.round((many / frames) * 10000) / 10000,
    noFaceIncidents: incidents.no_face,
    multipleFacesIncidents: incidents.multiple_faces,
    noFacePerHour: perHour(incidents.no_face),
    multipleFacesPerHour: perHour(incidents.multiple_faces),
  };
}
