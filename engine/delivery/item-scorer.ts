/**
 * The grading engine as delivery sees it: what scores an item from its model and responses. The
 * engine wires the QTI scorer (results/qti-scorer.ts) in; delivery and results both speak this
 * interface, so delivery never imports results.
 */
import type { ItemResponses } from '../protocol/candidate.ts';

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
