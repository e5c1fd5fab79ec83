/**
 * Records a teacher's mark on one response (points, or rubric levels): the role (first, second,
 * moderator) follows the double-marking rule, and the mark and its audit row (`marking.mark`) are
 * written in one transaction. Two markers racing for the same role get 409 (`refused: taken`) from
 * the unique index, never a 500. Once every manually marked item of the session is resolved, the
 * session is re-scored into a new result version by scoreSession, after the mark has committed, in
 * its own transaction with its own audit row (`results.rescore`), as before: scoring (code items
 * are run in sandboxes) is kept out of the mark's transaction, and a failed re-score leaves the mark.
 */
import { and, desc, eq } from 'drizzle-orm';
import {
  gradingTables,
  nextRole,
  resolveMarks,
  RubricCriteria,
  scoreRubric,
  type MarkRole,
} from '../../../grading/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { errors } from '../../platform/errors.ts';
import type { ItemScorer } from '../../delivery/item-scorer.ts';
import { candidateSessions, sessionResults } from '../../delivery/tables.ts';
import { mayGiveMark, notAssignedMarker, type MarkingRights } from '../marking-team.ts';
import { DEFAULT_RULE, rulesOf } from '../sitting-marking.ts';
import { scoreSession } from '../score-session.ts';
import type { CommandContext } from '../../platform/command-context.ts';

const { marks, markingConfigs, rubrics } = gradingTables;

export interface MarkInput {
  sittingId: string;
  /** The organisation owning the sitting, for the audit row. */
  organisationId?: string;
  sessionId: string;
  itemRef: string;
  /** Points given directly, when the item has no rubric. */
  score?: number;
  /** Level index per rubric criterion id, when the item has a rubric. */
  levels?: Record<string, number>;
  comment?: string;
}

export interface RecordedMark {
  role: MarkRole;
  score: number;
  itemState: ReturnType<typeof resolveMarks>['state'];
  /** The new result version when the mark completed the session's marking, else null. */
  result: { version: number; status: string; scaledScore: number | null; rating: string | null } | null;
}

/** An item's marking settings in a sitting (the defaults when none were set). */
export async function configOf(db: Database, sittingId: string, itemRef: string) {
  const [row] = await db
    .select({ config: markingConfigs, criteria: rubrics.criteria })
    .from(markingConfigs)
    .leftJoin(rubrics, eq(rubrics.id, markingConfigs.rubricId))
    .where(and(eq(markingConfigs.sittingId, sittingId), eq(markingConfigs.itemRef, itemRef)));
  return {
    anonymous: row?.config.anonymous ?? true,
    doubleMarking: row?.config.doubleMarking ?? false,
    discrepancyThreshold: row?.config.discrepancyThreshold ?? 1,
    criteria: row?.criteria ? RubricCriteria.parse(row.criteria) : undefined,
  };
}

async function latestResult(db: Database, sessionId: string) {
  const [row] = await db
    .select()
    .from(sessionResults)
    .where(eq(sessionResults.sessionId, sessionId))
    .orderBy(desc(sessionResults.version))
    .limit(1);
  return row;
}

export async function recordMark(
  deps: { db: Database; scorer: ItemScorer },
  actor: StaffActor,
  /** What the actor may do in this sitting's marking (the marking team's rule). */
  rights: MarkingRights,
  input: MarkInput,
  context: CommandContext = {},
): Promise<RecordedMark> {
  const { db } = deps;
  const { sittingId } = input;
  const [session] = await db
    .select()
    .from(candidateSessions)
    .where(eq(candidateSessions.id, input.sessionId));
  if (!session || session.sittingId !== sittingId) throw errors.notFound('The candidate session');
  const result = await latestResult(db, input.sessionId);
  const items = (result?.outcomes ?? {}) as Record<string, { pending?: boolean; maxScore?: number }>;
  const item = items[input.itemRef];
  const given = await db
    .select()
    .from(marks)
    .where(and(eq(marks.sessionId, input.sessionId), eq(marks.itemRef, input.itemRef)));
  if (!item?.pending && !given.length)
    throw errors.badRequest(`${input.itemRef} does not wait for a teacher's mark.`);
  const config = await configOf(db, sittingId, input.itemRef);
  let score: number;
  try {
    score = config.criteria ? scoreRubric(config.criteria, input.levels ?? {}) : (input.score ?? NaN);
  } catch (error) {
    throw errors.badRequest(`levels: ${(error as Error).message}`);
  }
  if (!Number.isFinite(score)) throw errors.badRequest('score: give the points awarded.');
  if (item?.maxScore !== undefined && score > item.maxScore)
    throw errors.badRequest(`score: at most ${item.maxScore} points.`);
  const role = nextRole(
    config,
    given.map((m) => ({ ...m, role: m.role as MarkRole })),
    actor.userId,
    rights.moderate,
  );
  if (typeof role !== 'string')
    throw errors.conflict(`This response cannot take your mark (${role.refused}).`, role);
  // Exam board staff left out of an assigned team may still settle a discrepancy, nothing else.
  if (!mayGiveMark(rights, role)) throw notAssignedMarker();
  await db
    .transaction(async (tx) => {
      await tx.insert(marks).values({
        sittingId,
        sessionId: input.sessionId,
        itemRef: input.itemRef,
        markerId: actor.userId,
        role,
        score,
        levels: input.levels ?? {},
        comment: input.comment,
      });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'marking.mark',
        subjectType: 'session',
        subjectId: input.sessionId,
        organisationId: input.organisationId,
        ip: context.ip,
        details: { itemRef: input.itemRef, role, score, levels: input.levels ?? {} },
      });
    })
    .catch((error: unknown) => {
      // Another marker took this role between our check and our insert (the unique index on
      // session, item and role): the same refusal as if they had been a moment quicker.
      if (isUniqueViolation(error))
        throw errors.conflict(`Another marker has just given the ${role} mark of this response.`, {
          refused: 'taken',
          role,
        });
      throw error;
    });
  // Re-score once every item that waited for a marker is resolved.
  const [all, rules] = await Promise.all([
    db.select().from(marks).where(eq(marks.sessionId, input.sessionId)),
    rulesOf(db, sittingId),
  ]);
  const manual: Record<string, number> = {};
  let complete = true;
  for (const [ref, it] of Object.entries(items)) {
    if (!it.pending && !all.some((m) => m.itemRef === ref)) continue;
    const cfg = ref === input.itemRef ? config : (rules.get(ref) ?? DEFAULT_RULE);
    const resolution = resolveMarks(
      cfg,
      all.filter((m) => m.itemRef === ref).map((m) => ({ role: m.role as MarkRole, score: m.score })),
    );
    if (resolution.state === 'resolved') manual[ref] = resolution.score;
    else complete = false;
  }
  const state = resolveMarks(
    config,
    all.filter((m) => m.itemRef === input.itemRef).map((m) => ({ role: m.role as MarkRole, score: m.score })),
  ).state;
  const rescored = complete
    ? await scoreSession(db, deps.scorer, input.sessionId, 'marked', manual, {
        actorId: actor.userId,
        actorRole: actor.role,
        ip: context.ip,
      })
    : undefined;
  return {
    role,
    score,
    itemState: state,
    result: rescored
      ? {
          version: rescored.version,
          status: rescored.status,
          scaledScore: rescored.scaledScore,
          rating: rescored.rating,
        }
      : null,
  };
}
