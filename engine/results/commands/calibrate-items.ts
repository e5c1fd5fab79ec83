/**
 * Item calibration from stored responses (issue 23), the one command `npm run calibrate -- --bank |
 * --sitting` and the author page's routes (`POST /api/item-banks/{id}/calibration`,
 * `POST /api/results/sittings/{id}/calibration`) run (no other route or CLI writes calibrated parameters). The response matrix is a
 * bank's items over every scored session that was presented them (within the actor's organisation
 * subtree), or the items one sitting's scored sessions were presented (pretest items included: they
 * are scored like any item, only the totals leave them out), or a CSV whose columns name the bank's
 * items. Items with stored parameters are anchors; estimation and linking are
 * grading/calibration/estimate-and-link.ts; with `recalibrate` (mean/sigma or Stocking–Lord) the anchors
 * are re-estimated too, put on the bank's scale through their own stored parameters. With `store`, the
 * unflagged estimates (all with `includeFlagged`) become new parameter versions of their items (the
 * items unchanged; their facility, `difficulty`, refreshed from the same responses) and the audit row
 * `items.calibrate` is written in the same transaction; without it nothing is written (a preview).
 * Bad input is refused before any estimation, with a code the page words in its language.
 */
import { eq, sql } from 'drizzle-orm';
import type { adaptive } from '../../../grading/index.ts';
import { calibration } from '../../../grading/index.ts';
import { currentItemParameters, itemBankTables, saveItemParameters } from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import { isUuid } from '../../people/organisation-ref.ts';
import type { CommandContext } from '../../platform/command-context.ts';
import type { Database } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { candidateSessions } from '../../delivery/tables.ts';
import { sittings } from '../../sittings/tables.ts';
import { bankItemIds, loadItemHistory } from '../routes/items-statistics/load-item-history.ts';
import {
  calibrationRows,
  calibrationSummary,
  facilityOf,
  type CalibrationRunOutcome,
} from '../calibration-summary.ts';

const { DICHOTOMOUS, estimateAndLink, LinkingError, matrixFromHistory, parseResponseCsv } = calibration;
type CalibrationModel = calibration.CalibrationModel;
type LinkMethod = calibration.LinkMethod;
type ResponseMatrix = calibration.ResponseMatrix;
type ItemModel = adaptive.ItemModel;

export const CALIBRATION_MODELS = ['rasch', '1pl', '2pl', '3pl', 'gpcm', 'grm'] as const;

export interface CalibrateItemsInput {
  /** A bank's items, or the items one sitting's scored sessions were presented. */
  scope: { bankId: string } | { sittingId: string };
  /** A response matrix from a CSV instead of the stored sessions (columns: item ids or identifiers of the bank). */
  csv?: { text: string; name: string };
  /** Dichotomous items: rasch | 1pl | 2pl | 3pl. */
  model: CalibrationModel;
  /** Polytomous items: gpcm | grm. */
  poly: CalibrationModel;
  /** Per-item models by item id or identifier. */
  byItem?: Record<string, CalibrationModel>;
  link: LinkMethod;
  /**
   * Re-estimate the items that already have stored parameters too (mean/sigma or Stocking–Lord: their
   * stored parameters link the fresh estimates to the bank's scale); with `store` they get new versions.
   */
  recalibrate?: boolean;
  store: boolean;
  includeFlagged?: boolean;
  /** The few_responses flag threshold (default by model). */
  minResponses?: number;
  tolerance?: number;
  maxIterations?: number;
  /** The organisation the route acted in, for the audit row. */
  organisationId?: string;
  /** Who asked, for the audit row: the command line or the author page (default). */
  via?: 'cli' | 'page';
}

export type { CalibratedItemRow, CalibrationRunOutcome } from '../calibration-summary.ts';

const refuse = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError(400, code, message, { code, ...details });

/** Refusals of the options themselves (the CLI's and the route's alike), before any database work. */
export function checkCalibrationOptions(input: CalibrateItemsInput): void {
  const known = (m: string) => (CALIBRATION_MODELS as readonly string[]).includes(m);
  if (!known(input.model) || !DICHOTOMOUS.includes(input.model))
    throw refuse(
      'calibration_model',
      `model: ${input.model} is not a dichotomous model (rasch, 1pl, 2pl or 3pl).`,
      {
        field: 'model',
      },
    );
  if (!known(input.poly) || DICHOTOMOUS.includes(input.poly))
    throw refuse('calibration_model', `poly: ${input.poly} is not a polytomous model (gpcm or grm).`, {
      field: 'poly',
    });
  for (const [id, m] of Object.entries(input.byItem ?? {}))
    if (!known(m))
      throw refuse('calibration_model', `models: ${id}=${m} is not a model.`, { field: 'models' });
  if (input.minResponses !== undefined && !(Number.isInteger(input.minResponses) && input.minResponses >= 1))
    throw refuse('calibration_min_responses', 'minResponses must be a whole number from 1.', {
      field: 'minResponses',
    });
}

/** The items (id, identifier, bank) the submitted sessions of a sitting were presented. */
async function sittingItems(db: Database, sittingId: string) {
  const { items, itemVersions } = itemBankTables;
  const rows = rowsOf<{ id: string; identifier: string; bank_id: string }>(
    await db.execute(sql`
      select distinct i.id, i.identifier, i.bank_id from ${candidateSessions} s
      cross join lateral jsonb_array_elements(s.form -> 'entries') e
      join ${itemVersions} iv on iv.id::text = e ->> 'itemVersionId'
      join ${items} i on i.id = iv.item_id
      where s.sitting_id = ${sittingId}::uuid and s.state in ('submitted', 'scored')`),
  );
  return rows.map((r) => ({ id: r.id, identifier: r.identifier, bankId: r.bank_id }));
}

export async function calibrateItemsCommand(
  db: Database,
  actor: StaffActor | null | undefined,
  input: CalibrateItemsInput,
  context: CommandContext = {},
): Promise<CalibrationRunOutcome> {
  checkCalibrationOptions(input);
  const bankId = 'bankId' in input.scope ? input.scope.bankId : undefined;
  const sittingId = 'sittingId' in input.scope ? input.scope.sittingId : undefined;
  const { items } = itemBankTables;

  // ---- the items
  let scopeItems: { id: string; identifier: string; bankId: string }[];
  if (sittingId !== undefined) {
    if (!isUuid(sittingId)) throw errors.notFound('The sitting');
    const [sitting] = await db.select({ id: sittings.id }).from(sittings).where(eq(sittings.id, sittingId));
    if (!sitting) throw errors.notFound('The sitting');
    if (input.csv)
      throw refuse('calibration_scope', 'A sitting is calibrated from its stored sessions, not from a file.');
    scopeItems = await sittingItems(db, sittingId);
    if (!scopeItems.length)
      throw new AppError(409, 'calibration_no_responses', `The sitting has no submitted session yet.`, {
        code: 'calibration_no_responses',
      });
  } else {
    if (!isUuid(bankId)) throw errors.notFound('The item bank');
    const [bank] = await db
      .select({ id: itemBankTables.itemBanks.id })
      .from(itemBankTables.itemBanks)
      .where(eq(itemBankTables.itemBanks.id, bankId));
    if (!bank) throw errors.notFound('The item bank');
    scopeItems = await db
      .select({ id: items.id, identifier: items.identifier, bankId: items.bankId })
      .from(items)
      .where(eq(items.bankId, bankId));
    if (!scopeItems.length)
      throw new AppError(409, 'calibration_no_responses', 'The bank has no items.', {
        code: 'calibration_no_responses',
      });
  }
  const identifierOf = new Map(scopeItems.map((i) => [i.id, i.identifier]));
  const idOfIdentifier = new Map(scopeItems.map((i) => [i.identifier, i.id]));
  const itemIdOf = (column: string) => (identifierOf.has(column) ? column : idOfIdentifier.get(column));
  const stored = await currentItemParameters(db, [...identifierOf.keys()]);
  const byItem = Object.fromEntries(
    Object.entries(input.byItem ?? {}).map(([k, m]) => [itemIdOf(k) ?? k, m] as [string, CalibrationModel]),
  );

  // ---- the responses: columns are item ids from here on
  let matrix: ResponseMatrix;
  let versions: (string | null)[] = [];
  if (input.csv) {
    let parsed: ResponseMatrix;
    try {
      parsed = parseResponseCsv(input.csv.text, input.model, {}, input.poly);
    } catch (error) {
      throw refuse('calibration_file', `The response file cannot be read: ${(error as Error).message}`);
    }
    const unknown = parsed.items.filter((i) => !itemIdOf(i.id)).map((i) => i.id);
    if (unknown.length)
      throw refuse(
        'calibration_unknown_column',
        `Column ${unknown.join(', ')} is neither an item id nor an identifier of the bank.`,
        { columns: unknown },
      );
    matrix = {
      ...parsed,
      items: parsed.items.map((i) => {
        const id = itemIdOf(i.id)!;
        return { ...i, id, model: byItem[id] ?? i.model };
      }),
    };
  } else {
    const mine = sittingId ? new Set(scopeItems.map((i) => i.id)) : await bankItemIds(db, bankId!);
    // A sitting's sessions whatever banks their items came from; a bank's within the actor's subtree.
    const history = await loadItemHistory(
      db,
      sittingId ? { sittingId } : { bankId: bankId! },
      sittingId ? '' : (actor?.scopePath ?? ''),
    );
    const used = [...new Set(history.flatMap((s) => s.items.map((i) => i.key)))].filter((k) => mine.has(k));
    if (!used.length)
      throw new AppError(
        409,
        'calibration_no_responses',
        `No scored session of the ${sittingId ? "sitting's" : "bank's"} items yet.`,
        { code: 'calibration_no_responses' },
      );
    const fromHistory = matrixFromHistory(history, used, {
      dichotomous: input.model,
      polytomous: input.poly,
      byItem,
    });
    matrix = fromHistory;
    versions = fromHistory.versions;
  }
  const anchors = new Map<string, ItemModel>();
  for (const item of matrix.items) {
    const p = stored.get(item.id);
    if (p) anchors.set(item.id, p.parameters);
  }

  // ---- estimation and linking (the shared rule)
  let result: ReturnType<typeof estimateAndLink>;
  try {
    result = estimateAndLink(matrix, anchors, input.link, {
      tolerance: input.tolerance ?? 1e-5,
      maxIterations: input.maxIterations ?? 2000,
      thresholds: input.minResponses ? { minResponses: input.minResponses } : {},
      recalibrate: input.recalibrate ?? false,
    });
  } catch (error) {
    if (error instanceof LinkingError)
      throw refuse(
        `calibration_${error.code}`,
        error.code === 'too_few_anchors'
          ? `${error.message} (there are ${anchors.size}).`
          : `${error.message}.`,
        { anchors: anchors.size },
      );
    throw error;
  }
  const { report, linking } = result;
  const source = input.csv
    ? `file:${input.csv.name}`
    : sittingId
      ? `database:sitting:${sittingId}`
      : 'database';
  const rows = calibrationRows(report, (id) => identifierOf.get(id), versions);
  const fresh = (r: (typeof rows)[number]) => !r.anchor || linking.recalibrated === true;

  // ---- storing: the parameter versions and the audit row in one transaction
  if (input.store) {
    const chosen = rows.filter((r) => fresh(r) && (input.includeFlagged || r.flags.length === 0));
    const reported = new Map(report.items.map((item) => [item.id, item]));
    await db.transaction(async (tx) => {
      const written = await saveItemParameters(
        tx,
        chosen.map((r) => ({
          itemId: r.itemId,
          model: r.model,
          parameters: r.params as Parameters<typeof saveItemParameters>[1][number]['parameters'],
          sampleSize: r.n,
          itemVersionId: r.itemVersionId,
          fit: { ...r.fit },
          flags: r.flags,
        })),
        { source, linking: { ...linking }, calibratedBy: actor?.userId ?? null },
      );
      const versionOf = new Map(written.map((w) => [w.itemId, w.version]));
      for (const r of chosen) r.storedVersion = versionOf.get(r.itemId) ?? null;
      // The classical facility (mean score over the top category) the bank's search filters on, from the same responses.
      for (const r of chosen) {
        const facility = facilityOf(reported.get(r.itemId)!);
        if (facility !== null)
          await tx.update(items).set({ difficulty: facility }).where(eq(items.id, r.itemId));
      }
      await appendAudit(tx, {
        actorId: actor?.userId ?? null,
        actorRole: actor?.role ?? null,
        action: 'items.calibrate',
        subjectType: sittingId ? 'sitting' : 'item_bank',
        subjectId: sittingId ?? bankId!,
        organisationId: input.organisationId ?? actor?.organisationId ?? null,
        ip: context.ip ?? null,
        details: {
          via: input.via ?? 'page',
          source,
          model: input.model,
          poly: input.poly,
          linking: { ...linking },
          sampleSize: report.sampleSize,
          converged: report.converged,
          stored: written,
          recalibrated: linking.recalibrated === true,
          skippedFlagged: rows.filter(fresh).length - written.length,
        },
      });
    });
  }
  return { source, items: rows, ...calibrationSummary(rows, report, linking) };
}
