/**
 * What the candidate page does with a save the engine did not store. A refusal the engine will give
 * again for the same save (the item is closed, the answer is too large...) must leave the queue, or
 * every later answer would wait behind it for ever; anything else is sent again.
 */
const REFUSED_FOR_GOOD = new Set([
  'answer_too_late',
  'session_locked',
  'unknown_item',
  'item_closed',
  'part_closed',
  'time_limit_reached',
  'attempts_exhausted',
  'route_ended',
  'invalid_payload',
  'response_too_large',
]);

/** Refusals worth another try after a pause rather than on the next event. */
const RETRY_SOON = new Set(['rate_limited', 'save_failed', 'timeout', 'server_busy']);

export type SaveRefusalAction = 'drop' | 'retry-soon' | 'wait';

export function saveRefusalAction(errorId: string): SaveRefusalAction {
  if (REFUSED_FOR_GOOD.has(errorId)) return 'drop';
  if (RETRY_SOON.has(errorId)) return 'retry-soon';
  return 'wait'; // offline or paused: the reconnect or resume event sends it again
}

/** The pause before sending again a save the engine could not take yet. */
export const SAVE_RETRY_MS = 1_000;
