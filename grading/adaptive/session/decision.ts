import type { AbilityEstimate } from '../estimators/response.ts';
import type { StopReason } from '../stopping/stop-rule.ts';

/**
 * One step of a CAT, with every input that decided it, so an appeal can replay it: the estimate
 * from the first `step` responses, how many items were eligible, the stratum and blueprint cell
 * in force, the ranked candidates considered with their criterion values, the random draws used,
 * and the item chosen (or why the test stopped).
 */
export interface Decision {
  /** Number of responses this decision saw (the first `step` entries of the log's responses). */
  step: number;
  estimate: AbilityEstimate;
  eligible: number;
  stratum?: number;
  cell?: string;
  candidates: { id: string; value: number }[];
  draws: number[];
  chosen: string | null;
  /** Sympson–Hetter gave the best item after every candidate lost its draw. */
  forced?: boolean;
  stop: StopReason | null;
}

export interface AdministeredResponse {
  itemId: string;
  category: number;
}

/**
 * A CAT in progress and, once finished, its log. The random generator is stored as its seed and
 * the number of draws used, so the session can be resumed anywhere.
 */
export interface CatSession {
  seed: number;
  drawsUsed: number;
  responses: AdministeredResponse[];
  /** Items a lost Sympson–Hetter draw has set aside for this candidate. */
  setAside: string[];
  decisions: Decision[];
  finished: StopReason | null;
}

export function startSession(seed: number): CatSession {
  return { seed: seed >>> 0, drawsUsed: 0, responses: [], setAside: [], decisions: [], finished: null };
}
