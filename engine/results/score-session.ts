/**
 * Scores a submitted session: every item of the form with its latest saved responses, through
 * the grading engine (compiled per item version and cached), weighted and summed; the result is
 * stored as a new version and the session moves to `scored` when nothing waits for a marker or
 * a code sandbox. Re-scoring (after a key correction) adds a version with its reason.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { itemBankTables, type OutcomeDeclaration, type ProcessingNode } from '../../item-bank/index.ts';
import {
  compileTest,
  ratingOf,
  sessionTotals,
  type RatingThresholds,
  type SessionTotals,
} from '../../grading/index.ts';
import type { Database } from '../platform/db/database.ts';
import type { ItemResponses } from '../protocol/candidate.ts';
import type { ItemScore, ItemScorer } from '../delivery/item-scorer.ts';
import { FormSpec, type AssembledForm, type FormEntry } from '../sittings/form.ts';
import { isPretest } from '../sittings/pretest.ts';
import { itemSessionResults } from '../delivery/item-sessions.ts';
import { reportUrlOf } from './report-links.ts';
import { specOfSession } from '../sittings/parallel-forms.ts';
import { progressOf } from '../delivery/route-state.ts';
import { latestResponses } from '../delivery/session-snapshot.ts';
import { classes, organisations, students } from '../people/tables.ts';
import { erecordsOutbox } from './tables.ts';
import { appendAudit, type AuditEntry } from '../people/audit-log.ts';
import { candidateSessions, sessionEvents, sessionResults } from '../delivery/tables.ts';
import { sittingCandidates, sittings } from '../sittings/tables.ts';
import {
  adaptiveAbility,
  dropOpenSlots,
  hasAdaptiveSlots,
  type AdaptiveAbility,
} from '../delivery/adaptive/index.ts';
import { formSpecOf } from '../delivery/form-spec-cache.ts';

export interface SessionResult {
  sessionId: string;
  version: number;
  rawScore: number;
  maxScore: number;
  scaledScore: number;
  status: 'final' | 'pending';
  /** The Thông tư 22 rating of a final result (null while pending). */
  rating: string | null;
  /**
   * `correctedVersionId`: the item version scored instead of the delivered one (a key correction);
   * `pretest`: a pretest item, scored and kept for calibration but outside rawScore and maxScore.
   */
  items: Record<string, ItemScore & { weight: number; correctedVersionId?: string; pretest?: boolean }>;
  /** A delivered QTI test: its outcome variables after outcome processing, and weighted totals per section and category. */
  test?: { outcomes: Record<string, unknown>; totals: SessionTotals };
  /** An adaptive section: the ability (θ) with its standard error and the number of items given. */
  adaptive?: AdaptiveAbility;
}

/**
 * Outcome processing of a delivered QTI test (grading's compileTest over the item sessions the
 * candidate was presented, carrying the final item outcomes: teachers' marks, code grading and
 * corrected keys), and weighted totals per section and category (sessionTotals).
 */
async function testOutcomes(
  db: Database,
  formSpec: unknown,
  session: typeof candidateSessions.$inferSelect,
  form: AssembledForm,
  answers: Record<string, { responses: ItemResponses }>,
  items: SessionResult['items'],
  versionOf: (e: FormEntry) => string,
): Promise<SessionResult['test']> {
  const sittingSpec = FormSpec.safeParse(formSpec).data;
  // A candidate of a parallel-form sitting is scored by the outcome rules of the form they sat.
  const spec = sittingSpec && specOfSession(sittingSpec, form);
  if (!spec?.outcomes) return undefined;
  const skipped = new Set(progressOf(session).skipped ?? []);
  const presented = form.entries.filter((e) => !skipped.has(e.itemRef));
  const sectionsOf = (e: FormEntry) => e.sectionPath ?? [e.sectionIdentifier];
  const compiled = compileTest({
    identifier: spec.outcomes.identifier,
    title: '',
    declarations: spec.outcomes.declarations as OutcomeDeclaration[],
    outcomeProcessing: spec.outcomes.outcomeProcessing as ProcessingNode[],
    itemRefs: form.entries.map((e) => ({
      identifier: e.refIdentifier ?? e.itemRef,
      href: '',
      sections: sectionsOf(e),
      testPart: e.partIdentifier ?? '',
      categories: e.categories,
      weights: e.weights ?? {},
    })),
  });
  const sessions = await itemSessionResults(db, presented, answers, session.seed, {
    versionOf,
    outcomes: Object.fromEntries(Object.entries(items).map(([ref, item]) => [ref, item.outcomes])),
  });
  const totals = sessionTotals(
    presented
      .filter((e) => !isPretest(e))
      .map((e) => ({
        sections: sectionsOf(e),
        categories: e.categories,
        weight: e.weight,
        score: items[e.itemRef]?.score ?? 0,
        maxScore: items[e.itemRef]?.maxScore ?? 0,
      })),
  );
  return { outcomes: compiled.scoreJson(sessions, session.seed), totals };
}

export async function scoreSession(
  db: Database,
  scorer: ItemScorer,
  sessionId: string,
  reason = 'submitted',
  /** Teachers' resolved marks by item ref: they replace the item's score and end its pending state. */
  manualScores: Record<string, number> = {},
  /** Who asked for a re-score (a marker, the exam board); the system when absent. */
  actor: Pick<AuditEntry, 'actorId' | 'actorRole' | 'ip'> = {},
  /** Corrected item versions by item ref (a key correction): scored instead of the delivered ones. */
  itemVersions: Record<string, string> = {},
): Promise<SessionResult> {
  const [row] = await db
    .select({
      session: candidateSessions,
      scale: sittings.scale,
      formSpec: sittings.formSpec,
      ratingThresholds: sittings.ratingThresholds,
      sitting: {
        id: sittings.id,
        name: sittings.name,
        subject: sittings.subject,
        organisationId: sittings.organisationId,
        practice: sittings.practice,
      },
      student: { id: students.id, nationalId: students.nationalId, fullName: students.fullName },
      candidateNumber: sittingCandidates.candidateNumber,
      school: { id: organisations.id, name: organisations.name, code: organisations.code },
      className: classes.name,
    })
    .from(candidateSessions)
    .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .leftJoin(classes, eq(classes.id, students.classId))
    .where(eq(candidateSessions.id, sessionId));
  if (!row) throw new Error(`session ${sessionId} does not exist`);
  const { session } = row;
  if (session.state !== 'submitted' && session.state !== 'scored')
    throw new Error(`session ${sessionId} is ${session.state}, not submitted`);
  // Adaptive places never filled (a session that ended before its CAT) are no items.
  const form = dropOpenSlots(session.form as AssembledForm);
  const answers = await latestResponses(db, sessionId);
  // A key correction stays in force for later re-scores (marks): the latest result records it per item.
  const [previous] = await db
    .select({ outcomes: sessionResults.outcomes })
    .from(sessionResults)
    .where(eq(sessionResults.sessionId, sessionId))
    .orderBy(desc(sessionResults.version))
    .limit(1);
  const corrected: Record<string, string> = { ...itemVersions };
  for (const [ref, item] of Object.entries((previous?.outcomes ?? {}) as SessionResult['items']))
    if (item.correctedVersionId && !corrected[ref]) corrected[ref] = item.correctedVersionId;
  const versionOf = (e: AssembledForm['entries'][number]) => corrected[e.itemRef] ?? e.itemVersionId;
  const versionIds = [...new Set(form.entries.map(versionOf))];
  // One query for the form's item models (a sitting's end scores thousands of sessions).
  const models = new Map<string, unknown>(
    (
      await db
        .select({ id: itemBankTables.itemVersions.id, model: itemBankTables.itemVersions.model })
        .from(itemBankTables.itemVersions)
        .where(inArray(itemBankTables.itemVersions.id, versionIds))
    ).map((v) => [v.id, v.model]),
  );
  const items: SessionResult['items'] = {};
  let raw = 0;
  let max = 0;
  let pending = false;
  for (const entry of form.entries) {
    const model = models.get(versionOf(entry));
    const responses = answers[entry.itemRef]?.responses;
    const scored =
      (await scorer.gradeCode?.(model, responses)) ??
      scorer.scoreItem(model, responses, {
        seed: session.seed,
        itemRef: entry.itemRef,
        versionId: versionOf(entry),
      });
    const marked = manualScores[entry.itemRef];
    if (marked !== undefined) {
      scored.score = marked;
      scored.outcomes = { ...scored.outcomes, SCORE: marked };
      scored.pending = false;
    }
    const correctedVersionId = corrected[entry.itemRef];
    const pretest = isPretest(entry);
    items[entry.itemRef] = {
      ...scored,
      weight: entry.weight,
      ...(correctedVersionId ? { correctedVersionId } : {}),
      ...(pretest ? { pretest: true } : {}),
    };
    if (pretest) continue;
    raw += scored.score * entry.weight;
    max += scored.maxScore * entry.weight;
    pending ||= scored.pending;
  }
  const test = await testOutcomes(db, row.formSpec, session, form, answers, items, versionOf);
  const ability = hasAdaptiveSlots(form)
    ? adaptiveAbility(formSpecOf(row.sitting.id, row.formSpec), form, progressOf(session), items)
    : undefined;
  const scaled = scorer.toTenPointScale(raw, max, row.scale);
  // A sitting may set its own Thông tư 22 thresholds; otherwise the grader's rating stands.
  const thresholds = row.ratingThresholds as RatingThresholds | null;
  const rating = thresholds ? ratingOf(scaled, thresholds) : scorer.rate(scaled);
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ version: sessionResults.version })
      .from(sessionResults)
      .where(eq(sessionResults.sessionId, sessionId))
      .orderBy(desc(sessionResults.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    const status = pending ? 'pending' : 'final';
    const [stored] = await tx
      .insert(sessionResults)
      .values({
        sessionId,
        version,
        outcomes: items,
        rawScore: raw,
        maxScore: max,
        scaledScore: scaled,
        status,
        rating: pending ? null : rating,
        testOutcomes: test || ability ? { ...test, ...(ability ? { adaptive: ability } : {}) } : null,
        reason,
      })
      .returning({ id: sessionResults.id });
    if (version > 1) {
      // Every re-score (marks, a key correction) is audited with the result it produced.
      await appendAudit(tx, {
        ...actor,
        action: 'results.rescore',
        subjectType: 'session',
        subjectId: sessionId,
        organisationId: row.sitting.organisationId,
        details: {
          reason,
          version,
          status,
          rawScore: raw,
          maxScore: max,
          scaledScore: scaled,
          ...(Object.keys(manualScores).length ? { marks: manualScores } : {}),
          ...(Object.keys(itemVersions).length ? { itemVersions } : {}),
        },
      });
    }
    await tx.insert(sessionEvents).values({
      sessionId,
      type: 'scored',
      actorType: 'system',
      data: {
        version,
        rawScore: raw,
        maxScore: max,
        status,
        ...(test ? { test } : {}),
        ...(ability ? { adaptive: ability } : {}),
      },
    });
    if (!pending && !row.sitting.practice) {
      // The e-records outbox row commits with the result it reports, or not at all. The report link
      // is the verify route's PDF (the QR code's token), fetchable by whoever holds the link. A
      // practice sitting's score is feedback, not a grade: nothing of it goes to e-records.
      const reportUrl = reportUrlOf(db, stored!.id, version);
      await tx.insert(erecordsOutbox).values({
        studentId: row.student.id,
        sessionId,
        resultVersion: version,
        idempotencyKey: `result:${sessionId}:v${version}`,
        payload: {
          kind: 'exam_result',
          resultVersion: version,
          student: {
            nationalId: row.student.nationalId,
            fullName: row.student.fullName,
            candidateNumber: row.candidateNumber,
          },
          school: row.school,
          className: row.className,
          subject: row.sitting.subject,
          sitting: { id: row.sitting.id, name: row.sitting.name },
          // The parallel form (mã đề) sat, when the sitting has several.
          ...(form.parallelForm ? { form: form.parallelForm.label } : {}),
          submittedAt: session.submittedAt?.toISOString() ?? null,
          scores: { raw, max, tenPoint: scaled },
          ...(ability ? { ability: { theta: ability.theta, se: ability.se, items: ability.items } } : {}),
          rating,
          reason,
          ...(reportUrl ? { reportUrl } : {}),
        },
      });
    }
    if (!pending) {
      await tx
        .update(candidateSessions)
        .set({ state: 'scored', updatedAt: new Date() })
        .where(and(eq(candidateSessions.id, sessionId), eq(candidateSessions.state, 'submitted')));
    }
    return {
      sessionId,
      version,
      rawScore: raw,
      maxScore: max,
      scaledScore: scaled,
      status,
      rating: pending ? null : rating,
      items,
      ...(test ? { test } : {}),
      ...(ability ? { adaptive: ability } : {}),
    };
  });
}
