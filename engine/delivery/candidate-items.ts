/**
 * Candidate-safe item payloads for delivery, built from an item version by the item bank's
 * projection (no keys, mappings, processing, hidden tests or scorer rubrics) and cached in
 * memory per version, since a delivered version never changes.
 */
import { eq } from 'drizzle-orm';
import { itemBankTables } from '../../item-bank/index.ts';
import type { Database } from '../db/database.ts';
import { deliveryErrors } from './delivery-errors.ts';

export interface CandidateItemContext {
  seed: number;
  itemRef: string;
  /** The version's media: href as written in the item -> SHA-256 of the stored file. */
  media?: Map<string, string>;
}

export interface CandidateItemSource {
  get(itemVersionId: string, context: CandidateItemContext): Promise<unknown>;
}

/** Turns a stored item model into the payload a candidate may see, shuffled for this candidate. */
export type CandidateProjection = (model: unknown, context: CandidateItemContext) => unknown;

export function createCandidateItemSource(
  db: Database,
  project: CandidateProjection,
  maxEntries = 5000,
): CandidateItemSource {
  const models = new Map<string, Promise<{ model: unknown; media: Map<string, string> }>>();
  const load = (versionId: string) => {
    let model = models.get(versionId);
    if (!model) {
      model = Promise.all([
        db
          .select({ model: itemBankTables.itemVersions.model })
          .from(itemBankTables.itemVersions)
          .where(eq(itemBankTables.itemVersions.id, versionId)),
        db
          .select({
            href: itemBankTables.itemVersionMedia.href,
            sha256: itemBankTables.itemVersionMedia.sha256,
          })
          .from(itemBankTables.itemVersionMedia)
          .where(eq(itemBankTables.itemVersionMedia.versionId, versionId)),
      ]).then(([[row], media]) => {
        if (!row) throw deliveryErrors.unknownItem(versionId);
        return { model: row.model, media: new Map(media.map((m) => [m.href, m.sha256])) };
      });
      model.catch(() => models.delete(versionId));
      if (models.size >= maxEntries) models.delete(models.keys().next().value!);
      models.set(versionId, model);
    }
    return model;
  };
  return {
    async get(itemVersionId, context) {
      const { model, media } = await load(itemVersionId);
      return project(model, { ...context, media });
    },
  };
}
