/**
 * `npm run cat-sim -- [--pool <pool.json> | --generate 300] --candidates N --stop se=0.3,max=30[,min=5]
 *   [--exposure sh|randomesque|none] [--rmax 0.25] [--k 5] [--selector mfi|kl|astrat]
 *   [--estimator eap|map|mle|wle] [--seed S]`
 *
 * Simulates a CAT (issue 23) for N simulees with θ ~ N(0, 1) and prints a summary; the LAST line
 * is JSON: { meanItems, rmse, bias, reliability, maxExposure, overlapRate, fixedFormItems,
 * fixedFormReliability, catToFixedRatio, blueprintMaxDeviation, nextItemMsP99 }.
 * reliability is the squared correlation of θ̂ with the true θ; the fixed form is the shortest
 * prefix of the pool ordered by information at θ = 0 (cell by cell when there is a blueprint) whose
 * EAP estimates reach the CAT's reliability on the same simulees.
 *
 * The pool file format is documented in grading/adaptive/pool-file.ts. Without --pool a seeded
 * 2PL pool is generated (--generate N, default 300): a ~ lognormal(0, 0.3), b ~ U(-3, 3), D = 1.702,
 * four topics × three cognitive levels with a 40/40/20 % level blueprint, N/20 enemy pairs.
 * Sympson–Hetter parameters are first set by simulation (--sh-iterations, default 8, of
 * --sh-simulees, default min(N, 2000), simulees each) with seeds apart from the evaluation run.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  blueprintDeviation,
  calibrateSympsonHetter,
  compareWithFixedForm,
  createCat,
  generatedBlueprint,
  generatePool,
  nextStep,
  readPoolFile,
  recordResponse,
  simulate,
  simulatedResponse,
  simulatedThetas,
  startSession,
  type CatConfig,
  type EstimatorName,
  type ExposureControl,
  type SelectorName,
} from '../grading/adaptive/index.ts';
import { seededRandom } from '../grading/processing/seeded-random.ts';

const { values } = parseArgs({
  options: {
    pool: { type: 'string' },
    generate: { type: 'string' },
    candidates: { type: 'string', default: '1000' },
    stop: { type: 'string', default: 'se=0.3,max=30' },
    exposure: { type: 'string', default: 'none' },
    rmax: { type: 'string', default: '0.25' },
    k: { type: 'string', default: '5' },
    selector: { type: 'string', default: 'mfi' },
    estimator: { type: 'string', default: 'eap' },
    seed: { type: 'string', default: '1' },
    'sh-iterations': { type: 'string', default: '8' },
    'sh-simulees': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`cat-sim: ${message}`);
  process.exit(2);
}
const int = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive integer`);
  return n;
};

const seed = Number(values.seed) >>> 0;
const candidates = int('candidates', values.candidates);
const stop = { minItems: 5, maxItems: 30 } as CatConfig['stop'];
for (const part of values.stop!.split(',')) {
  const [key, raw] = part.split('=');
  const v = Number(raw);
  if (!Number.isFinite(v)) fail(`--stop ${part}: not a number`);
  if (key === 'se') stop.se = v;
  else if (key === 'max') stop.maxItems = v;
  else if (key === 'min') stop.minItems = v;
  else fail(`--stop: unknown rule ${key} (se, max, min)`);
}
stop.minItems = Math.min(stop.minItems, stop.maxItems);
const selector = ({ mfi: 'mfi', kl: 'kl', astrat: 'a-stratified' } as Record<string, SelectorName>)[
  values.selector!
];
if (!selector) fail('--selector must be mfi, kl or astrat');
const estimator = values.estimator as EstimatorName;
if (!['eap', 'map', 'mle', 'wle'].includes(estimator)) fail('--estimator must be eap, map, mle or wle');

const pool = values.pool
  ? readPoolFile(JSON.parse(readFileSync(values.pool, 'utf8')))
  : { items: generatePool(int('generate', values.generate ?? '300'), seed), blueprint: generatedBlueprint() };
const base: CatConfig = {
  estimator,
  selector,
  exposure: { kind: 'none' },
  stop,
  ...(pool.blueprint ? { blueprint: pool.blueprint } : {}),
};

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `pool: ${pool.items.length} items${values.pool ? ` from ${values.pool}` : ' generated (2PL, a ~ lognormal(0, 0.3), b ~ U(-3, 3), D = 1.702)'}` +
    `${pool.blueprint ? `, blueprint of ${pool.blueprint.cells.length} cells` : ', no blueprint'}`,
);
console.log(
  `CAT: ${estimator.toUpperCase()} estimates, ${selector} selection, stop ${values.stop}, exposure ${values.exposure}, ${candidates} simulees, seed ${seed}`,
);

let exposure: ExposureControl;
if (values.exposure === 'none') exposure = { kind: 'none' };
else if (values.exposure === 'randomesque') exposure = { kind: 'randomesque', k: int('k', values.k) };
else if (values.exposure === 'sh') {
  const rMax = Number(values.rmax);
  const shSimulees = int('sh-simulees', values['sh-simulees'] ?? String(Math.min(candidates, 2000)));
  const iterations = int('sh-iterations', values['sh-iterations']);
  const { k, history } = calibrateSympsonHetter(createCat(pool.items, base), {
    rMax,
    simulees: shSimulees,
    iterations,
    seed: seed + 1000,
  });
  console.log(
    `Sympson–Hetter, r_max ${rMax}: ${iterations} iterations of ${shSimulees} simulees (${seconds()} s)`,
  );
  for (const h of history)
    console.log(
      `  iteration ${h.iteration}: max selection rate ${h.maxSelection.toFixed(3)}, max exposure ${h.maxExposure.toFixed(3)}`,
    );
  console.log(`  items with K < 1: ${Object.values(k).filter((v) => v < 1).length}`);
  exposure = { kind: 'sympson-hetter', k };
} else fail('--exposure must be sh, randomesque or none');

const cat = createCat(pool.items, { ...base, exposure });
const { runs, metrics } = simulate(cat, { simulees: candidates, seed });
const stops = new Map<string, number>();
console.log(`simulation done (${seconds()} s)`);
const fixed = compareWithFixedForm(
  cat,
  runs.map((r) => r.trueTheta),
  metrics.reliability,
  metrics.meanItems,
  seed + 2000,
);
const deviation = blueprintDeviation(cat, runs);

// Next-item time: every nextStep call of 300 further simulees, timed one by one.
const times: number[] = [];
const rng = seededRandom(seed + 3000);
for (const theta of simulatedThetas(300, rng)) {
  let session = startSession(Math.floor(rng() * 2 ** 32));
  for (;;) {
    const t0 = performance.now();
    const out = nextStep(cat, session);
    times.push(performance.now() - t0);
    session = out.session;
    if (out.decision.chosen === null) {
      stops.set(out.decision.stop!, (stops.get(out.decision.stop!) ?? 0) + 1);
      break;
    }
    const item = cat.pool.items[cat.pool.indexOf.get(out.decision.chosen)!]!;
    session = recordResponse(session, out.decision.chosen, simulatedResponse(item, theta, rng));
  }
}
times.sort((a, b) => a - b);
const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
const lengths = runs.map((r) => r.items.length).sort((a, b) => a - b);

const f = (v: number, d = 3) => v.toFixed(d);
console.log('');
console.log(
  `test length: mean ${f(metrics.meanItems, 2)}, min ${lengths[0]}, median ${lengths[lengths.length >> 1]}, max ${lengths[lengths.length - 1]}`,
);
console.log(`  stop reasons (timing sample of 300): ${[...stops].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(
  `accuracy: rmse ${f(metrics.rmse)}, bias ${f(metrics.bias)}, reliability (corr² with true θ) ${f(metrics.reliability)}`,
);
console.log(
  `exposure: max ${f(metrics.maxExposure)}, items used ${Object.keys(metrics.exposure).length} of ${pool.items.length}, overlap rate ${f(metrics.overlapRate)}`,
);
console.log(`blueprint: largest |count - share·length| over simulees and cells ${f(deviation, 2)}`);
console.log(
  fixed.fixedFormItems === null
    ? 'fixed form: even the whole pool in information order does not reach the CAT reliability'
    : `fixed form: ${fixed.fixedFormItems} items reach reliability ${f(fixed.fixedFormReliability!)}; CAT/fixed = ${f(fixed.catToFixedRatio!)}`,
);
console.log(
  `next item: mean ${f(times.reduce((s, v) => s + v, 0) / times.length)} ms, p50 ${f(pct(0.5))} ms, p99 ${f(pct(0.99))} ms, max ${f(times[times.length - 1]!)} ms (${times.length} calls)`,
);
console.log(`total ${seconds()} s`);
console.log(
  JSON.stringify({
    meanItems: metrics.meanItems,
    rmse: metrics.rmse,
    bias: metrics.bias,
    reliability: metrics.reliability,
    maxExposure: metrics.maxExposure,
    overlapRate: metrics.overlapRate,
    fixedFormItems: fixed.fixedFormItems,
    fixedFormReliability: fixed.fixedFormReliability,
    catToFixedRatio: fixed.catToFixedRatio,
    blueprintMaxDeviation: deviation,
    nextItemMsP99: pct(0.99),
  }),
);
