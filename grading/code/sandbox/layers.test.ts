import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childCommand, detectBubblewrap } from './layers.ts';

// Bubblewrap gives the child a private /tmp; a checkout under /tmp must still be readable by it.
const dir = mkdtempSync(path.join(tmpdir(), 'grader-layers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pkg = path.join(dir, 'package');
mkdirSync(pkg);
writeFileSync(path.join(pkg, 'data.txt'), 'package file');
const script = path.join(dir, 'child.mjs');
writeFileSync(
  script,
  "import { readFileSync } from 'node:fs';\n" +
    'process.send({ data: readFileSync(process.argv[2] + "/data.txt", "utf8") });\n',
);

function runChild(script: string, readable: string[]): Promise<unknown> {
  const { command, args } = childCommand({
    script,
    readable,
    nodeFlags: [],
    scriptArgs: [readable[0] ?? ''],
    permissionModel: true,
  });
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: {}, cwd: '/' });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('message', (m) => {
      resolve(m);
      proc.kill('SIGKILL');
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${code}: ${stderr.slice(0, 500)}`)));
  });
}

const priorityScript = path.join(dir, 'priority.mjs');
writeFileSync(
  priorityScript,
  "import { getPriority } from 'node:os';\nprocess.send({ data: getPriority() });\n",
);

describe('sandbox child command', () => {
  it('runs the child at a lower CPU priority than the engine, so grading yields to live delivery', async () => {
    const { data } = (await runChild(priorityScript, [pkg])) as { data: number };
    // nice is relative: 10 above whatever this test runs at, 19 at most.
    expect(data).toBe(Math.min(19, getPriority() + 10));
    const { layers } = childCommand({
      script,
      readable: [pkg],
      nodeFlags: [],
      scriptArgs: [],
      permissionModel: true,
    });
    expect(layers).toContain('lower CPU priority (nice 10)');
  }, 30_000);

  it('runs a child whose script and package folder live under /tmp', async () => {
    expect(tmpdir()).toBe('/tmp');
    expect(await runChild(script, [pkg])).toEqual({ data: 'package file' });
  }, 30_000);

  it('reports whether bubblewrap is one of the layers', () => {
    const { layers } = childCommand({
      script,
      readable: [pkg],
      nodeFlags: [],
      scriptArgs: [],
      permissionModel: true,
    });
    expect(layers.some((l) => l.startsWith('bubblewrap ('))).toBe(detectBubblewrap() !== null);
  });
});
