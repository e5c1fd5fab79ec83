import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersistentStore, repoRoot } from './support/persistent-engine.ts';

let store: Awaited<ReturnType<typeof createPersistentStore>>;
beforeAll(async () => {
  store = await createPersistentStore();
});
afterAll(() => store.remove());

/** Starts `npm start`'s script as a user would, and waits for the line with its URL. */
function start(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...store.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('npm start', () => {
  it('serves health and the demo logins it prints, then shuts down cleanly on Ctrl-C', async () => {
    const { child, url, output } = await start();
    try {
      expect(output()).toMatch(/admin\s+admin\s+\/ ThiThu@2026/);
      expect(output()).toMatch(/teacher\s+giaovien/);
      const health = await fetch(`${url.replace('localhost', '127.0.0.1')}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const login = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'giaovien', password: 'ThiThu@2026' }),
      });
      expect(login.status).toBe(200);
      const metrics = await fetch(`${url.replace('localhost', '127.0.0.1')}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.json()).toMatchObject({
        eventLoopDelayMs: { p99: expect.any(Number) },
        candidateSockets: 0,
      });
      const openapi = await fetch(`${url.replace('localhost', '127.0.0.1')}/api/openapi.json`);
      const doc = (await openapi.json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/auth/login', '/api/students', '/api/classes/{id}/roster']),
      );
    } finally {
      const exited = exitOf(child);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
    expect(output()).toMatch(/Exam engine stopped: connections drained, database closed/);
    // Start (tsx, PGlite, demo seed) may take its full minute on a loaded CI machine.
  }, 120_000);

  it('refuses to start with a clear message for a bad setting', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: repoRoot,
      env: { ...store.env, PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toMatch(/Invalid configuration:\n\s+- PORT \(given "abc"\): must be a whole number/);
  });
});
