/**
 * Re-scoring a sitting after a key correction: the corrected item version (a new version of an
 * item the sitting delivered) is scored against every scored session's stored responses. A session
 * whose score for that item changes gets a new result version (never an update in place) through
 * scoreSession, which audits it, records the corrected version on the result so later re-scores
 * (marks) keep it, and, for a final result, writes the e-records outbox row in the same
 * transaction. Sessions whose score does not change keep their result and send nothing. The whole
 * sitting is re-scored in one transaction, with its audit row (`results.rescore_sitting`): on any
 * failure nothing is written.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { itemBankTables } from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { scoreSession, type SessionResult } from '../score-session.ts';
import { type ItemScorer } from '../../delivery/item-scorer.ts';
import { latestResponses } from '../../delivery/session-snapshot.ts';
import { candidateSessions, sessionResults } from '../../delivery/tables.ts';
import { sittingCandidates, sittings } from '../../sittings/tables.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { resolvedMarks } from '../resolved-marks.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface RescoreRequest {
  /** The corrected item version (of an item this sitting delivered). */
  itemVersionId: string;
  /** Why, for the audit log and the result versions (e.g. "Đáp án câu 5 sửa từ B thành C"). */
  reason: string;
}

interface ScoreSummary {
  version: number;
  rawScore: number;
  maxScore: number;
  scaledScore: number | null;
  status: string;
  rating: string | null;
}

export interface RescoreOutcome {
  sittingId: string;
  item: { itemId: string; itemVersionId: string; version: number };
  rescored: { sessionId: string; candidateNumber: string; previous: ScoreSummary; current: ScoreSummary }[];
  /** Sessions whose score for the item stays the same under the corrected version. */
  unchanged: number;
  /** Submitted sessions without a result yet (the scoring queue scores them). */
  notScored: number;
}

const summary = (r: ScoreSummary): ScoreSummary => ({
  version: r.version,
  rawScore: r.rawScore,
  maxScore: r.maxScore,
  scaledScore: r.scaledScore,
  status: r.status,
  rating: r.rating,
});

export async function rescoreSitting(
  db: Database,
  scorer: ItemScorer,
  actor: StaffActor,
  input: RescoreRequest & {
    sittingId: string;
    /** The organisation owning the sitting, for the audit row. */
    organisationId?: string;
  },
  context: CommandContext = {},
): Promise<RescoreOutcome> {
  const { sittingId, organisationId, ...request } = input;
  const { itemVersions } = itemBankTables;
  return db.transaction(async (tx) => {
    const [sitting] = await tx.select({ id: sittings.id }).from(sittings).where(eq(sittings.id, sittingId));
    if (!sitting) throw errors.notFound('The sitting');
    const [corrected] = await tx
      .select({
        id: itemVersions.id,
        itemId: itemVersions.itemId,
        version: itemVersions.version,
        model: itemVersions.model,
      })
      .from(itemVersions)
      .where(eq(itemVersions.id, request.itemVersionId));
    if (!corrected) throw errors.notFound('The item version');
    const sessions = await tx
      .select({ session: candidateSessions, candidateNumber: sittingCandidates.candidateNumber })
      .from(candidateSessions)
      .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
      .where(
        and(
          eq(candidateSessions.sittingId, sittingId),
          inArray(candidateSessions.state, ['submitted', 'scored']),
        ),
      );
    // Which delivered versions are versions of the corrected item.
    const deliveredIds = [
      ...new Set(
        sessions.flatMap((s) => (s.session.form as AssembledForm).entries.map((e) => e.itemVersionId)),
      ),
    ];
    const itemOf = new Map(
      deliveredIds.length
        ? (
            await tx
              .select({ id: itemVersions.id, itemId: itemVersions.itemId })
              .from(itemVersions)
              .where(inArray(itemVersions.id, deliveredIds))
          ).map((v) => [v.id, v.itemId])
        : [],
    );
    const outcome: RescoreOutcome = {
      sittingId,
      item: { itemId: corrected.itemId, itemVersionId: corrected.id, version: corrected.version },
      rescored: [],
      unchanged: 0,
      notScored: 0,
    };
    let delivered = false;
    for (const { session, candidateNumber } of sessions) {
      const refs = (session.form as AssembledForm).entries
        .filter((e) => itemOf.get(e.itemVersionId) === corrected.itemId)
        .map((e) => e.itemRef);
      if (!refs.length) continue;
      delivered = true;
      const [previous] = await tx
        .select()
        .from(sessionResults)
        .where(eq(sessionResults.sessionId, session.id))
        .orderBy(desc(sessionResults.version))
        .limit(1);
      if (!previous) {
        outcome.notScored++;
        continue;
      }
      const before = previous.outcomes as SessionResult['items'];
      const marks = await resolvedMarks(tx, sittingId, session.id);
      const answers = await latestResponses(tx, session.id);
      let changed = false;
      for (const ref of refs) {
        const responses = answers[ref]?.responses;
        const after =
          (await scorer.gradeCode?.(corrected.model, responses)) ??
          scorer.scoreItem(corrected.model, responses, {
            seed: session.seed,
            itemRef: ref,
            versionId: corrected.id,
          });
        const score = marks[ref] ?? after.score;
        const old = before[ref];
        if (!old || old.score !== score || old.maxScore !== after.maxScore) changed = true;
      }
      if (!changed) {
        outcome.unchanged++;
        continue;
      }
      const result = await scoreSession(
        tx,
        scorer,
        session.id,
        `key correction: ${request.reason}`,
        marks,
        { actorId: actor.userId, actorRole: actor.role, ip: context.ip },
        Object.fromEntries(refs.map((ref) => [ref, corrected.id])),
      );
      outcome.rescored.push({
        sessionId: session.id,
        candidateNumber,
        previous: summary(previous),
        current: summary(result),
      });
    }
    if (!delivered)
      throw new AppError(
        400,
        'item_not_in_sitting',
        'No session of this sitting was given a version of this item: nothing to re-score.',
      );
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      ip: context.ip,
      organisationId,
      action: 'results.rescore_sitting',
      subjectType: 'sitting',
      subjectId: sittingId,
      details: {
        reason: request.reason,
        itemId: corrected.itemId,
        itemVersionId: corrected.id,
        itemVersion: corrected.version,
        rescored: outcome.rescored.map((r) => ({
          sessionId: r.sessionId,
          fromVersion: r.previous.version,
          toVersion: r.current.version,
          rawScore: [r.previous.rawScore, r.current.rawScore],
        })),
        unchanged: outcome.unchanged,
        notScored: outcome.notScored,
      },
    });
    return outcome;
  });
}
