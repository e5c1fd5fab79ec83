/**
 * `npm run bench -- code`: Python submissions graded per second on a warm pool (10 function tests each),
 * teacher-unittest tasks per second (a fresh interpreter from a memory snapshot each), latency of "run
 * visible tests", and a native `python3` subprocess per submission as the reference. Throughput depends
 * on what else runs on the machine, so the CPU time one task costs (grader and its sandbox children,
 * read from /proc) is reported too, with the rate it allows on all cores of an otherwise idle machine.
 * The native CPython sandbox is measured the same way (`nativeSandbox`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createCodeGrader, detectNativePython, parseCodeTask } from '../code/index.ts';

const cores = availableParallelism();
const solution = 'def add(a, b):\n    return a + b\n';
const fnTask = parseCodeTask({
  language: 'python',
  entry: 'add',
  tests: Array.from({ length: 10 }, (_, i) => ({
    name: `t${i}`,
    kind: 'function',
    args: [i, i * 2],
    expected: i * 3,
    visible: i < 3,
  })),
});
const fileTask = parseCodeTask({
  language: 'python',
  testFile: {
    source:
      'import unittest\nfrom solution import add\nclass T(unittest.TestCase):\n' +
      Array.from(
        { length: 5 },
        (_, i) => `    def test_${i}(self):\n        self.assertEqual(add(${i}, 1), ${i + 1})\n`,
      ).join(''),
  },
});

async function throughput(n: number, concurrency: number, one: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < n) await one();
    }),
  );
  return n / ((performance.now() - start) / 1000);
}

/** CPU milliseconds used so far by this process and all its descendants (Linux /proc). */
function treeCpuMs(): number {
  const ticks = 100; // USER_HZ on Linux
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      // utime, stime, cutime, cstime: children reaped by their parent count too.
      cpu.set(
        Number(entry),
        fields.slice(11, 15).reduce((a, f) => a + Number(f), 0),
      );
    } catch {
      /* process ended while reading */
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++)
      if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of cpu) if (inTree(pid)) total += t;
  return (total * 1000) / ticks;
}

/** Runs `n` jobs `concurrency` at a time; rate, and CPU ms per job of the whole process tree. */
async function measured(n: number, concurrency: number, one: () => Promise<unknown>) {
  const before = treeCpuMs();
  const perSecond = await throughput(n, concurrency, one);
  const cpuMsPerTask = (treeCpuMs() - before) / n;
  return { perSecond, cpuMsPerTask, idleMachineEstimate: (cores * 1000) / cpuMsPerTask };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The alternative to a fresh Pyodide instance: a native `python3` per submission under bubblewrap
 * (no network, no host files but the interpreter's, read-only), running a unittest file of 5 tests
 * as CPython does. CPU is read inside the sandboxed process (`os.times`, 10 ms ticks: the median of
 * 30 runs) because its pid namespace hides it from the parent's rusage; bubblewrap's own cost is
 * measured with `true`. Undefined when bwrap or python3 is missing.
 */
function nativeTeacherFileInBubblewrap() {
  const which = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  const python = which.stdout?.trim();
  if (which.status !== 0 || !python || spawnSync('bwrap', ['--version']).status !== 0) return undefined;
  const root = python.replace(/\/bin\/[^/]+$/, '');
  const file =
    'import unittest, os, sys\ndef add(a, b):\n    return a + b\nclass T(unittest.TestCase):\n' +
    Array.from(
      { length: 5 },
      (_, i) => `    def test_${i}(self):\n        self.assertEqual(add(${i}, 1), ${i + 1})\n`,
    ).join('') +
    'r = unittest.TextTestRunner(stream=open(os.devnull, "w")).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))\n' +
    'assert r.wasSuccessful()\nt = os.times()\nsys.stderr.write("%.1f" % ((t.user + t.system) * 1000))\n';
  const bwrap = [
    ...['--unshare-all', '--die-with-parent', '--cap-drop', 'ALL', '--clearenv'],
    ...['--ro-bind', '/usr', '/usr', '--ro-bind', '/lib', '/lib', '--ro-bind-try', '/lib64', '/lib64'],
    ...['--ro-bind', root, root, '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp'],
  ];
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    const p = spawnSync('bwrap', [...bwrap, python, '-I', '-S', '-c', file], { encoding: 'utf8', env: {} });
    wall.push(performance.now() - s);
    if (p.status !== 0) return undefined;
    cpu.push(Number(p.stderr));
  }
  // bubblewrap's own CPU (namespaces, mounts): 20 runs of `true`, user + system seconds from bash's `time`.
  const timed = spawnSync(
    'bash',
    ['-c', `TIMEFORMAT='%U %S'; time (for i in $(seq 20); do bwrap ${bwrap.join(' ')} /usr/bin/true; done)`],
    { encoding: 'utf8' },
  );
  const [user, sys] = (timed.stderr.trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
  const bwrapCpuMs = (((user ?? 0) + (sys ?? 0)) * 1000) / 20;
  return { python, wallMsP50: pct(wall, 50), cpuMsMedian: pct(cpu, 50), bwrapCpuMs: r1(bwrapCpuMs) };
}

/**
 * The native CPython sandbox (`python: 'native'`, grading/code/native/): a new process per job in
 * bubblewrap with rlimits and the seccomp filter, the same harness. Teacher unittest files and function
 * tests per second, and the CPU one task costs (grader and sandbox processes). Undefined when the native
 * sandbox is not available here.
 */
export async function nativeSandbox() {
  if (!detectNativePython()) {
    console.log('native Python sandbox not available here (bubblewrap, python3-seccomp or rlimits missing)');
    return undefined;
  }
  const grader = createCodeGrader({ python: 'native', size: cores, log: (m) => console.log(m) });
  try {
    const check = await grader.grade(fileTask, solution);
    if (check.score !== check.maxScore) throw new Error('native: bench task does not pass');
    for (let i = 0; i < cores * 2; i++) await grader.grade(fileTask, solution);
    // The sandboxed processes sit in their own pid namespace, whose CPU does not reach the grader's
    // children's times here: each process reports its own (os.times) and the pool sums them.
    const stats = grader.pool('python').stats as { processCpuMs?: number };
    const withSandbox = async (n: number, one: () => Promise<unknown>) => {
      const before = stats.processCpuMs ?? 0;
      const m = await measured(n, cores * 2, one);
      const sandboxCpuMs = ((stats.processCpuMs ?? 0) - before) / n;
      const cpuMsPerTask = m.cpuMsPerTask + sandboxCpuMs;
      return {
        ...m,
        graderCpuMs: m.cpuMsPerTask,
        sandboxCpuMs,
        cpuMsPerTask,
        idleMachineEstimate: (cores * 1000) / cpuMsPerTask,
      };
    };
    const ut = await withSandbox(200, async () => {
      const r = await grader.grade(fileTask, solution);
      if (r.score !== r.maxScore)
        throw new Error(`native unittest bench task failed: ${JSON.stringify(r.tests)}`);
    });
    console.log(
      `native python teacher unittest (a process per task): ${r1(ut.perSecond)} tasks/s ` +
        `(${r1(ut.cpuMsPerTask)} ms CPU each: ~${r1(ut.idleMachineEstimate)}/s on ${cores} idle cores)`,
    );
    const fn = await withSandbox(200, () => grader.grade(fnTask, solution));
    console.log(
      `native python, 10 function tests: ${r1(fn.perSecond)} submissions/s ` +
        `(${r1(fn.cpuMsPerTask)} ms CPU each: ~${r1(fn.idleMachineEstimate)}/s on ${cores} idle cores)`,
    );
    const latencies: number[] = [];
    for (let i = 0; i < 40; i++) {
      const s = performance.now();
      await grader.grade(fnTask, solution, { visibleOnly: true });
      latencies.push(performance.now() - s);
    }
    console.log(
      `native run visible tests: p50 ${r1(pct(latencies, 50))} ms, p99 ${r1(pct(latencies, 99))} ms`,
    );
    return {
      layers: grader.pool('python').layers,
      unittestTasksPerSecond: r1(ut.perSecond),
      cpuMsPerUnittestTask: r1(ut.cpuMsPerTask),
      cpuMsPerUnittestTaskSplit: { grader: r1(ut.graderCpuMs), sandboxProcess: r1(ut.sandboxCpuMs) },
      unittestTasksPerSecondIdleMachineEstimate: r1(ut.idleMachineEstimate),
      submissionsPerSecond10FunctionTests: r1(fn.perSecond),
      cpuMsPerSubmission10FunctionTests: r1(fn.cpuMsPerTask),
      submissionsPerSecondIdleMachineEstimate: r1(fn.idleMachineEstimate),
      runVisibleTestsLatencyMs: { p50: r1(pct(latencies, 50)), p99: r1(pct(latencies, 99)) },
      loadAverageAtEnd: loadavg()[0],
    };
  } finally {
    await grader.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const grader = createCodeGrader({
    python: 'pyodide',
    size: cores,
    maxRuns: 500,
    log: (m) => console.log(m),
  });
  try {
    const t0 = performance.now();
    await grader.warm(['python']);
    const coldStartMs = performance.now() - t0;
    const check = await grader.grade(fnTask, solution);
    if (check.score !== check.maxScore) throw new Error('bench task does not pass');
    for (let i = 0; i < 20; i++) await grader.grade(fnTask, solution);

    const fn = await measured(200, cores * 2, () => grader.grade(fnTask, solution));
    const functionTestsPerSecond = fn.perSecond;
    console.log(
      `python, 10 function tests, warm pool of ${cores}: ${r1(functionTestsPerSecond)} submissions/s ` +
        `(${r1(fn.cpuMsPerTask)} ms CPU each: ~${r1(fn.idleMachineEstimate)}/s on ${cores} idle cores)`,
    );

    const latencies: number[] = [];
    for (let i = 0; i < 100; i++) {
      const s = performance.now();
      await grader.grade(fnTask, solution, { visibleOnly: true });
      latencies.push(performance.now() - s);
    }
    console.log(`run visible tests: p50 ${r1(pct(latencies, 50))} ms, p99 ${r1(pct(latencies, 99))} ms`);

    for (let i = 0; i < cores * 2; i++) await grader.grade(fileTask, solution);
    const ut = await measured(60, cores * 2, async () => {
      const r = await grader.grade(fileTask, solution);
      if (r.score !== r.maxScore) throw new Error(`unittest bench task failed: ${JSON.stringify(r.tests)}`);
    });
    const unittestTasksPerSecond = ut.perSecond;
    console.log(
      `python teacher unittest (fresh interpreter each): ${r1(unittestTasksPerSecond)} tasks/s ` +
        `(${r1(ut.cpuMsPerTask)} ms CPU each: ~${r1(ut.idleMachineEstimate)}/s on ${cores} idle cores)`,
    );

    const script = `${solution}\nfor i in range(10):\n    assert add(i, i * 2) == i * 3\n`;
    const native: number[] = [];
    const nativeStart = performance.now();
    for (let i = 0; i < 40; i++) {
      const s = performance.now();
      const p = spawnSync('python3', ['-I', '-S', '-c', script], { env: {}, stdio: 'ignore' });
      if (p.status !== 0) throw new Error('python3 reference failed');
      native.push(performance.now() - s);
    }
    const nativeSequential = 40 / ((performance.now() - nativeStart) / 1000);
    console.log(
      `native python3 subprocess per submission: ${r1(nativeSequential)}/s sequential (x${cores} cores), p50 ${r1(pct(native, 50))} ms`,
    );

    const nativeFile = nativeTeacherFileInBubblewrap();
    if (nativeFile)
      console.log(
        `native python3 teacher unittest file in bubblewrap: p50 ${r1(nativeFile.wallMsP50)} ms wall, ` +
          `${r1(nativeFile.cpuMsMedian)} ms CPU in the sandboxed process (~${r1((cores * 1000) / Math.max(1, nativeFile.cpuMsMedian + nativeFile.bwrapCpuMs))}/s on ${cores} idle cores)`,
      );

    const nativeFigures = await nativeSandbox();

    return {
      poolSize: cores,
      ...(nativeFigures ? { nativeSandbox: nativeFigures } : {}),
      nativePython3TeacherFileInBubblewrap: nativeFile,
      layers: grader.pool('python').layers,
      pythonColdStartMs: Math.round(coldStartMs),
      pythonSubmissionsPerSecond10FunctionTests: r1(functionTestsPerSecond),
      pythonCpuMsPerSubmission10FunctionTests: r1(fn.cpuMsPerTask),
      pythonSubmissionsPerSecondIdleMachineEstimate: r1(fn.idleMachineEstimate),
      pythonUnittestTasksPerSecond: r1(unittestTasksPerSecond),
      pythonCpuMsPerUnittestTask: r1(ut.cpuMsPerTask),
      pythonUnittestTasksPerSecondIdleMachineEstimate: r1(ut.idleMachineEstimate),
      loadAverageAtEnd: loadavg()[0],
      runVisibleTestsLatencyMs: { p50: r1(pct(latencies, 50)), p99: r1(pct(latencies, 99)) },
      nativePython3SubprocessPerSecondSequential: r1(nativeSequential),
      nativePython3SubprocessPerSecondAllCoresEstimate: r1(nativeSequential * cores),
      nativePython3LatencyMsP50: r1(pct(native, 50)),
      poolStats: grader.pool('python').stats,
    };
  } finally {
    await grader.close();
  }
}
