/** Shapes of the /api/tests answers used by the blueprint and exam board pages. */
export const LEVELS = ['nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao'] as const;
export type Level = (typeof LEVELS)[number];

export interface Cell {
  count: number;
  points: number;
}
export interface FormItem {
  itemId: string;
  version: number;
  identifier: string;
  title: string;
  topic: string;
  level: Level;
  points: number;
}
export interface AssembledForm {
  label: string;
  points: number;
  items: FormItem[];
}
export interface Assembled {
  forms: AssembledForm[];
  informationSpread?: number;
}
export interface StoredTestSummary {
  id: string;
  identifier: string;
  title: string;
  formLabel: string | null;
  group: string | null;
  itemCount: number;
  points: number;
  createdAt: string;
}
export interface SittingForm {
  sections: Array<{
    identifier: string;
    title: string;
    items: Array<{ itemId: string; version: number; itemRef: string; weight: number }>;
  }>;
}
export interface Shortage {
  topic: string;
  level: Level;
  needed: number;
  available: number;
  missing: number;
}
export const cellKey = (topic: string, level: Level) => `${topic}\u0000${level}`;
/** Points shown with a decimal comma, as Vietnamese teachers write them. */
export const formatPoints = (n: number, lang: string) =>
  n.toLocaleString(lang === 'en' ? 'en' : 'vi', { maximumFractionDigits: 2 });
