/** The Python sandbox pool: Pyodide from the npm package in hardened children. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SandboxPool } from '../sandbox/pool.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface LanguagePoolOptions {
  /** Children in the pool; default the number of cores. */
  size?: number;
  /** Runs before a warm child is recycled. */
  maxRuns?: number;
  /** Hard memory ceiling of a child's interpreter (tasks ask for less), megabytes. */
  memoryCeilingMb?: number;
  log?: (msg: string) => void;
}

/** Starts a pool of Python children; each loads Pyodide once and then the grading harness. */
export function createPythonPool(opts: LanguagePoolOptions = {}): SandboxPool {
  const pyodideDir = path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  // Pyodide itself needs about 40 MB of wasm memory before any student code runs.
  const pages = Math.ceil(((opts.memoryCeilingMb ?? 512) + 64) * 16);
  return new SandboxPool({
    name: 'python',
    spec: {
      script: path.join(here, 'child.mjs'),
      readable: [pyodideDir],
      nodeFlags: [`--wasm-max-mem-pages=${pages}`, '--max-old-space-size=256', '--stack-size=2000'],
      scriptArgs: [pyodideDir],
      permissionModel: true,
    },
    // One Python source: the assertion rewriter and the pytest shim define what harness.py uses.
    init: {
      t: 'init',
      harness: ['teacher_asserts.py', 'pytest_shim.py', 'harness.py']
        .map((file) => readFileSync(path.join(here, file), 'utf8'))
        .join('\n'),
    },
    size: opts.size ?? availableParallelism(),
    maxRuns: opts.maxRuns ?? 50,
    freshInChild: true,
    log: opts.log,
  });
}
