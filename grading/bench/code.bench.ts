/**
 * `npm run bench -- code`: Python submissions graded per second on a warm pool (10 function tests each),
 * teacher-unittest tasks per second (fresh interpreter each), latency of "run visible tests", and a
 * native `python3` subprocess per submission as the reference.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createCodeGrader, parseCodeTask } from '../code/index.ts';

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

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  const grader = createCodeGrader({ size: cores, maxRuns: 500, log: (m) => console.log(m) });
  try {
    const t0 = performance.now();
    await grader.warm(['python']);
    const coldStartMs = performance.now() - t0;
    const check = await grader.grade(fnTask, solution);
    if (check.score !== check.maxScore) throw new Error('bench task does not pass');
    for (let i = 0; i < 20; i++) await grader.grade(fnTask, solution);

    const functionTestsPerSecond = await throughput(200, cores * 2, () => grader.grade(fnTask, solution));
    console.log(
      `python, 10 function tests, warm pool of ${cores}: ${r1(functionTestsPerSecond)} submissions/s`,
    );

    const latencies: number[] = [];
    for (let i = 0; i < 100; i++) {
      const s = performance.now();
      await grader.grade(fnTask, solution, { visibleOnly: true });
      latencies.push(performance.now() - s);
    }
    console.log(`run visible tests: p50 ${r1(pct(latencies, 50))} ms, p99 ${r1(pct(latencies, 99))} ms`);

    const unittestTasksPerSecond = await throughput(8, cores, () => grader.grade(fileTask, solution));
    console.log(`python teacher unittest (fresh interpreter each): ${r1(unittestTasksPerSecond)} tasks/s`);

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

    return {
      poolSize: cores,
      layers: grader.pool('python').layers,
      pythonColdStartMs: Math.round(coldStartMs),
      pythonSubmissionsPerSecond10FunctionTests: r1(functionTestsPerSecond),
      pythonUnittestTasksPerSecond: r1(unittestTasksPerSecond),
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
