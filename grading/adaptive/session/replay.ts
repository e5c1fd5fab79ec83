import type { Cat } from './cat.ts';
import { startSession, type CatSession, type Decision } from './decision.ts';
import { nextStep } from './next-step.ts';

/** What a finished CAT leaves behind: its seed, the responses in order and every decision. */
export type CatLog = Pick<CatSession, 'seed' | 'responses' | 'decisions'>;

export interface ReplayMismatch {
  step: number;
  field: string;
  logged: unknown;
  replayed: unknown;
}

export interface ReplayResult {
  ok: boolean;
  steps: number;
  mismatches: ReplayMismatch[];
}

const FIELDS: (keyof Decision)[] = [
  'step',
  'estimate',
  'eligible',
  'stratum',
  'cell',
  'candidates',
  'draws',
  'chosen',
  'forced',
  'stop',
];

/** JSON with object keys sorted: a log read back from a database (jsonb) keeps no key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Re-runs every decision of a log from its seed and the logged responses with the given pool and
 * configuration, and lists each field that comes out differently (compared as JSON with sorted
 * keys, which round-trips doubles exactly and ignores the key order a database may change). Also checks that response i answers the item decision i chose.
 */
export function replay(log: CatLog, cat: Cat): ReplayResult {
  const mismatches: ReplayMismatch[] = [];
  let session = startSession(log.seed);
  log.decisions.forEach((logged, i) => {
    session = { ...session, responses: log.responses.slice(0, i) };
    const out = nextStep(cat, session);
    session = out.session;
    for (const field of FIELDS) {
      const a = canonical(logged[field]);
      const b = canonical(out.decision[field]);
      if (a !== b) mismatches.push({ step: i, field, logged: logged[field], replayed: out.decision[field] });
    }
    const answered = log.responses[i];
    if (out.decision.chosen !== null && answered && answered.itemId !== out.decision.chosen)
      mismatches.push({
        step: i,
        field: 'response.itemId',
        logged: answered.itemId,
        replayed: out.decision.chosen,
      });
  });
  const lastStop = log.decisions[log.decisions.length - 1]?.stop ?? null;
  const expectedResponses = lastStop ? log.decisions.length - 1 : log.decisions.length;
  if (log.responses.length !== expectedResponses)
    mismatches.push({
      step: log.decisions.length,
      field: 'responses.length',
      logged: log.responses.length,
      replayed: expectedResponses,
    });
  return { ok: mismatches.length === 0, steps: log.decisions.length, mismatches };
}
