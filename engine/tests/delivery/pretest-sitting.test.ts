/**
 * Pretest items seeded into live forms (issue 23): a linear and an adaptive sitting name
 * uncalibrated bank items and a rate; each candidate's form gets them at that rate, placed by the
 * session's seed (the stored form is what `assembleForm(spec, seed)` rebuilds). Candidates take the
 * sittings over real Socket.IO: nothing they receive marks a pretest item; the item is answered,
 * stored and scored by its QTI processing, but the score, maximum, θ, section points, score report
 * and e-records payload are the same whatever was answered to it (re-scoring with the pretest
 * items marked right and wrong changes none of them); the calibration matrix of the sitting holds
 * the pretest responses. PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibration } from '../../../grading/index.ts';
import { saveItemParameters } from '../../../item-bank/index.ts';
import { replayAdaptiveSession } from '../../delivery/adaptive/index.ts';
import { candidateSessions } from '../../delivery/tables.ts';
import { createQtiScorer } from '../../results/qti-scorer.ts';
import { loadSittingReports } from '../../results/routes/reports/load-reports.ts';
import { loadItemHistory } from '../../results/routes/items-statistics/load-item-history.ts';
import { scoreSession } from '../../results/score-session.ts';
import { erecordsOutbox } from '../../results/tables.ts';
import { assembleForm, FormSpec, type AssembledForm } from '../../sittings/form.ts';
import { isPretest } from '../../sittings/pretest.ts';
import { sittings } from '../../sittings/tables.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { request, type CandidateClient } from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import {
  buildRulesSitting,
  choiceItemXml,
  saveAnswer,
  saveItems,
  scoredEvent,
  startCandidate,
} from '../stored-test-sitting.ts';

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let saved: Awaited<ReturnType<typeof saveItems>>;
const sockets: CandidateClient[] = [];
const scorer = createQtiScorer();
// Operational items L0..L5 and pretest items L6..L9 (one series: the names tell nothing), and a
// calibrated pool P0..P11 for the adaptive sitting.
const linearIds = () => [0, 1, 2, 3, 4, 5].map((k) => saved.itemIds[`L${k}`]!);
const pretestIds = () => [6, 7, 8, 9].map((k) => saved.itemIds[`L${k}`]!);
const poolIds = () => Array.from({ length: 12 }, (_, k) => saved.itemIds[`P${k}`]!);

beforeAll(async () => {
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const xml: Record<string, string> = {};
  for (let k = 0; k < 10; k++) xml[`L${k}`] = choiceItemXml(`L${k}`);
  for (let k = 0; k < 12; k++) xml[`P${k}`] = choiceItemXml(`P${k}`);
  saved = await saveItems(engine, tree, xml);
  await saveItemParameters(
    engine.deps.db,
    Array.from({ length: 12 }, (_, k) => ({
      itemId: saved.itemIds[`P${k}`]!,
      model: '2pl',
      parameters: { model: '2pl', a: 1 + (k % 3) * 0.2, b: -2 + (4 * k) / 11 },
      sampleSize: 500,
    })),
    { source: 'database' },
  );
}, 180_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

interface Run {
  sessionId: string;
  snapshots: unknown[];
  payloads: unknown[];
  form: AssembledForm;
}

const storedForm = async (sessionId: string) => {
  const [row] = await engine.deps.db
    .select({ form: candidateSessions.form, seed: candidateSessions.seed })
    .from(candidateSessions)
    .where(eq(candidateSessions.id, sessionId));
  return { form: row!.form as AssembledForm, seed: row!.seed };
};

/** Takes a linear sitting to the end: operational items right, pretest items as `pretestAnswer`. */
async function take(
  sitting: Awaited<ReturnType<typeof buildRulesSitting>>,
  index: number,
  pretestAnswer: string,
): Promise<Run> {
  const { socket, sessionId, snapshot } = await startCandidate(
    engine,
    port,
    sitting.accessCode,
    sitting.candidates[index]!,
    sockets,
  );
  const snapshots: unknown[] = [snapshot];
  const payloads: unknown[] = [];
  let position = snapshot.position;
  for (let guard = 0; guard < 30; guard++) {
    const fetched = await request(socket, 'item:fetch', { position });
    if (!fetched.ok) throw new Error(JSON.stringify(fetched));
    payloads.push(fetched);
    const entry = (await storedForm(sessionId)).form.entries[position]!;
    const answer = isPretest(entry) ? pretestAnswer : 'A';
    expect((await saveAnswer(socket, fetched.itemRef, 1, answer)).ok).toBe(true);
    const moved = await request(socket, 'navigate', { position: position + 1 });
    if (!moved.ok || moved.ended) break;
    position = moved.position;
    const resumed = await request(socket, 'session:resume', {});
    if (!resumed.ok) throw new Error(JSON.stringify(resumed));
    snapshots.push(resumed.snapshot);
  }
  expect(await request(socket, 'submit', { confirm: true })).toMatchObject({ ok: true });
  await scoredEvent(engine, sessionId);
  return { sessionId, snapshots, payloads, form: (await storedForm(sessionId)).form };
}

/** The candidate payloads say nothing of pretest items: no word, and the same fields as their neighbours. */
function expectNoMarker(run: Run) {
  for (const x of [...run.snapshots, ...run.payloads]) expect(JSON.stringify(x)).not.toMatch(/pretest/i);
  for (const snapshot of run.snapshots as { form: Record<string, unknown>[] }[]) {
    const shapes = new Set(snapshot.form.map((e) => Object.keys(e).sort().join(',')));
    expect(shapes.size).toBe(1);
  }
  const shapes = new Set(
    (run.payloads as { item: Record<string, unknown> }[]).map((p) => Object.keys(p.item).sort().join(',')),
  );
  expect(shapes.size).toBe(1);
}

/** Re-scores a session with its pretest items marked full and then zero: nothing counted may move. */
async function rescoredBothWays(sessionId: string, form: AssembledForm) {
  const pretestRefs = form.entries.filter(isPretest).map((e) => e.itemRef);
  const marks = (value: number) => Object.fromEntries(pretestRefs.map((ref) => [ref, value]));
  const full = await scoreSession(engine.deps.db, scorer, sessionId, 're-mark: right', marks(1));
  const none = await scoreSession(engine.deps.db, scorer, sessionId, 're-mark: wrong', marks(0));
  for (const ref of pretestRefs) {
    expect(full.items[ref]).toMatchObject({ score: 1, pretest: true });
    expect(none.items[ref]).toMatchObject({ score: 0, pretest: true });
  }
  return { full, none };
}

describe('pretest items in a linear sitting', () => {
  let sitting: Awaited<ReturnType<typeof buildRulesSitting>>;
  const runs: Run[] = [];

  beforeAll(async () => {
    sitting = await buildRulesSitting(engine, tree, {
      students: 2,
      form: {
        navigationMode: 'linear',
        sections: [
          {
            identifier: 'S1',
            title: 'Phần 1',
            shuffle: true,
            items: linearIds().map((itemId) => ({ itemId })),
          },
        ],
        pretest: { items: pretestIds().map((itemId) => ({ itemId })), rate: { kind: 'per-form', count: 2 } },
      },
    });
    runs.push(await take(sitting, 0, 'A'));
    runs.push(await take(sitting, 1, 'B'));
  }, 180_000);

  it('places the rate of pretest items by the session seed: the stored form is the seed’s form', async () => {
    const [row] = await engine.deps.db
      .select({ formSpec: sittings.formSpec })
      .from(sittings)
      .where(eq(sittings.id, sitting.sittingId));
    const spec = FormSpec.parse(row!.formSpec);
    for (const run of runs) {
      const { form, seed } = await storedForm(run.sessionId);
      expect(form).toEqual(assembleForm(spec, seed));
      expect(form.entries).toHaveLength(8);
      expect(form.entries.filter(isPretest)).toHaveLength(2);
      expect(form.entries.filter(isPretest).every((e) => /^L[6-9]$/.test(e.itemRef))).toBe(true);
    }
  });

  it('tells the candidate nothing: no marker, the same fields, delivered like any item', () => {
    for (const run of runs) {
      expectNoMarker(run);
      expect(run.payloads).toHaveLength(8);
    }
  });

  it('keeps the pretest responses for calibration: the sitting’s matrix holds them', async () => {
    const history = (await loadItemHistory(engine.deps.db, { bankId: saved.bankId }, '')).filter(
      (s) => s.id === sitting.sittingId,
    );
    const ids = [...linearIds(), ...pretestIds()];
    const matrix = calibration.matrixFromHistory(history, ids);
    // One row per session (in no set order): operational items right, the pretest items given right
    // by the first candidate and wrong by the second, and missing where not given.
    const expected = runs.map((run, r) => {
      const given = new Set(run.form.entries.filter(isPretest).map((e) => e.itemRef));
      return [1, 1, 1, 1, 1, 1, ...[6, 7, 8, 9].map((k) => (given.has(`L${k}`) ? (r === 0 ? 1 : 0) : null))];
    });
    const sorted = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();
    expect(sorted(matrix.rows)).toEqual(sorted(expected));
    expect(matrix.items).toHaveLength(10);
  });

  it('scores the pretest answers but counts them nowhere: score, sections, report, e-records', async () => {
    const db = engine.deps.db;
    for (const run of runs) {
      const scored = (await scoredEvent(engine, run.sessionId)) as unknown as {
        rawScore: number;
        maxScore: number;
      };
      // Both answered every operational item right; one got the pretest items right, the other wrong.
      expect([scored.rawScore, scored.maxScore]).toEqual([6, 6]);
      const { full, none } = await rescoredBothWays(run.sessionId, run.form);
      for (const r of [full, none]) {
        expect([r.rawScore, r.maxScore, r.scaledScore, r.rating]).toEqual([6, 6, 10, full.rating]);
        expect(r.test?.totals).toEqual(full.test?.totals);
      }
      const rows = await db.select().from(erecordsOutbox).where(eq(erecordsOutbox.sessionId, run.sessionId));
      expect(rows.length).toBe(3);
      for (const row of rows) {
        expect(JSON.stringify(row.payload)).not.toMatch(/pretest/i);
        expect((row.payload as { scores: unknown }).scores).toEqual({ raw: 6, max: 6, tenPoint: 10 });
      }
    }
    await db.update(sittings).set({ releasePolicy: 'with_items' }).where(eq(sittings.id, sitting.sittingId));
    const { candidates } = await loadSittingReports(db, sitting.sittingId, {
      secret: engine.config.jwtSecret,
      baseUrl: 'http://localhost',
    });
    expect(candidates).toHaveLength(2);
    for (const c of candidates) {
      expect(c.result).toMatchObject({ raw: 6, max: 6 });
      expect(c.sections).toEqual([{ name: 'Phần 1', score: 6, max: 6 }]);
      expect(c.competencies).toEqual([]);
      expect(c.items).toHaveLength(6);
      expect(c.items!.every((item) => item.max === 1 && item.score === 1)).toBe(true);
    }
  });
});

describe('pretest items in an adaptive sitting', () => {
  let sitting: Awaited<ReturnType<typeof buildRulesSitting>>;
  const runs: Run[] = [];

  beforeAll(async () => {
    sitting = await buildRulesSitting(engine, tree, {
      students: 2,
      form: {
        navigationMode: 'linear',
        sections: [
          {
            identifier: 'CAT',
            title: 'Thích ứng',
            adaptive: {
              stop: { minItems: 6, maxItems: 6 },
              exposure: { kind: 'randomesque', k: 2 },
              seed: 5,
            },
            items: poolIds().map((itemId) => ({ itemId })),
          },
        ],
        pretest: {
          items: pretestIds().map((itemId) => ({ itemId })),
          rate: { kind: 'every', operational: 3 },
        },
      },
    });
    runs.push(await take(sitting, 0, 'A'));
    runs.push(await take(sitting, 1, 'B'));
  }, 180_000);

  it('seeds one pretest item in each run of three places, named like the CAT’s places', () => {
    for (const run of runs) {
      expect(run.form.entries.map((e) => e.itemRef)).toEqual(
        Array.from({ length: 8 }, (_, i) => `CAT-${i + 1}`),
      );
      expect(run.form.entries.filter(isPretest)).toHaveLength(2);
      expect(run.form.entries.filter((e) => e.adaptive?.poolRef)).toHaveLength(6);
      expectNoMarker(run);
    }
  });

  it('leaves θ, its SE and the score alone, and the CAT log replays', async () => {
    for (const run of runs) {
      const { full, none } = await rescoredBothWays(run.sessionId, run.form);
      expect([full.rawScore, full.maxScore]).toEqual([none.rawScore, none.maxScore]);
      expect(full.maxScore).toBe(6);
      expect(full.adaptive).toEqual(none.adaptive);
      expect(full.adaptive!.items).toBe(6);
      const [replayed] = await replayAdaptiveSession(engine.deps.db, run.sessionId);
      expect(replayed!.mismatches).toEqual([]);
      expect(replayed!.served).toHaveLength(6);
    }
  });
});

describe('pretest items after the places of a CAT that stops early', () => {
  it('are still delivered, move up in the form, and stay out of θ and the score', async () => {
    const sitting = await buildRulesSitting(engine, tree, {
      students: 1,
      form: {
        navigationMode: 'linear',
        sections: [
          {
            identifier: 'CAT',
            // Stops by its SE rule at the minimum: 2 of 8 places used.
            adaptive: { stop: { minItems: 2, maxItems: 8, se: 2 }, seed: 1 },
            items: poolIds().map((itemId) => ({ itemId })),
          },
        ],
        pretest: { items: pretestIds().map((itemId) => ({ itemId })), rate: { kind: 'per-form', count: 4 } },
      },
    });
    const run = await take(sitting, 0, 'A');
    // 4 distinct places among 8: at least two stand after the CAT's second item.
    expect(run.form.entries).toHaveLength(6);
    expect(run.form.entries.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(run.form.entries.filter(isPretest)).toHaveLength(4);
    expect(run.form.entries.filter((e) => e.adaptive?.poolRef)).toHaveLength(2);
    expect(run.payloads).toHaveLength(6);
    expectNoMarker(run);
    const scored = (await scoredEvent(engine, run.sessionId)) as unknown as {
      rawScore: number;
      maxScore: number;
      adaptive: { items: number; stop: string };
    };
    expect([scored.rawScore, scored.maxScore]).toEqual([2, 2]);
    expect(scored.adaptive).toMatchObject({ items: 2, stop: 'se' });
    const [replayed] = await replayAdaptiveSession(engine.deps.db, run.sessionId);
    expect(replayed!.mismatches).toEqual([]);
  }, 120_000);
});
