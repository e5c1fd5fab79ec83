import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeGrader, type CodeGrader } from './code-grader.ts';
import { pythonModes } from './python-modes.ts';
import { parseCodeTask } from './task.ts';
import type { Verdict } from './verdict.ts';

// One pool for the whole file: every hostile program is followed by an ordinary submission that the
// same pool must grade correctly.
describe.each(pythonModes())('Python sandbox: %s', (python) => {
  let grader: CodeGrader;
  beforeAll(async () => {
    grader = createCodeGrader({ size: 2, maxRuns: 50, python });
    await grader.warm(['python']);
  }, 180_000);
  afterAll(() => grader.close());

  const task = parseCodeTask({
    language: 'python',
    entry: 'f',
    limits: { cpuMsPerTest: 1_000, wallMs: 60_000, memoryMb: 64, outputBytes: 10_000 },
    tests: [
      { name: 'visible', kind: 'function', args: [3], expected: 6, visible: true },
      { name: 'hidden', kind: 'function', args: [5], expected: 10 },
    ],
  });
  const ordinary = 'def f(x):\n    return len([x, x]) * x\n';

  const MARKER = '/tmp/grader-hostile-python-marker';
  const fn = (body: string) =>
    `def f(x):\n${body
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n')}\n`;

  const hostile: Array<[string, string, Verdict]> = [
    ['busy loop', fn('while True:\n    pass'), 'time_limit'],
    ['time.sleep(1e9)', fn('import time\ntime.sleep(1e9)'), 'time_limit'],
    [
      'BaseException-catching loop',
      fn('while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass'),
      'time_limit',
    ],
    [
      'raised recursion limit + deep recursion',
      'import sys\nsys.setrecursionlimit(10**6)\ndef f(x):\n    return f(x) + 1\n',
      'runtime_error',
    ],
    ['memory bomb (list of strings)', fn('a = []\nwhile True:\n    a.append("x" * 10**6)'), 'memory_limit'],
    ['memory bomb (bytearray)', fn('b = bytearray(2**30)\nreturn x * 2'), 'memory_limit'],
    ['huge output', fn('print("x" * 10**7)\nreturn x * 2'), 'output_limit'],
    ['endless printing', fn('while True:\n    print("spam")'), 'output_limit'],
    ['os.system', fn(`import os\nos.system("touch ${MARKER}")\nreturn x * 2`), 'runtime_error'],
    ['subprocess', fn('import subprocess\nreturn subprocess.run(["id"]).returncode'), 'runtime_error'],
    [
      'socket to 127.0.0.1',
      fn('import socket\ns = socket.socket()\ns.connect(("127.0.0.1", 6379))\nreturn x * 2'),
      'runtime_error',
    ],
    ['ctypes', fn('import ctypes\nreturn ctypes.CDLL(None).getpid()'), 'runtime_error'],
    ['read /etc/passwd', fn('return open("/etc/passwd").read()'), 'runtime_error'],
    ['write a host file', fn(`open("${MARKER}", "w").write("x")\nreturn x * 2`), 'passed'],
    [
      'import js + constructor to process',
      fn('import js\nreturn js.constructor.constructor("return process")().pid'),
      'runtime_error',
    ],
    [
      'pyodide_js FS mount of host /etc',
      fn(
        'import pyodide_js\nFS = pyodide_js.FS\nFS.mkdir("/h")\nFS.mount(FS.filesystems.NODEFS, {"root": "/etc"}, "/h")\nreturn open("/h/passwd").read()',
      ),
      'runtime_error',
    ],
    [
      'pyodide_js.loadPackage(url)',
      fn('import pyodide_js\npyodide_js.loadPackage("http://127.0.0.1:9/evil.whl")\nreturn x * 2'),
      'runtime_error',
    ],
    [
      'sys.modules hunt for pyodide_js',
      fn('import sys\nreturn sys.modules["pyodide_js"].FS'),
      'runtime_error',
    ],
    ['__import__ of _pyodide_core', fn('return __import__("_pyodide_core")'), 'runtime_error'],
    ['os.environ', fn('import os\nreturn dict(os.environ)'), 'wrong_answer'],
    ['os._exit', fn('import os\nos._exit(0)'), 'runtime_error'],
    ['os.fork', fn('import os\nreturn os.fork()'), 'runtime_error'],
    [
      'threads',
      fn('import threading\nthreading.Thread(target=lambda: None).start()\nreturn x * 2'),
      'runtime_error',
    ],
    ['gc object hunt', fn('import gc\nreturn len(gc.get_objects())'), 'runtime_error'],
    ['SystemExit', fn('raise SystemExit(0)'), 'runtime_error'],
    ['KeyboardInterrupt', fn('raise KeyboardInterrupt'), 'runtime_error'],
    [
      '__repr__ that raises',
      'class X:\n    def __repr__(self):\n        return 1 / 0\ndef f(x):\n    return X()\n',
      'runtime_error',
    ],
    [
      'poison builtins and json for the next submission',
      fn('import builtins, json\nbuiltins.len = lambda v: 0\njson.dumps = lambda *a, **k: "6"\nreturn x * 2'),
      'passed',
    ],
    [
      'plant a module for the next submission',
      fn(
        'import sys\nopen("operator.py", "w").write("raise SystemExit")\nsys.path.insert(0, ".")\nreturn x * 2',
      ),
      'passed',
    ],
    ['syntax error', 'def f(x)\n    return x\n', 'not_gradable'],
  ];

  describe('hostile Python submissions', () => {
    it.each(hostile)(
      '%s',
      async (_name, code, verdict) => {
        const r = await grader.grade(task, code);
        expect(r.tests.map((t) => t.verdict)).toEqual([verdict, verdict]);
        expect(existsSync(MARKER)).toBe(false);
        const next = await grader.grade(task, ordinary);
        expect(next.score).toBe(2);
      },
      180_000,
    );

    it('reports a program stopped over time while holding more than its memory limit as over memory', async () => {
      // On a loaded machine a memory bomb can reach the time limit before the interpreter's own memory
      // ceiling; what it overran first in the task's terms is memory, and it is killed all the same.
      const holdAndSleep = fn(`held = b"x" * (160 * 2**20)\nimport time\ntime.sleep(1e9)`);
      const r = await grader.grade(task, holdAndSleep);
      expect(r.tests.map((t) => t.verdict)).toEqual(['memory_limit', 'memory_limit']);
      const sleepOnly = await grader.grade(task, fn('import time\ntime.sleep(1e9)'));
      expect(sleepOnly.tests.map((t) => t.verdict)).toEqual(['time_limit', 'time_limit']);
      expect((await grader.grade(task, ordinary)).score).toBe(2);
    }, 180_000);

    it('shows no environment to the submission', async () => {
      const r = await grader.grade(task, fn('import os\nreturn dict(os.environ)'));
      expect(r.tests[0]?.actual).toBe('{}');
      expect(r.tests[1]?.actual).toBeUndefined();
    }, 60_000);

    it('scores 0 on the tests the unittest-assert forgery faked', async () => {
      const fileTask = parseCodeTask({
        language: 'python',
        testFile: {
          source:
            'import unittest\nfrom solution import add\nclass T(unittest.TestCase):\n' +
            '    def test_small(self):\n        self.assertEqual(add(1, 2), 3)\n' +
            '    def test_zero(self):\n        self.assertEqual(add(0, 0), 0)\n' +
            '    def test_negative(self):\n        self.assertTrue(add(-1, -1) == -2)\n',
        },
      });
      const forged =
        'import unittest\nfor n in dir(unittest.TestCase):\n    if n.startswith(("assert", "fail")):\n' +
        '        setattr(unittest.TestCase, n, lambda *a, **k: None)\ndef add(a, b):\n    return 42\n';
      const r = await grader.grade(fileTask, forged);
      expect(r.tests).toHaveLength(3);
      expect(r.score).toBe(0);
      const lateForgery =
        'import unittest\ndef add(a, b):\n    unittest.TestCase.assertEqual = lambda *a, **k: None\n' +
        '    unittest.TestCase.assertTrue = lambda *a, **k: None\n    return 42\n';
      expect((await grader.grade(fileTask, lateForgery)).score).toBe(0);
      const honest = await grader.grade(fileTask, 'def add(a, b):\n    return a + b\n');
      expect(honest.score).toBe(3);
    }, 180_000);
    // Routes out of the interpreter's Python layer: each is tried and the function answers the ones that
    // stayed open; the hidden test runs the same probe, so it also shows no harness frame is readable
    // while hidden inputs are in the interpreter.
    it('closes the import, frame and code-object routes', async () => {
      const probe = `
import sys, importlib, importlib.util, importlib.machinery, types, builtins
def _routes():
    def meta_gc():
        sys.meta_path[:] = [m for m in sys.meta_path if "Deny" not in getattr(m, "__name__", "")]
        sys.modules.pop("gc", None)
        import gc
        return gc
    def builtin(name):
        spec = importlib.machinery.BuiltinImporter.find_spec(name)
        return importlib.util.module_from_spec(spec)
    def imp_direct(name):
        import _imp
        return _imp.create_builtin(importlib.machinery.ModuleSpec(name, None))
    def tb_frame():
        try:
            raise ValueError
        except ValueError as e:
            return e.__traceback__.tb_frame.f_back.f_locals
    def gen_frame():
        def g():
            yield 1
        return g().gi_frame
    def code_swap():
        import json
        json.dumps.__code__ = (lambda *a, **k: "6").__code__
    def js_reachable():
        found, seen = [], set()
        todo = list(sys.modules.values()) + list(sys.meta_path) + [builtins]
        while todo and len(seen) < 200000:
            o = todo.pop()
            if id(o) in seen:
                continue
            seen.add(id(o))
            if "JsProxy" in type(o).__name__ or (isinstance(o, types.ModuleType) and o.__name__ in ("js", "pyodide_js", "_pyodide_core")):
                found.append(type(o).__name__)
                continue
            try:
                if isinstance(o, (types.ModuleType, type)):
                    todo += list(vars(o).values())
                elif isinstance(o, types.FunctionType):
                    todo += [o.__globals__] + list(o.__defaults__ or ()) + [c.cell_contents for c in (o.__closure__ or ())]
                elif isinstance(o, (list, tuple, set, frozenset)):
                    todo += list(o)
                elif isinstance(o, dict):
                    todo += list(o.values())
            except BaseException:
                pass
        if found:
            return found
        raise LookupError("none")
    tries = {
        "meta_path gc": meta_gc,
        "importlib js": lambda: importlib.import_module("js"),
        "importlib pyodide_js": lambda: importlib.import_module("pyodide_js"),
        "importlib _pyodide_core": lambda: importlib.import_module("_pyodide_core"),
        "BuiltinImporter gc": lambda: builtin("gc"),
        "BuiltinImporter _pyodide_core": lambda: builtin("_pyodide_core"),
        "_imp.create_builtin gc": lambda: imp_direct("gc"),
        "gc.get_objects": lambda: __import__("gc").get_objects,
        "sys._getframe": lambda: sys._getframe(1).f_locals,
        "traceback frame": tb_frame,
        "generator frame": gen_frame,
        "__code__ swap": code_swap,
        "settrace": lambda: sys.settrace(lambda *a: None),
        "monitoring callback": lambda: sys.monitoring.register_callback(3, 1, print),
        "posix.system": lambda: __import__("posix").system("true"),
        "socket": lambda: __import__("socket").socket(),
        "JS objects reachable": js_reachable,
    }
    opened = []
    for name, fn in tries.items():
        try:
            fn()
            opened.append(name)
        except BaseException:
            pass
    return opened
def f(x):
    return _routes() + [x * 2]
`;
      const r = await grader.grade(task, probe);
      expect(r.tests[0]?.actual).toBe('[6]');
      expect(r.tests.map((t) => t.verdict)).toEqual(['wrong_answer', 'wrong_answer']);
    }, 120_000);

    // Forgeries of teacher-file verdicts (own versions of the review's programs); each is a wrong
    // submission that would score if the forgery worked.
    const fileTask = parseCodeTask({
      language: 'python',
      limits: { cpuMsPerTest: 5_000, wallMs: 60_000 },
      testFile: {
        source:
          'import unittest, collections\nfrom solution import add\nclass T(unittest.TestCase):\n' +
          '    def test_small(self):\n        self.assertEqual(add(1, 2), 3)\n' +
          '    def test_list(self):\n        self.assertEqual([add(0, 0)], [0])\n' +
          '    def test_in(self):\n        self.assertIn(add(2, 2), [4])\n' +
          '    def test_counter(self):\n        self.assertEqual(collections.Counter([add(1, 1)])[2], 1)\n',
      },
    });
    const wrongAdd = 'def add(a, b):\n    return 42\n';
    const forgeries: Array<[string, string]> = [
      [
        'swapping the code of the harness checks and of the asserts through frames',
        'import sys, unittest\ntry:\n    f = sys._getframe(1)\n    while f:\n' +
          '        for k, v in list(f.f_locals.items()):\n            if callable(v) and hasattr(v, "__code__"):\n' +
          '                v.__code__ = (lambda *a, **k: None).__code__\n        f = f.f_back\nexcept BaseException:\n    pass\n' +
          'for n in dir(unittest.TestCase):\n    if n.startswith("assert"):\n        try:\n' +
          '            getattr(unittest.TestCase, n).__code__ = (lambda *a, **k: None).__code__\n' +
          '        except BaseException:\n            pass\n' +
          wrongAdd,
      ],
      [
        "replacing the teacher's test methods during a test",
        'import unittest\ndef add(a, b):\n    for c in unittest.TestCase.__subclasses__():\n' +
          '        for n in list(vars(c)):\n            if n.startswith("test"):\n' +
          '                setattr(c, n, lambda self: None)\n        c.run = lambda self, result=None: None\n    return 42\n',
      ],
      [
        'an object equal to everything',
        'class Any:\n    __eq__ = lambda s, o: True\n    __ne__ = lambda s, o: False\n    __hash__ = lambda s: 2\n' +
          'def add(a, b):\n    return Any()\n',
      ],
      [
        'poisoning builtins and collections.Counter',
        'import builtins, collections\nbuiltins.isinstance = lambda *a: True\n' +
          'collections.Counter.__getitem__ = lambda s, k: 1\n' +
          wrongAdd,
      ],
    ];
    // The comparison moved out of the sandbox: whatever the interpreter says, the grader compares the
    // operands of the teacher's assertions itself, in unittest and pytest files alike.
    const outsideTask = parseCodeTask({
      language: 'python',
      limits: { cpuMsPerTest: 5_000, wallMs: 60_000 },
      testFile: {
        source:
          'import unittest\nfrom solution import add\nclass T(unittest.TestCase):\n' +
          '    def test_true(self):\n        self.assertTrue(add(1, 2) == 3)\n' +
          '    def test_alias(self):\n        eq = self.assertEqual\n        eq(add(2, 2), 4)\n' +
          '    def test_in(self):\n        self.assertIn(add(0, 1), [1])\n' +
          'def test_plain_assert():\n    assert add(3, 3) == 6\n' +
          'def test_not_equal():\n    assert not (add(1, 1) != 2)\n',
      },
    });
    const outsideForgeries: Array<[string, string]> = [
      [
        'an object equal to everything (assertTrue(x == y), an aliased assertEqual, plain assert)',
        'class Any:\n    def __eq__(self, o):\n        return True\n    def __ne__(self, o):\n        return False\n' +
          '    __hash__ = None\ndef add(a, b):\n    return Any()\n',
      ],
      [
        'an int whose __eq__ is always True',
        'class I(int):\n    def __eq__(self, o):\n        return True\n    def __ne__(self, o):\n        return False\n' +
          '    __hash__ = int.__hash__\ndef add(a, b):\n    return I(42)\n',
      ],
      [
        'its own pytest.approx with a huge tolerance',
        'import pytest\ndef add(a, b):\n    return pytest.approx(0, abs=1e9)\n',
      ],
    ];
    it.each(outsideForgeries)(
      "scores 0 when the operands of the teacher's assertions are compared by the grader: %s",
      async (_name, code) => {
        const r = await grader.grade(outsideTask, code);
        expect(r.tests).toHaveLength(5);
        expect(r.tests.filter((t) => t.verdict === 'passed')).toEqual([]);
        expect((await grader.grade(outsideTask, 'def add(a, b):\n    return a + b\n')).score).toBe(5);
      },
      180_000,
    );

    // The teacher's file is listed in sys.modules while it runs (dataclasses need it); the code of its
    // functions stays unreadable, there and through TestCase.__subclasses__(); only what the standard
    // library generated in its namespace (a dataclass's __init__, read by inspect.signature) is open.
    it("keeps the code of the teacher's functions unreadable with the file in sys.modules", async () => {
      const dataclassTask = parseCodeTask({
        language: 'python',
        limits: { cpuMsPerTest: 5_000, wallMs: 60_000 },
        testFile: {
          visible: true,
          source:
            'from __future__ import annotations\nimport unittest\nfrom dataclasses import dataclass\n' +
            'from solution import add\n@dataclass\nclass Case:\n    a: int\n    b: int\n' +
            '    def expected(self) -> int:\n        return 1234567\n' +
            'class T(unittest.TestCase):\n    def test_add(self):\n' +
            '        self.assertEqual(add(Case(1, 2).a, 2), 1234567)\n',
        },
      });
      const probe =
        'import sys, unittest, inspect\ndef add(a, b):\n    m = sys.modules.get("tests")\n' +
        '    tries = {\n' +
        '        "test method": lambda: m.T.test_add.__code__,\n' +
        '        "dataclass method": lambda: m.Case.expected.__code__.co_consts,\n' +
        '        "subclasses": lambda: [c for c in unittest.TestCase.__subclasses__() if c.__module__ == "tests"][0].test_add.__code__,\n' +
        '        "module code via a function": lambda: inspect.getsource(m.Case.expected),\n' +
        '        "generated __init__": lambda: m.Case.__init__.__code__,\n' +
        '    }\n    opened = []\n    for k, f in tries.items():\n        try:\n            f()\n            opened.append(k)\n' +
        '        except BaseException:\n            pass\n    return "|".join(opened)\n';
      const r = await grader.grade(dataclassTask, probe);
      expect(r.tests).toHaveLength(1);
      expect(r.tests[0]?.verdict).toBe('wrong_answer');
      expect(r.tests[0]?.message).toContain("'generated __init__' != 1234567");
      const honest = await grader.grade(dataclassTask, 'def add(a, b):\n    return 1234567\n');
      expect(honest.score).toBe(1);
    }, 120_000);

    it('does not let a submission skip the tests it would fail', async () => {
      const r = await grader.grade(
        outsideTask,
        'import unittest\ndef add(a, b):\n    raise unittest.SkipTest("no")\n',
      );
      expect(r.maxScore).toBe(5);
      expect(r.tests.map((t) => t.verdict)).toEqual(Array(5).fill('runtime_error'));
    }, 120_000);

    it.each(forgeries)(
      'scores a wrong teacher-file submission 0 despite %s',
      async (_name, code) => {
        const r = await grader.grade(fileTask, code);
        expect(r.tests).toHaveLength(4);
        expect(r.tests.filter((t) => t.name !== 'T.test_counter' && t.verdict === 'passed')).toEqual([]);
        const honest = await grader.grade(fileTask, 'def add(a, b):\n    return a + b\n');
        expect(honest.score).toBe(4);
      },
      120_000,
    );
  });

  // What CPython lets any code do without an audit event: read a function's `__closure__`,
  // `__defaults__` and `__globals__`, write a cell's `cell_contents`, list every class with
  // `object.__subclasses__()`, set a class attribute. Until 2026-12-07 the harness's unittest result class
  // (found by `__subclasses__`) could be rewritten (a wrong submission scored 2 of 4 tests decided inside:
  // assertRaises, fail()), and the asserts' wrappers held the harness's `check` in their defaults, whose closure cells
  // (shared with the whole harness) were readable and writable.
  const reachFile = parseCodeTask({
    language: 'python',
    testFile: {
      visible: true,
      source:
        'import unittest\nfrom solution import check\nclass T(unittest.TestCase):\n' +
        '    def test_raise(self):\n        with self.assertRaises(ValueError):\n            check(-1)\n' +
        '    def test_true(self):\n        self.assertTrue(check(4) is False)\n' +
        '    def test_none(self):\n        self.assertIsNone(check(0))\n' +
        '    def test_bool(self):\n        self.assertIsInstance(check(4), bool)\n',
    },
  });
  const reachForgeries: Array<[string, string]> = [
    [
      "the harness's Result methods replaced at import",
      'import unittest.result\nfor c in unittest.result.TestResult.__subclasses__():\n' +
        '    if c.__name__ == "Result":\n' +
        '        c.addFailure = lambda self, test, err: None\n        c.addError = lambda self, test, err: None\n' +
        'def check(x):\n    return 12345\n',
    ],
    [
      "the harness's Result methods replaced while a test runs",
      'import unittest.result\ndef check(x):\n    for c in unittest.result.TestResult.__subclasses__():\n' +
        '        if c.__name__ == "Result":\n' +
        '            c.addFailure = lambda self, test, err: None\n            c.addError = lambda self, test, err: None\n' +
        '    return 12345\n',
    ],
    [
      "the harness's closure cells rewritten (every cell of every function reachable)",
      'import sys, types, builtins, unittest, unittest.result\n' +
        'def _cells():\n    seen, todo, cells = set(), list(sys.modules.values()) + [builtins], []\n' +
        '    def subs(c, acc):\n        for s in type.__subclasses__(c):\n' +
        '            if s not in acc:\n                acc.add(s)\n                subs(s, acc)\n        return acc\n' +
        '    todo += list(subs(object, set()))\n' +
        '    while todo and len(seen) < 300000:\n        o = todo.pop()\n        if id(o) in seen:\n            continue\n' +
        '        seen.add(id(o))\n        try:\n' +
        '            if isinstance(o, types.FunctionType):\n' +
        '                todo += list(o.__defaults__ or ()) + [o.__globals__]\n' +
        '                for c in o.__closure__ or ():\n                    cells.append(c)\n                    todo.append(c.cell_contents)\n' +
        '            elif isinstance(o, (types.ModuleType, type)):\n                todo += list(vars(o).values())\n' +
        '            elif isinstance(o, (list, tuple, set, frozenset)):\n                todo += list(o)\n' +
        '            elif isinstance(o, dict):\n                todo += list(o.values())\n' +
        '            elif isinstance(o, (types.MethodType, staticmethod, classmethod)):\n                todo.append(o.__func__)\n' +
        '        except BaseException:\n            pass\n    return cells\n' +
        // The harness's guard ([True] while submission code may run) lowered: frames then lead to the
        // unittest result of the running test, whose failures are dropped.
        'guards = []\nfor c in _cells():\n    try:\n        v = c.cell_contents\n    except ValueError:\n        continue\n' +
        '    if type(v) is list and v == [True]:\n        guards.append(v)\n' +
        'def check(x):\n    for g in guards:\n        g[0] = False\n    try:\n        f = sys._getframe()\n' +
        '        while f is not None:\n            for v in list(f.f_locals.values()):\n' +
        '                if isinstance(v, unittest.result.TestResult):\n' +
        '                    v.addFailure = v.addError = lambda *a: None\n            f = f.f_back\n' +
        '    except BaseException:\n        pass\n    return 12345\n',
    ],
  ];

  describe('harness closures and classes a submission can reach', () => {
    it.each(reachForgeries)(
      'scores a wrong submission 0 despite %s',
      async (_name, code) => {
        const r = await grader.grade(reachFile, code);
        expect(r.tests).toHaveLength(4);
        expect(r.tests.filter((t) => t.verdict === 'passed')).toEqual([]);
        const honest = await grader.grade(
          reachFile,
          'def check(x):\n    if x < 0:\n        raise ValueError(x)\n    return {4: False}.get(x)\n',
        );
        expect(honest.score).toBe(4);
      },
      120_000,
    );

    it('reaches no function of the harness from anything a submission can walk', async () => {
      // Modules, builtins, the import finders, every class, and from each function its globals, defaults
      // and closure cells: no function of the harness's factory (`_grader_factory.<locals>...`) or of the
      // native runner (`main.<locals>...`), whose cells hold its state, the result channel's token...
      const walk =
        'import sys, types, builtins\n' +
        'def f(x):\n    found, seen = set(), set()\n' +
        '    def subs(c, acc):\n        for s in type.__subclasses__(c):\n' +
        '            if s not in acc:\n                acc.add(s)\n                subs(s, acc)\n        return acc\n' +
        '    todo = list(sys.modules.values()) + list(sys.meta_path) + [builtins, sys.stdout] + list(subs(object, set()))\n' +
        '    while todo and len(seen) < 400000:\n        o = todo.pop()\n        if id(o) in seen:\n            continue\n' +
        '        seen.add(id(o))\n        try:\n' +
        '            if isinstance(o, types.FunctionType):\n' +
        '                if "<locals>" in o.__qualname__ and o.__qualname__.split(".")[0] in ("_grader_factory", "main"):\n' +
        '                    found.add(o.__qualname__)\n' +
        '                todo += [o.__globals__] + list(o.__defaults__ or ()) + list((o.__kwdefaults__ or {}).values())\n' +
        '                todo += [c.cell_contents for c in o.__closure__ or ()]\n' +
        '            elif isinstance(o, (types.ModuleType, type)):\n                todo += list(vars(o).values())\n' +
        '            elif isinstance(o, (list, tuple, set, frozenset)):\n                todo += list(o)\n' +
        '            elif isinstance(o, dict):\n                todo += list(o.values())\n' +
        '            elif isinstance(o, (types.MethodType, staticmethod, classmethod)):\n                todo.append(o.__func__)\n' +
        '            elif isinstance(o, property):\n                todo += [o.fget, o.fset, o.fdel]\n' +
        '            elif hasattr(o, "__dict__"):\n                todo.append(vars(o))\n' +
        '        except BaseException:\n            pass\n' +
        '    return sorted(found) if found else (6 if x == 3 else 10) if len(seen) > 1000 else "walked nothing"\n';
      const r = await grader.grade(task, walk);
      expect(r.tests.map((t) => [t.verdict, t.actual])).toEqual([
        ['passed', undefined],
        ['passed', undefined],
      ]);
    }, 120_000);
  });
});
