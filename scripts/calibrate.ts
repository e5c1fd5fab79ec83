/**
 * `npm run calibrate -- (--bank <bank id> | --sitting <sitting id> | --file <responses.csv>) [options]` (issue 23)
 *
 * Calibrates items from responses. With --bank or --sitting this runs the engine's command
 * (engine/results/commands/calibrate-items.ts), the one the author page's route runs: the same
 * matrix, estimation, linking, refusals, and with --store the parameter versions and the audit row
 * `items.calibrate` in one transaction. Calibrates: with --bank, every stored, scored session of the database
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
 *   --recalibrate        re-estimate the items with stored parameters too (with mean-sigma or
 *                        stocking-lord: their stored parameters link the fresh estimates to the bank's scale)
 *   --anchors <file>     anchors for --file: a pool file ({ items: [{ id, model, a, b, c? }] })
 *   --store              save the estimates as new parameter versions of the items (the items
 *                        themselves unchanged); needs --bank or --sitting (a --file's columns are then item ids
 *                        or identifiers of that bank). Flagged items are skipped unless
 *                        --include-flagged.
 *   --as <username>      the staff member the audit row of --store names (default: the first admin)
 *   --out <pool.json>    write the calibrated items as a CAT pool file (npm run cat-sim -- --pool)
 *   --min-responses N    the few_responses flag threshold (default by model: 100/200/500)
 *   --tolerance 1e-5 --max-iterations 2000
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DICHOTOMOUS,
  estimateAndLink,
  LINK_METHODS,
  LinkingError,
  parseResponseCsv,
  type CalibrationModel,
  type LinkMethod,
} from '../grading/calibration/index.ts';
import type { ItemModel } from '../grading/adaptive/index.ts';
import {
  calibrationRows,
  calibrationSummary,
  type CalibratedItemRow,
  type CalibrationRunOutcome,
} from '../engine/results/calibration-summary.ts';

const { values } = parseArgs({
  options: {
    bank: { type: 'string' },
    sitting: { type: 'string' },
    file: { type: 'string' },
    model: { type: 'string', default: '2pl' },
    poly: { type: 'string', default: 'gpcm' },
    models: { type: 'string' },
    link: { type: 'string', default: 'fixed' },
    recalibrate: { type: 'boolean', default: false },
    anchors: { type: 'string' },
    store: { type: 'boolean', default: false },
    'include-flagged': { type: 'boolean', default: false },
    out: { type: 'string' },
    as: { type: 'string' },
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
if (!(LINK_METHODS as readonly string[]).includes(link)) fail(`--link: unknown method ${link}`);
if (!values.bank && !values.file && !values.sitting)
  fail('give --bank <id>, --sitting <id> or --file <responses.csv>');
if (values.sitting && (values.bank || values.file)) fail('--sitting goes alone (without --bank or --file)');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
if (values.sitting && !UUID.test(values.sitting)) fail(`--sitting: ${values.sitting} is not a sitting id`);
if (values.store && !values.bank && !values.sitting)
  fail('--store needs --bank or --sitting (the items the parameters belong to)');

/** What the table and the summary print, shaped alike by the engine command and the file-only path. */
let rows: CalibratedItemRow[];
let run: Omit<CalibrationRunOutcome, 'items' | 'source'>;

if (values.bank || values.sitting) {
  // The stored sessions (or a CSV of the bank's items): the engine's command, the one the author page's route runs.
  const { openCliDatabase, cliActor } = await import('./qti/lib/cli-database.ts');
  const { calibrateItemsCommand } = await import('../engine/results/commands/calibrate-items.ts');
  const { AppError } = await import('../engine/platform/errors.ts');
  const handle = await openCliDatabase();
  let outcome: CalibrationRunOutcome;
  try {
    const actor = await cliActor(handle, values.as);
    if (values.as && !actor) fail(`--as: no staff member ${values.as}`);
    outcome = await calibrateItemsCommand(handle.db, actor, {
      scope: values.sitting ? { sittingId: values.sitting } : { bankId: values.bank! },
      ...(values.file ? { csv: { text: read(values.file), name: path.basename(values.file) } } : {}),
      model: dichotomous,
      poly: polytomous,
      byItem,
      link: link as LinkMethod,
      recalibrate: values.recalibrate,
      store: values.store,
      includeFlagged: values['include-flagged'],
      ...(values['min-responses'] ? { minResponses: Number(values['min-responses']) } : {}),
      tolerance: Number(values.tolerance),
      maxIterations: Number(values['max-iterations']),
      via: 'cli',
    });
  } catch (error) {
    await handle.close();
    if (error instanceof AppError) fail(error.message);
    throw error;
  }
  await handle.close();
  const { items, source: _source, ...summary } = outcome;
  rows = items;
  run = summary;
} else {
  const matrix = parseResponseCsv(read(values.file!), dichotomous, byItem, polytomous);
  const anchors = new Map<string, ItemModel>();
  if (values.anchors) {
    const json = JSON.parse(read(values.anchors)) as { items?: (ItemModel & { id: string })[] };
    for (const { id, ...params } of json.items ?? []) anchors.set(id, params as ItemModel);
  }
  let result: ReturnType<typeof estimateAndLink>;
  try {
    result = estimateAndLink(matrix, anchors, link as LinkMethod, {
      tolerance: Number(values.tolerance),
      maxIterations: Number(values['max-iterations']),
      thresholds: values['min-responses'] ? { minResponses: Number(values['min-responses']) } : {},
      recalibrate: values.recalibrate,
    });
  } catch (error) {
    if (error instanceof LinkingError) fail(error.message);
    throw error;
  }
  const { report, linking } = result;
  rows = calibrationRows(report);
  run = calibrationSummary(rows, report, linking);
}
const { linking } = run;
const anchored = linking.anchors;

// ---- the table
const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const bText = (p: ItemModel) => (typeof p.b === 'number' ? f(p.b) : p.b.map((b) => f(b, 2)).join(' '));
const header = ['item', 'model', 'n', 'a', 'b', 'c', 'infit', 'outfit', 'X2(df)', 'p', 'flags'];
const table = rows.map((item) => [
  item.identifier,
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
  `\n${run.sampleSize} response rows; ${run.converged ? 'converged' : 'NOT converged'} after ${run.iterations} EM cycles; ` +
    `log-likelihood ${run.logLikelihood.toFixed(3)}; ability N(${f(run.latent.mean)}, ${f(run.latent.sd)}²); ` +
    `linking: ${linking.method}${anchored ? ` through ${anchored} anchors` : ''}`,
);

// ---- outputs
if (values.out) {
  const pool = { items: rows.map((item) => ({ id: item.identifier, ...item.params })) };
  writeFileSync(values.out, JSON.stringify(pool, null, 2));
  console.log(`pool file written: ${path.resolve(values.out)}`);
}
if (values.store)
  console.log(
    `stored ${run.stored} parameter versions (${run.estimated - run.stored} flagged items skipped)`,
  );
console.log(JSON.stringify({ items: rows.length, ...run }));
