/**
 * IRT write-back: the current final results of a sitting as a 0/1 matrix (full marks on an item
 * count as right), calibrated (Rasch or 2PL, marginal maximum likelihood with EM), and each
 * item's parameters, sample size and date written to the item bank's item row with the version
 * they were estimated on. Item versions themselves are immutable, so the calibration lives on
 * the item and names the version. Columns are item versions, not item refs: parallel forms may
 * use one ref (Q1) for different items, and those must not be pooled. The item rows and the audit
 * row (`items.irt_calibrate`) are written in one transaction; too few final results are refused
 * (400) and write nothing.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import { calibrate } from '../../../grading/index.ts';
import { itemBankTables } from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { candidateSessions, sessionResults } from '../../delivery/tables.ts';
import type { CommandContext } from '../../platform/command-context.ts';

export interface CalibratedItem {
  itemRef: string;
  itemId: string;
  versionId: string;
  a: number;
  b: number;
  facility: number;
}

export interface CalibrationOutcome {
  model: 'rasch' | '2pl';
  sampleSize: number;
  converged: boolean;
  calibratedAt: string;
  items: CalibratedItem[];
}

export async function calibrateSitting(
  db: Database,
  actor: StaffActor,
  input: {
    sittingId: string;
    /** The organisation owning the sitting, for the audit row. */
    organisationId?: string;
    model: 'rasch' | '2pl';
    minSampleSize: number;
  },
  context: CommandContext = {},
): Promise<CalibrationOutcome> {
  const { sittingId, ...options } = input;
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
  // One column per delivered item version; the ref each form used for it is kept for the answer.
  const refOf = new Map<string, string>();
  const scored: Map<string, { score: number; maxScore: number }>[] = [];
  for (const s of sessions) {
    const result = latest.get(s.id);
    if (result?.status !== 'final') continue;
    const outcomes = result.outcomes as Record<string, { score: number; maxScore: number }>;
    const byVersion = new Map<string, { score: number; maxScore: number }>();
    for (const e of (s.form as AssembledForm).entries) {
      if (!refOf.has(e.itemVersionId)) refOf.set(e.itemVersionId, e.itemRef);
      const item = outcomes[e.itemRef];
      if (item) byVersion.set(e.itemVersionId, item);
    }
    scored.push(byVersion);
  }
  if (scored.length < options.minSampleSize)
    throw errors.badRequest(
      `minSampleSize: ${scored.length} final results, at least ${options.minSampleSize} are needed.`,
    );
  const versionIds = [...refOf.keys()];
  const rows = scored.map((items) =>
    versionIds.map((versionId) => {
      const item = items.get(versionId);
      if (!item) return null;
      return item.maxScore > 0 && item.score >= item.maxScore - 1e-9 ? 1 : 0;
    }),
  );
  const calibration = calibrate({ rows }, { model: options.model });
  const { items, itemVersions } = itemBankTables;
  const versions = await db
    .select({ id: itemVersions.id, itemId: itemVersions.itemId })
    .from(itemVersions)
    .where(inArray(itemVersions.id, versionIds));
  const itemOf = new Map(versions.map((v) => [v.id, v.itemId]));
  const calibratedAt = new Date();
  const written: CalibratedItem[] = [];
  await db.transaction(async (tx) => {
    for (const [j, versionId] of versionIds.entries()) {
      const ref = refOf.get(versionId)!;
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
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'items.irt_calibrate',
      subjectType: 'sitting',
      subjectId: sittingId,
      organisationId: input.organisationId,
      ip: context.ip,
      details: {
        model: options.model,
        sampleSize: calibration.sampleSize,
        items: written.map((i) => ({ itemId: i.itemId, b: i.b, a: i.a })),
      },
    });
  });
  return {
    model: options.model,
    sampleSize: calibration.sampleSize,
    converged: calibration.converged,
    calibratedAt: calibratedAt.toISOString(),
    items: written,
  };
}
