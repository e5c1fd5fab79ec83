/**
 * IRT write-back: the current final results of a sitting as a 0/1 matrix (full marks on an item
 * count as right), calibrated (Rasch or 2PL, marginal maximum likelihood with EM), and each
 * item's parameters, sample size and date written to the item bank's item row with the version
 * they were estimated on. Item versions themselves are immutable, so the calibration lives on
 * the item and names the version.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { calibrate } from '../../../../grading/index.ts';
import { itemBankTables } from '../../../../item-bank/index.ts';
import type { Database } from '../../../db/database.ts';
import type { AssembledForm } from '../../../delivery/form.ts';
import { candidateSessions, sessionResults } from '../../../delivery/tables.ts';

export interface CalibratedItem {
  itemRef: string;
  itemId: string;
  versionId: string;
  a: number;
  b: number;
  facility: number;
}

export type CalibrationOutcome =
  | { refused: string }
  | {
      model: 'rasch' | '2pl';
      sampleSize: number;
      converged: boolean;
      calibratedAt: string;
      items: CalibratedItem[];
    };

export async function calibrateSitting(
  db: Database,
  sittingId: string,
  options: { model: 'rasch' | '2pl'; minSampleSize: number },
): Promise<CalibrationOutcome> {
  const sessions = await db
    .select({ id: candidateSessions.id, form: candidateSessions.form })
    .from(candidateSessions)
    .where(eq(candidateSessions.sittingId, sittingId));
  const results = sessions.length
    ? await db
        .select()
        .from(sessionResults)
        .where(
          inArray(
            sessionResults.sessionId,
            sessions.map((s) => s.id),
          ),
        )
        .orderBy(desc(sessionResults.version))
    : [];
  const latest = new Map<string, (typeof results)[number]>();
  for (const r of results) if (!latest.has(r.sessionId)) latest.set(r.sessionId, r);
  const versionOf = new Map<string, string>();
  const scored: Record<string, { score: number; maxScore: number }>[] = [];
  for (const s of sessions) {
    const result = latest.get(s.id);
    if (result?.status !== 'final') continue;
    for (const e of (s.form as AssembledForm).entries) versionOf.set(e.itemRef, e.itemVersionId);
    scored.push(result.outcomes as Record<string, { score: number; maxScore: number }>);
  }
  if (scored.length < options.minSampleSize)
    return {
      refused: `minSampleSize: ${scored.length} final results, at least ${options.minSampleSize} are needed.`,
    };
  const refs = [...versionOf.keys()];
  const rows = scored.map((items) =>
    refs.map((ref) => {
      const item = items[ref];
      if (!item) return null;
      return item.maxScore > 0 && item.score >= item.maxScore - 1e-9 ? 1 : 0;
    }),
  );
  const calibration = calibrate({ rows }, { model: options.model });
  const { items, itemVersions } = itemBankTables;
  const versions = await db
    .select({ id: itemVersions.id, itemId: itemVersions.itemId })
    .from(itemVersions)
    .where(inArray(itemVersions.id, [...versionOf.values()]));
  const itemOf = new Map(versions.map((v) => [v.id, v.itemId]));
  const calibratedAt = new Date();
  const written: CalibratedItem[] = [];
  await db.transaction(async (tx) => {
    for (const [j, ref] of refs.entries()) {
      const versionId = versionOf.get(ref)!;
      const itemId = itemOf.get(versionId);
      const parameters = calibration.items[j];
      if (!itemId || !parameters) continue;
      const answered = rows.filter((r) => r[j] !== null);
      const facility = answered.length ? answered.filter((r) => r[j] === 1).length / answered.length : 0;
      await tx
        .update(items)
        .set({
          irtModel: options.model,
          irtA: parameters.a,
          irtB: parameters.b,
          irtC: null,
          irtSampleSize: answered.length,
          irtCalibratedAt: calibratedAt,
          difficulty: facility,
        })
        .where(eq(items.id, itemId));
      written.push({ itemRef: ref, itemId, versionId, a: parameters.a, b: parameters.b, facility });
    }
  });
  return {
    model: options.model,
    sampleSize: calibration.sampleSize,
    converged: calibration.converged,
    calibratedAt: calibratedAt.toISOString(),
    items: written,
  };
}
