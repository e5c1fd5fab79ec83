/**
 * Test fixture: a scored sitting of two parallel forms (mã đề A and B, the same test items in
 * opposite orders), for the result exports and reports to show which form each candidate sat.
 * Scheduling by stored tests is covered by sittings/parallel-forms.test.ts; here the sitting's
 * form set is written directly so the stand-in test scorer can grade it. Check-in, form choice
 * (A, B, A, ... in candidate-number order), answering and scoring go through the real paths.
 */
import { eq } from 'drizzle-orm';
import type { Engine } from '../../../engine.ts';
import { FormSpec } from '../../../delivery/form.ts';
import { parallelFormSet } from '../../../delivery/parallel-forms.ts';
import { scoreSession } from '../../../delivery/score-session.ts';
import { startSession, submitSession } from '../../../delivery/session-commands.ts';
import { sittings } from '../../../delivery/tables.ts';
import { buildItems, buildSitting, checkInCandidate, testScorer } from '../../../test/delivery-fixtures.ts';
import type { buildOrganisationTree } from '../../../test/factories.ts';

type Tree = Awaited<ReturnType<typeof buildOrganisationTree>>;

export async function buildTwoFormSitting(
  engine: Engine,
  tree: Tree,
  options: { students: number; sitting?: Partial<typeof sittings.$inferInsert> },
) {
  const { db } = engine.deps;
  const itemCount = 3;
  const sitting = await buildSitting(engine, tree, await buildItems(engine, tree, itemCount), {
    students: options.students,
  });
  const [row] = await db.select().from(sittings).where(eq(sittings.id, sitting.sittingId));
  const formA = FormSpec.parse(row!.formSpec);
  const formB = FormSpec.parse({
    ...formA,
    sections: formA.sections!.map((s) => ({ ...s, items: [...s.items].reverse() })),
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
