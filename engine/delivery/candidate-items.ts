/**
 * Candidate-safe item payloads for delivery. A version is projected once by the item bank's
 * projection (no keys, mappings, processing, hidden tests or scorer rubrics) into the payload every
 * candidate shares, which is cached in memory and Redis (item-payload-cache.ts); each fetch then
 * applies only the cheap per-candidate part (choice order by the candidate's seed).
 */
import { eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { itemBankTables } from '../../item-bank/index.ts';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import { deliveryErrors } from './delivery-errors.ts';
import { createItemPayloadCache, type ItemPayloadCache } from './item-payload-cache.ts';

export interface CandidateItemContext {
  seed: number;
  itemRef: string;
}

export interface CandidateItemSource {
  get(itemVersionId: string, context: CandidateItemContext): Promise<unknown>;
  /** Hits and loads of the shared payloads, for tests and metrics. */
  readonly stats: ItemPayloadCache['stats'];
}

/** How stored item models become what a candidate sees, in two steps so the first can be cached. */
export interface CandidateProjection {
  /**
   * The payload every candidate of this version shares: candidate-safe, JSON-serializable, and
   * cached in memory and Redis. `media` maps each href as written in the item to its SHA-256.
   */
  shared(model: unknown, media: ReadonlyMap<string, string>): unknown;
  /** This candidate's payload from the shared one (for example choice order); absent = shared as is. */
  forCandidate?(shared: unknown, context: CandidateItemContext): unknown;
}

/** A plain function projects the same payload for every candidate (the test items' stand-in does). */
export type CandidateProjectionOption = CandidateProjection | ((model: unknown) => unknown);

export interface CandidateItemSourceOptions {
  redis?: Redis;
  /** The engine's Redis key prefix. */
  keyPrefix?: string;
  logger?: Logger;
  maxEntries?: number;
}

async function loadVersion(db: Database, versionId: string) {
  const [[row], media] = await Promise.all([
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
  ]);
  if (!row) throw deliveryErrors.unknownItem(versionId);
  return { model: row.model, media: new Map(media.map((m) => [m.href, m.sha256])) };
}

export function createCandidateItemSource(
  db: Database,
  projectionOption: CandidateProjectionOption,
  options: CandidateItemSourceOptions = {},
): CandidateItemSource {
  const projection: CandidateProjection =
    typeof projectionOption === 'function' ? { shared: projectionOption } : projectionOption;
  const cache = createItemPayloadCache({
    redis: options.redis,
    keyPrefix: options.keyPrefix ?? 'exam',
    logger: options.logger,
    maxEntries: options.maxEntries,
    async load(versionId) {
      const { model, media } = await loadVersion(db, versionId);
      return projection.shared(model, media);
    },
  });
  return {
    stats: cache.stats,
    async get(itemVersionId, context) {
      const shared = await cache.get(itemVersionId);
      return projection.forCandidate ? projection.forCandidate(shared, context) : shared;
    },
  };
}
