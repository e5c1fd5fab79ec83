/**
 * `npm run calibrate -- --sitting <id>` (issue 23): calibrates from the scored sessions of one
 * sitting stored in the engine's database. The sitting is adaptive (each simulated candidate was
 * given 10 of a 20-item pool by the CAT, answering by the 2PL at their own ability), so the matrix
 * is sparse; with --link none every pool item is estimated afresh, the estimates follow the
 * generating difficulties, and --store writes them as new parameter versions marked with the
 * sitting. Bad ids are refused by name. PGlite (a persistent data folder), or PostgreSQL when
 * DATABASE_URL is set.
 */
import { execFile } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../grading/index.ts';
import { itemParameterHistory, saveItemParameters } from '../item-bank/index.ts';
import { ensureAdaptiveItem, storedForm } from '../engine/delivery/adaptive/index.ts';
import { navigate } from '../engine/delivery/route-commands.ts';
import { candidateSessions } from '../engine/delivery/tables.ts';
import { startSession, submitSession } from '../engine/delivery/session-commands.ts';
import { createQtiScorer } from '../engine/results/qti-scorer.ts';
import { scoreSession } from '../engine/results/score-session.ts';
import { checkInCandidate } from '../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../engine/tests/support/factories.ts';
import { createPersistentStore } from '../engine/tests/support/persistent-engine.ts';
import type { TestEngine } from '../engine/tests/support/test-engine.ts';
import { buildRulesSitting, choiceItemXml, saveItems } from '../engine/tests/stored-test-sitting.ts';

const run = promisify(execFile);
const POOL = 20;
const CANDIDATES = 80;
const trueB = (k: number) => -2 + (4 * k) / (POOL - 1);
let store: Awaited<ReturnType<typeof createPersistentStore>>;
let sittingId: string;
let itemIds: Record<string, string>;
/** Pool items the CAT gave at least once. */
const given = new Set<string>();

const calibrate = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/calibrate.ts', ...args], {
    env: store.env,
    timeout: 240_000,
  });

beforeAll(async () => {
  store = await createPersistentStore();
  const engine = (await store.open()) as unknown as TestEngine;
  try {
    const { db } = engine.deps;
    const tree = await buildOrganisationTree(db);
    const saved = await saveItems(
      engine,
      tree,
      Object.fromEntries(Array.from({ length: POOL }, (_, k) => [`C${k}`, choiceItemXml(`C${k}`)])),
    );
    itemIds = saved.itemIds;
    // The bank's parameters before this sitting: a rough earlier calibration (b shrunk towards 0).
    await saveItemParameters(
      db,
      Array.from({ length: POOL }, (_, k) => ({
        itemId: itemIds[`C${k}`]!,
        model: '2pl',
        parameters: { model: '2pl' as const, a: 1, b: 0.5 * trueB(k) },
        sampleSize: 100,
      })),
      { source: 'file:prior.csv' },
    );
    const sitting = await buildRulesSitting(engine, tree, {
      students: CANDIDATES,
      form: {
        navigationMode: 'linear',
        sections: [
          {
            identifier: 'CAT',
            title: 'Thích ứng',
            adaptive: { exposure: { kind: 'randomesque', k: 6 }, stop: { minItems: 10, maxItems: 10 } },
            items: Object.values(itemIds).map((itemId) => ({ itemId })),
          },
        ],
      },
    });
    sittingId = sitting.sittingId;
    const rng = seededRandom(2026);
    const scorer = createQtiScorer();
    for (const [index, candidate] of sitting.candidates.entries()) {
      const theta = 2.5 * (rng() * 2 - 1);
      const { sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
      // Session seeds drawn at check-in decide the CAT's randomesque draws: fixed here, so every run gives the
      // same sparse matrix (with random seeds the estimates' correlation ranged from under 0.5 upwards).
      await db
        .update(candidateSessions)
        .set({ seed: 104_729 * (index + 1) })
        .where(eq(candidateSessions.id, sessionId));
      await startSession(db, sessionId);
      await ensureAdaptiveItem(db, sessionId);
      for (let position = 0; ;) {
        const entry = (await storedForm(db, sessionId)).entries[position]!;
        given.add(entry.adaptive!.poolRef!);
        const b = trueB(Number(entry.adaptive!.poolRef!.slice(1)));
        const right = rng() < 1 / (1 + Math.exp(-1.3 * (theta - b)));
        const written = await engine.writer.save({
          sessionId,
          itemRef: entry.itemRef,
          seq: 1,
          responses: { RESPONSE: right ? 'A' : 'B' },
        });
        if (!written.ok) throw written.error;
        if (entry.adaptive!.slot === 10) break;
        position = (await navigate(db, sessionId, position + 1)).position;
      }
      await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
      await scoreSession(db, scorer, sessionId);
    }
  } finally {
    await engine.close();
  }
}, 600_000);

afterAll(async () => {
  await store?.remove();
});

describe('npm run calibrate -- --sitting', () => {
  it('calibrates the pool from the sitting’s stored sessions and stores the estimates as new versions', async () => {
    const { stdout } = await calibrate([
      '--sitting',
      sittingId,
      '--link',
      'none',
      '--store',
      '--include-flagged',
    ]);
    const lines = stdout.trim().split('\n');
    const summary = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(given.size).toBeGreaterThan(POOL / 2);
    expect(summary).toMatchObject({
      items: given.size,
      estimated: given.size,
      sampleSize: CANDIDATES,
      stored: given.size,
      linking: { method: 'none' },
    });
    // The table names each item by its identifier, with its estimated difficulty.
    const bOf = new Map(
      lines
        .filter((l) => /^C\d+\s/.test(l))
        .map((l) => {
          const [id, , , , b] = l.split(/\s+/);
          return [id!, Number(b)] as const;
        }),
    );
    expect([...bOf.keys()].sort()).toEqual([...given].sort());
    // Estimates follow the generating difficulties (correlation of the b's).
    const ks = [...given].map((ref) => Number(ref.slice(1)));
    const xs = ks.map(trueB);
    const ys = ks.map((k) => bOf.get(`C${k}`)!);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const [mx, my] = [mean(xs), mean(ys)];
    const cov = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
    const r =
      cov / Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0) * ys.reduce((s, y) => s + (y - my) ** 2, 0));
    console.log(`correlation of estimated and generating difficulties: ${r.toFixed(3)}`);
    expect(r).toBeGreaterThan(0.8);

    const engine = await store.open();
    try {
      const history = await itemParameterHistory(engine.deps.db, itemIds[[...given][0]!]!);
      expect(history.map((h) => [h.version, h.source])).toEqual([
        [2, `database:sitting:${sittingId}`],
        [1, 'file:prior.csv'],
      ]);
      expect(history[0]!.sampleSize).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  }, 300_000);

  it('refuses an id that is not a sitting id, and an unknown sitting, by name', async () => {
    await expect(calibrate(['--sitting', 'abc'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--sitting: abc is not a sitting id'),
    });
    const none = '00000000-0000-4000-8000-000000000000';
    await expect(calibrate(['--sitting', none])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('The sitting was not found'),
    });
  }, 120_000);
});
