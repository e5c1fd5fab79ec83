/**
 * The Vietnamese 10-point scale. School tests round to one decimal, exam-board sittings to two,
 * half up, computed on integers of the rounding unit so binary floats cannot tip a .5 down.
 * Ratings follow Thông tư 22 (Tốt, Khá, Đạt, Chưa đạt) with configurable thresholds.
 */
export type GradingScale = 'school' | 'exam_board';

export function toTenPointScale(raw: number, max: number, scale: GradingScale | string = 'school'): number {
  if (!(max > 0)) return 0;
  const decimals = scale === 'exam_board' ? 2 : 1;
  const unit = 10 ** decimals;
  // Scale with a tiny relative nudge so 6.25 stored as 6.2499999 still rounds to 6.3.
  const scaled = (raw / max) * 10 * unit;
  return Math.floor(scaled + 0.5 + 1e-9 * Math.max(1, Math.abs(scaled))) / unit;
}

export interface RatingThresholds {
  tot: number;
  kha: number;
  dat: number;
}

export const TT22_THRESHOLDS: RatingThresholds = { tot: 8, kha: 6.5, dat: 5 };

export function ratingOf(
  score10: number,
  thresholds: RatingThresholds = TT22_THRESHOLDS,
): 'Tốt' | 'Khá' | 'Đạt' | 'Chưa đạt' {
  if (score10 >= thresholds.tot) return 'Tốt';
  if (score10 >= thresholds.kha) return 'Khá';
  if (score10 >= thresholds.dat) return 'Đạt';
  return 'Chưa đạt';
}
