/**
 * Scores a submitted session: every item of the form with its latest saved responses, through
 * the grading engine (compiled per item version and cached), weighted and summed; the result is
 * stored as a new version and the session moves to `scored` when nothing waits for a marker or
 * a code sandbox. Re-scoring (after a key correction) adds a version with its reason.
 */
import { and, desc, eq } from 'drizzle-orm';
import { itemBankTables } from '../../item-bank/index.ts';
import { ratingOf, type RatingThresholds } from '../../grading/index.ts';
import type { Database } from '../db/database.ts';
import type { ItemResponses } from '../protocol/candidate.ts';
import type { AssembledForm } from './form.ts';
import { latestResponses } from './session-snapshot.ts';
import { classes, organisations, students } from '../schema.ts';
import { erecordsOutbox } from '../records/tables.ts';
import { appendAudit, type AuditEntry } from '../audit/audit-log.ts';
import { candidateSessions, sessionEvents, sessionResults, sittingCandidates, sittings } from './tables.ts';

export interface ItemScore {
  /** All outcome variables of the item after response processing, in their JSON forms. */
  outcomes: Record<string, unknown>;
  score: number;
  maxScore: number;
  /** True when a human marker or a code sandbox still has to decide (the score is partial). */
  pending: boolean;
}

/** The grading engine as delivery sees it. */
export interface ItemScorer {
  scoreItem(
    model: unknown,
    responses: ItemResponses | undefined,
    context: { seed: number; itemRef: string; versionId: string },
  ): ItemScore;
  /**
   * Items the QTI processing cannot score alone (code tasks, graded in the sandboxes): their score,
   * or undefined for an ordinary item.
   */
  gradeCode?(model: unknown, responses: ItemResponses | undefined): Promise<ItemScore | undefined>;
  /** The 10-point score, rounded as the scale says (`school`: one decimal, `exam_board`: two). */
  toTenPointScale(raw: number, max: number, scale: string): number;
  /** The school's rating of a 10-point score (Thông tư 22: Tốt, Khá, Đạt, Chưa đạt). */
  rate(score10: number): string;
}

export interface SessionResult {
  sessionId: string;
  version: number;
  rawScore: number;
  maxScore: number;
  scaledScore: number;
  status: 'final' | 'pending';
  /** The Thông tư 22 rating of a final result (null while pending). */
  rating: string | null;
  items: Record<string, ItemScore & { weight: number }>;
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
): Promise<SessionResult> {
  const [row] = await db
    .select({
      session: candidateSessions,
      scale: sittings.scale,
      ratingThresholds: sittings.ratingThresholds,
      sitting: {
        id: sittings.id,
        name: sittings.name,
        subject: sittings.subject,
        organisationId: sittings.organisationId,
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
  const form = session.form as AssembledForm;
  const answers = await latestResponses(db, sessionId);
  const versionIds = [...new Set(form.entries.map((e) => e.itemVersionId))];
  const models = new Map<string, unknown>();
  for (const id of versionIds) {
    const [v] = await db
      .select({ model: itemBankTables.itemVersions.model })
      .from(itemBankTables.itemVersions)
      .where(eq(itemBankTables.itemVersions.id, id));
    models.set(id, v?.model);
  }
  const items: SessionResult['items'] = {};
  let raw = 0;
  let max = 0;
  let pending = false;
  for (const entry of form.entries) {
    const model = models.get(entry.itemVersionId);
    const responses = answers[entry.itemRef]?.responses;
    const scored =
      (await scorer.gradeCode?.(model, responses)) ??
      scorer.scoreItem(model, responses, {
        seed: session.seed,
        itemRef: entry.itemRef,
        versionId: entry.itemVersionId,
      });
    const marked = manualScores[entry.itemRef];
    if (marked !== undefined) {
      scored.score = marked;
      scored.outcomes = { ...scored.outcomes, SCORE: marked };
      scored.pending = false;
    }
    items[entry.itemRef] = { ...scored, weight: entry.weight };
    raw += scored.score * entry.weight;
    max += scored.maxScore * entry.weight;
    pending ||= scored.pending;
  }
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
    await tx.insert(sessionResults).values({
      sessionId,
      version,
      outcomes: items,
      rawScore: raw,
      maxScore: max,
      scaledScore: scaled,
      status,
      rating: pending ? null : rating,
      reason,
    });
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
        },
      });
    }
    await tx.insert(sessionEvents).values({
      sessionId,
      type: 'scored',
      actorType: 'system',
      data: { version, rawScore: raw, maxScore: max, status },
    });
    if (!pending) {
      // The e-records outbox row commits with the result it reports, or not at all.
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
          submittedAt: session.submittedAt?.toISOString() ?? null,
          scores: { raw, max, tenPoint: scaled },
          rating,
          reason,
        },
      });
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
    };
  });
}
