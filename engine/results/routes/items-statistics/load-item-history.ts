/**
 * Loads what item statistics are computed from: every submitted session that was presented a
 * version of the wanted items, with the current result version's item scores and whether each
 * presented item was left unanswered (latest saved response blank or none), grouped by sitting.
 * Every item of those sessions is kept (other banks' too), so totals are the candidates' real totals.
 */
import { desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { HistorySitting } from '../../../../grading/index.ts';
import { itemBankTables } from '../../../../item-bank/index.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AssembledForm } from '../../../sittings/form.ts';
import { candidateSessions, sessionResults } from '../../../delivery/tables.ts';
import { sittings } from '../../../sittings/tables.ts';
import { organisations } from '../../../people/tables.ts';

const { items, itemVersions } = itemBankTables;

export interface LoadedSitting extends HistorySitting {
  name: string;
  /** Labels of the sitting's parallel forms that carried the wanted items (empty for a single form). */
  forms: string[];
}

interface StoredItemScore {
  score: number;
  maxScore: number;
  pending?: boolean;
}

/** A response with nothing in it: no value, an empty string, list or record in every variable. */
function blank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.every(blank);
  if (typeof value === 'object') return Object.values(value).every(blank);
  return false;
}

const chunk = <T>(list: T[], size = 500) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Sittings whose sessions saw the items of a bank, or one item. Only sittings of organisations
 * under `scopePath` count: a bank shared down to a school shows that school's use of it, the
 * exam board's office sees every school's.
 */
export async function loadItemHistory(
  db: Database,
  wanted: { bankId: string } | { itemId: string } | { sittingId: string },
  scopePath: string,
): Promise<LoadedSitting[]> {
  // A sitting: its sessions whatever banks their items came from (parallel forms may draw on several).
  const which: SQL =
    'bankId' in wanted
      ? sql`i.bank_id = ${wanted.bankId}::uuid`
      : 'itemId' in wanted
        ? sql`i.id = ${wanted.itemId}::uuid`
        : sql`s.sitting_id = ${wanted.sittingId}::uuid`;
  const found = rowsOf<{ id: string }>(
    await db.execute(sql`
      select distinct s.id from ${candidateSessions} s
      cross join lateral jsonb_array_elements(s.form -> 'entries') e
      join ${itemVersions} iv on iv.id::text = e ->> 'itemVersionId'
      join ${items} i on i.id = iv.item_id
      join ${sittings} st on st.id = s.sitting_id
      join ${organisations} o on o.id = st.organisation_id
      where s.state in ('submitted', 'scored') and ${which} and o.path like ${`${scopePath}%`}`),
  ).map((r) => r.id);
  if (!found.length) return [];

  const sessions = [];
  const latest = new Map<string, Record<string, StoredItemScore>>();
  const answered = new Map<string, Set<string>>();
  for (const ids of chunk(found)) {
    sessions.push(
      ...(await db
        .select({
          id: candidateSessions.id,
          sittingId: candidateSessions.sittingId,
          form: candidateSessions.form,
          submittedAt: candidateSessions.submittedAt,
        })
        .from(candidateSessions)
        .where(inArray(candidateSessions.id, ids))),
    );
    const results = await db
      .select({ sessionId: sessionResults.sessionId, outcomes: sessionResults.outcomes })
      .from(sessionResults)
      .where(inArray(sessionResults.sessionId, ids))
      .orderBy(desc(sessionResults.version));
    for (const r of results)
      if (!latest.has(r.sessionId)) latest.set(r.sessionId, r.outcomes as Record<string, StoredItemScore>);
    const responses = rowsOf<{ session_id: string; item_ref: string; value: unknown }>(
      await db.execute(sql`
        select distinct on (session_id, item_ref) session_id, item_ref, value
        from responses where session_id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by session_id, item_ref, client_seq desc`),
    );
    for (const r of responses) {
      const value = typeof r.value === 'string' ? (JSON.parse(r.value) as unknown) : r.value;
      if (blank(value)) continue;
      const set = answered.get(r.session_id) ?? new Set<string>();
      set.add(r.item_ref);
      answered.set(r.session_id, set);
    }
  }

  const versionIds = [
    ...new Set(sessions.flatMap((s) => (s.form as AssembledForm).entries.map((e) => e.itemVersionId))),
  ];
  const itemOf = new Map<string, string>();
  for (const ids of chunk(versionIds))
    for (const v of await db
      .select({ id: itemVersions.id, itemId: itemVersions.itemId })
      .from(itemVersions)
      .where(inArray(itemVersions.id, ids)))
      itemOf.set(v.id, v.itemId);

  const sittingIds = [...new Set(sessions.map((s) => s.sittingId))];
  const sittingRows = await db
    .select({ id: sittings.id, name: sittings.name, opensAt: sittings.opensAt })
    .from(sittings)
    .where(inArray(sittings.id, sittingIds));
  const out: LoadedSitting[] = [];
  for (const sitting of sittingRows) {
    const mine = sessions.filter((s) => s.sittingId === sitting.id && latest.has(s.id));
    if (!mine.length) continue;
    const refs = new Map<string, { ref: string; key: string; maxScore: number; adaptive?: boolean }>();
    const forms = new Set<string>();
    let usedAt = sitting.opensAt.toISOString();
    const candidates = mine.map((s) => {
      const form = s.form as AssembledForm & { parallelForm?: { label: string } };
      if (form.parallelForm) forms.add(form.parallelForm.label);
      if (s.submittedAt && s.submittedAt.toISOString() > usedAt) usedAt = s.submittedAt.toISOString();
      const outcomes = latest.get(s.id)!;
      const scores: Record<string, number | null> = {};
      const omitted: string[] = [];
      for (const e of form.entries) {
        // One column per delivered item version: parallel forms may reuse a ref for different items.
        const column = `${e.itemRef}@${e.itemVersionId}`;
        const scored = outcomes[e.itemRef];
        const known = refs.get(column);
        refs.set(column, {
          ref: column,
          key: itemOf.get(e.itemVersionId) ?? e.itemVersionId,
          maxScore: Math.max(known?.maxScore ?? 0, scored?.maxScore ?? 0),
          // Given by an adaptive section's CAT: no classical figure applies (calibration still uses it).
          ...(e.adaptive ? { adaptive: true } : {}),
        });
        scores[column] = scored && !scored.pending ? scored.score : null;
        if (!answered.get(s.id)?.has(e.itemRef)) omitted.push(column);
      }
      return { scores, omitted };
    });
    out.push({
      id: sitting.id,
      name: sitting.name,
      usedAt,
      forms: [...forms].sort(),
      items: [...refs.values()].map((i) => ({ ...i, maxScore: i.maxScore || 1 })),
      candidates,
    });
  }
  return out.sort((a, b) => (a.usedAt < b.usedAt ? 1 : -1));
}

/** The item ids of a bank, to keep only its items in the answer. */
export async function bankItemIds(db: Database, bankId: string): Promise<Set<string>> {
  const rows = await db.select({ id: items.id }).from(items).where(eq(items.bankId, bankId));
  return new Set(rows.map((r) => r.id));
}
