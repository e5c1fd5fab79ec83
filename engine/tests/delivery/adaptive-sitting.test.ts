/**
 * Adaptive sections in delivery (issue 23): a sitting whose form's last section is adaptive
 * (a pool of real QTI items with stored parameters, pinned at scheduling) is taken over real
 * Socket.IO by candidates who answer as their ability says; the engine scores each answer on the
 * server, the CAT chooses the next item, the candidate gets it through item:fetch like any linear
 * item, no key ever reaches the socket, the CAT stops by its rule and the form keeps only the
 * items given; every decision is stored and a replay reproduces each choice (a changed seed does
 * not). Scheduling refuses a pool item without parameters and a nonlinear adaptive form.
 * PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { renderCandidateReport } from '../../../grading/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveItemParameters } from '../../../item-bank/index.ts';
import { replayAdaptiveSession } from '../../delivery/adaptive/index.ts';
import { candidateSessions } from '../../delivery/tables.ts';
import { loadSittingReports } from '../../results/routes/reports/load-reports.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import { request, type CandidateClient } from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import {
  buildRulesSitting,
  choiceItemXml,
  eventsOf,
  saveAnswer,
  saveItems,
  scoredEvent,
  startCandidate,
} from '../stored-test-sitting.ts';

const POOL = 30;
let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let itemIds: Record<string, string>;
const sockets: CandidateClient[] = [];
/** Item Pk: 2PL a = 0.8..1.7, b spread over [-2.5, 2.5]. */
const params = (k: number) => ({
  model: '2pl' as const,
  a: 0.8 + (k % 4) * 0.3,
  b: -2.5 + (5 * k) / (POOL - 1),
});

const adaptiveForm = (adaptive: Record<string, unknown>, ids = Object.values(itemIds)) => ({
  navigationMode: 'linear',
  sections: [{ identifier: 'CAT', title: 'Thích ứng', adaptive, items: ids.map((itemId) => ({ itemId })) }],
});

beforeAll(async () => {
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const xml = Object.fromEntries(Array.from({ length: POOL }, (_, k) => [`P${k}`, choiceItemXml(`P${k}`)]));
  const saved = await saveItems(engine, tree, xml);
  itemIds = saved.itemIds;
  // Stored parameters (what `npm run calibrate --store` writes), one version per item.
  await saveItemParameters(
    engine.deps.db,
    Array.from({ length: POOL }, (_, k) => ({
      itemId: itemIds[`P${k}`]!,
      model: '2pl',
      parameters: params(k),
      sampleSize: 800,
    })),
    { source: 'database' },
  );
}, 120_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

/** Answers like a candidate of ability theta (deterministic: right when P(theta) >= 0.5). */
const answerOf = (theta: number, poolRef: string) => {
  const k = Number(poolRef.slice(1));
  const { a, b } = params(k);
  return 1 / (1 + Math.exp(-a * (theta - b))) >= 0.5 ? 'A' : 'B';
};

async function takeAdaptive(
  sitting: Awaited<ReturnType<typeof buildRulesSitting>>,
  index: number,
  theta: number,
) {
  const { socket, sessionId, snapshot } = await startCandidate(
    engine,
    port,
    sitting.accessCode,
    sitting.candidates[index]!,
    sockets,
  );
  const seen: string[] = [];
  const payloads: string[] = [];
  let position = snapshot.position;
  let total = snapshot.form.length;
  for (let guard = 0; guard < 40; guard++) {
    const fetched = await request(socket, 'item:fetch', { position });
    if (!fetched.ok) throw new Error(JSON.stringify(fetched));
    payloads.push(JSON.stringify(fetched.item));
    const [row] = await engine.deps.db
      .select({ form: candidateSessions.form })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId));
    const entry = (row!.form as AssembledForm).entries[position]!;
    seen.push(entry.adaptive!.poolRef!);
    // The next place is not open before this answer is in.
    if (position + 1 < total)
      expect(await request(socket, 'item:fetch', { position: position + 1 })).toMatchObject({ ok: false });
    const saved = await saveAnswer(socket, fetched.itemRef, 1, answerOf(theta, entry.adaptive!.poolRef!));
    expect(saved.ok).toBe(true);
    const moved = await request(socket, 'navigate', { position: position + 1 });
    if (!moved.ok) {
      // The last place: nothing follows.
      expect(position + 1).toBe(total);
      break;
    }
    if (moved.ended) break;
    position = moved.position;
    const resumed = await request(socket, 'session:resume', {});
    if (!resumed.ok) throw new Error(JSON.stringify(resumed));
    total = resumed.snapshot.form.length;
  }
  const submitted = await request(socket, 'submit', { confirm: true });
  expect(submitted).toMatchObject({ ok: true });
  return { sessionId, seen, payloads, snapshot };
}

describe('an adaptive sitting', () => {
  let sitting: Awaited<ReturnType<typeof buildRulesSitting>>;
  const runs: Awaited<ReturnType<typeof takeAdaptive>>[] = [];

  beforeAll(async () => {
    sitting = await buildRulesSitting(engine, tree, {
      students: 3,
      form: adaptiveForm({
        estimator: 'eap',
        selector: 'mfi',
        exposure: { kind: 'randomesque', k: 3 },
        stop: { minItems: 5, maxItems: 12, se: 0.5 },
        seed: 42,
      }),
    });
    runs.push(await takeAdaptive(sitting, 0, 1.5));
    runs.push(await takeAdaptive(sitting, 1, -1.5));
  }, 120_000);

  it('offers the candidate the maximum length as linear places, and no key in any item', () => {
    const { snapshot, payloads } = runs[0]!;
    expect(snapshot.form).toHaveLength(12);
    expect(snapshot.sitting.navigationMode).toBe('linear');
    expect(snapshot.form.map((e) => e.itemRef)).toEqual(Array.from({ length: 12 }, (_, i) => `CAT-${i + 1}`));
    for (const p of payloads) {
      expect(p).not.toMatch(/correctResponse|responseProcessing|match_correct/);
      expect(p).toContain('Question P');
    }
  });

  it('chooses items that follow the ability, never twice, and stops by its rule', async () => {
    for (const run of runs) {
      expect(new Set(run.seen).size).toBe(run.seen.length);
      expect(run.seen.length).toBeGreaterThanOrEqual(5);
      expect(run.seen.length).toBeLessThanOrEqual(12);
      const [row] = await engine.deps.db
        .select({ form: candidateSessions.form })
        .from(candidateSessions)
        .where(eq(candidateSessions.id, run.sessionId));
      const form = row!.form as AssembledForm;
      // The places the CAT did not use are gone; the form is the items given, in order.
      expect(form.entries.map((e) => e.adaptive!.poolRef)).toEqual(run.seen);
      expect(form.entries.every((e) => e.itemVersionId)).toBe(true);
    }
    const meanB = (seen: string[]) =>
      seen.slice(2).reduce((s, ref) => s + params(Number(ref.slice(1))).b, 0) / (seen.length - 2);
    // The able candidate is given harder items than the weak one.
    expect(meanB(runs[0]!.seen)).toBeGreaterThan(meanB(runs[1]!.seen) + 1);
  });

  it('stores every decision with its inputs, and a replay reproduces each choice', async () => {
    for (const run of runs) {
      const steps = (await eventsOf(engine, run.sessionId)).filter((e) => e.type === 'adaptive_step');
      const first = steps[0]!.data as { response?: unknown; decision: Record<string, unknown> };
      expect(first.response).toBeUndefined();
      expect(first.decision).toMatchObject({ step: 0, estimate: { method: 'eap' }, eligible: POOL });
      expect((first.decision.candidates as unknown[]).length).toBeGreaterThanOrEqual(3);
      expect((first.decision.draws as unknown[]).length).toBe(1);
      const later = steps[1]!.data as { response: Record<string, unknown> };
      expect(later.response).toMatchObject({ itemRef: 'CAT-1', maxScore: 1 });
      expect([0, 1]).toContain(later.response.category);

      const [replayed] = await replayAdaptiveSession(engine.deps.db, run.sessionId);
      expect(replayed!.mismatches).toEqual([]);
      expect(replayed!.ok).toBe(true);
      expect(replayed!.served).toEqual(run.seen);
      expect(replayed!.choices.filter((c) => c.chosen).map((c) => c.chosen)).toEqual(run.seen);
    }
  });

  it('a replay under another seed does not reproduce the randomesque choices', async () => {
    const { sessionId } = runs[0]!;
    const [row] = await engine.deps.db
      .select({ seed: candidateSessions.seed })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId));
    await engine.deps.db
      .update(candidateSessions)
      .set({ seed: row!.seed + 1 })
      .where(eq(candidateSessions.id, sessionId));
    const [replayed] = await replayAdaptiveSession(engine.deps.db, sessionId);
    await engine.deps.db
      .update(candidateSessions)
      .set({ seed: row!.seed })
      .where(eq(candidateSessions.id, sessionId));
    expect(replayed!.ok).toBe(false);
    expect(replayed!.mismatches.some((m) => m.field === 'draws' || m.field === 'chosen')).toBe(true);
  });

  it('gives the result the ability with its SE and the items given, and the score report prints them', async () => {
    type Scored = {
      maxScore: number;
      adaptive: { theta: number; se: number; items: number; estimator: string; stop: string };
    };
    const abilities: Scored['adaptive'][] = [];
    for (const run of runs) {
      const scored = (await scoredEvent(engine, run.sessionId)) as unknown as Scored;
      expect(scored.maxScore).toBe(run.seen.length);
      expect(scored.adaptive).toMatchObject({ items: run.seen.length, estimator: 'eap' });
      expect(scored.adaptive.se).toBeGreaterThan(0);
      expect(scored.adaptive.se).toBeLessThan(1);
      const steps = (await eventsOf(engine, run.sessionId)).filter((e) => e.type === 'adaptive_step');
      const last = (
        steps.at(-1)!.data as { decision: { stop: string | null; estimate: { theta: number; se: number } } }
      ).decision;
      // A CAT that stopped by its rule: the result reports the estimate its last decision saw.
      if (last.stop) {
        expect(scored.adaptive.stop).toBe(last.stop);
        expect(scored.adaptive.theta).toBeCloseTo(last.estimate.theta, 9);
        expect(scored.adaptive.se).toBeCloseTo(last.estimate.se, 9);
      }
      abilities.push(scored.adaptive);
    }
    expect(abilities[0]!.theta).toBeGreaterThan(0.5);
    expect(abilities[1]!.theta).toBeLessThan(-0.5);

    const { candidates } = await loadSittingReports(engine.deps.db, sitting.sittingId, {
      secret: engine.config.jwtSecret,
      baseUrl: 'http://localhost',
      sessionId: runs[0]!.sessionId,
    });
    expect(candidates[0]!.result.adaptive).toEqual({
      theta: abilities[0]!.theta,
      se: abilities[0]!.se,
      items: abilities[0]!.items,
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'adaptive-report-')), 'report.pdf');
    writeFileSync(file, await renderCandidateReport(candidates[0]!));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const n = (x: number) => String(Math.round(x * 100) / 100).replace('.', ',');
    expect(text).toContain(
      `Năng lực (thích ứng): θ = ${n(abilities[0]!.theta)}, sai số chuẩn ${n(abilities[0]!.se)}`,
    );
    expect(text).toContain(
      `Ability (adaptive): θ = ${n(abilities[0]!.theta)}, SE ${n(abilities[0]!.se)}, ${abilities[0]!.items} items`,
    );
  });
});

describe('scheduling an adaptive sitting', () => {
  it('refuses a pool item without stored parameters, naming it, and writes nothing', async () => {
    const extra = await saveItems(engine, tree, { NOPARAM: choiceItemXml('NOPARAM') });
    const board = await tokenFor(engine, tree.examBoard);
    const res = await api(engine).post(
      '/api/sittings',
      {
        organisationId: tree.office.id,
        name: 'Thích ứng thiếu tham số',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        durationMinutes: 30,
        form: adaptiveForm({ stop: { minItems: 1, maxItems: 2 } }, [
          ...Object.values(itemIds).slice(0, 3),
          extra.itemIds.NOPARAM!,
        ]),
      },
      board,
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toMatch(/NOPARAM has no stored parameters/);
  });

  it('refuses an adaptive section in a nonlinear form', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const res = await api(engine).post(
      '/api/sittings',
      {
        organisationId: tree.office.id,
        name: 'Thích ứng tự do',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        durationMinutes: 30,
        form: { ...adaptiveForm({ stop: { minItems: 1, maxItems: 2 } }), navigationMode: 'nonlinear' },
      },
      board,
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toMatch(/must be linear/);
  });
});
