/** Shapes of the /api/tests answers used by the blueprint and exam board pages (from the engine's document). */
import type { components, RequestOf, ResponseOf } from '../api.ts';

export const LEVELS = ['nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao'] as const;
export type Level = (typeof LEVELS)[number];

/** One cell of the matrix: how many items of a topic and level, worth how many points in all. */
export type Cell = Pick<
  RequestOf<'/api/tests/assemble', 'post'>['blueprint']['cells'][number],
  'count' | 'points'
>;
/** The forms assembled from a blueprint (`POST /api/tests/assemble`), not stored yet. */
export type Assembled = ResponseOf<'/api/tests/assemble', 'post'>;
export type StoredTestSummary = components['schemas']['StoredTestSummary'];
/** A cell the bank cannot fill: the details of the engine's 422 refusal (not part of the document). */
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
