import { describe, expect, it } from 'vitest';
import type { DeviceEvent, FaceCount } from '../events.ts';
import { DEFAULT_POLICY } from '../policy.ts';
import { createIncidentTracker } from '../rules.ts';
import { createCountHold, createFrameReporter, createSpeechGate } from './reporter.ts';

describe('frame reporter', () => {
  it('emits only changes of faces, pose and objects', () => {
    const events: DeviceEvent[] = [];
    const report = createFrameReporter((e) => events.push(e));
    report(1, { faces: 1, pose: 'frontal', yaw: 2.4 });
    report(2, { faces: 1, pose: 'frontal' });
    report(3, { faces: 1, pose: 'turned', yaw: 35.6, objects: ['phone'] });
    report(4, { faces: 1, pose: 'turned', objects: ['phone'] });
    report(5, { faces: 0, pose: null, objects: [] });
    report(6, { faces: 1, pose: 'turned' });
    expect(events).toEqual([
      { kind: 'faces', at: 1, count: 1 },
      { kind: 'pose', at: 1, pose: 'frontal', yaw: 2 },
      { kind: 'pose', at: 3, pose: 'turned', yaw: 36 },
      { kind: 'object', at: 3, object: 'phone', present: true },
      { kind: 'faces', at: 5, count: 0 },
      { kind: 'object', at: 5, object: 'phone', present: false },
      { kind: 'faces', at: 6, count: 1 },
      { kind: 'pose', at: 6, pose: 'turned' },
    ]);
  });
});

describe('speech gate', () => {
  it('needs a run of loud samples to start and a run of quiet ones to stop', () => {
    const events: DeviceEvent[] = [];
    const gate = createSpeechGate((e) => events.push(e), { onSamples: 3, offSamples: 2 });
    [0.1, 0.1, 0.001, 0.1, 0.1, 0.1, 0.03, 0.001, 0.001].forEach((rms, i) => gate(i, rms));
    expect(events.map((e) => [e.at, (e as { speech: boolean }).speech])).toEqual([
      [5, true],
      [8, false],
    ]);
  });
});

describe('count hold between full frames', () => {
  // The monitor's pace: a frame every 200 ms, the full pass (tiles, objects) every 2 s.
  const replay = (fullCounts: FaceCount[], plainCount: FaceCount) => {
    const hold = createCountHold();
    const reported: FaceCount[] = [];
    const events: DeviceEvent[] = [];
    const report = createFrameReporter((e) => events.push(e));
    for (let i = 0; i < fullCounts.length * 10; i++) {
      const now = i * 200;
      const full = i % 10 === 0;
      const faces = hold(now, full ? fullCounts[i / 10]! : plainCount, full);
      reported.push(faces);
      report(now, { faces, pose: null });
    }
    const tracker = createIncidentTracker(DEFAULT_POLICY);
    const incidents = tracker.ingest({ sentAt: fullCounts.length * 2000, events });
    return { reported, incidents: incidents.filter((i) => i.kind === 'multiple_faces') };
  };

  it('does not hold one full frame of "two or more": a single wrong tile frame raises no incident', () => {
    const { reported, incidents } = replay([1, 2, 1, 1], 1);
    expect(reported.slice(10, 20)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(incidents).toEqual([]);
  });

  it('holds "two or more" once two full frames in a row agree, so a second face seen only on tiles is an incident', () => {
    const { reported, incidents } = replay([1, 2, 2, 2, 1], 1);
    expect(reported.slice(20, 40).every((n) => n === 2)).toBe(true);
    expect(incidents).toHaveLength(1);
  });

  it('holds one face over plain frames that miss it, from the first full frame', () => {
    const { reported } = replay([1, 1], 0);
    expect(reported.every((n) => n === 1)).toBe(true);
  });
});
