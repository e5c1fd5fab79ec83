/**
 * Where a candidate is in the QTI route, beyond the position: active time spent per
 * time-limited scope (testPart, section, item), attempts and closed items (itemSessionControl),
 * and items skipped by preConditions or branchRules. Stored in `candidate_sessions.progress`.
 *
 * Time is counted on the session's active clock (time in progress, pauses excluded), so a pause
 * freezes every scope's time and the stored numbers never depend on a client.
 */
import type { ScopeTime } from '../protocol/candidate.ts';
import type { AssembledForm, FormScope } from '../sittings/form.ts';

export interface RouteProgress {
  /** Active-clock ms at which the candidate arrived at the current position. */
  arrivedAtMs?: number;
  /** Active ms spent in each scope before the current visit, by scope key. */
  spentMs?: Record<string, number>;
  /** Extra ms granted to a scope by time extensions, by scope key. */
  bonusMs?: Record<string, number>;
  /** Total ms spent paused (the active clock stands still meanwhile). */
  pausedTotalMs?: number;
  /** Submitted attempts per itemRef (individual submission mode). */
  attempts?: Record<string, number>;
  /** Items whose session has ended: no further saves or attempts. */
  closed?: string[];
  /** Positions the candidate has visited. */
  visited?: number[];
  /** Items passed over by preConditions or branchRules. */
  skipped?: string[];
  /** The route has run past its last item (EXIT_TEST, or every remaining item skipped). */
  ended?: boolean;
}

export interface ClockRow {
  state: string;
  startedAt: Date | null;
  pausedAt: Date | null;
  progress: unknown;
}

export const progressOf = (row: { progress: unknown }): RouteProgress =>
  (row.progress ?? {}) as RouteProgress;

/** Ms the session has been in progress (pauses excluded); 0 before the start. */
export function activeMs(row: ClockRow, now = Date.now()): number {
  if (!row.startedAt) return 0;
  const until = row.state === 'paused' && row.pausedAt ? row.pausedAt.getTime() : now;
  return Math.max(0, until - row.startedAt.getTime() - (progressOf(row).pausedTotalMs ?? 0));
}

export const scopesAt = (form: AssembledForm, position: number) =>
  (form.scopes ?? []).filter((s) => position >= s.start && position < s.end);

/** Active ms spent in a scope, the current visit included when the candidate stands in it. */
export function scopeElapsed(scope: FormScope, progress: RouteProgress, position: number, active: number) {
  const here = position >= scope.start && position < scope.end;
  return (
    (progress.spentMs?.[scope.key] ?? 0) + (here ? Math.max(0, active - (progress.arrivedAtMs ?? 0)) : 0)
  );
}

/** A scope's own limit for this candidate: maxTime with the accommodation percentage and extensions. */
export function scopeLimitMs(scope: FormScope, progress: RouteProgress, extraTimePercent: number) {
  if (scope.maxMs === undefined) return undefined;
  return Math.round(scope.maxMs * (1 + extraTimePercent / 100)) + (progress.bonusMs?.[scope.key] ?? 0);
}

/** Remaining time of every time-limited scope around a position, outermost first. */
export function scopeTimes(
  form: AssembledForm,
  progress: RouteProgress,
  position: number,
  active: number,
  extraTimePercent: number,
): ScopeTime[] {
  const order = { test: 0, part: 1, section: 2, item: 3 } as const;
  return scopesAt(form, position)
    .filter((s) => s.maxMs !== undefined || s.minMs !== undefined)
    .sort((a, b) => order[a.kind] - order[b.kind] || a.start - b.start)
    .map((s) => {
      const elapsed = scopeElapsed(s, progress, position, active);
      const limit = scopeLimitMs(s, progress, extraTimePercent);
      return {
        level: s.kind,
        identifier: s.identifier,
        elapsedMs: elapsed,
        remainingMs: limit === undefined ? null : Math.max(0, limit - elapsed),
        minRemainingMs: s.minMs === undefined ? null : Math.max(0, s.minMs - elapsed),
        allowLateSubmission: s.allowLateSubmission,
      };
    });
}

/** The time-limited scopes of a position whose maxTime has run out. */
export function expiredScopes(
  form: AssembledForm,
  progress: RouteProgress,
  position: number,
  standingAt: number,
  active: number,
  extraTimePercent: number,
): FormScope[] {
  return scopesAt(form, position).filter((s) => {
    const limit = scopeLimitMs(s, progress, extraTimePercent);
    return limit !== undefined && scopeElapsed(s, progress, standingAt, active) >= limit;
  });
}

/** The progress after leaving `from` at active time `active` and arriving at `to`. */
export function moveProgress(
  form: AssembledForm,
  progress: RouteProgress,
  from: number,
  to: number,
  active: number,
): RouteProgress {
  const spent = { ...(progress.spentMs ?? {}) };
  const stay = Math.max(0, active - (progress.arrivedAtMs ?? 0));
  for (const s of scopesAt(form, from)) spent[s.key] = (spent[s.key] ?? 0) + stay;
  const visited = new Set(progress.visited ?? [from]);
  visited.add(from);
  visited.add(to);
  return { ...progress, spentMs: spent, arrivedAtMs: active, visited: [...visited].sort((a, b) => a - b) };
}

/** Ends the sessions of items (attempts used up, a linear item left, a part over). */
export function closeItems(progress: RouteProgress, itemRefs: string[]): RouteProgress {
  if (!itemRefs.length) return progress;
  return { ...progress, closed: [...new Set([...(progress.closed ?? []), ...itemRefs])] };
}
