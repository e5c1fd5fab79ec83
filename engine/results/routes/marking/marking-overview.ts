/**
 * The items of a sitting that teachers mark, each with where its responses stand, so a marker can
 * pick an item without knowing its ref. Counts per item (one response = one candidate's answer):
 * `pending` nobody has marked it; `markedOnce` it carries exactly one mark so far; `awaitingSecond`
 * double marking waits for a second marker; `awaitingModeration` two marks too far apart wait for
 * a moderator; `done` its mark is settled; `forYou` how many the asking marker may mark now.
 */
import { nextRole, type MarkRole } from '../../../../grading/index.ts';
import type { StaffActor } from '../../../people/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { mayGiveMark, type MarkingRights } from '../../marking-team.ts';
import { itemsForMarker } from './item-prompts.ts';
import { loadSittingMarking } from '../../sitting-marking.ts';

export interface MarkingCounts {
  total: number;
  pending: number;
  markedOnce: number;
  awaitingSecond: number;
  awaitingModeration: number;
  done: number;
  forYou: number;
}

export async function markingOverview(
  db: Database,
  sittingId: string,
  actor: StaffActor,
  rights: MarkingRights,
) {
  const marking = await loadSittingMarking(db, sittingId);
  const refs = marking.markedItemRefs();
  const items = await itemsForMarker(db, marking.sessions, refs);
  return refs.map((ref) => {
    const rule = marking.ruleOf(ref);
    const counts: MarkingCounts = {
      total: 0,
      pending: 0,
      markedOnce: 0,
      awaitingSecond: 0,
      awaitingModeration: 0,
      done: 0,
      forYou: 0,
    };
    let maxScore: number | undefined;
    for (const s of marking.sessions) {
      const state = marking.stateOf(s, ref);
      if (state === undefined) continue;
      maxScore ??= s.outcomes?.[ref]?.maxScore;
      const given = marking.marksOf(s.id, ref);
      counts.total++;
      if (given.length === 1) counts.markedOnce++;
      if (state === 'unmarked') counts.pending++;
      else if (state === 'awaiting_second') counts.awaitingSecond++;
      else if (state === 'awaiting_moderator') counts.awaitingModeration++;
      else counts.done++;
      if (state === 'resolved') continue;
      const role = nextRole(
        rule,
        given.map((m) => ({ ...m, role: m.role as MarkRole })),
        actor.userId,
        rights.moderate,
      );
      if (typeof role === 'string' && mayGiveMark(rights, role)) counts.forYou++;
    }
    const item = items.get(ref)!;
    return {
      itemRef: ref,
      title: item.title,
      interactions: item.interactions.map((i) => i.type),
      maxScore: maxScore ?? null,
      anonymous: rule.anonymous,
      doubleMarking: rule.doubleMarking,
      discrepancyThreshold: rule.discrepancyThreshold,
      hasRubric: Boolean(rule.criteria),
      rubric: rule.criteria ?? null,
      counts,
    };
  });
}
