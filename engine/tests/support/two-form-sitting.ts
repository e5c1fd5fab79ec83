/**
 * Test fixture: a scored sitting of two parallel forms (mã đề A and B, the same test items in
 * opposite orders, or with `distinctItems` different items under the same refs Q1..Q3), for the
 * result exports and reports to show which form each candidate sat.
 * Scheduling by stored tests is covered by sittings/parallel-forms.test.ts; here the sitting's
 * form set is written directly so the stand-in test scorer can grade it. Check-in, form choice
 * (A, B, A, ... in candidate-number order), answering and scoring go through the real paths.
 */
import { eq, inArray } from 'drizzle-orm';
import { itemBankTables } from '../../../item-bank/index.ts';
import type { Engine } from '../../engine.ts';
import { FormSpec } from '../../sittings/form.ts';
import { parallelFormSet } from '../../sittings/parallel-forms.ts';
import { scoreSession } from '../../results/score-session.ts';
import { startSession, submitSession } from '../../delivery/session-commands.ts';
import { sittings } from '../../sittings/tables.ts';
import { buildItems, buildSitting, checkInCandidate, testScorer } from './delivery-fixtures.ts';
import type { buildOrganisationTree } from './factories.ts';

type Tree = Awaited<ReturnType<typeof buildOrganisationTree>>;

export async function buildTwoFormSitting(
  engine: Engine,
  tree: Tree,
  options: {
    students: number;
    sitting?: Partial<typeof sittings.$inferInsert>;
    /** Form B gets items of its own, stored under the same identifiers (so the same refs). */
    distinctItems?: boolean;
  },
) {
  const { db } = engine.deps;
  const itemCount = 3;
  const sitting = await buildSitting(engine, tree, await buildItems(engine, tree, itemCount), {
    students: options.students,
  });
  const [row] = await db.select().from(sittings).where(eq(sittings.id, sitting.sittingId));
  const formA = FormSpec.parse(row!.formSpec);
  const otherVersions = new Map<string, string>();
  if (options.distinctItems) {
    const ids = await buildItems(engine, tree, itemCount);
    const versions = await db
      .select({ id: itemBankTables.itemVersions.id, identifier: itemBankTables.items.identifier })
      .from(itemBankTables.itemVersions)
      .innerJoin(itemBankTables.items, eq(itemBankTables.items.id, itemBankTables.itemVersions.itemId))
      .where(inArray(itemBankTables.itemVersions.itemId, ids));
    for (const v of versions) otherVersions.set(v.identifier, v.id);
  }
  const formB = FormSpec.parse({
    ...formA,
    sections: formA.sections!.map((s) => ({
      ...s,
      items: options.distinctItems
        ? s.items.map((item) =>
            'itemRef' in item ? { ...item, itemVersionId: otherVersions.get(item.itemRef)! } : item,
          )
        : [...s.items].reverse(),
    })),
  });
  await db
    .update(sittings)
    .set({
      organisationId: tree.schoolA.id,
      formSpec: parallelFormSet([
        { label: 'A', spec: formA },
        { label: 'B', spec: formB },
      ]),
      ...options.sitting,
    })
    .where(eq(sittings.id, sitting.sittingId));

  const ordered = [...sitting.candidates].sort((a, b) => a.candidateNumber.localeCompare(b.candidateNumber));
  const sessions: Array<{
    sessionId: string;
    sessionToken: string;
    candidateNumber: string;
    studentId: string;
  }> = [];
  for (const [i, candidate] of ordered.entries()) {
    const { sessionId, sessionToken } = await checkInCandidate(engine, sitting.accessCode, candidate);
    await startSession(db, sessionId);
    // Candidate i answers the first i items right.
    for (let q = 1; q <= itemCount; q++) {
      const saved = await engine.writer.save({
        sessionId,
        itemRef: `Q${q}`,
        seq: 1,
        responses: { RESPONSE: q <= i ? `SECRET-KEY-${q}` : 'wrong' },
      });
      if (!saved.ok) throw saved.error;
    }
    await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
    await scoreSession(db, engine.deps.scorer ?? testScorer, sessionId);
    sessions.push({
      sessionId,
      sessionToken,
      candidateNumber: candidate.candidateNumber,
      studentId: candidate.studentId,
    });
  }
  /** In candidate-number order; candidate i has i right answers of 3. */
  return { ...sitting, sessions };
}
