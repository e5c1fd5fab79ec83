import { afterAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from './grade.ts';
import { createJavascriptPool } from './javascript/javascript-pool.ts';
import { createPythonPool } from './python/python-pool.ts';
import type { SandboxPool } from './sandbox/pool.ts';
import { parseCodeTask, type CodeTask } from './task.ts';

// The candidate's "run visible tests" (visibleOnly) and syntax errors. The pools are real; `recorded`
// keeps a copy of every job that entered a sandbox child, to show what a child was given.
const pools: SandboxPool[] = [];
const recorded: string[] = [];
function recording(pool: SandboxPool): SandboxPool {
  pools.push(pool);
  const run = pool.run.bind(pool);
  pool.run = (job, ...rest) => {
    recorded.push(JSON.stringify(job));
    return run(job, ...rest);
  };
  return pool;
}
const python = recording(createPythonPool({ size: 1 }));
const javascript = recording(createJavascriptPool({ size: 1 }));
afterAll(() => Promise.all(pools.map((p) => p.close())));

const HIDDEN_ARG = 424242;
const HIDDEN_MARKER = 'hidden_marker_7f3a';
const pyTask = parseCodeTask({
  language: 'python',
  entry: 'double',
  resubmissionPenalty: [0, 0.5],
  tests: [
    { name: 'shown', kind: 'function', args: [2], expected: 4, visible: true },
    { name: 'secret', kind: 'function', args: [HIDDEN_ARG], expected: HIDDEN_ARG * 2 },
    { name: 'secret io', kind: 'io', stdin: `${HIDDEN_MARKER}\n`, expected: '' },
  ],
  testFile: {
    source: `import unittest\nfrom solution import double\nclass T(unittest.TestCase):\n    def test_${HIDDEN_MARKER}(self):\n        self.assertEqual(double(1), 2)\n`,
  },
});
const jsTask = parseCodeTask({
  language: 'javascript',
  entry: 'double',
  tests: [
    { name: 'shown', kind: 'function', args: [2], expected: 4, visible: true },
    { name: 'secret', kind: 'function', args: [HIDDEN_ARG], expected: HIDDEN_ARG * 2 },
  ],
  testFile: { source: `test('${HIDDEN_MARKER}', () => expect(require('solution').double(1)).toBe(2));` },
});
const cases: Array<[string, CodeTask, SandboxPool, string, string]> = [
  ['python', pyTask, python, 'def double(x):\n    return 2 * x\n', 'def double(x)\n    return 2 * x\n'],
  [
    'javascript',
    jsTask,
    javascript,
    'function double(x) { return 2 * x; }\nmodule.exports = { double };',
    'function double(x) { return 2 * x;\nmodule.exports = { double };',
  ],
];

describe.each(cases)('%s precheck', (_language, task, pool, good, broken) => {
  it('runs only the visible tests: no hidden test, value or test file reaches a sandbox', async () => {
    recorded.length = 0;
    const r = await gradeSubmission(task, good, pool, { visibleOnly: true });
    expect(r.tests.map((t) => [t.name, t.verdict, t.visible])).toEqual([['shown', 'passed', true]]);
    expect(recorded.length).toBeGreaterThan(0);
    for (const job of recorded) {
      expect(job).not.toContain(String(HIDDEN_ARG));
      expect(job).not.toContain(HIDDEN_MARKER);
    }
    // The full grade does run them (the check above is not vacuous).
    recorded.length = 0;
    const full = await gradeSubmission(task, good, pool);
    expect(full.score).toBe(full.maxScore);
    expect(recorded.join('\n')).toContain(HIDDEN_MARKER);
  }, 180_000);

  it('calls a syntax error not gradable, with no attempt used, in a precheck and in a grade', async () => {
    const pre = await gradeSubmission(task, broken, pool, { visibleOnly: true });
    expect(pre).toMatchObject({ notGradable: true, score: 0, penalty: 0 });
    expect(pre.message).toBeTruthy();
    expect(pre.tests.every((t) => t.verdict === 'not_gradable' && t.visible)).toBe(true);
    const graded = await gradeSubmission(task, broken, pool, { attempt: 2 });
    expect(graded).toMatchObject({ notGradable: true, score: 0, penalty: 0 });
    // The same pool then grades an ordinary submission in full.
    const next = await gradeSubmission(task, good, pool, { attempt: 2 });
    expect(next.notGradable).toBe(false);
    expect(next.score).toBe(next.maxScore * (task.resubmissionPenalty.length ? 0.5 : 1));
  }, 180_000);

  it('calls a syntax error not gradable in a task that has only a teacher test file', async () => {
    const fileOnly = { ...task, tests: [] };
    const r = await gradeSubmission(fileOnly, broken, pool, { attempt: 3 });
    expect(r).toMatchObject({ notGradable: true, score: 0, penalty: 0 });
  }, 180_000);
});
