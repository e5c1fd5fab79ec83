/**
 * What teacher marking needs to know of one sitting, read in a fixed number of queries whatever
 * its size: every session with its latest result, the marks already given, and each marked item's
 * rule. The queue, the item overview and the home list all start from here (the queue used to
 * read a result, the marks and the responses once per session).
 */
import { and, desc, eq } from 'drizzle-orm';
import {
  gradingTables,
  RubricCriteria,
  resolveMarks,
  type MarkRole,
  type Resolution,
} from '../../grading/index.ts';
import type { Database } from '../platform/db/database.ts';
import type { AssembledForm } from '../sittings/form.ts';
import { candidateSessions, sessionResults } from '../delivery/tables.ts';
import { sittingCandidates } from '../sittings/tables.ts';
import { students } from '../people/tables.ts';

const { marks, markingConfigs, rubrics } = gradingTables;
export type MarkRow = typeof marks.$inferSelect;

export interface MarkingRuleOfItem {
  anonymous: boolean;
  doubleMarking: boolean;
  discrepancyThreshold: number;
  criteria?: RubricCriteria;
}

/** An item with no stored settings: marked once, anonymously, without a rubric. */
export const DEFAULT_RULE: MarkingRuleOfItem = {
  anonymous: true,
  doubleMarking: false,
  discrepancyThreshold: 1,
};

export type ItemOutcomes = Record<string, { pending?: boolean; maxScore?: number; score?: number }>;

export interface SessionToMark {
  id: string;
  fullName: string;
  candidateNumber: string;
  form: AssembledForm;
  /** Item outcomes of the latest result; undefined before the session was scored. */
  outcomes?: ItemOutcomes;
}

export interface SittingMarking {
  sessions: SessionToMark[];
  /** Marks by session id, then item ref. */
  marksOf(sessionId: string, itemRef: string): MarkRow[];
  ruleOf(itemRef: string): MarkingRuleOfItem;
  /** Where the marking of one response stands, or undefined when it never waited for a marker. */
  stateOf(session: SessionToMark, itemRef: string): Resolution['state'] | undefined;
  /** Refs of every item some response of which waits or waited for a marker, in form order. */
  markedItemRefs(): string[];
}

/** Every item's marking settings of a sitting, by item ref. */
export async function rulesOf(db: Database, sittingId: string): Promise<Map<string, MarkingRuleOfItem>> {
  const rows = await db
    .select({ config: markingConfigs, criteria: rubrics.criteria })
    .from(markingConfigs)
    .leftJoin(rubrics, eq(rubrics.id, markingConfigs.rubricId))
    .where(eq(markingConfigs.sittingId, sittingId));
  return new Map(
    rows.map(({ config, criteria }) => [
      config.itemRef,
      {
        anonymous: config.anonymous,
        doubleMarking: config.doubleMarking,
        discrepancyThreshold: config.discrepancyThreshold,
        criteria: criteria ? RubricCriteria.parse(criteria) : undefined,
      },
    ]),
  );
}

/** Loads a sitting's marking state; with `itemRef`, only that item's marks. */
export async function loadSittingMarking(
  db: Database,
  sittingId: string,
  itemRef?: string,
): Promise<SittingMarking> {
  const [sessionRows, resultRows, markRows, rules] = await Promise.all([
    db
      .select({
        id: candidateSessions.id,
        form: candidateSessions.form,
        fullName: students.fullName,
        candidateNumber: sittingCandidates.candidateNumber,
      })
      .from(candidateSessions)
      .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
      .innerJoin(students, eq(students.id, sittingCandidates.studentId))
      .where(eq(candidateSessions.sittingId, sittingId))
      .orderBy(sittingCandidates.candidateNumber),
    db
      .selectDistinctOn([sessionResults.sessionId], {
        sessionId: sessionResults.sessionId,
        outcomes: sessionResults.outcomes,
      })
      .from(sessionResults)
      .innerJoin(candidateSessions, eq(candidateSessions.id, sessionResults.sessionId))
      .where(eq(candidateSessions.sittingId, sittingId))
      .orderBy(sessionResults.sessionId, desc(sessionResults.version)),
    db
      .select()
      .from(marks)
      .where(
        itemRef
          ? and(eq(marks.sittingId, sittingId), eq(marks.itemRef, itemRef))
          : eq(marks.sittingId, sittingId),
      ),
    rulesOf(db, sittingId),
  ]);
  const outcomesOf = new Map(resultRows.map((r) => [r.sessionId, r.outcomes as ItemOutcomes]));
  const marksBy = new Map<string, MarkRow[]>();
  for (const m of markRows) {
    const key = `${m.sessionId}\n${m.itemRef}`;
    marksBy.set(key, [...(marksBy.get(key) ?? []), m]);
  }
  const sessions: SessionToMark[] = sessionRows.map((s) => ({
    id: s.id,
    fullName: s.fullName,
    candidateNumber: s.candidateNumber,
    form: s.form as AssembledForm,
    outcomes: outcomesOf.get(s.id),
  }));
  const marksOf = (sessionId: string, ref: string) => marksBy.get(`${sessionId}\n${ref}`) ?? [];
  const ruleOf = (ref: string) => rules.get(ref) ?? DEFAULT_RULE;
  return {
    sessions,
    marksOf,
    ruleOf,
    stateOf(session, ref) {
      const given = marksOf(session.id, ref);
      if (!session.outcomes?.[ref]?.pending && !given.length) return undefined;
      return resolveMarks(
        ruleOf(ref),
        given.map((m) => ({ role: m.role as MarkRole, score: m.score })),
      ).state;
    },
    markedItemRefs() {
      const refs = new Set<string>();
      for (const s of sessions) {
        for (const [ref, outcome] of Object.entries(s.outcomes ?? {})) if (outcome.pending) refs.add(ref);
      }
      for (const m of markRows) refs.add(m.itemRef);
      const order = new Map<string, number>();
      for (const s of sessions)
        s.form.entries.forEach((e, i) => order.set(e.itemRef, order.get(e.itemRef) ?? i));
      return [...refs].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
    },
  };
}
