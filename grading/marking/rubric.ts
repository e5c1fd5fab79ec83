/**
 * Rubrics (criteria x levels with points) and how marks resolve into an item score: one mark
 * stands alone; with double marking, two marks within the discrepancy threshold average, and two
 * further apart wait for a moderator, whose mark then decides.
 */
import { z } from 'zod';

export const RubricCriteria = z
  .array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      levels: z.array(z.object({ label: z.string().min(1), points: z.number().min(0) })).min(1),
    }),
  )
  .min(1);
export type RubricCriteria = z.infer<typeof RubricCriteria>;

/** Points of the chosen level of every criterion; every criterion must be given a valid level. */
export function scoreRubric(criteria: RubricCriteria, levels: Record<string, number>): number {
  return criteria.reduce((sum, c) => {
    const level = levels[c.id];
    const chosen = level === undefined ? undefined : c.levels[level];
    if (!chosen) throw new RangeError(`criterion ${c.id} needs a level between 0 and ${c.levels.length - 1}`);
    return sum + chosen.points;
  }, 0);
}

/** The most points a rubric gives. */
export function rubricMaximum(criteria: RubricCriteria): number {
  return criteria.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0);
}

export type MarkRole = 'first' | 'second' | 'moderator';

export interface MarkingRule {
  doubleMarking: boolean;
  discrepancyThreshold: number;
}

export type Resolution =
  | { state: 'unmarked' | 'awaiting_second' | 'awaiting_moderator' }
  | { state: 'resolved'; score: number; by: 'single' | 'agreed' | 'moderator' };

/** What the marks of one response add up to. */
export function resolveMarks(rule: MarkingRule, marks: { role: MarkRole; score: number }[]): Resolution {
  const byRole = new Map(marks.map((m) => [m.role, m.score]));
  const moderator = byRole.get('moderator');
  if (moderator !== undefined) return { state: 'resolved', score: moderator, by: 'moderator' };
  const first = byRole.get('first');
  if (first === undefined) return { state: 'unmarked' };
  if (!rule.doubleMarking) return { state: 'resolved', score: first, by: 'single' };
  const second = byRole.get('second');
  if (second === undefined) return { state: 'awaiting_second' };
  if (Math.abs(first - second) > rule.discrepancyThreshold + 1e-9) return { state: 'awaiting_moderator' };
  return { state: 'resolved', score: (first + second) / 2, by: 'agreed' };
}

/** The role a new mark takes, or why this marker may not mark now. */
export function nextRole(
  rule: MarkingRule,
  marks: { role: MarkRole; markerId: string; score: number }[],
  markerId: string,
  canModerate: boolean,
): MarkRole | { refused: 'already_marked' | 'not_moderator' | 'resolved' | 'same_marker' } {
  const state = resolveMarks(rule, marks).state;
  if (marks.some((m) => m.role === 'moderator')) return { refused: 'resolved' };
  if (!marks.some((m) => m.role === 'first')) return 'first';
  if (!rule.doubleMarking) return { refused: 'already_marked' };
  if (!marks.some((m) => m.role === 'second')) {
    // Double marking means two different people.
    return marks.some((m) => m.markerId === markerId) ? { refused: 'same_marker' } : 'second';
  }
  if (state === 'resolved') return { refused: 'resolved' };
  return canModerate ? 'moderator' : { refused: 'not_moderator' };
}
