/**
 * Folds Vietnamese text for matching and search: no diacritics, đ -> d, lower case, words
 * separated by single spaces. "Diện tích" and "dien tich" fold to the same text.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
