/**
 * A scored linear sitting with pretest items, for the calibration tests (issue 23): operational items
 * O0..O7 with stored 2PL parameters (the bank's anchors) and pretest items P0..P3 without, every form
 * carrying all four pretest items (rate per-form 4). Each candidate (ability drawn by a seeded
 * generator) answers every item by the 2PL at the generating parameters below, through the engine's
 * own commands (check-in over HTTP, start, save, navigate, submit, QTI scoring), so the stored
 * sessions are what a real sitting leaves. Each candidate's answers are drawn item by item in a fixed
 * order, so every run gives the same responses (only the forms' item order differs between runs).
 */
import { eq } from 'drizzle-orm';
import { seededRandom } from '../../../grading/index.ts';
import { saveItemParameters } from '../../../item-bank/index.ts';
import { candidateSessions } from '../../delivery/tables.ts';
import { navigate } from '../../delivery/route-commands.ts';
import { startSession, submitSession } from '../../delivery/session-commands.ts';
import type { Engine } from '../../engine.ts';
import { createQtiScorer } from '../../results/qti-scorer.ts';
import { scoreSession } from '../../results/score-session.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { isPretest } from '../../sittings/pretest.ts';
import { checkInCandidate } from '../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import type { TestEngine } from '../support/test-engine.ts';
import { buildRulesSitting, choiceItemXml, saveItems } from '../stored-test-sitting.ts';

/** Generating parameters (2PL, D = 1): operational items as stored, pretest items to be found. */
export const OPERATIONAL = Array.from({ length: 8 }, (_, k) => ({ a: 1.2, b: -1.75 + k * 0.5 }));
export const PRETEST = [
  { a: 1.4, b: -1.2 },
  { a: 1.2, b: -0.3 },
  { a: 1.5, b: 0.5 },
  { a: 1.3, b: 1.3 },
];

export async function buildPretestCalibrationSitting(engine: Engine, candidates: number, seed = 2026) {
  const { db } = engine.deps;
  const tree = await buildOrganisationTree(db);
  const xml: Record<string, string> = {};
  OPERATIONAL.forEach((_, k) => (xml[`O${k}`] = choiceItemXml(`O${k}`)));
  PRETEST.forEach((_, k) => (xml[`P${k}`] = choiceItemXml(`P${k}`)));
  const saved = await saveItems(engine as TestEngine, tree, xml);
  await saveItemParameters(
    db,
    OPERATIONAL.map((p, k) => ({
      itemId: saved.itemIds[`O${k}`]!,
      model: '2pl',
      parameters: { model: '2pl' as const, ...p },
      sampleSize: 1000,
    })),
    { source: 'file:bank.csv' },
  );
  const sitting = await buildRulesSitting(engine as TestEngine, tree, {
    students: candidates,
    form: {
      navigationMode: 'linear',
      sections: [
        {
          identifier: 'S1',
          title: 'Phần 1',
          items: OPERATIONAL.map((_, k) => ({ itemId: saved.itemIds[`O${k}`]! })),
        },
      ],
      pretest: {
        items: PRETEST.map((_, k) => ({ itemId: saved.itemIds[`P${k}`]! })),
        rate: { kind: 'per-form', count: PRETEST.length },
      },
    },
  });
  const rng = seededRandom(seed);
  const scorer = createQtiScorer();
  /** Per session: the operational items answered right (its expected raw score). */
  const rightOperational = new Map<string, number>();
  for (const [index, candidate] of sitting.candidates.entries()) {
    const theta = 2.5 * (rng() * 2 - 1);
    // Every item's answer is drawn in one fixed order (operational, then pretest): the form's order and
    // the pretest items' places come from the session's seed, drawn at check-in, and differ run to run.
    const answersRight = new Map<string, boolean>();
    for (const [k, p] of OPERATIONAL.entries()) answersRight.set(`O${k}`, rng() < rightChance(p, theta));
    for (const [k, p] of PRETEST.entries()) answersRight.set(`P${k}`, rng() < rightChance(p, theta));
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
    await db
      .update(candidateSessions)
      .set({ seed: 7_919 * (index + 1) })
      .where(eq(candidateSessions.id, sessionId));
    await startSession(db, sessionId);
    const [row] = await db
      .select({ form: candidateSessions.form })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId));
    const entries = (row!.form as AssembledForm).entries;
    let right = 0;
    for (const [position, entry] of entries.entries()) {
      const correct = answersRight.get(entry.itemRef)!;
      if (correct && !isPretest(entry)) right++;
      const written = await engine.writer.save({
        sessionId,
        itemRef: entry.itemRef,
        seq: 1,
        responses: { RESPONSE: correct ? 'A' : 'B' },
      });
      if (!written.ok) throw written.error;
      if (position + 1 < entries.length) await navigate(db, sessionId, position + 1);
    }
    rightOperational.set(sessionId, right);
    await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
    await scoreSession(db, scorer, sessionId);
  }
  return { tree, saved, sitting, rightOperational };
}

/** The 2PL chance that a candidate of ability `theta` answers an item right. */
function rightChance(p: { a: number; b: number }, theta: number): number {
  return 1 / (1 + Math.exp(-p.a * (theta - p.b)));
}
