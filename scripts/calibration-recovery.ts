/**
 * `npx tsx scripts/calibration-recovery.ts [--reps 3]`: the parameter-recovery figures of
 * grading/calibration/README.md. Seeded: items a ~ lognormal(0, 0.3) (×1.5 for 3PL), b ~ U(-2, 2),
 * c ~ U(0.1, 0.3); GPCM/GRM four categories, steps b/2 - 1, b/2, b/2 + 1 jittered by N(0, 0.3²);
 * abilities N(0, 1) unless said. Prints a Markdown table of RMSE (mean over replications).
 */
import { parseArgs } from 'node:util';
import type { ItemModel } from '../grading/adaptive/index.ts';
import { normalDraw } from '../grading/adaptive/rng.ts';
import {
  calibrateItems,
  meanSigma,
  rmse,
  simulateResponses,
  stockingLord,
  transformItem,
  type CalibrationModel,
} from '../grading/calibration/index.ts';
import { seededRandom } from '../grading/processing/seeded-random.ts';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '3' } } });
const reps = Number(values.reps);

function items(n: number, model: CalibrationModel, seed: number): ItemModel[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const a = Math.exp(0.3 * normalDraw(r));
    const b = -2 + 4 * r();
    if (model === '3pl') return { model: '3pl', a: a * 1.5, b, c: 0.1 + 0.2 * r() };
    if (model === 'gpcm' || model === 'grm')
      return { model, a, b: [-1, 0, 1].map((s) => b * 0.5 + s + 0.3 * normalDraw(r)).sort((x, y) => x - y) };
    return { model: '2pl', a, b };
  });
}
const bs = (m: ItemModel) => (typeof m.b === 'number' ? [m.b] : m.b);
const cOf = (m: ItemModel) => (m.model === '3pl' ? m.c : 0);

interface Row {
  condition: string;
  a: number;
  b: number;
  c?: number;
  ms: number;
}
const rows: Row[] = [];
function run(condition: string, f: (seed: number) => { a: number; b: number; c?: number }) {
  const t = Date.now();
  const out = Array.from({ length: reps }, (_, i) => f(1000 * (i + 1)));
  const mean = (k: 'a' | 'b' | 'c') => out.reduce((s, o) => s + (o[k] ?? 0), 0) / out.length;
  rows.push({
    condition,
    a: mean('a'),
    b: mean('b'),
    ...(out[0]!.c !== undefined ? { c: mean('c') } : {}),
    ms: (Date.now() - t) / reps,
  });
  console.error(`${condition}: done`);
}

for (const [model, n, sizes] of [
  ['2pl', 20, [500, 1000, 2000, 5000]],
  ['3pl', 20, [1000, 2000, 5000]],
  ['gpcm', 10, [500, 1000, 2000]],
  ['grm', 10, [500, 1000, 2000]],
] as const)
  for (const N of sizes)
    run(`${model.toUpperCase()}, ${n} items × ${N}`, (seed) => {
      const truth = items(n, model, seed + 7);
      const { rows: data } = simulateResponses(
        truth.map((params) => ({ params })),
        N,
        seed + 11,
      );
      const fit = calibrateItems({ items: truth.map((_, j) => ({ id: `i${j}`, model })), rows: data });
      return {
        a: rmse(
          fit.items.map((i) => i.params.a),
          truth.map((i) => i.a),
        ),
        b: rmse(
          fit.items.flatMap((i) => bs(i.params)),
          truth.flatMap(bs),
        ),
        ...(model === '3pl'
          ? {
              c: rmse(
                fit.items.map((i) => cOf(i.params)),
                truth.map(cOf),
              ),
            }
          : {}),
      };
    });

// Pretest items seen by 30 % of 2,000 next to 20 operational items; and linking 10 new items
// through 20 anchors when the new population is N(0.5, 1.2²).
run('2PL pretest: 10 items seen by 30 % of 2,000 (20 operational items)', (seed) => {
  const truth = items(30, '2pl', seed + 3);
  const { rows: data } = simulateResponses(
    truth.map((params, j) => ({ params, presented: j < 20 ? 1 : 0.3 })),
    2000,
    seed + 5,
  );
  const fit = calibrateItems({
    items: truth.map((_, j) => ({ id: `i${j}`, model: '2pl' as const })),
    rows: data,
  });
  const est = fit.items.slice(20).map((i) => i.params);
  return {
    a: rmse(
      est.map((i) => i.a),
      truth.slice(20).map((i) => i.a),
    ),
    b: rmse(est.flatMap(bs), truth.slice(20).flatMap(bs)),
  };
});
for (const method of ['fixed anchors', 'mean/sigma', 'Stocking–Lord', 'no linking'] as const)
  run(`linking, ${method}: 10 new items (40 % of 2,000), 20 anchors, θ ~ N(0.5, 1.2²)`, (seed) => {
    const truth = items(30, '2pl', seed + 3);
    const { rows: data } = simulateResponses(
      truth.map((params, j) => ({ params, presented: j < 20 ? 1 : 0.4 })),
      2000,
      seed + 5,
      { mean: 0.5, sd: 1.2 },
    );
    let est: ItemModel[];
    if (method === 'fixed anchors') {
      const fit = calibrateItems({
        items: truth.map((p, j) => ({
          id: `i${j}`,
          model: '2pl' as const,
          ...(j < 20 ? { anchor: p } : {}),
        })),
        rows: data,
      });
      est = fit.items.slice(20).map((i) => i.params);
    } else {
      const fit = calibrateItems({
        items: truth.map((_, j) => ({ id: `i${j}`, model: '2pl' as const })),
        rows: data,
      });
      const pairs = truth.slice(0, 20).map((bank, j) => ({ bank, new: fit.items[j]!.params }));
      const k =
        method === 'mean/sigma'
          ? meanSigma(pairs)
          : method === 'Stocking–Lord'
            ? stockingLord(pairs)
            : { A: 1, B: 0 };
      est = fit.items.slice(20).map((i) => transformItem(i.params, k));
    }
    return {
      a: rmse(
        est.map((i) => i.a),
        truth.slice(20).map((i) => i.a),
      ),
      b: rmse(est.flatMap(bs), truth.slice(20).flatMap(bs)),
    };
  });

console.log('| condition | RMSE a | RMSE b | RMSE c | ms per run |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(
    `| ${r.condition} | ${r.a.toFixed(3)} | ${r.b.toFixed(3)} | ${r.c === undefined ? '' : r.c.toFixed(3)} | ${Math.round(r.ms)} |`,
  );
