/**
 * Item search: filters on every metadata field plus full-text search that ignores Vietnamese
 * diacritics (text is folded in the application and indexed with PostgreSQL's `simple`
 * configuration, so "dien tich" finds "diện tích"), paginated.
 */
import { and, arrayContains, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { items } from '../schema.ts';
import { foldVietnamese } from '../search/fold-vietnamese.ts';
import type { ItemBankExecutor } from './database.ts';
import type { ItemStatus } from './item-status.ts';
import type { CognitiveLevel } from './metadata.ts';

export interface ItemSearch {
  bankIds: string[];
  q?: string;
  status?: ItemStatus[];
  subject?: string;
  grade?: number;
  topic?: string;
  competency?: string;
  cognitiveLevel?: CognitiveLevel[];
  language?: string;
  interactionType?: string;
  difficultyMin?: number;
  difficultyMax?: number;
  page?: number;
  pageSize?: number;
}

/**
 * Builds a tsquery from folded words. Only the word still being typed matches as a prefix: the last
 * one, unless the text ends with a space or the word carries a Vietnamese mark (a typed tone or
 * vowel mark closes the syllable). So "dien tic" finds "diện tích", while "hình tròn" no longer
 * finds "màn hình trong" (folded, "tron" is a prefix of "trong"). "dien tich" -> 'dien & tich:*'.
 */
export function searchQuery(text: string): string | undefined {
  const typed = text
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .slice(0, 20);
  const words = typed.map((w) => ({
    folded: foldVietnamese(w),
    marked: foldVietnamese(w) !== w.toLowerCase(),
  }));
  const usable = words.filter((w) => w.folded);
  if (!usable.length) return undefined;
  const stillTyping = !/[^\p{L}\p{N}\p{M}]$/u.test(text);
  return usable
    .map((w, i) => (i === usable.length - 1 && stillTyping && !w.marked ? `${w.folded}:*` : w.folded))
    .join(' & ');
}

export async function searchItems(db: ItemBankExecutor, search: ItemSearch) {
  const page = Math.max(1, search.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, search.pageSize ?? 25));
  const tsquery = search.q ? searchQuery(search.q) : undefined;
  const conditions: Array<SQL | undefined> = [
    search.bankIds.length ? inArray(items.bankId, search.bankIds) : sql`false`,
    search.status?.length ? inArray(items.status, search.status) : undefined,
    search.subject ? eq(items.subject, search.subject) : undefined,
    search.grade ? eq(items.grade, search.grade) : undefined,
    search.topic ? sql`lower(${items.topic}) = lower(${search.topic})` : undefined,
    search.competency ? arrayContains(items.competencies, [search.competency]) : undefined,
    search.cognitiveLevel?.length ? inArray(items.cognitiveLevel, search.cognitiveLevel) : undefined,
    search.language ? eq(items.language, search.language) : undefined,
    search.interactionType ? arrayContains(items.interactionTypes, [search.interactionType]) : undefined,
    search.difficultyMin !== undefined ? sql`${items.difficulty} >= ${search.difficultyMin}` : undefined,
    search.difficultyMax !== undefined ? sql`${items.difficulty} <= ${search.difficultyMax}` : undefined,
    tsquery ? sql`${items.searchVector} @@ to_tsquery('simple', ${tsquery})` : undefined,
  ];
  const where = and(...conditions);
  const order = tsquery
    ? [desc(sql`ts_rank(${items.searchVector}, to_tsquery('simple', ${tsquery}))`), asc(items.identifier)]
    : [desc(items.updatedAt), asc(items.identifier)];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: items.id,
        bankId: items.bankId,
        identifier: items.identifier,
        title: items.title,
        status: items.status,
        currentVersion: items.currentVersion,
        subject: items.subject,
        grade: items.grade,
        topic: items.topic,
        competencies: items.competencies,
        cognitiveLevel: items.cognitiveLevel,
        language: items.language,
        estimatedSeconds: items.estimatedSeconds,
        difficulty: items.difficulty,
        interactionTypes: items.interactionTypes,
        updatedAt: items.updatedAt,
      })
      .from(items)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(items).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0, page, pageSize };
}
