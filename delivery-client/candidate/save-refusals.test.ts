import { describe, expect, it } from 'vitest';
import { saveRefusalAction } from './save-refusals.ts';

describe('what the candidate page does with a refused save', () => {
  it('drops saves the engine will refuse again, so later answers are not held behind them', () => {
    for (const id of [
      'item_closed',
      'part_closed',
      'response_too_large',
      'time_limit_reached',
      'invalid_payload',
      'answer_too_late',
    ])
      expect(saveRefusalAction(id), id).toBe('drop');
  });

  it('sends again soon after a rate limit or a failed store, and waits for the next event otherwise', () => {
    expect(saveRefusalAction('rate_limited')).toBe('retry-soon');
    expect(saveRefusalAction('save_failed')).toBe('retry-soon');
    expect(saveRefusalAction('session_paused')).toBe('wait');
    expect(saveRefusalAction('offline')).toBe('wait');
  });
});
