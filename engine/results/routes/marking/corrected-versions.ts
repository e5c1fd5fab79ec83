/**
 * The items a sitting delivered, each with the version delivered and the item's newest version:
 * where the newest is newer (a corrected key), the exam board can re-score the sitting with it
 * (`POST /api/results/sittings/{id}/rescore`). Listed so the board picks an item, not a uuid.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { itemBankTables } from '../../../../item-bank/index.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AssembledForm } from '../../../sittings/form.ts';
import { candidateSessions } from '../../../delivery/tables.ts';

export async function correctedVersions(db: Database, sittingId: string) {
  const { itemVersions, items } = itemBankTables;
  const forms = await db
    .select({ form: candidateSessions.form })
    .from(candidateSessions)
    .where(eq(candidateSessions.sittingId, sittingId));
  const refsOf = new Map<string, Set<string>>();
  for (const { form } of forms)
    for (const e of (form as AssembledForm).entries)
      refsOf.set(e.itemVersionId, (refsOf.get(e.itemVersionId) ?? new Set()).add(e.itemRef));
  if (!refsOf.size) return [];
  const delivered = await db
    .select({
      id: itemVersions.id,
      itemId: itemVersions.itemId,
      version: itemVersions.version,
      title: items.title,
    })
    .from(itemVersions)
    .innerJoin(items, eq(items.id, itemVersions.itemId))
    .where(inArray(itemVersions.id, [...refsOf.keys()]));
  const newest = await db
    .selectDistinctOn([itemVersions.itemId], {
      itemId: itemVersions.itemId,
      id: itemVersions.id,
      version: itemVersions.version,
    })
    .from(itemVersions)
    .where(inArray(itemVersions.itemId, [...new Set(delivered.map((d) => d.itemId))]))
    .orderBy(itemVersions.itemId, desc(itemVersions.version));
  const newestOf = new Map(newest.map((n) => [n.itemId, n]));
  return delivered
    .map((d) => ({
      itemRefs: [...refsOf.get(d.id)!].sort(),
      itemId: d.itemId,
      title: d.title,
      deliveredVersion: d.version,
      deliveredVersionId: d.id,
      newestVersion: newestOf.get(d.itemId)!.version,
      newestVersionId: newestOf.get(d.itemId)!.id,
    }))
    .sort((a, b) => a.itemRefs[0]!.localeCompare(b.itemRefs[0]!, undefined, { numeric: true }));
}
