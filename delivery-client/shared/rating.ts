/**
 * A rating as the reader's language says it. Ratings are stored in the words of Thông tư 22 (Tốt, Khá,
 * Đạt, Chưa đạt), which the Vietnamese pages show as they are; the English pages translate them and
 * keep the official word beside, as a school's paperwork names it.
 */
const ENGLISH: Record<string, string> = {
  Tốt: 'Very good',
  Khá: 'Good',
  Đạt: 'Pass',
  'Chưa đạt': 'Not yet passed',
};

export function ratingLabel(rating: string, lang: 'vi' | 'en'): string {
  if (lang === 'vi') return rating;
  const english = ENGLISH[rating];
  return english ? `${english} (${rating})` : rating;
}
