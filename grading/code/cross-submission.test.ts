import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeGrader, type CodeGrader } from './code-grader.ts';
import { pythonModes } from './python-modes.ts';
import { parseCodeTask } from './task.ts';

// One child per language, so every submission below runs in the same child process: submission A
// plants everything it can reach, then a wrong submission B must score 0 and a correct C full marks.
describe.each(pythonModes())('Python sandbox: %s', (python) => {
  let grader: CodeGrader;
  beforeAll(async () => {
    grader = createCodeGrader({ size: 1, maxRuns: 50, python });
    await grader.warm(['python', 'javascript']);
  }, 180_000);
  afterAll(() => grader.close());

  /**
   * Python planting code: rewrites the code object of every harness function it finds in its callers'
   * frames (identity unchanged, so a reset that compares identities cannot see it), the asserts of
   * unittest, `collections.Counter` and builtins. Runs at import and again on every call.
   */
  const pyPlant = `
import sys, builtins, collections, unittest

def _code_returning(target, value):
    fv = target.__code__.co_freevars
    src = "def mk():\\n" + "".join("    %s = None\\n" % n for n in fv) + "    def g(*a, **k):\\n"
    src += "".join("        %s\\n" % n for n in fv) + "        return %r\\n    return g\\n" % (value,)
    ns = {}
    exec(src, ns)
    return ns["mk"]().__code__

def _plant():
    forged = {"enc": "6", "load_module": None, "unittest_run": '{"s":"pass"}', "framework_changed": False,
              "monitoring_intact": True, "uses_asserts": False, "classify": '{"s":"pass"}'}
    try:
        f = sys._getframe(1)
    except BaseException:
        f = None
    while f is not None:
        try:
            names = dict(f.f_globals)
            names.update(f.f_locals)
        except BaseException:
            names = {}
        for name, v in names.items():
            if name in forged and hasattr(v, "__code__"):
                try:
                    v.__code__ = _code_returning(v, forged[name])
                except BaseException:
                    pass
        f = f.f_back
    for n in dir(unittest.TestCase):
        if n.startswith(("assert", "fail")):
            try:
                getattr(unittest.TestCase, n).__code__ = (lambda *a, **k: None).__code__
            except BaseException:
                pass
            try:
                setattr(unittest.TestCase, n, lambda *a, **k: None)
            except BaseException:
                pass
    collections.Counter.most_common = lambda self, n=None: [(0, 0)]
    collections.Counter.__missing__ = lambda self, key: 100
    builtins.sorted = lambda *a, **k: []
    builtins.sum = lambda *a, **k: 6

_plant()
`;

  const pyTask = parseCodeTask({
    language: 'python',
    entry: 'tong_chan',
    limits: { cpuMsPerTest: 5_000, wallMs: 60_000 },
    tests: [
      { name: 'visible', kind: 'function', args: [[1, 2, 3, 4]], expected: 6, visible: true },
      { name: 'hidden', kind: 'function', args: [[2, 2, 5, 10]], expected: 14 },
      { name: 'common', kind: 'function', function: 'pho_bien', args: [[3, 1, 3]], expected: 3 },
      { name: 'sorted', kind: 'function', function: 'xep', args: [[3, 1, 2]], expected: [1, 2, 3] },
    ],
  });
  const pyCorrect =
    'import collections\ndef tong_chan(ds):\n    return sum(x for x in ds if x % 2 == 0)\n' +
    'def pho_bien(ds):\n    return collections.Counter(ds).most_common(1)[0][0]\n' +
    'def xep(ds):\n    return sorted(ds)\n';
  const pyWrong =
    'def tong_chan(ds):\n    return 0\ndef pho_bien(ds):\n    return None\ndef xep(ds):\n    return ds\n';
  const pyPlanting =
    pyPlant +
    'def tong_chan(ds):\n    _plant()\n    return 0\ndef pho_bien(ds):\n    _plant()\n    return None\n';

  const pyFileTask = parseCodeTask({
    language: 'python',
    limits: { cpuMsPerTest: 5_000, wallMs: 60_000 },
    testFile: {
      source:
        'import unittest, collections\nfrom solution import tong_chan, pho_bien\n' +
        'class T(unittest.TestCase):\n' +
        '    def test_even(self):\n        self.assertEqual(tong_chan([1, 2, 3, 4]), 6)\n' +
        '    def test_common(self):\n        self.assertEqual(pho_bien([3, 1, 3]), 3)\n' +
        '    def test_counter(self):\n        self.assertEqual(collections.Counter("aab")["a"], 2)\n' +
        '    def test_true(self):\n        self.assertTrue(tong_chan([2]) == 2)\n',
    },
  });

  describe('no state survives from one Python submission to the next', () => {
    it('function tests: after a planting submission, wrong code scores 0 and correct code full', async () => {
      // A plants through "run visible tests" and a full grade, then B and C are graded in the same child.
      await grader.grade(pyTask, pyPlanting, { visibleOnly: true });
      await grader.grade(pyTask, pyPlanting);
      const wrong = await grader.grade(pyTask, pyWrong);
      expect(wrong.tests.map((t) => t.verdict)).toEqual([
        'wrong_answer',
        'wrong_answer',
        'wrong_answer',
        'wrong_answer',
      ]);
      expect(wrong.score).toBe(0);
      const right = await grader.grade(pyTask, pyCorrect);
      expect(right.tests.map((t) => t.verdict)).toEqual(['passed', 'passed', 'passed', 'passed']);
      expect(right.score).toBe(right.maxScore);
      // Pyodide: one child, a fresh interpreter per job; native CPython: a new process per job.
      const native = grader.pool('python').layers[0]?.startsWith('native') === true;
      expect(grader.pool('python').stats.spawned).toBe(native ? 4 : 1);
    }, 180_000);

    it('teacher files: after a planting submission, wrong code scores 0 and correct code full', async () => {
      await grader.grade(pyFileTask, pyPlanting);
      await grader.grade(pyTask, pyPlanting);
      const wrong = await grader.grade(pyFileTask, pyWrong);
      expect(wrong.tests.map((t) => [t.name, t.verdict])).toEqual([
        ['T.test_common', 'wrong_answer'],
        ['T.test_counter', 'passed'],
        ['T.test_even', 'wrong_answer'],
        ['T.test_true', 'wrong_answer'],
      ]);
      const right = await grader.grade(pyFileTask, pyCorrect);
      expect(right.score).toBe(right.maxScore);
      expect(right.maxScore).toBe(4);
    }, 180_000);
  });

  describe('no state survives from one JavaScript submission to the next', () => {
    const jsTask = parseCodeTask({
      language: 'javascript',
      entry: 'area',
      tests: [{ name: 'unit circle', kind: 'function', args: [1], expected: 3.14159, visible: true }],
      testFile: {
        source:
          "const { area } = require('solution');\n" +
          "test('r=2', () => { expect(area(2)).toBeCloseTo(12.566, 2); });\n" +
          "test('list', () => { expect([1, 2]).toContain(2); expect([area(1) > 3]).toEqual([true]); });\n",
      },
    });
    const planting =
      'Math.abs = () => 0; Array.prototype.includes = () => true; Object.prototype.planted = 1;\n' +
      'globalThis.expect = () => ({ toBeCloseTo() {}, toContain() {}, toEqual() {} });\n' +
      'function area(r) { return -1; }\nmodule.exports = { area };\n';
    it('after a planting submission, wrong code scores 0 and correct code full', async () => {
      await grader.grade(jsTask, planting);
      const wrong = await grader.grade(
        jsTask,
        'function area(r) { return -1; }\nmodule.exports = { area };\n',
      );
      expect(wrong.tests.map((t) => t.verdict)).toEqual(['wrong_answer', 'wrong_answer', 'wrong_answer']);
      const right = await grader.grade(
        jsTask,
        'function area(r) { return Math.PI * r * r; }\nmodule.exports = { area };\n',
      );
      expect(right.score).toBe(right.maxScore);
    }, 120_000);
  });
});
