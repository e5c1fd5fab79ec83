/**
 * `npm run grade-code -- --task <task.json | folder> --submission <file> [--attempt n] [--visible-only]`:
 * grades one submission and prints, as its last line, {"score","maxScore","tests":[{"name","verdict","visible"}]}.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCodeGrader, loadTask } from '../grading/code/index.ts';

const { values } = parseArgs({
  options: {
    task: { type: 'string' },
    submission: { type: 'string' },
    attempt: { type: 'string' },
    'visible-only': { type: 'boolean' },
    verbose: { type: 'boolean' },
  },
});
if (!values.task || !values.submission) {
  console.error(
    'usage: npm run grade-code -- --task <task.json | folder> --submission <file> [--attempt n] [--visible-only]',
  );
  process.exit(2);
}
const task = loadTask(values.task);
const code = readFileSync(values.submission, 'utf8');
const grader = createCodeGrader({ size: 1, log: values.verbose ? (m) => console.error(m) : undefined });
try {
  const r = await grader.grade(task, code, {
    attempt: Number(values.attempt ?? 1),
    visibleOnly: values['visible-only'],
  });
  for (const t of r.tests) {
    console.log(
      `${t.verdict === 'passed' ? 'PASS' : 'FAIL'} ${t.name}: ${t.verdict}${t.message ? `\n  ${t.message.replace(/\n/g, '\n  ')}` : ''}`,
    );
    if (t.diff) console.log(`  diff:\n  ${t.diff.replace(/\n/g, '\n  ')}`);
  }
  if (r.message) console.log(r.message);
  console.log(
    JSON.stringify({
      score: r.score,
      maxScore: r.maxScore,
      tests: r.tests.map((t) => ({ name: t.name, verdict: t.verdict, visible: t.visible })),
    }),
  );
} finally {
  await grader.close();
}
