/** The JavaScript sandbox pool: isolated-vm isolates inside hardened children. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SandboxPool } from '../sandbox/pool.ts';
import type { LanguagePoolOptions } from '../python/python-pool.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts a pool of JavaScript children (isolated-vm needs --no-node-snapshot and addons). */
export function createJavascriptPool(opts: LanguagePoolOptions = {}): SandboxPool {
  const ivmDir = path.dirname(createRequire(import.meta.url).resolve('isolated-vm/package.json'));
  return new SandboxPool({
    name: 'javascript',
    spec: {
      script: path.join(here, 'child.mjs'),
      readable: [ivmDir],
      nodeFlags: ['--allow-addons', `--max-old-space-size=${(opts.memoryCeilingMb ?? 512) + 128}`],
      scriptArgs: [ivmDir],
      permissionModel: true,
    },
    init: { t: 'init', harness: readFileSync(path.join(here, 'harness.js'), 'utf8') },
    size: opts.size ?? availableParallelism(),
    maxRuns: opts.maxRuns ?? 200,
    // The child makes a new isolate and context for every job.
    freshInChild: true,
    log: opts.log,
  });
}
