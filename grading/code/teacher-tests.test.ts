import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeGrader, type CodeGrader } from './code-grader.ts';
import { pythonModes } from './python-modes.ts';
import { parseCodeTask } from './task.ts';

// One child per language: every teacher-file run below happens in the same child process, so what
// one submission leaves behind would reach the next one if interpreters were not fresh.
describe.each(pythonModes())('Python sandbox: %s', (python) => {
  let grader: CodeGrader;
  beforeAll(async () => {
    grader = createCodeGrader({ size: 1, maxRuns: 50, python });
    await grader.warm(['python', 'javascript']);
  }, 180_000);
  afterAll(() => grader.close());

  describe('Python teacher test files', () => {
    const task = parseCodeTask({
      language: 'python',
      testFile: {
        source:
          'import unittest, sys, json, os\nfrom solution import add\nclass T(unittest.TestCase):\n' +
          '    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n' +
          '    def test_nothing_left_behind(self):\n' +
          '        self.assertNotIn("planted_mod", sys.modules)\n' +
          '        self.assertFalse(hasattr(json, "planted"))\n' +
          '        self.assertEqual(os.listdir("/sandbox"), [])\n',
      },
    });
    const honest = 'def add(a, b):\n    return a + b\n';

    it('gives every submission an interpreter no earlier submission touched, in the same child', async () => {
      const planting =
        'import sys, json, types\nsys.modules["planted_mod"] = types.ModuleType("planted_mod")\n' +
        'json.planted = 1\nopen("/sandbox/planted.txt", "w").write("x")\n' +
        'def add(a, b):\n    return a + b\n';
      const planted = await grader.grade(task, planting);
      expect(planted.tests.map((t) => [t.name, t.verdict])).toEqual([
        ['T.test_add', 'passed'],
        ['T.test_nothing_left_behind', 'wrong_answer'],
      ]);
      const next = await grader.grade(task, honest);
      expect(next.tests.map((t) => t.verdict)).toEqual(['passed', 'passed']);
      // Pyodide: one child, a fresh interpreter per job; native CPython: a new process per job.
      const native = grader.pool('python').layers[0]?.startsWith('native') === true;
      expect(grader.pool('python').stats.spawned).toBe(native ? 2 : 1);
    }, 120_000);

    it('scores 0 on forged asserts and grades the next submission of the same pool correctly', async () => {
      const forged =
        'import unittest\nfor n in dir(unittest.TestCase):\n    if n.startswith(("assert", "fail")):\n' +
        '        setattr(unittest.TestCase, n, lambda *a, **k: None)\ndef add(a, b):\n    return 42\n';
      const r = await grader.grade(task, forged);
      expect(r.score).toBe(0);
      expect(r.tests[0]?.message).toMatch(/modified/);
      const codeSwap =
        'import unittest\nunittest.TestCase.assertEqual.__code__ = (lambda self, a, b, msg=None: None).__code__\n' +
        'def add(a, b):\n    return 42\n';
      expect((await grader.grade(task, codeSwap)).score).toBe(0);
      const next = await grader.grade(task, honest);
      expect(next.score).toBe(next.maxScore);
    }, 120_000);
  });

  describe('JavaScript teacher test files', () => {
    const task = parseCodeTask({
      language: 'javascript',
      limits: { cpuMsPerTest: 500 },
      testFile: {
        visible: true,
        source: [
          "const { fib } = require('solution');",
          "test('async passing', async () => { const v = await Promise.resolve(fib(10)); expect(v).toBe(55); });",
          "test('async failing', async () => { await null; expect(fib(10)).toBe(56); });",
          "test('async throwing', async () => { await null; throw new TypeError('broken'); });",
          "test('promise chain', () => Promise.resolve(fib(5)).then((v) => expect(v).toBe(5)));",
          "test('never settles', () => new Promise(() => {}));",
          "test('endless awaiting', async () => { for (;;) await null; });",
          "test('async without assertions', async () => { await fib(3); });",
        ].join('\n'),
      },
    });

    it('awaits async tests, within the time limit', async () => {
      const r = await grader.grade(
        task,
        'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nmodule.exports = { fib };',
      );
      expect(r.tests.map((t) => [t.name, t.verdict])).toEqual([
        ['async passing', 'passed'],
        ['async failing', 'wrong_answer'],
        ['async throwing', 'runtime_error'],
        ['promise chain', 'passed'],
        ['never settles', 'time_limit'],
        ['endless awaiting', 'time_limit'],
        ['async without assertions', 'wrong_answer'],
      ]);
      expect(r.tests[1]?.message).toMatch(/56/);
      expect(r.tests[2]?.message).toMatch(/broken/);
    }, 60_000);

    it('fails an async test whose awaited submission code is wrong', async () => {
      const wrong = await grader.grade(
        task,
        'async function fib(n) { return 1; }\nmodule.exports = { fib };',
      );
      expect(wrong.tests[0]?.verdict).toBe('wrong_answer');
    }, 60_000);
  });
});
