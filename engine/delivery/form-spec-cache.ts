/**
 * A sitting's form spec, parsed once per process. Parsing it with zod on every check-in, handshake
 * and snapshot of a storm of thousands of candidates is measurable work. A sitting whose form, test
 * or policy staff change is dropped through the cache invalidation bus (`forgetFormSpecs`), in
 * this process and every other.
 */
import { eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { CacheInvalidationMessage } from '../platform/cache/cache-invalidation.ts';
import type { Executor } from '../platform/db/database.ts';
import { FormSpec } from '../sittings/form.ts';
import { sittings } from '../sittings/tables.ts';

/** Sittings open at once on one process; the least recently used spec is parsed again. */
const MAX_SITTINGS = 2_000;
const parsed = new LRUCache<string, FormSpec>({ max: MAX_SITTINGS });

export function formSpecOf(sittingId: string, raw: unknown): FormSpec {
  const cached = parsed.get(sittingId);
  if (cached) return cached;
  const spec = FormSpec.parse(raw);
  parsed.set(sittingId, spec);
  return spec;
}

/**
 * A sitting's form spec, read from the database only when this process has not parsed it: an
 * adaptive pool's pinned parameters make it tens of kilobytes, and a command that locks a
 * session (each move) need not read and decode it again.
 */
export async function sittingFormSpec(db: Executor, sittingId: string): Promise<FormSpec> {
  const cached = parsed.get(sittingId);
  if (cached) return cached;
  const [row] = await db
    .select({ formSpec: sittings.formSpec })
    .from(sittings)
    .where(eq(sittings.id, sittingId));
  if (!row) throw new Error(`sitting ${sittingId} is missing`);
  return formSpecOf(sittingId, row.formSpec);
}

/** A cache invalidation listener: drops the specs the message says may be stale. */
export function forgetFormSpecs(message: CacheInvalidationMessage): void {
  if (message.kind === 'all') parsed.clear();
  else parsed.delete(message.id);
}
