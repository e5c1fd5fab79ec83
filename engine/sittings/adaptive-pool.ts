/**
 * Pins an adaptive section's pool when a sitting is scheduled: the newest stored parameter
 * version of every pool item (item_parameter_versions), with the item's topic and cognitive level
 * for the blueprint cells. An item without stored parameters cannot be in a pool: the request is
 * refused (400) naming it, and nothing is written.
 */
import { inArray } from 'drizzle-orm';
import { currentItemParameters, itemBankTables } from '../../item-bank/index.ts';
import type { Database } from '../platform/db/database.ts';
import { errors } from '../platform/errors.ts';
import type { PinnedParameters } from './adaptive-spec.ts';

export async function pinAdaptivePool(
  db: Database,
  sectionIdentifier: string,
  pool: { itemRef: string; itemId: string }[],
): Promise<Record<string, PinnedParameters>> {
  const ids = [...new Set(pool.map((p) => p.itemId))];
  const stored = await currentItemParameters(db, ids);
  const { items } = itemBankTables;
  const meta = new Map(
    (
      await db
        .select({
          id: items.id,
          identifier: items.identifier,
          topic: items.topic,
          level: items.cognitiveLevel,
        })
        .from(items)
        .where(inArray(items.id, ids))
    ).map((r) => [r.id, r]),
  );
  const pinned: Record<string, PinnedParameters> = {};
  for (const { itemRef, itemId } of pool) {
    const p = stored.get(itemId);
    const m = meta.get(itemId);
    if (!p)
      throw errors.badRequest(
        `form: section ${sectionIdentifier} is adaptive, and item ${m?.identifier ?? itemId} has no stored parameters (calibrate it first: npm run calibrate).`,
      );
    pinned[itemRef] = {
      version: p.version,
      ...(m?.topic ? { topic: m.topic } : {}),
      ...(m?.level ? { level: m.level } : {}),
      params: p.parameters,
    };
  }
  return pinned;
}
