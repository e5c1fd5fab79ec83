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

  it('does not hold one full frame of "two or more": a single wrong tile frame is not even reported', () => {
    const { reported, incidents } = replay([1, 2, 1, 1], 1);
    expect(reported.slice(10, 20)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(incidents).toEqual([]);
  });

  it('holds "two or more" once two full frames in a row agree, so a second face seen only on tiles is an incident', () => {
    const { reported, incidents } = replay([1, 2, 2, 2, 1], 1);
    // Reported from the frame after the second full frame: the two frames that agree.
    expect(reported.slice(20, 22)).toEqual([1, 2]);
    expect(reported.slice(21, 40).every((n) => n === 2)).toBe(true);
    expect(incidents).toHaveLength(1);
  });

  it('holds one face over plain frames that miss it, from the first full frame', () => {
    const { reported } = replay([1, 1], 0);
    expect(reported.every((n) => n === 1)).toBe(true);
  });
});

describe('temporal agreement before a count is reported', () => {
  // Frames at the given device times, none of them full (no tiles, no objects), through the hold, the reporter
  // and the incident rules as the page sends them.
  const play = (frames: [number, FaceCount][], sentAt: number) => {
    const hold = createCountHold();
    const events: DeviceEvent[] = [];
    const report = createFrameReporter((e) => events.push(e));
    const reported = frames.map(([at, faces]) => {
      const n = hold(at, faces, false);
      report(at, { faces: n, pose: null });
      return n;
    });
    const incidents = createIncidentTracker(DEFAULT_POLICY).ingest({ sentAt, events });
    return { reported, events, kinds: incidents.map((i) => i.kind) };
  };

  it('one frame that misses the face starts no "no face" episode, even when the next frame comes late', () => {
    // A slow device: the frame after the miss comes 6 s later, past the rule's 5 s.
    const { reported, events, kinds } = play(
      [
        [0, 1],
        [200, 1],
        [400, 0],
        [6400, 1],
      ],
      6500,
    );
    expect(reported).toEqual([1, 1, 1, 1]);
    expect(events.filter((e) => e.kind === 'faces')).toEqual([{ kind: 'faces', at: 0, count: 1 }]);
    expect(kinds).toEqual([]);
  });

  it('one frame that sees a second face starts no "two faces" episode', () => {
    const { reported, kinds } = play(
      [
        [0, 1],
        [200, 2],
        [2400, 1],
      ],
      2500,
    );
    expect(reported).toEqual([1, 1, 1]);
    expect(kinds).toEqual([]);
  });

  it('two frames in a row that agree are reported from the second, and an incident follows after the delay', () => {
    const frames: [number, FaceCount][] = [[0, 1]];
    for (let at = 200; at <= 6000; at += 200) frames.push([at, 0]);
    const { reported, events, kinds } = play(frames, 6000);
    expect(reported.slice(0, 3)).toEqual([1, 1, 0]);
    expect(events.filter((e) => e.kind === 'faces')).toEqual([
      { kind: 'faces', at: 0, count: 1 },
      { kind: 'faces', at: 400, count: 0 },
    ]);
    expect(kinds).toEqual(['no_face']);
    const two = play(
      [
        [0, 1],
        [200, 2],
        [400, 2],
        [2400, 2],
      ],
      2500,
    );
    expect(two.reported).toEqual([1, 1, 2, 2]);
    expect(two.kinds).toEqual(['multiple_faces']);
  });

  it('a flicker between two wrong counts does not add up to agreement', () => {
    const { reported } = play(
      [
        [0, 1],
        [200, 0],
        [400, 2],
        [600, 0],
        [800, 1],
      ],
      1000,
    );
    expect(reported).toEqual([1, 1, 1, 1, 1]);
  });
});
