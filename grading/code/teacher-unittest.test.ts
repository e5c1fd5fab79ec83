import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeGrader, type CodeGrader } from './code-grader.ts';
import { pythonModes } from './python-modes.ts';
import { parseCodeTask } from './task.ts';

// Teacher unittest files as CPython runs them. One child; every grade below gets a fresh interpreter.
describe.each(pythonModes())('Python sandbox: %s', (python) => {
  let grader: CodeGrader;
  beforeAll(async () => {
    grader = createCodeGrader({ size: 1, maxRuns: 50, python });
    await grader.warm(['python']);
  }, 180_000);
  afterAll(() => grader.close());

  const source = `import unittest, sys
from unittest import mock
from solution import add, div

def setUpModule():
    pass

class Base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = [1, 2]
    def setUp(self):
        self.x = 2
    def tearDown(self):
        self.x = None
    def test_add(self):
        self.assertEqual(add(self.x, self.shared[0]), 3)
    @unittest.skip("extra credit")
    def test_extra(self):
        self.assertEqual(add(1, 1), 3)
    @unittest.skipIf(sys.version_info > (3, 0), "not on Python 3")
    def test_skipif(self):
        self.fail("must not run")
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertEqual(add(1, 1), 3)
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertEqual(add(i, i), 2 * i)
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            div(1, 0)
    def test_mock(self):
        with mock.patch("builtins.input", return_value="5"):
            self.assertEqual(input(), "5")
        m = mock.MagicMock(return_value=3)
        self.assertEqual(m(1), 3)
        m.assert_called_once_with(1)
        with mock.patch("builtins.open", mock.mock_open(read_data="abc")):
            with open("f") as fh:
                self.assertEqual(fh.read(), "abc")

@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def test_a(self):
        pass
`;
  const task = parseCodeTask({
    language: 'python',
    limits: { cpuMsPerTest: 5_000, wallMs: 60_000 },
    testFile: { visible: true, source },
  });
  const counted = ['Base.test_add', 'Base.test_mock', 'Base.test_raises', 'Base.test_sub', 'Base.test_xfail'];

  describe('Python teacher files as CPython runs them', () => {
    it('honours skip, skipIf, expectedFailure, subTest, fixtures, assertRaises and unittest.mock', async () => {
      const right = await grader.grade(
        task,
        'def add(a, b):\n    return a + b\ndef div(a, b):\n    return a / b\n',
      );
      expect(right.tests.map((t) => [t.name, t.verdict])).toEqual(counted.map((n) => [n, 'passed']));
      expect(right.score).toBe(5);
      expect(right.maxScore).toBe(5);
      const wrong = await grader.grade(
        task,
        'def add(a, b):\n    return a - b\ndef div(a, b):\n    return 0\n',
      );
      expect(wrong.tests.map((t) => [t.name, t.verdict])).toEqual([
        ['Base.test_add', 'wrong_answer'],
        ['Base.test_mock', 'passed'],
        ['Base.test_raises', 'wrong_answer'],
        ['Base.test_sub', 'wrong_answer'],
        // add(1, 1) == 0 still fails the expected failure, as CPython counts it.
        ['Base.test_xfail', 'passed'],
      ]);
      expect(wrong.tests.find((t) => t.name === 'Base.test_sub')?.message).toMatch(/i=1/);
    }, 120_000);

    it('passes a right answer of a test that asserts only when something is wrong (an `if` around self.fail)', async () => {
      const guarded = parseCodeTask({
        language: 'python',
        limits: { cpuMsPerTest: 5_000, wallMs: 60_000 },
        testFile: {
          visible: true,
          source:
            'import unittest\nfrom solution import add\n' +
            'class T(unittest.TestCase):\n' +
            '    def test_if(self):\n        if add(3, 6) != 9:\n            self.fail("add(3, 6) should be 9")\n' +
            '    def test_handler(self):\n        try:\n            add(1, 2)\n        except Exception as e:\n            self.fail(str(e))\n' +
            '    def test_plain(self):\n        self.assertEqual(add(1, 1), 2)\n',
        },
      });
      const right = await grader.grade(guarded, 'def add(a, b):\n    return a + b\n');
      expect(right.tests.map((t) => [t.name, t.verdict])).toEqual([
        ['T.test_handler', 'passed'],
        ['T.test_if', 'passed'],
        ['T.test_plain', 'passed'],
      ]);
      const wrong = await grader.grade(guarded, 'def add(a, b):\n    return a - b\n');
      expect(wrong.tests.map((t) => [t.name, t.verdict])).toEqual([
        ['T.test_handler', 'passed'],
        ['T.test_if', 'wrong_answer'],
        ['T.test_plain', 'wrong_answer'],
      ]);
      expect(wrong.tests.find((t) => t.name === 'T.test_if')?.message).toMatch(/should be 9/);
    }, 120_000);

    it('fails every test with the message when the submission lacks a name the file imports', async () => {
      const r = await grader.grade(task, 'def add(a, b):\n    return a + b\n');
      expect(r.tests.map((t) => t.name)).toEqual([
        'Base.test_add',
        'Base.test_mock',
        'Base.test_raises',
        'Base.test_skipif',
        'Base.test_sub',
        'Base.test_xfail',
      ]);
      expect(r.tests.every((t) => t.verdict === 'runtime_error')).toBe(true);
      expect(r.tests[0]?.message).toMatch(/cannot import name 'div'/);
      expect(r.score).toBe(0);
      expect(r.maxScore).toBe(6);
    }, 60_000);

    it('knows the tests of a submission that does not compile (not gradable, no penalty)', async () => {
      const r = await grader.grade(task, 'def add(a, b)\n    return a + b\n', { attempt: 3 });
      expect(r.notGradable).toBe(true);
      expect(r.penalty).toBe(0);
      expect(r.maxScore).toBe(6);
      expect(r.tests.every((t) => t.verdict === 'not_gradable')).toBe(true);
      expect(r.message).toMatch(/line 1/);
    }, 60_000);

    it("reports a failure of the teacher's own file as such, never as 0/0", async () => {
      const broken = parseCodeTask({
        language: 'python',
        testFile: {
          source:
            'import unittest\nimport no_such_module\nfrom solution import add\n' +
            'class T(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(add(1, 1), 2)\n',
        },
      });
      const r = await grader.grade(broken, 'def add(a, b):\n    return a + b\n');
      expect(r.teacherError).toBe(true);
      expect(r.message).toMatch(/teacher's test file failed.*no_such_module/s);
      expect(r.maxScore).toBe(1);
      const unparsable = parseCodeTask({
        language: 'python',
        testFile: { source: 'import unittest\nclass T(unittest.TestCase)\n    pass\n' },
      });
      const u = await grader.grade(unparsable, 'def add(a, b):\n    return a + b\n');
      expect(u.teacherError).toBe(true);
      expect(u.message).toMatch(/does not compile/);
    }, 60_000);

    it('loads every module a teacher file commonly imports', async () => {
      const modules = [
        'abc',
        'argparse',
        'array',
        'asyncio',
        'bisect',
        'calendar',
        'cmath',
        'collections',
        'contextlib',
        'copy',
        'csv',
        'dataclasses',
        'datetime',
        'decimal',
        'difflib',
        'doctest',
        'enum',
        'fractions',
        'functools',
        'hashlib',
        'heapq',
        'inspect',
        'io',
        'itertools',
        'json',
        'logging',
        'math',
        'operator',
        'os',
        'os.path',
        'pathlib',
        'pprint',
        'random',
        're',
        'shutil',
        'socket',
        'statistics',
        'string',
        'subprocess',
        'sys',
        'tempfile',
        'textwrap',
        'threading',
        'time',
        'timeit',
        'traceback',
        'types',
        'typing',
        'unittest.mock',
        'urllib.parse',
        'uuid',
        'warnings',
        'zoneinfo',
      ];
      const file = parseCodeTask({
        language: 'python',
        limits: { cpuMsPerTest: 10_000, wallMs: 60_000 },
        testFile: {
          visible: true,
          source:
            'import unittest, importlib\nfrom solution import ok\nclass T(unittest.TestCase):\n' +
            '    def test_imports(self):\n' +
            `        for name in ${JSON.stringify(modules)}:\n` +
            '            with self.subTest(name=name):\n                importlib.import_module(name)\n' +
            '        self.assertTrue(ok())\n',
        },
      });
      const r = await grader.grade(file, 'def ok():\n    return True\n');
      expect(r.tests[0]?.message).toBeUndefined();
      expect(r.score).toBe(1);
    }, 60_000);

    it('loads a file with `from __future__ import annotations`, dataclasses, NamedTuple and typing hints', async () => {
      // The file runs as a module listed in sys.modules ("tests"), as CPython lists it: dataclasses resolve
      // string annotations there and read the generated __init__ (inspect.signature for __doc__).
      const file = parseCodeTask({
        language: 'python',
        limits: { cpuMsPerTest: 5_000, wallMs: 60_000 },
        testFile: {
          visible: true,
          source:
            'from __future__ import annotations\nimport unittest, typing\nfrom dataclasses import dataclass, field\n' +
            'from solution import total\n' +
            '@dataclass(frozen=True)\nclass Line:\n    price: float\n    qty: int = 1\n' +
            '    def amount(self) -> float:\n        return self.price * self.qty\n' +
            '@dataclass\nclass Basket:\n    lines: list[Line] = field(default_factory=list)\n' +
            'class Pair(typing.NamedTuple):\n    a: int\n    b: int\n' +
            'class T(unittest.TestCase):\n' +
            '    def test_total(self):\n        b = Basket([Line(2.0, 3), Line(1.5)])\n' +
            '        self.assertEqual(total([l.amount() for l in b.lines]), 7.5)\n' +
            "    def test_doc_and_hints(self):\n        self.assertEqual(Line.__doc__, \"Line(price: 'float', qty: 'int' = 1)\")\n" +
            '        self.assertEqual(typing.get_type_hints(Line)["qty"], int)\n' +
            '        self.assertEqual(total(Pair(1, 2)), 3)\n',
        },
      });
      const right = await grader.grade(file, 'def total(xs):\n    return sum(xs)\n');
      expect(right.tests.map((t) => [t.name, t.verdict, t.message])).toEqual([
        ['T.test_doc_and_hints', 'passed', undefined],
        ['T.test_total', 'passed', undefined],
      ]);
      expect(right.teacherError).toBeFalsy();
      const wrong = await grader.grade(file, 'def total(xs):\n    return 0\n');
      expect(wrong.score).toBe(0);
    }, 60_000);
  });
});
