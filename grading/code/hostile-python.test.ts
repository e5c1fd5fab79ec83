import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeGrader, type CodeGrader } from './code-grader.ts';
import { parseCodeTask } from './task.ts';
import type { Verdict } from './verdict.ts';

// One pool for the whole file: every hostile program is followed by an ordinary submission that the
// same pool must grade correctly.
let grader: CodeGrader;
beforeAll(async () => {
  grader = createCodeGrader({ size: 2, maxRuns: 50 });
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
  ['sys.modules hunt for pyodide_js', fn('import sys\nreturn sys.modules["pyodide_js"].FS'), 'runtime_error'],
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
});
