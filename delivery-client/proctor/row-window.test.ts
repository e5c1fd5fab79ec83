import { describe, expect, it } from 'vitest';
import { WINDOW_FROM_ROWS, rowWindow } from './row-window.ts';

describe('the grid window', () => {
  it('renders every row of a small room', () => {
    expect(rowWindow(WINDOW_FROM_ROWS, { scrollTop: 900, height: 400 }, 40)).toEqual({
      first: 0,
      last: WINDOW_FROM_ROWS,
      before: 0,
      after: 0,
    });
  });

  it('renders the rows in view of a room of 500 plus a margin, with spacers for the rest', () => {
    // 800 px of 40 px rows from the top: rows 0-19 in view, 12 more below.
    expect(rowWindow(500, { scrollTop: 0, height: 800 }, 40)).toEqual({
      first: 0,
      last: 32,
      before: 0,
      after: 468 * 40,
    });
    // Scrolled to row 250: 12 rows above it to 12 rows past the view.
    const middle = rowWindow(500, { scrollTop: 250 * 40, height: 800 }, 40);
    expect(middle).toEqual({ first: 238, last: 282, before: 238 * 40, after: 218 * 40 });
    // Spacers and rendered rows always add up to the whole room.
    expect(middle.before + (middle.last - middle.first) * 40 + middle.after).toBe(500 * 40);
    // At the bottom (and past it, as after a filter shortens the list) the last row is rendered.
    expect(rowWindow(500, { scrollTop: 500 * 40 - 800, height: 800 }, 40)).toMatchObject({
      last: 500,
      after: 0,
    });
    expect(rowWindow(500, { scrollTop: 10 * 500 * 40, height: 800 }, 40)).toMatchObject({
      first: 500,
      last: 500,
      after: 0,
    });
  });
});
