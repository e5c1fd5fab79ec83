/**
 * Which version of each answer a page shows after (re)connecting. Three places can hold one: the
 * engine's snapshot (durable), the device's store (written before sending, maybe not yet sent) and the
 * page itself (what the candidate typed while the snapshot was on its way). The highest sequence wins,
 * and the page's own keystrokes beat both unless the engine has stored a later version from elsewhere
 * (the session moved to another device and went on there).
 */
import type { ItemResponses } from '../../engine/client.ts';

export interface ResumeSources {
  /** The engine's latest stored version of each item. */
  snapshot: Record<string, { seq: number; responses: ItemResponses }>;
  /** The device store's newest answer of each item. */
  local: ReadonlyMap<string, { seq: number; responses: ItemResponses }>;
  /** The engine's sequence per item as this page knew it before the snapshot was asked for. */
  knownBefore: ReadonlyMap<string, number>;
  /** Items answered on this page since it loaded, and what the page holds for them now. */
  answeredHere: Iterable<string>;
  held: Record<string, ItemResponses>;
}

export function resumedAnswers({
  snapshot,
  local,
  knownBefore,
  answeredHere,
  held,
}: ResumeSources): Record<string, ItemResponses> {
  const answers: Record<string, ItemResponses> = {};
  for (const [ref, saved] of Object.entries(snapshot)) answers[ref] = saved.responses;
  for (const [ref, save] of local) {
    if (save.seq > (snapshot[ref]?.seq ?? 0)) answers[ref] = save.responses;
  }
  for (const ref of answeredHere) {
    const ours = Math.max(local.get(ref)?.seq ?? 0, knownBefore.get(ref) ?? 0);
    const theirs = snapshot[ref]?.seq ?? 0;
    const page = held[ref];
    if (page !== undefined && theirs <= ours) answers[ref] = page;
  }
  return answers;
}
