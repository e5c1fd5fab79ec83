/** Offline, the page moves only where the engine would let it: the current nonlinear part, nothing passed over. */
import { describe, expect, it } from 'vitest';
import type { SessionSnapshot } from '../../engine/client.ts';
import { fetchablePositions, offlineMoveAllowed } from './offline-route.ts';

const form = (n: number) =>
  Array.from({ length: n }, (_, position) => ({ position, itemRef: `I${position}`, title: '' }));
const sitting = (navigationMode: 'linear' | 'nonlinear') => ({
  name: 'T',
  navigationMode,
  allowReview: true,
  allowSkipping: true,
});
const route = (
  parts: Array<['linear' | 'nonlinear', number, number]>,
  skipped: string[] = [],
): SessionSnapshot['route'] => ({
  parts: parts.map(([navigationMode, start, end], i) => ({
    identifier: `P${i}`,
    navigationMode,
    submissionMode: 'simultaneous',
    start,
    end,
  })),
  times: [],
  attempts: {},
  closed: [],
  skipped,
  ended: false,
});

describe('offline route', () => {
  it('a nonlinear test: every item, from the current one on, then the ones before', () => {
    const snapshot = { form: form(5), sitting: sitting('nonlinear') };
    expect(fetchablePositions(snapshot, 2)).toEqual([2, 3, 4, 0, 1]);
    expect(offlineMoveAllowed(snapshot, 2, 0)).toBe(true);
    expect(offlineMoveAllowed(snapshot, 2, 4)).toBe(true);
    expect(offlineMoveAllowed(snapshot, 2, 5)).toBe(false);
  });

  it('a linear test: only the current item, and no move without the engine', () => {
    const snapshot = { form: form(5), sitting: sitting('linear') };
    expect(fetchablePositions(snapshot, 1)).toEqual([1]);
    expect(offlineMoveAllowed(snapshot, 1, 2)).toBe(false);
  });

  it('parts: only the current part, its own mode, minus items the route passed over', () => {
    const snapshot = {
      form: form(6),
      sitting: sitting('nonlinear'),
      route: route(
        [
          ['linear', 0, 2],
          ['nonlinear', 2, 6],
        ],
        ['I4'],
      ),
    };
    expect(fetchablePositions(snapshot, 0)).toEqual([0]);
    expect(fetchablePositions(snapshot, 3)).toEqual([3, 5, 2]);
    expect(offlineMoveAllowed(snapshot, 3, 2)).toBe(true);
    expect(offlineMoveAllowed(snapshot, 3, 1)).toBe(false);
    expect(offlineMoveAllowed(snapshot, 3, 4)).toBe(false);
    expect(offlineMoveAllowed(snapshot, 0, 1)).toBe(false);
  });
});
