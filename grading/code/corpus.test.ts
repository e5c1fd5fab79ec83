import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCodeGrader } from './code-grader.ts';
import { KNOWN_ENGINE_DEFECTS, corpusDir, gradeCorpus, loadCorpus, sampleCorpus } from './corpus/corpus.ts';

// The real-world exercise corpus of issue 25 (grading/code/corpus/, SOURCES.md): teacher test files
// of public MIT-licensed repositories, unittest and pytest. Grading all of it takes ~10 minutes on a
// busy machine (`npx tsx grading/code/corpus/grade-all.ts`); here a fixed, seeded sample of 25 goes
// through the real grader (bubblewrap + Pyodide, one child): every reference at full marks, every
// starter below. Exercises that fail through a known grader defect are left out of the sample and
// checked to still fail, so fixing the defect turns this test red until the entry is removed.
const all = loadCorpus();
const sample = sampleCorpus(
  all.filter((e) => !(e.slug in KNOWN_ENGINE_DEFECTS)),
  25,
  25,
);
const grader = createCodeGrader({ size: 1 });
afterAll(() => grader.close());

describe('exercise corpus', () => {
  it('holds 100+ exercises, 30+ of each style, each listed in SOURCES.md with its licence', () => {
    expect(all.length).toBeGreaterThanOrEqual(100);
    expect(all.filter((e) => e.kind === 'unittest').length).toBeGreaterThanOrEqual(30);
    expect(all.filter((e) => e.kind === 'pytest').length).toBeGreaterThanOrEqual(30);
    const sources = readFileSync(path.join(corpusDir, 'SOURCES.md'), 'utf8');
    for (const e of all) {
      expect(sources).toContain(`| ${e.slug} | ${e.kind} |`);
      expect(e.task.testFile?.source.length).toBeGreaterThan(0);
      expect(e.starter.length).toBeGreaterThan(0);
      expect(e.starter).not.toBe(e.reference);
    }
    for (const l of ['keon-algorithms-MIT.txt', 'tddbuddy-reference-katas-MIT.txt']) {
      expect(existsSync(path.join(corpusDir, 'licenses', l))).toBe(true);
    }
    for (const slug of Object.keys(KNOWN_ENGINE_DEFECTS)) {
      expect(all.map((e) => e.slug)).toContain(slug);
    }
  });

  it('a seeded sample of 25: references score full marks, starters less', async () => {
    expect(sample.length).toBe(25);
    const report = await gradeCorpus(sample, { grader });
    expect(report.failures).toEqual([]);
    expect(report.referencesFull).toBe(25);
    expect(report.startersBelow).toBe(25);
  }, 600_000);

  it('known engine defects still fail (remove the entry once the grader is fixed)', async () => {
    const known = all.filter((e) => e.slug in KNOWN_ENGINE_DEFECTS).slice(0, 1);
    for (const e of known) {
      const r = await grader.grade(e.task, e.reference);
      expect(r.score).toBeLessThan(r.maxScore);
    }
  }, 300_000);
});
