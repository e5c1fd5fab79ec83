/**
 * Windowing of the candidates' grid: a room of 500 renders only the rows in view (plus a margin) between two
 * spacer rows, so a status change or the clock's tick re-renders a few dozen rows, not five hundred. Small rooms
 * render every row.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Rooms up to this size render every row. */
export const WINDOW_FROM_ROWS = 80;
/** Rows rendered above and below the visible ones (keyboard focus moving on scrolls them into view). */
const OVERSCAN = 12;

export interface RowWindow {
  first: number;
  /** One past the last row rendered. */
  last: number;
  /** Heights in px of the spacers standing for the rows above and below. */
  before: number;
  after: number;
}

/** The rows of `count` to render for a scroll position and view height (all of them below `WINDOW_FROM_ROWS`). */
export function rowWindow(
  count: number,
  view: { scrollTop: number; height: number },
  rowHeight: number,
  overscan = OVERSCAN,
): RowWindow {
  if (count <= WINDOW_FROM_ROWS) return { first: 0, last: count, before: 0, after: 0 };
  const first = Math.min(count, Math.max(0, Math.floor(view.scrollTop / rowHeight) - overscan));
  const last = Math.min(
    count,
    Math.max(first, Math.ceil((view.scrollTop + view.height) / rowHeight) + overscan),
  );
  return { first, last, before: first * rowHeight, after: (count - last) * rowHeight };
}

/**
 * Tracks a scrolling container (`ref`) and the height of its rows (measured once on the first `tr.candidate`);
 * returns the window of rows to render.
 */
export function useRowWindow(count: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ scrollTop: 0, height: 800 });
  const [rowHeight, setRowHeight] = useState(0);
  useEffect(() => {
    const scroller = ref.current;
    if (!scroller) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView({ scrollTop: scroller.scrollTop, height: scroller.clientHeight });
    };
    // At most one update a frame, however fast the wheel turns.
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const resized = new ResizeObserver(onScroll);
    resized.observe(scroller);
    read();
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      resized.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  useLayoutEffect(() => {
    if (rowHeight > 0) return;
    const row = ref.current?.querySelector<HTMLElement>('tr.candidate');
    if (row && row.offsetHeight > 0) setRowHeight(row.offsetHeight);
  });
  return { ref, ...rowWindow(count, view, rowHeight || 40) };
}
