import { describe, expect, it } from 'vitest';
import { mergeFaces, type DetectedFace, type FrameAnalysis } from '../client/frame-analysis.ts';
import { distinctPeople, faceCountClass, headPose, watchedObjects } from '../client/classify.ts';
import { scoreRows } from './score.ts';

function face(
  boxScore: number,
  meshScore: number,
  yaw: number | null = 0,
  x = 100,
  pitch: number | null = 0,
): DetectedFace {
  return { boxScore, meshScore, box: [x, 50, 80, 80], yaw, pitch, roll: 0, noseOffsetX: 0, noseDropY: 0.35 };
}
function frame(faces: DetectedFace[], objects: FrameAnalysis['objects'] = []): FrameAnalysis {
  return { width: 640, height: 480, faces, objects, ms: 1 };
}

describe('frame classification', () => {
  it('counts a strong detection, a mesh-confirmed one, and a weak one only inside a person', () => {
    expect(faceCountClass(frame([face(0.8, 0)]))).toBe(1);
    expect(faceCountClass(frame([face(0.65, 0.9)]))).toBe(1);
    expect(faceCountClass(frame([face(0.65, 0.1)]))).toBe(0);
    expect(faceCountClass(frame([face(0.4, 1)]))).toBe(0);
    const person = {
      label: 'person',
      score: 0.5,
      box: [50, 0, 300, 400] as [number, number, number, number],
    };
    expect(faceCountClass(frame([face(0.4, 1)], [person]))).toBe(1);
    expect(faceCountClass(frame([face(0.9, 1), face(0.7, 0.9, 0, 300)]))).toBe(2);
  });

  it('ignores faces too small for the frame', () => {
    const tiny: DetectedFace = { ...face(0.9, 1), box: [10, 10, 12, 12] };
    expect(faceCountClass(frame([tiny]))).toBe(0);
  });

  it('reads pose from yaw and pitch, a profile without a mesh being turned', () => {
    expect(headPose(face(0.9, 1, 5))).toBe('frontal');
    expect(headPose(face(0.9, 1, -25))).toBe('turned');
    expect(headPose(face(0.9, 1, 0, 100, 30))).toBe('down');
    expect(headPose(face(0.9, 0.05, null))).toBe('turned');
  });

  it('reports phones and books above the threshold', () => {
    const f = frame(
      [],
      [
        { label: 'cell phone', score: 0.5, box: [0, 0, 10, 10] },
        { label: 'book', score: 0.1, box: [0, 0, 10, 10] },
        { label: 'cup', score: 0.9, box: [0, 0, 10, 10] },
      ],
    );
    expect(watchedObjects(f)).toEqual([{ kind: 'phone', score: 0.5 }]);
  });
});

describe('scoreRows', () => {
  it('builds the confusion tables and counts a missed face as a pose error', () => {
    const report = scoreRows([
      { label: { file: 'a', faces: 0, pose: null }, analysis: frame([]) },
      { label: { file: 'b', faces: 1, pose: 'frontal' }, analysis: frame([face(0.9, 1)]) },
      { label: { file: 'c', faces: 1, pose: 'turned' }, analysis: frame([]) },
      { label: { file: 'd', faces: 5, pose: null }, analysis: frame([face(0.9, 1), face(0.9, 1, 0, 300)]) },
    ]);
    expect(report.faceCount.confusion).toEqual({
      '0': { '0': 1 },
      '1': { '1': 1, '0': 1 },
      '2+': { '2+': 1 },
    });
    expect(report.faceCount.accuracy).toBe(0.75);
    expect(report.faceCount.perClass['1']).toEqual({
      n: 2,
      correct: 1,
      accuracy: 0.5,
      precision: 1,
      recall: 0.5,
    });
    // "0" was predicted for a (right) and c (a missed face): recall 1, precision 0.5.
    expect(report.faceCount.perClass['0']).toMatchObject({ recall: 1, precision: 0.5 });
    expect(report.pose.confusion).toEqual({ frontal: { frontal: 1 }, turned: { none: 1 } });
    expect(report.pose.accuracy).toBe(0.5);
  });
});

describe('mergeFaces (frame and tile passes)', () => {
  const at = (score: number, x: number, y: number, w: number, mesh = 0.9) => ({
    ...face(score, mesh),
    box: [x, y, w, w] as [number, number, number, number],
  });

  it('keeps one finding of a face seen whole and cut by a tile edge, and a second face elsewhere', () => {
    const whole = at(0.8, 100, 100, 50);
    const cut = { ...at(0.6, 100, 100, 30), tile: true };
    const other = { ...at(0.7, 400, 100, 20), tile: true };
    const merged = mergeFaces([cut, whole, other]);
    expect(merged).toHaveLength(2);
    expect(merged).toContainEqual(whole);
    expect(merged).toContainEqual(other);
  });
});

describe('people as the second signal for 2+', () => {
  const person = (score: number, x: number, h = 300) => ({
    label: 'person',
    score,
    box: [x, 100, 150, h] as [number, number, number, number],
  });

  it('counts 2+ when one face is seen and two separate people stand near enough', () => {
    const oneFace = [face(0.9, 1)];
    expect(faceCountClass(frame(oneFace, [person(0.8, 50), person(0.6, 350)]))).toBe(2);
    // the same person found twice, an unsure one, and one far away (short) do not make a second person
    expect(distinctPeople(frame(oneFace, [person(0.8, 50), person(0.7, 60)]))).toBe(1);
    expect(faceCountClass(frame(oneFace, [person(0.8, 50), person(0.4, 350)]))).toBe(1);
    expect(faceCountClass(frame(oneFace, [person(0.8, 50), person(0.8, 350, 60)]))).toBe(1);
    // without a face, two separate people near enough are 2+ on their own (peopleAloneMin, tuned on the tuning
    // part: street and pitch frames whose faces are all too small); one person alone stays "no face"
    expect(faceCountClass(frame([], [person(0.8, 50), person(0.8, 350)]))).toBe(2);
    expect(faceCountClass(frame([], [person(0.8, 50)]))).toBe(0);
  });
});
