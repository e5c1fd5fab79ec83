import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from './events.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { createIncidentTracker } from './rules.ts';

const T0 = 1_700_000_000_000;
const s = (seconds: number) => T0 + seconds * 1000;
const batch = (sentAtSeconds: number, ...events: DeviceEvent[]) => ({ sentAt: s(sentAtSeconds), events });

describe('incident rules', () => {
  it('raises no_face only once the face has been gone for the policy delay, measured on device time', () => {
    const tracker = createIncidentTracker({ ...DEFAULT_POLICY, noFaceSeconds: 5 });
    expect(tracker.ingest(batch(0, { kind: 'faces', at: s(0), count: 1 }))).toEqual([]);
    expect(tracker.ingest(batch(3, { kind: 'faces', at: s(1), count: 0 }))).toEqual([]);
    // No new event: the batch's sentAt moves time on.
    const raised = tracker.ingest(batch(6.5));
    expect(raised).toEqual([
      { kind: 'no_face', severity: 'medium', startedAt: s(1), at: s(6), details: { seconds: 5.5 } },
    ]);
    // The same episode is not raised twice.
    expect(tracker.ingest(batch(20))).toEqual([]);
    expect(tracker.active()).toEqual([{ kind: 'no_face', since: s(1) }]);
  });

  it('does not raise a condition that ended before the delay, and raises a new episode after it ended', () => {
    const tracker = createIncidentTracker({ ...DEFAULT_POLICY, multipleFacesSeconds: 2 });
    expect(
      tracker.ingest(batch(5, { kind: 'faces', at: s(0), count: 2 }, { kind: 'faces', at: s(1), count: 1 })),
    ).toEqual([]);
    const raised = tracker.ingest(batch(9, { kind: 'faces', at: s(6), count: 2 }));
    expect(raised.map((i) => [i.kind, i.severity, i.startedAt])).toEqual([['multiple_faces', 'high', s(6)]]);
  });

  it('tracks head turned and looking down separately, with their angles, and ends them when the face goes', () => {
    const tracker = createIncidentTracker({ ...DEFAULT_POLICY, headTurnedSeconds: 3, lookingDownSeconds: 4 });
    const raised = tracker.ingest(
      batch(
        10,
        { kind: 'faces', at: s(0), count: 1 },
        { kind: 'pose', at: s(0), pose: 'turned', yaw: 41 },
        { kind: 'pose', at: s(4), pose: 'down', pitch: 25 },
        { kind: 'faces', at: s(6), count: 0 },
      ),
    );
    expect(raised.map((i) => [i.kind, i.startedAt, i.details.yaw])).toEqual([['head_turned', s(0), 41]]);
    expect(tracker.active().map((a) => a.kind)).toEqual(['no_face']);
  });

  it('raises phone, book and speech after their delays, events arriving out of order', () => {
    const tracker = createIncidentTracker({ ...DEFAULT_POLICY, objectSeconds: 1, speechSeconds: 5 });
    const raised = tracker.ingest(
      batch(
        8,
        { kind: 'audio', at: s(2), speech: true, level: 0.4 },
        { kind: 'object', at: s(0), object: 'phone', present: true, score: 0.7 },
        { kind: 'object', at: s(0.5), object: 'book', present: true },
        { kind: 'object', at: s(1), object: 'book', present: false },
      ),
    );
    expect(raised.map((i) => [i.kind, i.severity])).toEqual([
      ['phone', 'high'],
      ['speech', 'medium'],
    ]);
    expect(raised[0]?.details.score).toBe(0.7);
  });

  it('turns browser monitors into incidents: focus, visibility, fullscreen, second screen, devtools, copy/paste', () => {
    const tracker = createIncidentTracker({
      ...DEFAULT_POLICY,
      focusLostSeconds: 2,
      fullscreenExitSeconds: 0,
    });
    const raised = tracker.ingest(
      batch(
        30,
        { kind: 'focus', at: s(0), focused: false },
        { kind: 'focus', at: s(1), focused: true },
        { kind: 'focus', at: s(2), focused: false },
        { kind: 'visibility', at: s(2), visible: false },
        { kind: 'fullscreen', at: s(3), active: false },
        { kind: 'clipboard', at: s(5), action: 'paste' },
        { kind: 'screen', at: s(6), extended: true },
        { kind: 'devtools', at: s(7), open: true },
      ),
    );
    expect(raised.map((i) => i.kind).sort()).toEqual(
      ['copy_paste', 'devtools', 'focus_lost', 'fullscreen_exit', 'second_screen', 'tab_hidden'].sort(),
    );
    expect(raised.find((i) => i.kind === 'focus_lost')?.startedAt).toBe(s(2));
  });

  it('counts one copy once when secure mode and the device monitor both report it', () => {
    const tracker = createIncidentTracker();
    const raised = tracker.ingest(
      batch(
        5,
        { kind: 'clipboard', at: s(1), action: 'copy' },
        { kind: 'clipboard', at: s(1.2), action: 'copy' },
        { kind: 'clipboard', at: s(1.3), action: 'paste' },
        { kind: 'clipboard', at: s(3), action: 'copy' },
      ),
    );
    expect(raised.map((i) => [i.details.action, i.at])).toEqual([
      ['copy', s(1)],
      ['paste', s(1.3)],
      ['copy', s(3)],
    ]);
  });

  const identityResults = (): DeviceEvent[] => [
    { kind: 'identity', at: s(0), result: 'mismatch', similarity: 0.31 },
    { kind: 'identity', at: s(0), result: 'no_photo' },
    { kind: 'identity', at: s(0), result: 'match', similarity: 0.8 },
    { kind: 'identity', at: s(0), result: 'no_face' },
  ];

  it('raises identity results for the proctor (mismatch with its distance, no photo) when the sitting checks identity', () => {
    const tracker = createIncidentTracker({ ...DEFAULT_POLICY, identityCheck: true });
    const raised = tracker.ingest(batch(1, ...identityResults()));
    expect(raised.map((i) => [i.kind, i.severity, i.details])).toEqual([
      ['identity_mismatch', 'high', { similarity: 0.31, distance: 0.69 }],
      ['identity_no_photo', 'low', {}],
      ['identity_no_face', 'medium', { result: 'no_face' }],
    ]);
    // Incidents only: the tracker has no episode that could hold anything up.
    expect(tracker.active()).toEqual([]);
  });

  it('ignores identity results in a sitting without the identity check (no "no photo" for everyone)', () => {
    const tracker = createIncidentTracker(DEFAULT_POLICY);
    expect(DEFAULT_POLICY.identityCheck).toBe(false);
    expect(tracker.ingest(batch(1, ...identityResults()))).toEqual([]);
  });

  it('a lost camera is one incident and stops the face episodes it can no longer judge', () => {
    const tracker = createIncidentTracker();
    const raised = tracker.ingest(
      batch(
        60,
        { kind: 'faces', at: s(0), count: 0 },
        { kind: 'camera', at: s(1), available: false, reason: 'NotAllowedError' },
      ),
    );
    expect(raised.map((i) => i.kind)).toEqual(['camera_unavailable']);
    expect(tracker.active()).toEqual([]);
  });

  it('never lets a device clock stepping back run time backwards', () => {
    const tracker = createIncidentTracker({ ...DEFAULT_POLICY, noFaceSeconds: 5 });
    tracker.ingest(batch(10, { kind: 'faces', at: s(10), count: 0 }));
    expect(tracker.ingest(batch(12, { kind: 'faces', at: s(2), count: 0 }))).toEqual([]);
    expect(tracker.ingest(batch(15)).map((i) => i.kind)).toEqual(['no_face']);
  });
});
