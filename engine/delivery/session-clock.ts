/** The server is the clock: time left is computed from stored deadlines, never counted on clients. */
import type { TimeState } from '../protocol/candidate.ts';

export interface ClockFields {
  state: string;
  deadlineAt: Date | null;
  pausedRemainingMs: number | null;
}

export function timeState(session: ClockFields, now = Date.now()): TimeState {
  if (session.state === 'paused') {
    return { serverNow: now, deadline: null, remainingMs: session.pausedRemainingMs ?? 0, paused: true };
  }
  if (!session.deadlineAt) return { serverNow: now, deadline: null, remainingMs: null, paused: false };
  const deadline = session.deadlineAt.getTime();
  return { serverNow: now, deadline, remainingMs: Math.max(0, deadline - now), paused: false };
}

/** The candidate's own duration: the sitting's plus any accommodation percentage. */
export function personalDurationMs(durationSeconds: number, extraTimePercent: number): number {
  return Math.round(durationSeconds * 1000 * (1 + extraTimePercent / 100));
}
