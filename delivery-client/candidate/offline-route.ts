/**
 * What the candidate page may do on its own while the line is down, mirroring the engine's rule for
 * item content (engine/delivery/item-access.ts): in a nonlinear part every item of the part the
 * session stands in, minus items the route passed over; in a linear part only the current item.
 * The engine stays the judge: moves made offline are sent again on reconnection and the engine's
 * answer wins.
 */
import type { SessionSnapshot } from '../../engine/client.ts';

type Route = Pick<SessionSnapshot, 'form' | 'route' | 'sitting'>;

interface PartRange {
  start: number;
  end: number;
  linear: boolean;
}

/** The part around `position` (forms without parts: the whole form in the sitting's mode). */
export function partRange(snapshot: Route, position: number): PartRange {
  const part = snapshot.route?.parts.find((p) => position >= p.start && position < p.end);
  if (part) return { start: part.start, end: part.end, linear: part.navigationMode === 'linear' };
  return {
    start: 0,
    end: snapshot.form.length,
    linear: snapshot.sitting.navigationMode === 'linear',
  };
}

/**
 * Positions whose items the engine serves the session now, the current one first, then the ones
 * after it, then the ones before: the order to fetch them in the background.
 */
export function fetchablePositions(snapshot: Route, position: number): number[] {
  if (!snapshot.form[position]) return [];
  const part = partRange(snapshot, position);
  if (part.linear || snapshot.route?.ended) return [position];
  const skipped = new Set(snapshot.route?.skipped ?? []);
  const ahead: number[] = [];
  const behind: number[] = [];
  for (let p = part.start; p < part.end; p++) {
    const entry = snapshot.form[p];
    if (!entry || skipped.has(entry.itemRef)) continue;
    (p < position ? behind : ahead).push(p);
  }
  return [...ahead, ...behind];
}

/** Whether the candidate may move from `from` to `to` without the engine (it is asked again later). */
export function offlineMoveAllowed(snapshot: Route, from: number, to: number): boolean {
  if (from === to || !snapshot.form[to] || snapshot.route?.ended) return false;
  const part = partRange(snapshot, from);
  if (part.linear || to < part.start || to >= part.end) return false;
  return !(snapshot.route?.skipped ?? []).includes(snapshot.form[to].itemRef);
}
