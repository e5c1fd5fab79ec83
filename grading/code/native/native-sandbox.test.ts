import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeGrader, type CodeGrader } from '../code-grader.ts';
import { parseCodeTask } from '../task.ts';
import { detectNativePython, TMPFS_MB } from './native-pool.ts';

// The native CPython sandbox's own walls, beyond the hostile suites it shares with Pyodide (those run in
// both sandboxes, python-modes.ts): the seccomp filter refuses on its own (a process, a socket, a thread, with
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

/** A function-test submission whose `f` returns "ok" when every check holds, else what it found. */
const probe = (body: string) =>
  `def f(x):\n    bad = []\n${body
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n    return "ok" if not bad else repr(bad)\n`;
const verdicts = async (code: string) =>
  (await grader.grade(fnTask, code)).tests.map((t) => [t.verdict, t.actual]);
const bothPassed = [
  ['passed', undefined],
  ['passed', undefined],
];

/** Native sandbox processes on the host (the bubblewrap'd python and its bwrap parents). */
const nativeProcesses = () => {
  try {
    return execFileSync('pgrep', ['-f', '/grader/native_child.py']).toString().trim().split('\n').length;
  } catch {
    return 0;
  }
};

// The routes a native process opens that wasm did not (the review of 2026-12-07, ../README.md "The
// native CPython sandbox"): its file descriptors, /dev and the writable file systems, signals, its
// environment and files, and the result channel's token.
describe.skipIf(!native)('native CPython sandbox: routes of a native process', () => {
  it("holds only its four descriptors, an empty environment and none of the host's files", async () => {
    const code = probe(
      'import os, sys, stat\n' +
        'fds = []\nfor fd in range(1 << 16):\n    try:\n        os.fstat(fd)\n        fds.append(fd)\n    except OSError:\n        pass\n' +
        'if fds != [0, 1, 2, 3]:\n    bad.append(("fds", fds))\n' +
        'null = os.stat("/dev/null").st_rdev\n' +
        'for fd in (1, 2):\n    st = os.fstat(fd)\n    if not stat.S_ISCHR(st.st_mode) or st.st_rdev != null:\n        bad.append(("not /dev/null", fd))\n' +
        'if dict(os.environ) or os.environ.get("DATABASE_URL"):\n    bad.append(("env", dict(os.environ)))\n' +
        'if os.getcwd() != "/sandbox":\n    bad.append(("cwd", os.getcwd()))\n' +
        'top = set(os.listdir("/"))\n' +
        'if not top <= {"bin", "dev", "grader", "lib", "lib32", "lib64", "sandbox", "tmp", "usr"}:\n    bad.append(("root", sorted(top)))\n' +
        'for p in ("/etc", "/work", "/proc", "/sys", "/home", "/root", "/var", "/run", "/dev/mqueue"):\n' +
        '    if os.path.exists(p):\n        bad.append(("exists", p))\n' +
        'if os.listdir("/grader") != ["native_child.py"]:\n    bad.append(("grader", os.listdir("/grader")))\n' +
        // What the runner's module held is gone (its `main` function among it).
        'left = [k for k in vars(sys.modules["__main__"]) if not k.startswith("__")]\n' +
        'if left:\n    bad.append(("__main__", left))\n' +
        // The result channel: reading it gives nothing (nothing comes back on it), stdin holds no more job.
        'import fcntl\n' +
        'for fd in (0, 3):\n    fcntl.fcntl(fd, fcntl.F_SETFL, os.O_NONBLOCK)\n' +
        '    try:\n        data = os.read(fd, 1 << 16)\n        if data:\n            bad.append(("read", fd, data[:60]))\n' +
        '    except BlockingIOError:\n        pass\n' +
        '    fcntl.fcntl(fd, fcntl.F_SETFL, 0)\n',
    );
    expect(await verdicts(code)).toEqual(bothPassed);
  }, 60_000);

  it('finds no token of the result channel in anything it can walk', async () => {
    // Every string, bytes and int reachable from modules, classes, functions (globals, defaults, cells)
    // and containers: none is the 32-hex-digit token the runner's lines carry.
    const code = probe(
      'import sys, types, builtins, re\n' +
        'hexes = re.compile(rb"[0-9a-f]{32}")\nseen = set()\n' +
        'def subs(c, acc):\n    for s in type.__subclasses__(c):\n        if s not in acc:\n            acc.add(s)\n            subs(s, acc)\n    return acc\n' +
        'todo = list(sys.modules.values()) + [builtins, sys.stdout] + list(subs(object, set()))\n' +
        'while todo and len(seen) < 400000:\n    o = todo.pop()\n    if id(o) in seen:\n        continue\n    seen.add(id(o))\n' +
        '    try:\n        if isinstance(o, (str, bytes)):\n            b = o.encode("latin-1", "replace") if isinstance(o, str) else o\n' +
        '            if len(b) < 200 and hexes.fullmatch(b.strip()[:32]) and b"/" not in b:\n                bad.append(b[:40])\n' +
        '        elif isinstance(o, types.FunctionType):\n' +
        '            todo += [o.__globals__] + list(o.__defaults__ or ()) + [c.cell_contents for c in o.__closure__ or ()]\n' +
        '        elif isinstance(o, (types.ModuleType, type)):\n            todo += list(vars(o).values()) + list(vars(o))\n' +
        '        elif isinstance(o, (list, tuple, set, frozenset)):\n            todo += list(o)\n' +
        '        elif isinstance(o, dict):\n            todo += list(o.values()) + list(o)\n' +
        '    except BaseException:\n        pass\n',
    );
    expect(await verdicts(code)).toEqual(bothPassed);
  }, 120_000);

  it(`writes only to two tmpfs of ${TMPFS_MB} MB and leaves nothing to the next submission`, async () => {
    // bubblewrap's root and /dev are tmpfs of half the host's RAM, which RLIMIT_AS does not count: a
    // submission filling them took gigabytes of host memory until they were remounted read-only.
    const fill = probe(
      'import os\n' +
        'for d in ("/", "/dev", "/dev/shm", "/usr", "/grader", "/bin"):\n    try:\n' +
        '        open(os.path.join(d, "planted"), "w").write("x")\n        bad.append(("wrote", d))\n' +
        '    except OSError:\n        pass\n' +
        'for d in ("/tmp", "/sandbox"):\n    written = 0\n    try:\n        for i in range(64):\n' +
        '            with open(os.path.join(d, "fill%d" % i), "wb") as fh:\n' +
        '                fh.write(b"y" * (8 << 20))\n            written += 8\n    except OSError:\n        pass\n' +
        `    if written > ${TMPFS_MB}:\n        bad.append(("filled", d, written))\n` +
        '    open(os.path.join(d, "planted"), "w").write("from an earlier submission")\n',
    );
    expect(await verdicts(fill)).toEqual(bothPassed);
    const look = probe(
      'import os\n' +
        'for d in ("/tmp", "/sandbox", "/dev/shm", "/"):\n    left = [n for n in os.listdir(d) if n.startswith(("fill", "planted"))]\n' +
        '    if left:\n        bad.append((d, left))\n',
    );
    expect(await verdicts(look)).toEqual(bothPassed);
  }, 60_000);

  it('installs no signal handler, signals nothing, and is killed at its time limit with its process tree', async () => {
    const code = probe(
      'import signal, os, posix, time\n' +
        'tries = {\n' +
        '    "ignore SIGTERM": lambda: signal.signal(signal.SIGTERM, signal.SIG_IGN),\n' +
        '    "handle SIGXCPU": lambda: signal.signal(signal.SIGXCPU, lambda *a: None),\n' +
        '    "setitimer": lambda: signal.setitimer(signal.ITIMER_REAL, 1.0),\n' +
        '    "kill parent": lambda: posix.kill(1, signal.SIGKILL),\n' +
        '    "kill group": lambda: posix.killpg(0, signal.SIGTERM),\n' +
        '    "raise_signal": lambda: signal.raise_signal(signal.SIGUSR1),\n' +
        '    "pthread_kill": lambda: signal.pthread_kill(__import__("threading").get_ident(), signal.SIGUSR1),\n' +
        '    "fork": lambda: posix.fork(),\n' +
        '}\n' +
        'for name, t in tries.items():\n    try:\n        t()\n        bad.append(name)\n    except (OSError, RuntimeError):\n        pass\n' +
        // glibc's alarm() reports no error: the refused timer shows as no SIGALRM (whose default
        // action would end the process) within the next 1.3 s.
        'signal.alarm(1)\nend = time.monotonic() + 1.3\nwhile time.monotonic() < end:\n    pass\n',
    );
    expect(await verdicts(code)).toEqual(bothPassed);
    const before = nativeProcesses();
    // Blocks every signal it may, lies about its CPU time, and loops: stopped all the same.
    const loop =
      'import signal, time, os\n' +
      'def f(x):\n    signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals) - {signal.SIGKILL, signal.SIGSTOP})\n' +
      '    time.process_time = time.perf_counter = lambda: 0.0\n    os.times = lambda: (0, 0, 0, 0, 0)\n' +
      '    while True:\n        pass\n';
    const t0 = Date.now();
    const r = await grader.grade({ ...fnTask, limits: { ...fnTask.limits, cpuMsPerTest: 500 } }, loop);
    expect(r.tests[0]?.verdict).toBe('time_limit');
    expect(Date.now() - t0).toBeLessThan(15_000);
    let after = nativeProcesses();
    for (let i = 0; i < 30 && after > before; i++) {
      await new Promise((res) => setTimeout(res, 100));
      after = nativeProcesses();
    }
    expect(after).toBeLessThanOrEqual(before);
    expect(await verdicts('def f(x):\n    return "ok"\n')).toEqual(bothPassed);
  }, 90_000);

  it('meets its memory limit in the process, however the memory is taken', async () => {
    for (const bomb of [
      'def f(x):\n    a = []\n    while True:\n        a.append(bytearray(1 << 20))\n',
      'import mmap\ndef f(x):\n    m = mmap.mmap(-1, 1 << 32)\n    m[::4096] = b"x" * (1 << 20)\n    return "ok"\n',
      // Written through memfds, memory is not mapped and RLIMIT_AS does not count it: memfd_create is refused.
      'import os\ndef f(x):\n    for i in range(60):\n        fd = os.memfd_create("m%d" % i)\n' +
        '        for j in range(16):\n            os.write(fd, b"z" * (1 << 20))\n    return "ok"\n',
    ]) {
      const r = await grader.grade(fnTask, bomb);
      expect(r.tests.map((t) => t.verdict)).not.toContain('passed');
    }
  }, 90_000);

  it('keeps a partial line on the result channel from forging the next result', async () => {
    // No newline: the runner's next line then starts with the submission's bytes and is refused.
    const code =
      'import os\ndef f(x):\n    os.write(3, b\'{"t":"progress","i":1,"cpuMs":0,"r":{"s":"pass"}} \')\n    return "ok"\n';
    const r = await grader.grade(fnTask, code);
    expect(r.tests.map((t) => t.verdict)).not.toContain('passed');
  }, 60_000);
});
