/** Face acceptance against the object detector's animals: a cat's face the mesh is sure of is not a person's. */
import { describe, expect, it } from 'vitest';
import { acceptedFaces, faceCountClass } from './classify.ts';
import type { DetectedFace, FrameAnalysis } from './frame-analysis.ts';

const face = (x: number, boxScore = 0.58, meshScore = 0.99): DetectedFace => ({
  boxScore,
  meshScore,
  box: [x, 50, 80, 80],
  yaw: 0,
  pitch: 0,
  roll: 0,
  noseOffsetX: 0,
  noseDropY: 0.35,
});
const frame = (faces: DetectedFace[], objects: FrameAnalysis['objects']): FrameAnalysis => ({
  width: 640,
  height: 480,
  faces,
  objects,
  ms: 1,
});

describe('animal faces', () => {
  it("drops a face inside a cat's or a dog's box", () => {
    const cat = { label: 'cat', score: 0.45, box: [60, 20, 200, 200] as [number, number, number, number] };
    expect(acceptedFaces(frame([face(100)], [cat]))).toEqual([]);
    expect(faceCountClass(frame([face(100), face(400, 0.9)], [cat]))).toBe(1);
  });

  it('keeps a face inside a person box too (a person holding a pet), and ignores unsure animals', () => {
    const dog = { label: 'dog', score: 0.5, box: [60, 20, 200, 200] as [number, number, number, number] };
    const person = {
      label: 'person',
      score: 0.6,
      box: [40, 0, 260, 470] as [number, number, number, number],
    };
    expect(acceptedFaces(frame([face(100)], [dog, person]))).toHaveLength(1);
    expect(acceptedFaces(frame([face(100)], [{ ...dog, score: 0.2 }]))).toHaveLength(1);
  });
});

describe('people without a counted face', () => {
  const person = (x: number, score = 0.6, height = 200) => ({
    label: 'person',
    score,
    box: [x, 100, 80, height] as [number, number, number, number],
  });

  it('counts two separate people near enough as two or more when no face is counted', () => {
    expect(faceCountClass(frame([], [person(20), person(300)]))).toBe(2);
    expect(faceCountClass(frame([face(100, 0.2, 0)], [person(20), person(300)]))).toBe(2);
  });

  it('leaves one person, unsure people, far-off people and one person found twice at no face', () => {
    expect(faceCountClass(frame([], [person(20)]))).toBe(0);
    expect(faceCountClass(frame([], [person(20, 0.4), person(300, 0.4)]))).toBe(0);
    expect(faceCountClass(frame([], [person(20, 0.6, 60), person(300, 0.6, 60)]))).toBe(0);
    expect(faceCountClass(frame([], [person(20), person(22)]))).toBe(0);
  });

  it('is off with peopleAloneMin 0', async () => {
    const { DEFAULT_THRESHOLDS } = await import('./classify.ts');
    const t = { ...DEFAULT_THRESHOLDS, peopleAloneMin: 0 };
    expect(faceCountClass(frame([], [person(20), person(300)]), t)).toBe(0);
  });
});
