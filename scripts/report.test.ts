/**
 * `npm run report`: `--demo out.pdf` writes a valid demo report (and its sitting summary) with no
 * database; `--sitting <id> --out <dir>` writes one PDF per final result, the summary and a zip
 * of the same reports, from the engine's database (a persistent store the test fills first).
 * Needs poppler-utils (pdfinfo). PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProjection } from '../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../engine/tests/support/factories.ts';
import { createPersistentStore } from '../engine/tests/support/persistent-engine.ts';
import { buildScoredSitting } from '../engine/tests/support/results-fixtures.ts';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'report-cli-'));
let store: Awaited<ReturnType<typeof createPersistentStore>>;

const report = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], { env, timeout: 240_000 });

/** Pages of a PDF as pdfinfo reads it (it fails on a file that is not a valid PDF). */
async function pagesOf(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

beforeAll(async () => {
  store = await createPersistentStore();
});
afterAll(async () => {
  await store?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run report', () => {
  it('--demo <out.pdf> writes a valid score report and its sitting summary', async () => {
    const out = path.join(dir, 'demo', 'phieu.pdf');
    const { stdout } = await report(['--demo', out]);
    expect(stdout).toContain(out);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pagesOf(out)).toBeGreaterThanOrEqual(1);
    expect(await pagesOf(path.join(dir, 'demo', 'phieu-tong-hop.pdf'))).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('without arguments prints the usage and fails', async () => {
    await expect(report([])).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('--sitting') });
  }, 60_000);

  it('--sitting <id> --out <dir> writes one PDF per candidate, the summary and a zip of the same PDFs', async () => {
    const engine = await store.open({ candidateProjection: testProjection });
    let sittingId: string;
    let numbers: string[];
    try {
      const tree = await buildOrganisationTree(engine.deps.db);
      const scored = await buildScoredSitting(engine, tree, { students: 3, organisationId: tree.schoolA.id });
      sittingId = scored.sittingId;
      numbers = scored.sessions.map((s) => s.candidateNumber);
    } finally {
      await engine.close();
    }
    const out = path.join(dir, 'sitting');
    const { stdout } = await report(['--sitting', sittingId, '--out', out], store.env);
    expect(stdout).toContain('3 reports');
    const files = readdirSync(out).sort();
    expect(files).toEqual([...numbers.map((n) => `${n}.pdf`), 'phieu-bao-diem.zip', 'tong-hop.pdf'].sort());
    for (const file of files.filter((f) => f.endsWith('.pdf')))
      expect(await pagesOf(path.join(out, file)), file).toBeGreaterThanOrEqual(1);
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, 'phieu-bao-diem.zip')));
    expect(Object.keys(zip.files).sort()).toEqual(numbers.map((n) => `${n}.pdf`).sort());
    // The zip holds the very PDFs written beside it (each report is drawn once).
    for (const n of numbers)
      expect(
        (await zip.file(`${n}.pdf`)!.async('nodebuffer')).equals(readFileSync(path.join(out, `${n}.pdf`))),
      ).toBe(true);
  }, 240_000);
});
