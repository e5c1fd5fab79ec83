/**
 * `npm run report -- --demo <out.pdf>`: a candidate score report from generated data (with its
 * sitting summary beside it as `<out>-tong-hop.pdf`), for a first look without a database.
 * `npm run report -- --sitting <id> --out <dir>`: every candidate report of a sitting (final
 * results only; pending ones are counted, not printed), the sitting summary, and a zip of all of
 * them, from the engine's database. Each report is drawn once, in the render pool's worker
 * threads, and written both as its own file and into the zip.
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import {
  createRenderPool,
  demoCandidateReport,
  demoCandidates,
  demoSittingSummary,
  renderCandidateReport,
  renderSittingSummary,
  zipReports,
} from '../grading/index.ts';

const { values } = parseArgs({
  options: {
    demo: { type: 'string' },
    sitting: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help || (!values.demo && !(values.sitting && values.out))) {
  console.log(
    'Usage: npm run report -- --demo <out.pdf>\n       npm run report -- --sitting <id> --out <dir>',
  );
  process.exit(values.help ? 0 : 1);
}

if (values.demo) {
  const candidates = demoCandidates();
  const out = path.resolve(values.demo);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, await renderCandidateReport(demoCandidateReport(candidates[0]!, 0)));
  const summary = out.replace(/\.pdf$/i, '') + '-tong-hop.pdf';
  writeFileSync(summary, await renderSittingSummary(demoSittingSummary(candidates)));
  console.log(`Demo score report written to ${out}\nSitting summary written to ${summary}`);
} else {
  const { createEngine, loadConfig } = await import('../engine/index.ts');
  const { loadSittingReports } = await import('../engine/results/routes/reports/load-reports.ts');
  const engine = await createEngine(loadConfig());
  try {
    const dir = path.resolve(values.out!);
    mkdirSync(dir, { recursive: true });
    const { config } = engine.deps;
    const loaded = await loadSittingReports(engine.deps.db, values.sitting!, {
      secret: config.jwtSecret,
      baseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    });
    writeFileSync(path.join(dir, 'tong-hop.pdf'), await renderSittingSummary(loaded.summary));
    const workers = Math.max(1, Math.min(loaded.candidates.length, availableParallelism()));
    const pool = createRenderPool(workers);
    try {
      const entries = loaded.candidates.map((data) => {
        const name = `${data.candidate.candidateNumber}.pdf`;
        return {
          name,
          render: async () => {
            const pdf = await pool.render(data);
            writeFileSync(path.join(dir, name), pdf);
            return pdf;
          },
        };
      });
      await pipeline(
        zipReports(entries, (p) => process.stdout.write(`\r${p.done}/${p.total} ${p.name}   `), {
          concurrency: workers * 2,
        }),
        createWriteStream(path.join(dir, 'phieu-bao-diem.zip')),
      );
      console.log(`\n${entries.length} reports, the summary and phieu-bao-diem.zip written to ${dir}`);
      if (loaded.pending)
        console.log(
          `${loaded.pending} result(s) still being marked (not final): no report printed for them.`,
        );
    } finally {
      await pool.close();
    }
  } finally {
    await engine.close();
  }
}
