/**
 * `npm run calibrate -- (--bank <bank id> | --sitting <sitting id> | --file <responses.csv>) [options]` (issue 23)
 *
 * Calibrates items from responses: with --bank, every stored, scored session of the database
 * (DATABASE_URL, or PGlite in DATA_DIR) that was presented the bank's items, pretest items
 * included; with --sitting, the scored sessions of one sitting and every item they were presented
 * (an adaptive sitting's sessions each saw a part of the pool: items not given are missing); with --file, a CSV response matrix (header of item ids, optional first column
 * id/person/candidate/student, categories 0..m, empty/./NA/- for not presented). Prints a table
 * with parameters, fit and flags; the LAST line is JSON
 * { items, estimated, anchors, sampleSize, converged, iterations, logLikelihood, latent, linking, flagged, stored }.
 *
 *   --model 2pl          dichotomous items: rasch | 1pl | 2pl | 3pl (default 2pl)
 *   --poly gpcm          polytomous items: gpcm | grm (default gpcm)
 *   --models a=3pl,b=grm per-item models (item id, or identifier with --bank)
 *   --link fixed         how new items reach the bank's scale through anchors (items with stored
 *                        parameters, or --anchors <json> for --file): fixed (anchor parameters held
 *                        during estimation; default), mean-sigma, stocking-lord, or none
 *   --anchors <file>     anchors for --file: a pool file ({ items: [{ id, model, a, b, c? }] })
 *   --store              save the estimates as new parameter versions of the items (the items
 *                        themselves unchanged); needs --bank or --sitting (a --file's columns are then item ids
 *                        or identifiers of that bank). Flagged items are skipped unless
 *                        --include-flagged.
 *   --out <pool.json>    write the calibrated items as a CAT pool file (npm run cat-sim -- --pool)
 *   --min-responses N    the few_responses flag threshold (default by model: 100/200/500)
 *   --tolerance 1e-5 --max-iterations 2000
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import {
  calibrateItems,
  DICHOTOMOUS,
  matrixFromHistory,
  meanSigma,
  parseResponseCsv,
  stockingLord,
  transformItem,
  type CalibrationModel,
  type CalibrationReport,
  type LinkingConstants,
  type ResponseMatrix,
} from '../grading/calibration/index.ts';
import type { ItemModel } from '../grading/adaptive/index.ts';
import type { Database } from '../engine/index.ts';

const { values } = parseArgs({
  options: {
    bank: { type: 'string' },
    sitting: { type: 'string' },
    file: { type: 'string' },
    model: { type: 'string', default: '2pl' },
    poly: { type: 'string', default: 'gpcm' },
    models: { type: 'string' },
    link: { type: 'string', default: 'fixed' },
    anchors: { type: 'string' },
    store: { type: 'boolean', default: false },
    'include-flagged': { type: 'boolean', default: false },
    out: { type: 'string' },
    'min-responses': { type: 'string' },
    tolerance: { type: 'string', default: '1e-5' },
    'max-iterations': { type: 'string', default: '2000' },
  },
});

function fail(message: string): never {
  console.error(`calibrate: ${message}`);
  process.exit(2);
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
}

const MODELS: CalibrationModel[] = ['rasch', '1pl', '2pl', '3pl', 'gpcm', 'grm'];
const modelOf = (name: string, what: string): CalibrationModel =>
  MODELS.includes(name as CalibrationModel)
    ? (name as CalibrationModel)
    : fail(`${what}: unknown model ${name}`);
const dichotomous = modelOf(values.model, '--model');
const polytomous = modelOf(values.poly, '--poly');
if (!DICHOTOMOUS.includes(dichotomous)) fail('--model is for dichotomous items: rasch, 1pl, 2pl or 3pl');
if (DICHOTOMOUS.includes(polytomous)) fail('--poly is gpcm or grm');
const byItem: Record<string, CalibrationModel> = {};
for (const pair of (values.models ?? '').split(',').filter(Boolean)) {
  const [id, m] = pair.split('=');
  if (!id || !m) fail(`--models: "${pair}" is not id=model`);
  byItem[id] = modelOf(m, '--models');
}
const link = values.link;
if (!['fixed', 'mean-sigma', 'stocking-lord', 'none'].includes(link)) fail(`--link: unknown method ${link}`);
if (!values.bank && !values.file && !values.sitting)
  fail('give --bank <id>, --sitting <id> or --file <responses.csv>');
if (values.sitting && (values.bank || values.file)) fail('--sitting goes alone (without --bank or --file)');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
if (values.sitting && !UUID.test(values.sitting)) fail(`--sitting: ${values.sitting} is not a sitting id`);
if (values.store && !values.bank && !values.sitting)
  fail('--store needs --bank or --sitting (the items the parameters belong to)');

/** The items (id, identifier, bank) the submitted sessions of a sitting were presented. */
async function sittingItems(db: Database, sittingId: string) {
  const { sql } = await import('drizzle-orm');
  const { rowsOf } = await import('../engine/platform/db/rows.ts');
  const { candidateSessions } = await import('../engine/delivery/tables.ts');
  const { itemBankTables } = await import('../item-bank/index.ts');
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

// ---- responses, labels and anchors
let matrix: ResponseMatrix;
let labels: string[];
let versions: (string | null)[] = [];
const anchorsById = new Map<string, ItemModel>();
let itemIdOf: (column: string) => string | undefined = () => undefined;
let close: () => Promise<void> = async () => {};
let database: Database | undefined;

if (values.bank || values.sitting) {
  const { loadConfig, openDatabase, migrateDatabase } = await import('../engine/index.ts');
  const { loadItemHistory, bankItemIds } =
    await import('../engine/results/routes/items-statistics/load-item-history.ts');
  const { itemBankTables, currentItemParameters } = await import('../item-bank/index.ts');
  const config = loadConfig();
  const handle = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  close = () => handle.close();
  await migrateDatabase(handle, config.databaseUrl);
  database = handle.db;
  // The items calibrated: the bank's, or those the sitting's submitted sessions were presented.
  const bankItems = values.sitting
    ? await sittingItems(handle.db, values.sitting)
    : await handle.db
        .select({
          id: itemBankTables.items.id,
          identifier: itemBankTables.items.identifier,
          bankId: itemBankTables.items.bankId,
        })
        .from(itemBankTables.items)
        .where(eq(itemBankTables.items.bankId, values.bank!));
  if (!bankItems.length)
    fail(
      values.sitting
        ? `sitting ${values.sitting} has no submitted session`
        : `bank ${values.bank} has no items`,
    );
  const scopeName = values.sitting ? `sitting ${values.sitting}` : `bank ${values.bank}`;
  const identifierOf = new Map(bankItems.map((i) => [i.id, i.identifier]));
  const idOfIdentifier = new Map(bankItems.map((i) => [i.identifier, i.id]));
  itemIdOf = (column) => (identifierOf.has(column) ? column : idOfIdentifier.get(column));
  const stored = await currentItemParameters(handle.db, [...identifierOf.keys()]);
  if (values.file) {
    matrix = parseResponseCsv(read(values.file), dichotomous, byItem, polytomous);
    labels = matrix.items.map((i) => i.id);
    for (const item of matrix.items) {
      const id = itemIdOf(item.id);
      if (!id) fail(`column ${item.id} is neither an item id nor an identifier of ${scopeName}`);
      const p = stored.get(id);
      if (p) anchorsById.set(item.id, p.parameters);
    }
  } else {
    const mine = values.sitting
      ? new Set(bankItems.map((i) => i.id))
      : await bankItemIds(handle.db, values.bank!);
    // A sitting's sessions are found through a bank they used, then only that sitting is kept.
    const sittings = (
      await loadItemHistory(handle.db, { bankId: values.bank ?? bankItems[0]!.bankId }, '')
    ).filter((s) => !values.sitting || s.id === values.sitting);
    const used = [...new Set(sittings.flatMap((s) => s.items.map((i) => i.key)))].filter((k) => mine.has(k));
    if (!used.length) fail(`no scored session of ${scopeName}'s items in the database`);
    const perItem = Object.fromEntries(
      Object.entries(byItem).map(([k, m]) => [itemIdOf(k) ?? k, m] as [string, CalibrationModel]),
    );
    const history = matrixFromHistory(sittings, used, { dichotomous, polytomous, byItem: perItem });
    matrix = history;
    versions = history.versions;
    labels = used.map((id) => identifierOf.get(id) ?? id);
    for (const id of used) {
      const p = stored.get(id);
      if (p) anchorsById.set(id, p.parameters);
    }
  }
} else {
  matrix = parseResponseCsv(read(values.file!), dichotomous, byItem, polytomous);
  labels = matrix.items.map((i) => i.id);
  if (values.anchors) {
    const json = JSON.parse(read(values.anchors)) as {
      items?: (ItemModel & { id: string })[];
    };
    for (const { id, ...params } of json.items ?? []) anchorsById.set(id, params as ItemModel);
  }
}

// ---- estimation and linking
const options = {
  tolerance: Number(values.tolerance),
  maxIterations: Number(values['max-iterations']),
  thresholds: values['min-responses'] ? { minResponses: Number(values['min-responses']) } : {},
};
const anchored = matrix.items.filter((i) => anchorsById.has(i.id)).length;
let report: CalibrationReport;
let linking: Record<string, unknown> = { method: anchored ? link : 'none', anchors: anchored };
if (anchored && link === 'fixed') {
  report = calibrateItems(
    {
      ...matrix,
      items: matrix.items.map((i) => ({
        ...i,
        ...(anchorsById.has(i.id) ? { anchor: anchorsById.get(i.id) } : {}),
      })),
    },
    options,
  );
  linking = { ...linking, mean: report.latent.mean, sd: report.latent.sd };
} else {
  report = calibrateItems(matrix, options);
  if (anchored && link !== 'none') {
    const pairs = report.items
      .filter((i) => anchorsById.has(i.id))
      .map((i) => ({ bank: anchorsById.get(i.id)!, new: i.params }));
    if (pairs.length < 2) fail('mean/sigma and Stocking–Lord need at least two anchor items');
    const k: LinkingConstants = link === 'mean-sigma' ? meanSigma(pairs) : stockingLord(pairs);
    linking = { ...linking, A: k.A, B: k.B };
    report.items = report.items.map((i) =>
      anchorsById.has(i.id)
        ? { ...i, params: anchorsById.get(i.id)!, anchor: true }
        : { ...i, params: transformItem(i.params, k) },
    );
  }
}

// ---- the table
const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const bText = (p: ItemModel) => (typeof p.b === 'number' ? f(p.b) : p.b.map((b) => f(b, 2)).join(' '));
const header = ['item', 'model', 'n', 'a', 'b', 'c', 'infit', 'outfit', 'X2(df)', 'p', 'flags'];
const table = report.items.map((item, j) => [
  labels[j]!,
  item.anchor ? `${item.model} (anchor)` : item.model,
  String(Math.round(item.n)),
  f(item.params.a),
  bText(item.params),
  item.params.model === '3pl' ? f(item.params.c) : '',
  f(item.fit.infit, 2),
  f(item.fit.outfit, 2),
  `${f(item.fit.x2, 1)}(${item.fit.df})`,
  f(item.fit.p),
  item.flags.join(' '),
]);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((r) => r[c]!.length)));
const line = (r: string[]) =>
  r
    .map((v, c) => v.padEnd(widths[c]!))
    .join('  ')
    .trimEnd();
console.log(line(header));
for (const r of table) console.log(line(r));
console.log(
  `\n${report.sampleSize} response rows; ${report.converged ? 'converged' : 'NOT converged'} after ${report.iterations} EM cycles; ` +
    `log-likelihood ${report.logLikelihood.toFixed(3)}; ability N(${f(report.latent.mean)}, ${f(report.latent.sd)}²); ` +
    `linking: ${linking.method}${anchored ? ` through ${anchored} anchors` : ''}`,
);

// ---- outputs
if (values.out) {
  const pool = {
    items: report.items.map((item, j) => ({ id: labels[j]!, ...item.params })),
  };
  writeFileSync(values.out, JSON.stringify(pool, null, 2));
  console.log(`pool file written: ${path.resolve(values.out)}`);
}
let stored = 0;
if (values.store && database) {
  const { saveItemParameters } = await import('../item-bank/index.ts');
  const entries = report.items
    .map((item, j) => ({ item, j }))
    .filter(({ item }) => !item.anchor && (values['include-flagged'] || item.flags.length === 0))
    .map(({ item, j }) => ({
      itemId: itemIdOf(item.id)!,
      model: item.model,
      parameters: item.params,
      sampleSize: item.n,
      itemVersionId: versions[j] ?? null,
      fit: { ...item.fit },
      flags: item.flags,
    }));
  const written = await saveItemParameters(database, entries, {
    source: values.file
      ? `file:${path.basename(values.file)}`
      : values.sitting
        ? `database:sitting:${values.sitting}`
        : 'database',
    linking,
  });
  stored = written.length;
  console.log(
    `stored ${stored} parameter versions (${report.items.filter((i) => !i.anchor).length - stored} flagged items skipped)`,
  );
}
await close();
console.log(
  JSON.stringify({
    items: report.items.length,
    estimated: report.items.filter((i) => !i.anchor).length,
    anchors: anchored,
    sampleSize: report.sampleSize,
    converged: report.converged,
    iterations: report.iterations,
    logLikelihood: report.logLikelihood,
    latent: report.latent,
    linking,
    flagged: report.items.filter((i) => i.flags.length).length,
    stored,
  }),
);
