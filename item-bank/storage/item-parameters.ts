/**
 * Calibrated parameters as item metadata versions: saving adds a version per item (the item's
 * content and versions are untouched); a dichotomous calibration also refreshes the item's
 * current IRT columns (irt_model, irt_a, irt_b, irt_c, irt_sample_size, irt_calibrated_at) that
 * search and the bank browser read. Every version stays readable for an audit.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { items, itemParameterVersions } from '../schema.ts';
import type { ItemBankDatabase } from './database.ts';

/** The parameters of one item as the CAT pool takes them (D = 1 unless `D` says otherwise). */
export const CalibratedParameters = z.discriminatedUnion('model', [
  z.object({ model: z.literal('2pl'), a: z.number(), b: z.number(), D: z.number().optional() }),
  z.object({
    model: z.literal('3pl'),
    a: z.number(),
    b: z.number(),
    c: z.number().min(0).max(1),
    D: z.number().optional(),
  }),
  z.object({
    model: z.literal('gpcm'),
    a: z.number(),
    b: z.array(z.number()).min(1),
    D: z.number().optional(),
  }),
  z.object({
    model: z.literal('grm'),
    a: z.number(),
    b: z.array(z.number()).min(1),
    D: z.number().optional(),
  }),
]);
export type CalibratedParameters = z.output<typeof CalibratedParameters>;

export interface ItemParameterInput {
  itemId: string;
  /** rasch, 1pl, 2pl, 3pl, gpcm or grm. */
  model: string;
  parameters: CalibratedParameters;
  sampleSize: number;
  itemVersionId?: string | null;
  fit?: Record<string, number> | null;
  flags?: string[];
}

export interface ItemParameterVersion extends ItemParameterInput {
  id: string;
  version: number;
  linking: unknown;
  source: string;
  calibratedBy: string | null;
  calibratedAt: Date;
}

export interface CalibrationRun {
  source: string;
  linking?: Record<string, unknown> | null;
  calibratedBy?: string | null;
  /** Defaults to now. */
  calibratedAt?: Date;
}

/** Adds one parameter version per entry, in one transaction; returns the versions written. */
export async function saveItemParameters(
  db: ItemBankDatabase,
  entries: ItemParameterInput[],
  run: CalibrationRun,
): Promise<{ itemId: string; version: number }[]> {
  if (!entries.length) return [];
  const calibratedAt = run.calibratedAt ?? new Date();
  return db.transaction(async (tx) => {
    const ids = entries.map((e) => e.itemId);
    // Lock the items so two calibrations cannot take the same version number.
    await tx.select({ id: items.id }).from(items).where(inArray(items.id, ids)).for('update');
    const latest = new Map(
      (
        await tx
          .select({
            itemId: itemParameterVersions.itemId,
            version: sql<number>`max(${itemParameterVersions.version})`,
          })
          .from(itemParameterVersions)
          .where(inArray(itemParameterVersions.itemId, ids))
          .groupBy(itemParameterVersions.itemId)
      ).map((r) => [r.itemId, Number(r.version)]),
    );
    const written: { itemId: string; version: number }[] = [];
    for (const e of entries) {
      const parameters = CalibratedParameters.parse(e.parameters);
      const version = (latest.get(e.itemId) ?? 0) + 1;
      await tx.insert(itemParameterVersions).values({
        itemId: e.itemId,
        version,
        itemVersionId: e.itemVersionId ?? null,
        model: e.model,
        parameters,
        sampleSize: Math.round(e.sampleSize),
        fit: e.fit ?? null,
        flags: e.flags ?? [],
        linking: run.linking ?? null,
        source: run.source,
        calibratedBy: run.calibratedBy ?? null,
        calibratedAt,
      });
      if (parameters.model === '2pl' || parameters.model === '3pl') {
        const D = parameters.D ?? 1;
        await tx
          .update(items)
          .set({
            irtModel: e.model,
            irtA: parameters.a * D,
            irtB: parameters.b,
            irtC: parameters.model === '3pl' ? parameters.c : null,
            irtSampleSize: Math.round(e.sampleSize),
            irtCalibratedAt: calibratedAt,
          })
          .where(eq(items.id, e.itemId));
      }
      written.push({ itemId: e.itemId, version });
    }
    return written;
  });
}

/** Every parameter version of an item, newest first. */
export async function itemParameterHistory(
  db: ItemBankDatabase,
  itemId: string,
): Promise<ItemParameterVersion[]> {
  const rows = await db
    .select()
    .from(itemParameterVersions)
    .where(eq(itemParameterVersions.itemId, itemId))
    .orderBy(desc(itemParameterVersions.version));
  return rows.map(present);
}

/** The newest parameter version of each given item that has one (anchors for the next calibration). */
export async function currentItemParameters(
  db: ItemBankDatabase,
  itemIds: string[],
): Promise<Map<string, ItemParameterVersion>> {
  if (!itemIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([itemParameterVersions.itemId])
    .from(itemParameterVersions)
    .where(and(inArray(itemParameterVersions.itemId, itemIds)))
    .orderBy(itemParameterVersions.itemId, desc(itemParameterVersions.version));
  return new Map(rows.map((r) => [r.itemId, present(r)]));
}

function present(r: typeof itemParameterVersions.$inferSelect): ItemParameterVersion {
  return {
    id: r.id,
    itemId: r.itemId,
    version: r.version,
    itemVersionId: r.itemVersionId,
    model: r.model,
    parameters: CalibratedParameters.parse(r.parameters),
    sampleSize: r.sampleSize,
    fit: (r.fit as Record<string, number> | null) ?? null,
    flags: r.flags,
    linking: r.linking,
    source: r.source,
    calibratedBy: r.calibratedBy,
    calibratedAt: r.calibratedAt,
  };
}
