import { describe, expect, it } from 'vitest';
import type { DetectedFace, FrameAnalysis } from '../client/frame-analysis.ts';
import { faceCountClass, headPose, watchedObjects } from '../client/classify.ts';
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
    expect(report.faceCount.perClass['1']).toEqual({ n: 2, correct: 1, accuracy: 0.5 });
    expect(report.pose.confusion).toEqual({ frontal: { frontal: 1 }, turned: { none: 1 } });
    expect(report.pose.accuracy).toBe(0.5);
  });
});
