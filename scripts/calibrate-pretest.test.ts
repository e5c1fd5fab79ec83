/**
 * `npm run calibrate -- --sitting <id>` on a linear sitting that seeded pretest items (issue 23):
 * 150 candidates (engine/tests/results/pretest-calibration-fixture.ts) each answered 8 operational
 * items, whose stored parameters are the bank's anchors, and the 4 pretest items, answering by the 2PL
 * at the fixture's generating parameters. The pretest answers were scored but count in no score (each
 * result's raw score is the operational items answered right, out of 8). The command (fixed-anchor
 * linking, the default) holds the 8 anchors and estimates the 4 pretest items on the bank's scale,
 * and --store writes them as new parameter versions (the anchors get none) with one audit row.
 * PGlite (a persistent data folder), or PostgreSQL when DATABASE_URL is set.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemParameterHistory } from '../item-bank/index.ts';
import { auditLog } from '../engine/people/tables.ts';
import { sessionResults } from '../engine/delivery/tables.ts';
import {
  buildPretestCalibrationSitting,
  OPERATIONAL,
  PRETEST,
} from '../engine/tests/results/pretest-calibration-fixture.ts';
import { createPersistentStore } from '../engine/tests/support/persistent-engine.ts';

const run = promisify(execFile);
const CANDIDATES = 150;
let store: Awaited<ReturnType<typeof createPersistentStore>>;
let fixture: Awaited<ReturnType<typeof buildPretestCalibrationSitting>>;
/** Each session's latest result: raw and maximum score. */
let results: { sessionId: string; rawScore: number; maxScore: number }[] = [];

const calibrate = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/calibrate.ts', ...args], {
    env: store.env,
    timeout: 240_000,
  });

beforeAll(async () => {
  store = await createPersistentStore();
  const engine = await store.open();
  try {
    fixture = await buildPretestCalibrationSitting(engine, CANDIDATES);
    const rows = await engine.deps.db
      .select()
      .from(sessionResults)
      .where(inArray(sessionResults.sessionId, [...fixture.rightOperational.keys()]))
      .orderBy(desc(sessionResults.version));
    const seen = new Set<string>();
    results = rows
      .filter((r) => !seen.has(r.sessionId) && seen.add(r.sessionId))
      .map((r) => ({ sessionId: r.sessionId, rawScore: Number(r.rawScore), maxScore: Number(r.maxScore) }));
  } finally {
    await engine.close();
  }
}, 900_000);

afterAll(async () => {
  await store?.remove();
});

describe('npm run calibrate -- --sitting on a sitting with pretest items', () => {
  it('the pretest answers were not scored: every raw score is the operational items right, out of 8', () => {
    expect(results).toHaveLength(CANDIDATES);
    for (const r of results) {
      expect(r.maxScore).toBe(OPERATIONAL.length);
      expect(r.rawScore).toBe(fixture.rightOperational.get(r.sessionId));
    }
  });

  it('calibrates the pretest items against the operational anchors and stores only them', async () => {
    const { stdout } = await calibrate([
      '--sitting',
      fixture.sitting.sittingId,
      '--store',
      '--min-responses',
      '100',
    ]);
    const lines = stdout.trim().split('\n');
    const summary = JSON.parse(lines.at(-1)!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(summary).toMatchObject({
      items: OPERATIONAL.length + PRETEST.length,
      estimated: PRETEST.length,
      anchors: OPERATIONAL.length,
      sampleSize: CANDIDATES,
      converged: true,
      linking: { method: 'fixed', anchors: OPERATIONAL.length },
    });
    // The table: anchors marked, pretest items estimated from every candidate's response.
    const row = (id: string) => lines.find((l) => l.startsWith(`${id} `))!.split(/\s{2,}/);
    for (let k = 0; k < OPERATIONAL.length; k++) expect(row(`O${k}`)[1]).toBe('2pl (anchor)');
    const estimates = PRETEST.map((_, k) => {
      const cells = row(`P${k}`);
      expect(cells[1]).toBe('2pl');
      expect(Number(cells[2])).toBe(CANDIDATES);
      return { a: Number(cells[3]), b: Number(cells[4]) };
    });
    // On the anchors' scale: the difficulties in the generating order and near them (150 responses each:
    // the standard error of b is about 0.15-0.25 here), the slopes positive.
    for (let k = 0; k < PRETEST.length; k++) {
      expect(Math.abs(estimates[k]!.b - PRETEST[k]!.b)).toBeLessThan(0.6);
      expect(estimates[k]!.a).toBeGreaterThan(0.5);
      if (k) expect(estimates[k]!.b).toBeGreaterThan(estimates[k - 1]!.b);
    }
    // Stored: a new version for each unflagged pretest item, marked with the sitting; none for an anchor.
    const engine = await store.open();
    try {
      const { db } = engine.deps;
      const storedPretest = [];
      for (let k = 0; k < PRETEST.length; k++) {
        const history = await itemParameterHistory(db, fixture.saved.itemIds[`P${k}`]!);
        if (history.length) {
          expect(history).toHaveLength(1);
          expect(history[0]).toMatchObject({
            version: 1,
            source: `database:sitting:${fixture.sitting.sittingId}`,
            sampleSize: CANDIDATES,
            flags: [],
          });
          expect((history[0]!.parameters as { b: number }).b).toBeCloseTo(estimates[k]!.b, 2);
          storedPretest.push(k);
        }
      }
      expect(summary.stored).toBe(storedPretest.length);
      expect(summary.stored).toBe(PRETEST.length - summary.flagged);
      expect(storedPretest.length).toBeGreaterThanOrEqual(3);
      for (let k = 0; k < OPERATIONAL.length; k++)
        expect(await itemParameterHistory(db, fixture.saved.itemIds[`O${k}`]!)).toHaveLength(1);
      const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'items.calibrate'));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ subjectType: 'sitting', subjectId: fixture.sitting.sittingId });
      expect(audit[0]!.details).toMatchObject({ via: 'cli', sampleSize: CANDIDATES });
    } finally {
      await engine.close();
    }
  }, 300_000);

  it('refuses an unknown sitting by name and writes nothing', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(calibrate(['--sitting', missing, '--store'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('The sitting was not found'),
    });
  }, 120_000);
});
