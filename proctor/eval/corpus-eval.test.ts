/**
 * Runs the detector over ../shared/corpus/faces (read in place) in headless Chromium, models loaded once, and
 * checks the acceptance targets: face count (0 / 1 / 2+) >= 95%, pose (frontal vs away) >= 85%.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab, type Lab } from './browser-lab.ts';
import { scoreRows, type EvalRow, type FaceLabel } from './score.ts';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/faces');
const available = existsSync(path.join(corpus, 'labels.json')) && existsSync('/usr/bin/chromium');

describe.skipIf(!available)('detector on the labelled face corpus', () => {
  let lab: Lab;
  const rows: EvalRow[] = [];

  beforeAll(async () => {
    lab = await openLab(path.join(corpus, 'images'));
    const labels = JSON.parse(readFileSync(path.join(corpus, 'labels.json'), 'utf8')) as FaceLabel[];
    for (const label of labels) rows.push({ label, analysis: await lab.analyseImage(label.file) });
  }, 600_000);

  afterAll(async () => {
    await lab?.close();
  });

  it('runs on the WebAssembly backend with models from node_modules', () => {
    expect(lab.backend).toBe('wasm');
  });

  it('meets the face-count and pose targets', () => {
    const report = scoreRows(rows);
    console.log(JSON.stringify({ faceCount: report.faceCount, pose: report.pose, errors: report.errors }));
    expect(report.faceCount.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.pose.accuracy).toBeGreaterThanOrEqual(0.85);
  });
});
