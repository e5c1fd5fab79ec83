/**
 * `tsx scripts/ci/slowest-tests.ts <vitest-json-report> [count]`: prints the slowest test files of a run
 * (wall time from the first test's start to the last one's end), so CI's own log says where its minutes go.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Report {
  startTime: number;
  testResults: Array<{ name: string; startTime: number; endTime: number; assertionResults: unknown[] }>;
}

const [file, count = '15'] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx scripts/ci/slowest-tests.ts <vitest-json-report> [count]');
  process.exit(2);
}
const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
const rows = report.testResults
  .map((r) => ({
    name: path.relative(process.cwd(), r.name),
    seconds: (r.endTime - r.startTime) / 1000,
    tests: r.assertionResults.length,
  }))
  .sort((a, b) => b.seconds - a.seconds);
const total = rows.reduce((sum, r) => sum + r.seconds, 0);
console.log(`${rows.length} test files, ${total.toFixed(0)} s of file time in all; the slowest:`);
for (const r of rows.slice(0, Number(count)))
  console.log(`${r.seconds.toFixed(1).padStart(7)} s  ${String(r.tests).padStart(3)} tests  ${r.name}`);
