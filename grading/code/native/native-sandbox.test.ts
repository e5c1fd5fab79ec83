import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeGrader, type CodeGrader } from '../code-grader.ts';
import { parseCodeTask } from '../task.ts';
import { detectNativePython } from './native-pool.ts';

// The native CPython sandbox's own walls, beyond the hostile suites it shares with Pyodide (run those
// with GRADER_PYTHON=native): the seccomp filter refuses on its own (a process, a socket, a thread, with
// no audit hook in the way), /proc is absent, and a line the submission writes on the result channel is
// a forgery the grader believes nothing after. Skipped where the native sandbox is not available.
const native = detectNativePython();
let grader: CodeGrader;
beforeAll(() => {
  grader = createCodeGrader({ python: 'native', size: 2 });
});
afterAll(() => grader?.close());

const fileTask = parseCodeTask({
  language: 'python',
  testFile: {
    source:
      'import unittest\nfrom solution import add\nclass T(unittest.TestCase):\n' +
      '    def test_a(self):\n        self.assertEqual(add(1, 2), 3)\n' +
      '    def test_b(self):\n        self.assertEqual(add(2, 2), 4)\n',
  },
});
const fnTask = parseCodeTask({
  language: 'python',
  entry: 'f',
  tests: [
    { name: 'visible', kind: 'function', args: [1], expected: 'ok', visible: true },
    { name: 'hidden', kind: 'function', args: [2], expected: 'ok' },
  ],
});

describe.skipIf(!native)('native CPython sandbox', () => {
  it('is used only with every layer working: the filter seen refusing, no /proc', () => {
    expect(native?.refused).toEqual({ fork: true, socket: true, thread: true, proc: true });
    const layers = grader.pool('python').layers.join('; ');
    expect(layers).toContain('bubblewrap');
    expect(layers).toContain('seccomp');
    expect(layers).toContain('rlimits');
  });

  it('believes nothing after a result line the submission wrote itself', async () => {
    const forged =
      'import os\nline = b\'{"t":"progress","i":0,"cpuMs":0,"r":{"s":"pass","checks":[]}}\\n\'\n' +
      'for fd in range(3, 10):\n    try:\n        os.write(fd, line)\n    except OSError:\n        pass\n' +
      'def add(a, b):\n    return 42\n';
    const r = await grader.grade(fileTask, forged);
    expect(r.score).toBe(0);
    expect(r.tests.map((t) => t.verdict)).not.toContain('passed');
    const honest = await grader.grade(fileTask, 'def add(a, b):\n    return a + b\n');
    expect(honest.score).toBe(2);
  }, 60_000);

  it('starts no thread and reads no process memory', async () => {
    const code =
      'def f(x):\n    import threading, os\n    out = []\n' +
      '    try:\n        threading.Thread(target=lambda: None).start()\n        out.append("thread")\n    except RuntimeError:\n        pass\n' +
      '    out.append("proc" if os.path.exists("/proc/self/mem") else "")\n' +
      '    return "ok" if out == [""] else ",".join(out)\n';
    const r = await grader.grade(fnTask, code);
    expect(r.tests.map((t) => [t.name, t.verdict, t.actual])).toEqual([
      ['visible', 'passed', undefined],
      ['hidden', 'passed', undefined],
    ]);
  }, 60_000);

  it('gives a hidden input only after the visible result is fixed', async () => {
    // The submission reads what stdin holds while its visible test runs: nothing of the hidden test.
    const code =
      'import os, fcntl\n' +
      'def f(x):\n    if x != 1:\n        return "ok"\n' +
      '    fcntl.fcntl(0, fcntl.F_SETFL, os.O_NONBLOCK)\n' +
      '    try:\n        data = os.read(0, 1 << 16)\n    except (BlockingIOError, OSError):\n        data = b""\n' +
      '    return "ok" if b"[2]" not in data else "saw the hidden input"\n';
    const r = await grader.grade(fnTask, code);
    expect(r.tests.map((t) => t.verdict)).toEqual(['passed', 'passed']);
  }, 60_000);
});
