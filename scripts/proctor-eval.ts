/**
 * `npm run proctor-eval -- <labels.json> [--split tune|test] [--images <dir>] [--save-raw <file>] [--from-raw <file>]`
 *
 * Runs the proctoring detector (Human on the TensorFlow.js wasm backend, in headless Debian Chromium, models
 * loaded once from node_modules) over the labelled images beside labels.json (`images/<file>`, or `--images <dir>`,
 * read in place; `--split` keeps only the labels of that part of a split set) and
 * prints, as its last line, JSON {"faceCount": {"accuracy", "confusion", "perClass"}, "pose": {"accuracy",
 * "confusion"}}. `--save-raw` keeps the detector output so thresholds can be re-scored with `--from-raw` without
 * the browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openLab } from '../proctor/eval/browser-lab.ts';
import { scoreRows, type EvalRow, type FaceLabel } from '../proctor/eval/score.ts';

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
const report = scoreRows(rows);
for (const e of report.errors) console.log(`miss ${e.file}: expected ${e.expected}, got ${e.predicted}`);
console.log(
  JSON.stringify({
    faceCount: report.faceCount,
    pose: { accuracy: report.pose.accuracy, confusion: report.pose.confusion },
  }),
);
