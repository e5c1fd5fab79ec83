/**
 * Vitest global setup: builds the browser apps once, before any test file runs, when the build is
 * missing or older than their sources. (Test files running side by side must not build at once.)
 * The build goes to a folder of its own and replaces `dist/` only when complete: another test run
 * serving `dist/` at that moment (a second checkout's run, a developer's) never sees it half empty.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** What the browser bundles are built from. */
const SOURCES = ['delivery-client', 'engine/client.ts', 'engine/protocol', 'item-bank', 'proctor'];
const SKIP = /(^|\/)(dist|e2e|node_modules|test|bench|eval)(\/|$)|\.test\.tsx?$/;

function newestSource(): number {
  let newest = 0;
  for (const source of SOURCES) {
    const full = path.join(root, source);
    if (!existsSync(full)) continue;
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, encoding: 'utf8' }).map((f) => path.join(source, f))
      : [source];
    for (const file of files) {
      if (SKIP.test(file)) continue;
      newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
    }
  }
  return newest;
}

export default async function setup(): Promise<void> {
  const built = path.join(root, 'delivery-client/dist/candidate/index.html');
  if (existsSync(built) && statSync(built).mtimeMs > newestSource()) return;
  const dist = path.join(root, 'delivery-client/dist');
  const next = `${dist}.next-${process.pid}`;
  const old = `${dist}.old-${process.pid}`;
  // The build is stamped with the time it read its sources, not the time it ended: a source saved while
  // it ran is newer than the stamp, so the next run builds again instead of serving the older code.
  const started = new Date();
  try {
    await build({
      configFile: path.join(root, 'delivery-client/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: next, emptyOutDir: true },
    });
    utimesSync(path.join(next, 'candidate/index.html'), started, started);
    // Another run's build that started later has landed meanwhile: it is the newer code, keep it.
    if (existsSync(built) && statSync(built).mtimeMs > started.getTime()) return;
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(next, dist);
  } finally {
    rmSync(next, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}
