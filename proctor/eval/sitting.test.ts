/** The simulated sitting: replays one-face analyses through the monitor's count rules and the incident rules. */
import { describe, expect, it } from 'vitest';
import type { DetectedFace, FrameAnalysis } from '../client/frame-analysis.ts';
import { plainAnalysis, simulateSitting } from './sitting.ts';

const face = (x: number, tile = false): DetectedFace => ({
  boxScore: 0.9,
  meshScore: 0.95,
  box: [x, 100, 120, 120],
  yaw: 0,
  pitch: 0,
  roll: 0,
  noseOffsetX: 0,
  noseDropY: 0.35,
  ...(tile ? { tile } : {}),
});
const frame = (faces: DetectedFace[]): FrameAnalysis => ({
  width: 640,
  height: 480,
  faces,
  objects: [],
  ms: 1,
});
const seen = frame([face(200)]);
const missed = frame([]);
const twice = frame([face(100), face(400)]);

describe('simulated sitting', () => {
  it('raises nothing when every image is counted as one face', () => {
    const r = simulateSitting([seen, seen], { hours: 2, meanDwellSeconds: 5, seed: 1 });
    expect(r.frames).toBe(2 * 3600 * 5);
    expect(r).toMatchObject({ noFaceIncidents: 0, multipleFacesIncidents: 0, noFaceFrames: 0 });
  });

  it("turns an image held past the rules' delay into a false incident, and is the same on every run", () => {
    const options = { hours: 10, meanDwellSeconds: 5, seed: 7 };
    const r = simulateSitting([seen, seen, seen, missed, twice], options);
    expect(r.noFaceIncidents).toBeGreaterThan(0);
    expect(r.multipleFacesIncidents).toBeGreaterThan(r.noFaceIncidents); // "two faces" waits 2 s, "no face" 5 s
    expect(r.noFaceFrames).toBeGreaterThan(0.1);
    expect(r.noFaceFrames).toBeLessThan(0.3);
    expect(r.noFacePerHour).toBe(Math.round((r.noFaceIncidents / 10) * 100) / 100);
    expect(simulateSitting([seen, seen, seen, missed, twice], options)).toEqual(r);
  });

  it('short moments stay under the delay: fewer incidents than long ones', () => {
    const images = [seen, seen, seen, seen, missed];
    const short = simulateSitting(images, { hours: 10, meanDwellSeconds: 0.5, seed: 3 });
    const long = simulateSitting(images, { hours: 10, meanDwellSeconds: 10, seed: 3 });
    expect(short.noFaceIncidents).toBeLessThan(long.noFaceIncidents);
  });

  it('plain frames see only the first pass; the tile frames every 2 s hold their count over them', () => {
    const onlyOnTiles = frame([face(200, true)]);
    expect(plainAnalysis(onlyOnTiles).faces).toEqual([]);
    const r = simulateSitting([onlyOnTiles], { hours: 1, meanDwellSeconds: 5, seed: 1 });
    expect(r).toMatchObject({ noFaceIncidents: 0, noFaceFrames: 0 });
    const rare = simulateSitting([onlyOnTiles], {
      hours: 1,
      meanDwellSeconds: 5,
      seed: 1,
      fullIntervalMs: 20_000,
    });
    expect(rare.noFaceIncidents).toBeGreaterThan(0);
  });
});
