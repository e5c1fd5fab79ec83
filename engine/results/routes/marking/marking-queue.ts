/**
 * One item's marking queue for one marker: each response this marker may mark now, with the role
 * their mark would take, the candidate shown anonymously (a stable label) unless the item's settings
 * say otherwise, and the response itself. A moderator also sees the two marks and how far apart
 * they are; first and second markers never see each other's mark (blind double marking).
 */
import { createHash } from 'node:crypto';
import { nextRole, type MarkRole } from '../../../../grading/index.ts';
import type { StaffActor } from '../../../people/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { mayGiveMark, type MarkingRights } from '../../marking-team.ts';
import { itemResponses } from './item-responses.ts';
import { itemsForMarker } from './item-prompts.ts';
import { loadSittingMarking } from '../../sitting-marking.ts';

/** The label a marker sees in place of a candidate: the same for every marker of the sitting. */
export const anonymousLabel = (sittingId: string, sessionId: string) =>
  `#${createHash('sha256').update(`${sittingId}:${sessionId}`).digest('hex').slice(0, 8)}`;

export async function markingQueue(
  db: Database,
  sittingId: string,
  itemRef: string,
  actor: StaffActor,
  rights: MarkingRights,
) {
  const marking = await loadSittingMarking(db, sittingId, itemRef);
  const rule = marking.ruleOf(itemRef);
  const [answers, items] = await Promise.all([
    itemResponses(db, sittingId, itemRef),
    itemsForMarker(db, marking.sessions, [itemRef]),
  ]);
  let maxScore: number | undefined;
  const queue = [];
  for (const s of marking.sessions) {
    const state = marking.stateOf(s, itemRef);
    if (state === undefined || state === 'resolved') continue;
    const given = marking.marksOf(s.id, itemRef);
    const role = nextRole(
      rule,
      given.map((m) => ({ ...m, role: m.role as MarkRole })),
      actor.userId,
      rights.moderate,
    );
    if (typeof role !== 'string' || !mayGiveMark(rights, role)) continue;
    maxScore ??= s.outcomes?.[itemRef]?.maxScore;
    const scoreOf = (r: MarkRole) => given.find((m) => m.role === r)?.score;
    const first = scoreOf('first');
    const second = scoreOf('second');
    queue.push({
      sessionId: s.id,
      role,
      state,
      candidate: rule.anonymous
        ? { label: anonymousLabel(sittingId, s.id) }
        : { fullName: s.fullName, candidateNumber: s.candidateNumber },
      response: answers.get(s.id) ?? null,
      ...(role === 'moderator'
        ? {
            marks: given
              .filter((m) => m.role !== 'moderator')
              .sort((a, b) => a.role.localeCompare(b.role))
              .map((m) => ({ role: m.role, score: m.score, levels: m.levels, comment: m.comment })),
            discrepancy: first !== undefined && second !== undefined ? Math.abs(first - second) : null,
          }
        : {}),
    });
  }
  return {
    itemRef,
    item: items.get(itemRef) ?? null,
    anonymous: rule.anonymous,
    doubleMarking: rule.doubleMarking,
    discrepancyThreshold: rule.discrepancyThreshold,
    rubric: rule.criteria ?? null,
    maxScore: maxScore ?? null,
    queue,
  };
}
