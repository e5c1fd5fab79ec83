/**
 * `npm run bench [-- <name> ...]`: runs the micro-benchmarks of every folder (or the named ones)
 * and writes their figures as one JSON file under load-tests/results/.
 *
 * A benchmark is a file `<folder>/bench/<name>.bench.ts` that exports
 * `run(): Promise<Record<string, unknown>>`, printing progress as it likes and returning its figures.
 * The name is the file name without `.bench.ts` (`scoring`, `item-bank`, `code`, `reports`).
 */
import { mkdirSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['item-bank', 'grading', 'engine', 'proctor', 'delivery-client', 'load-tests'];

interface BenchModule {
  run(): Promise<Record<string, unknown>>;
}

function findBenchmarks(): Map<string, string> {
  const found = new Map<string, string>();
  for (const folder of FOLDERS) {
    const dir = path.join(root, folder, 'bench');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.bench.ts')) found.set(file.slice(0, -'.bench.ts'.length), path.join(dir, file));
    }
  }
  return found;
}

const available = findBenchmarks();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !available.has(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}; available: ${[...available.keys()].join(', ')}`);
  process.exit(2);
}

const figures: Record<string, unknown> = {
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  startedAt: new Date().toISOString(),
};
for (const [name, file] of available) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`== bench ${name}`);
  const bench = (await import(pathToFileURL(file).href)) as BenchModule;
  figures[name] = await bench.run();
}

const outDir = path.join(root, 'load-tests', 'results');
mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(outFile, JSON.stringify(figures, null, 2) + '\n');
console.log(`figures written to ${path.relative(root, outFile)}`);
console.log(JSON.stringify(figures));
