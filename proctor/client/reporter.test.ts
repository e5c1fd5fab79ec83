import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../events.ts';
import { createFrameReporter, createSpeechGate } from './reporter.ts';

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
