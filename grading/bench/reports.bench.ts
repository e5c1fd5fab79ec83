/**
 * `npm run bench -- reports`: candidate score reports per second, rendered by a pool of worker
 * threads (one per core) from generated data, with a bounded number of reports in flight.
 * Target: 10,000 reports in under 60 s on a 2-core machine. `REPORTS_BENCH_COUNT` changes the count.
 * Also reports the CPU time per report (all threads of the process: main thread and workers), and
 * the rate that CPU time allows on this machine's cores, because the wall-clock rate depends on
 * what else the machine runs at the time (see the load average).
 */
import { availableParallelism, loadavg } from 'node:os';
import { demoCandidateReport, demoCandidates } from '../reports/demo-data.ts';
import { createRenderPool } from '../reports/render-pool.ts';

export async function run(): Promise<Record<string, unknown>> {
  const count = Number(process.env.REPORTS_BENCH_COUNT ?? 10_000);
  const workers = availableParallelism();
  const candidates = demoCandidates(500);
  const pool = createRenderPool(workers);
  // Warm up each worker (fonts parsed, code compiled) before timing.
  await Promise.all(
    Array.from({ length: workers * 4 }, (_, i) => pool.render(demoCandidateReport(candidates[i]!, i))),
  );
  const loadBefore = loadavg()[0];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let bytes = 0;
  let done = 0;
  let issued = 0;
  const inFlight = workers * 8;
  await new Promise<void>((resolve, reject) => {
    const issue = () => {
      if (issued >= count) return;
      const i = issued++;
      pool.render(demoCandidateReport(candidates[i % candidates.length]!, i)).then((pdf) => {
        bytes += pdf.length;
        done++;
        if (done % 1000 === 0)
          console.log(`  ${done} reports, ${((performance.now() - started) / 1000).toFixed(1)} s`);
        if (done === count) resolve();
        else issue();
      }, reject);
    };
    for (let k = 0; k < inFlight; k++) issue();
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerReport = (cpu.user + cpu.system) / 1000 / count;
  await pool.close();
  return {
    reports: count,
    workers,
    seconds: Number(seconds.toFixed(2)),
    reportsPerSecond: Number((count / seconds).toFixed(1)),
    projectedSecondsFor10k: Number(((10_000 / count) * seconds).toFixed(1)),
    target: '10,000 in < 60 s',
    met: (10_000 / count) * seconds < 60,
    cpuMsPerReport: Number(cpuMsPerReport.toFixed(2)),
    cpuBoundReportsPerSecond: Number(((1000 / cpuMsPerReport) * workers).toFixed(1)),
    meanPdfKiB: Number((bytes / count / 1024).toFixed(1)),
    loadAverageAtStart: loadBefore,
    loadAverageAtEnd: loadavg()[0],
  };
}
