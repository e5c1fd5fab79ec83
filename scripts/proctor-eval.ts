/**
 * `npm run proctor-eval -- <labels.json> [--split tune|test] [--images <dir>] [--save-raw <file>] [--from-raw <file>]`
 *
 * Runs the proctoring detector (Human on the TensorFlow.js wasm backend, in headless Debian Chromium, models
 * loaded once from node_modules) over the labelled images beside labels.json (`images/<file>`, or `--images <dir>`,
 * read in place; `--split` keeps only the labels of that part of a split set) and
 * prints, as its last line, JSON {"faceCount": {"accuracy", "confusion", "perClass"}, "pose": {"accuracy",
 * "confusion"}}. `--save-raw` keeps the detector output so thresholds can be re-scored with `--from-raw` without
 * the browser. `--fps` also measures, in the detection worker, the frames per second of the face pipeline alone (what
 * runs on every frame) and with the second pass on tiles, at 320x240 and 640x480, on the first labelled image with
 * exactly one face; the figures join the last line as "fps".
 *
 * With one-face images among the labels, the last line also carries "sitting": false "no face" and "two faces"
 * incidents per candidate-hour on a simulated sitting (`proctor/eval/sitting.ts`: 100 hours of a candidate alone,
 * the one-face images played as its moments, each held a random time of mean 1, 2, 5 or 10 s, through the
 * monitor's count rules and the incident rules). `--sitting-hours <n>` changes its length.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openLab } from '../proctor/eval/browser-lab.ts';
import { scoreRows, type EvalRow, type FaceLabel } from '../proctor/eval/score.ts';
import { simulateSitting } from '../proctor/eval/sitting.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const labelsFile = process.argv
  .slice(2)
  .find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!labelsFile) {
  console.error(
    'usage: npm run proctor-eval -- <labels.json> [--split tune|test] [--images <dir>] [--save-raw <file>] [--from-raw <file>]',
  );
  process.exit(2);
}
const split = option('--split');
const inSplit = (label: FaceLabel) => !split || label.split === split;
const labels = (JSON.parse(readFileSync(labelsFile, 'utf8')) as FaceLabel[]).filter(inSplit);
if (labels.length === 0) {
  console.error(`no labels${split ? ` in split "${split}"` : ''} in ${labelsFile}`);
  process.exit(2);
}
const fromRaw = option('--from-raw');
let rows: EvalRow[];
if (fromRaw) {
  rows = (JSON.parse(readFileSync(fromRaw, 'utf8')) as EvalRow[]).filter((r) => inSplit(r.label));
} else {
  const started = Date.now();
  const imagesDir = option('--images') ?? path.join(path.dirname(path.resolve(labelsFile)), 'images');
  const lab = await openLab(path.resolve(imagesDir));
  console.log(`models loaded on ${lab.backend} in ${Date.now() - started} ms`);
  rows = [];
  try {
    for (const label of labels) rows.push({ label, analysis: await lab.analyseImage(label.file) });
  } finally {
    await lab.close();
  }
  console.log(`${rows.length} images in ${Date.now() - started} ms`);
  const saveRaw = option('--save-raw');
  if (saveRaw) writeFileSync(saveRaw, JSON.stringify(rows));
}
let fps: Record<string, number> | undefined;
if (process.argv.includes('--fps')) {
  const imagesDir = option('--images') ?? path.join(path.dirname(path.resolve(labelsFile)), 'images');
  const one = labels.find((l) => l.faces === 1);
  if (!one) throw new Error('--fps needs a labelled image with one face');
  const lab = await openLab(path.resolve(imagesDir), { thread: 'worker', objects: false });
  fps = {};
  try {
    for (const [w, h] of [
      [320, 240],
      [640, 480],
    ] as const) {
      for (const tiles of [false, true]) {
        await lab.bench(one.file, w, h, 3, false, tiles); // warm-up
        const times = await lab.bench(one.file, w, h, 20, false, tiles);
        const mean = times.reduce((a, b) => a + b, 0) / times.length;
        fps[`${w}x${h}${tiles ? '+tiles' : ''}`] = Math.round((1000 / mean) * 10) / 10;
      }
    }
  } finally {
    await lab.close();
  }
}
const report = scoreRows(rows);
const alone = rows.filter((r) => r.label.faces === 1).map((r) => r.analysis);
let sitting: Record<string, unknown> | undefined;
if (alone.length > 0) {
  const hours = Number(option('--sitting-hours') ?? 100);
  const byMeanDwell: Record<string, { noFacePerHour: number; multipleFacesPerHour: number }> = {};
  for (const meanDwellSeconds of [1, 2, 5, 10]) {
    const r = simulateSitting(alone, { hours, meanDwellSeconds, seed: 20261207 });
    byMeanDwell[`${meanDwellSeconds}s`] = {
      noFacePerHour: r.noFacePerHour,
      multipleFacesPerHour: r.multipleFacesPerHour,
    };
  }
  sitting = { hours, images: alone.length, byMeanDwell };
}
for (const e of report.errors) console.log(`miss ${e.file}: expected ${e.expected}, got ${e.predicted}`);
console.log(
  JSON.stringify({
    faceCount: report.faceCount,
    pose: { accuracy: report.pose.accuracy, confusion: report.pose.confusion },
    ...(fps ? { fps } : {}),
    ...(sitting ? { sitting } : {}),
  }),
);
