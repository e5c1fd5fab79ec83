import type { Cat } from '../session/cat.ts';
import { startSession, type CatSession } from '../session/decision.ts';
import { nextStep, recordResponse } from '../session/next-step.ts';

/** Runs one CAT to its end, asking `answer` for each chosen item's response category. */
export function runCat(cat: Cat, seed: number, answer: (itemId: string) => number): CatSession {
  let session = startSession(seed);
  for (;;) {
    const { session: next, decision } = nextStep(cat, session);
    session = next;
    if (decision.chosen === null) return session;
    session = recordResponse(session, decision.chosen, answer(decision.chosen));
  }
}
