/**
 * `npx tsx grading/code/speed/measure-limit-factor.ts`: how much slower Pyodide runs typical teaching
 * programs (programs.py) than the machine's CPython, in CPU time, best of three runs each. The factor
 * in limit-factor.ts comes from here (see grading/code/README.md, "Limits as on the teacher's computer").
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = readFileSync(path.join(here, 'programs.py'), 'utf8');

const cpython = spawnSync('python3', ['-c', `${source}\nimport json\nprint(json.dumps(measure()))`], {
  encoding: 'utf8',
});
if (cpython.status !== 0) throw new Error(`python3 failed: ${cpython.stderr}`);
const native = JSON.parse(cpython.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
const version = spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim();

const pyodideDir = path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const { loadPyodide } = (await import(path.join(pyodideDir, 'pyodide.mjs'))) as {
  loadPyodide(o: { indexURL: string }): Promise<{ runPython(code: string): unknown }>;
};
const py = await loadPyodide({ indexURL: `${pyodideDir}/` });
py.runPython(source);
const ratios: number[] = [];
console.log(
  `program            CPython ms  Pyodide ms  factor   (${version} vs Pyodide ${py.runPython('import sys; sys.version.split()[0]')})`,
);
for (const name of Object.keys(native)) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    py.runPython(`${name}()`);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  const cpythonMs = (native[name] ?? NaN) * 1000;
  ratios.push(best / cpythonMs);
  console.log(
    `${name.padEnd(18)} ${cpythonMs.toFixed(1).padStart(10)}  ${best.toFixed(1).padStart(10)}  ${(best / cpythonMs).toFixed(2).padStart(6)}`,
  );
}
const geometricMean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
const sorted = [...ratios].sort((a, b) => a - b);
console.log(
  `factor: geometric mean ${geometricMean.toFixed(2)}, median ${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(2)}, max ${(sorted.at(-1) ?? NaN).toFixed(2)}`,
);
