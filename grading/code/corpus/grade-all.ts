/**
 * Grades the real-world exercise corpus (issue 25) through the real grader (bubblewrap + Pyodide,
 * the path of `npm run grade-code`), one grading at a time:
 *
 *   npx tsx grading/code/corpus/grade-all.ts [--sample N --seed S] [--only slug,slug] [--verbose]
 *
 * Every exercise's reference must score full marks and its starter less. Prints one line per
 * exercise that misses (and every exercise with --verbose), then the figures; the last line is JSON:
 * {"exercises","unittest","pytest","referencesFull","startersBelow","failures":[...],"gradings","seconds","gradingsPerSecond"}.
 */
import { parseArgs } from 'node:util';
import { gradeCorpus, loadCorpus, sampleCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: {
    sample: { type: 'string' },
    seed: { type: 'string' },
    only: { type: 'string' },
    verbose: { type: 'boolean' },
  },
});

let exercises = loadCorpus();
if (values.only) {
  const only = new Set(values.only.split(','));
  exercises = exercises.filter((e) => only.has(e.slug));
}
if (values.sample) exercises = sampleCorpus(exercises, Number(values.sample), Number(values.seed ?? 25));

const report = await gradeCorpus(exercises, {
  onResult: (r) => {
    const ok = r.referenceFull && r.starterBelow;
    if (!ok || values.verbose) {
      console.log(
        `${ok ? 'ok  ' : 'MISS'} ${r.slug} (${r.kind}): reference ${r.reference.score}/${r.reference.maxScore}, starter ${r.starter.score}/${r.starter.maxScore}`,
      );
      if (!ok) for (const line of r.problems) console.log(`     ${line}`);
    }
  },
});
console.log(
  `${report.exercises} exercises (${report.unittest} unittest, ${report.pytest} pytest): ` +
    `${report.referencesFull} references at full marks, ${report.startersBelow} starters below full ` +
    `(${report.knownEngineDefects} misses from known engine defects); ` +
    `${report.gradings} gradings in ${report.seconds.toFixed(1)} s = ${report.gradingsPerSecond.toFixed(2)}/s`,
);
const { results: _results, ...figures } = report;
console.log(JSON.stringify(figures));
process.exit(report.failures.length > report.knownEngineDefects ? 1 : 0);
