/**
 * The rules: a per-session tracker that turns device events (state changes with device timestamps) into
 * incidents. A sustained condition (no face, two faces, head turned, looking down, phone or book, speech, focus or
 * full screen lost, tab hidden, second screen, devtools) becomes one incident once it has lasted the policy's
 * delay, and again only after it ended and started anew. One-off events (copy/paste, identity results, camera
 * lost) become incidents at once; identity results only where the sitting's policy asks for the identity check. Time advances with the events and with each batch's `sentAt`, so a condition
 * that simply goes on (no further change) is still caught.
 */
import type { DeviceEvent, DeviceEventBatch } from './events.ts';
import { SEVERITY, type Incident, type IncidentKind } from './incidents.ts';
import { DEFAULT_POLICY, type ProctoringPolicy } from './policy.ts';

type Sustained = Extract<
  IncidentKind,
  | 'no_face'
  | 'multiple_faces'
  | 'head_turned'
  | 'looking_down'
  | 'phone'
  | 'book'
  | 'speech'
  | 'focus_lost'
  | 'tab_hidden'
  | 'fullscreen_exit'
  | 'second_screen'
  | 'devtools'
>;

function delaySeconds(kind: Sustained, p: ProctoringPolicy): number {
  switch (kind) {
    case 'no_face':
      return p.noFaceSeconds;
    case 'multiple_faces':
      return p.multipleFacesSeconds;
    case 'head_turned':
      return p.headTurnedSeconds;
    case 'looking_down':
      return p.lookingDownSeconds;
    case 'phone':
    case 'book':
      return p.objectSeconds;
    case 'speech':
      return p.speechSeconds;
    case 'focus_lost':
      return p.focusLostSeconds;
    case 'tab_hidden':
      return p.hiddenSeconds;
    case 'fullscreen_exit':
      return p.fullscreenExitSeconds;
    case 'second_screen':
    case 'devtools':
      return 0;
  }
}

interface Episode {
  since: number;
  raised: boolean;
  details: Record<string, number | string | boolean>;
}

export interface IncidentTracker {
  /** Feeds one batch (events in any order); returns the incidents it raised. */
  ingest(batch: DeviceEventBatch): Incident[];
  /** Conditions going on now, with their start (device ms); for the dashboard. */
  active(): { kind: IncidentKind; since: number }[];
}

/** A tracker for one candidate session under a sitting's policy. */
export function createIncidentTracker(policy: ProctoringPolicy = DEFAULT_POLICY): IncidentTracker {
  const episodes = new Map<Sustained, Episode>();
  let clock = 0;
  const lastClipboard = new Map<string, number>();
  let out: Incident[] = [];

  const raise = (kind: IncidentKind, startedAt: number, at: number, details: Incident['details'] = {}) =>
    out.push({ kind, severity: SEVERITY[kind], startedAt, at, details });

  const check = (now: number) => {
    for (const [kind, ep] of episodes) {
      const delay = delaySeconds(kind, policy) * 1000;
      if (!ep.raised && now - ep.since >= delay) {
        ep.raised = true;
        raise(kind, ep.since, ep.since + delay, {
          ...ep.details,
          seconds: Math.round((now - ep.since) / 100) / 10,
        });
      }
    }
  };

  const set = (kind: Sustained, on: boolean, at: number, details: Episode['details'] = {}) => {
    const ep = episodes.get(kind);
    if (on && !ep) episodes.set(kind, { since: at, raised: false, details });
    else if (on && ep) Object.assign(ep.details, details);
    else if (!on && ep) episodes.delete(kind);
  };

  const apply = (e: DeviceEvent) => {
    switch (e.kind) {
      case 'faces':
        set('no_face', e.count === 0, e.at);
        set('multiple_faces', e.count >= 2, e.at);
        if (e.count !== 1) {
          set('head_turned', false, e.at);
          set('looking_down', false, e.at);
        }
        break;
      case 'pose': {
        const angles = {
          ...(e.yaw === undefined ? {} : { yaw: e.yaw }),
          ...(e.pitch === undefined ? {} : { pitch: e.pitch }),
        };
        set('head_turned', e.pose === 'turned', e.at, angles);
        set('looking_down', e.pose === 'down', e.at, angles);
        break;
      }
      case 'object':
        set(e.object, e.present, e.at, e.score === undefined ? {} : { score: e.score });
        break;
      case 'audio':
        set('speech', e.speech, e.at, e.level === undefined ? {} : { level: e.level });
        break;
      case 'focus':
        set('focus_lost', !e.focused, e.at);
        break;
      case 'visibility':
        set('tab_hidden', !e.visible, e.at);
        break;
      case 'fullscreen':
        set('fullscreen_exit', !e.active, e.at);
        break;
      case 'screen':
        set('second_screen', e.extended, e.at);
        break;
      case 'devtools':
        set('devtools', e.open, e.at);
        break;
      case 'clipboard':
        // Secure mode and the proctoring monitor both report a blocked copy: one incident per action and second.
        if (e.at - (lastClipboard.get(e.action) ?? -Infinity) >= 1000)
          raise('copy_paste', e.at, e.at, { action: e.action });
        lastClipboard.set(e.action, e.at);
        break;
      case 'identity': {
        // Only sittings that ask for the check: elsewhere no candidate has a roster photo to be missing.
        if (!policy.identityCheck) break;
        const details: Incident['details'] =
          e.similarity === undefined
            ? {}
            : { similarity: e.similarity, distance: Math.round((1 - e.similarity) * 1000) / 1000 };
        if (e.result === 'mismatch') raise('identity_mismatch', e.at, e.at, details);
        else if (e.result === 'no_photo') raise('identity_no_photo', e.at, e.at);
        else if (e.result === 'no_face' || e.result === 'unavailable')
          raise('identity_no_face', e.at, e.at, { result: e.result });
        break;
      }
      case 'camera':
        if (!e.available) {
          raise('camera_unavailable', e.at, e.at, e.reason ? { reason: e.reason.slice(0, 100) } : {});
          // Without a camera nothing is known about faces: no face/pose episodes run on stale state.
          for (const k of [
            'no_face',
            'multiple_faces',
            'head_turned',
            'looking_down',
            'phone',
            'book',
          ] as const)
            set(k, false, e.at);
        }
        break;
      case 'monitor':
        break;
    }
  };

  return {
    ingest(batch) {
      out = [];
      const events = [...batch.events].sort((a, b) => a.at - b.at);
      for (const e of events) {
        // A device clock may step back (sync); never let time run backwards inside the tracker.
        const at = Math.max(e.at, clock);
        check(at);
        apply({ ...e, at });
        clock = at;
      }
      clock = Math.max(clock, batch.sentAt);
      check(clock);
      return out;
    },
    active() {
      return [...episodes].map(([kind, ep]) => ({ kind, since: ep.since }));
    },
  };
}
