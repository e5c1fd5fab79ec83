/**
 * The item analysis of an adaptive sitting (issue 23): four candidates of different abilities take
 * a CAT over real Socket.IO; the sitting's analysis (GET /api/reports/sittings/{id}/analysis) gives
 * the pool items no facility, discrimination, alpha or IRT (they are not in `items`, `test` or
 * `irt`) but, per item given, its exposure count and rate and the mean θ of the candidates given it,
 * worked out here again from the stored forms and results; the summary PDF prints them with
 * the classical figures marked not applicable; the bank's item statistics count those uses apart,
 * as exposures, outside facility and discrimination. PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSittingSummary } from '../../../grading/index.ts';
import { saveItemParameters } from '../../../item-bank/index.ts';
import { candidateSessions, sessionResults } from '../../delivery/tables.ts';
import { loadSittingReports } from '../../results/routes/reports/load-reports.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
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

const POOL = 12;
const LENGTH = 5;
let engine: TestEngine;
let port: number;
let sittingId: string;
let bankId: string;
let itemIds: Record<string, string>;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
const sessionIds: string[] = [];
const sockets: CandidateClient[] = [];
const params = (k: number) => ({
  model: '2pl' as const,
  a: 1 + (k % 3) * 0.25,
  b: -2.5 + (5 * k) / (POOL - 1),
});

beforeAll(async () => {
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const xml = Object.fromEntries(Array.from({ length: POOL }, (_, k) => [`P${k}`, choiceItemXml(`P${k}`)]));
  ({ itemIds, bankId } = await saveItems(engine, tree, xml));
  await saveItemParameters(
    engine.deps.db,
    Array.from({ length: POOL }, (_, k) => ({
      itemId: itemIds[`P${k}`]!,
      model: '2pl',
      parameters: params(k),
      sampleSize: 700,
    })),
    { source: 'database' },
  );
  const sitting = await buildRulesSitting(engine, tree, {
    students: 4,
    form: {
      navigationMode: 'linear',
      sections: [
        {
          identifier: 'CAT',
          adaptive: { stop: { minItems: LENGTH, maxItems: LENGTH }, seed: 3 },
          items: Object.values(itemIds).map((itemId) => ({ itemId })),
        },
      ],
    },
  });
  sittingId = sitting.sittingId;
  // Abilities -2, -0.7, 0.7, 2: right when P(θ) >= 0.5.
  for (const [i, theta] of [-2, -0.7, 0.7, 2].entries()) {
    const { socket, sessionId, snapshot } = await startCandidate(
      engine,
      port,
      sitting.accessCode,
      sitting.candidates[i]!,
      sockets,
    );
    let position = snapshot.position;
    for (let guard = 0; guard < LENGTH; guard++) {
      const fetched = await request(socket, 'item:fetch', { position });
      if (!fetched.ok) throw new Error(JSON.stringify(fetched));
      const [row] = await engine.deps.db
        .select({ form: candidateSessions.form })
        .from(candidateSessions)
        .where(eq(candidateSessions.id, sessionId));
      const k = Number((row!.form as AssembledForm).entries[position]!.adaptive!.poolRef!.slice(1));
      const { a, b } = params(k);
      await saveAnswer(socket, fetched.itemRef, 1, 1 / (1 + Math.exp(-a * (theta - b))) >= 0.5 ? 'A' : 'B');
      const moved = await request(socket, 'navigate', { position: position + 1 });
      if (!moved.ok || moved.ended) break;
      position = moved.position;
    }
    expect(await request(socket, 'submit', { confirm: true })).toMatchObject({ ok: true });
    await scoredEvent(engine, sessionId);
    sessionIds.push(sessionId);
  }
}, 240_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

/** What each session was given (item versions) and its result's θ, read back from the database. */
async function givenAndTheta() {
  const out: { versions: string[]; theta: number }[] = [];
  for (const sessionId of sessionIds) {
    const [session] = await engine.deps.db
      .select({ form: candidateSessions.form })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId));
    const [result] = await engine.deps.db
      .select({ testOutcomes: sessionResults.testOutcomes })
      .from(sessionResults)
      .where(eq(sessionResults.sessionId, sessionId))
      .orderBy(desc(sessionResults.version))
      .limit(1);
    out.push({
      versions: (session!.form as AssembledForm).entries.map((e) => e.itemVersionId),
      theta: (result!.testOutcomes as { adaptive: { theta: number } }).adaptive.theta,
    });
  }
  return out;
}

describe('the item analysis of an adaptive sitting', () => {
  it('gives pool items exposure and mean θ, and no classical figures', async () => {
    const sessions = await givenAndTheta();
    expect(sessions.every((s) => s.versions.length === LENGTH)).toBe(true);
    // The θ follow the abilities the candidates answered by.
    expect(sessions[0]!.theta).toBeLessThan(sessions[3]!.theta);

    const board = await tokenFor(engine, tree.examBoard);
    const res = await api(engine).get(`/api/reports/sittings/${sittingId}/analysis`, board);
    expect(res.status).toBe(200);
    const analysis = res.data as {
      candidates: number;
      items: unknown[];
      irt: unknown;
      test: { items: number };
      itemTitles: Record<string, string>;
      adaptive: {
        section: string;
        candidates: number;
        meanLength: number;
        maxExposureRate: number;
        items: {
          item: string;
          exposure: number;
          exposureRate: number;
          meanTheta: number | null;
          classical: string;
        }[];
      }[];
    };
    expect(analysis.candidates).toBe(4);
    // No facility, discrimination, alpha or IRT over items each candidate did not all see.
    expect(analysis.items).toEqual([]);
    expect(analysis.test.items).toBe(0);
    expect(analysis.irt).toBeNull();
    expect(analysis.adaptive).toHaveLength(1);
    const [cat] = analysis.adaptive;
    expect(cat).toMatchObject({ section: 'CAT', candidates: 4, meanLength: LENGTH });
    // Exposure and mean θ, worked out again from the stored forms and results.
    const given = new Map<string, number[]>();
    for (const s of sessions) for (const v of s.versions) given.set(v, [...(given.get(v) ?? []), s.theta]);
    expect(cat!.items.map((i) => i.item).sort()).toEqual([...given.keys()].sort());
    expect(cat!.items.reduce((n, i) => n + i.exposure, 0)).toBe(4 * LENGTH);
    for (const item of cat!.items) {
      const thetas = given.get(item.item)!;
      expect(item.exposure).toBe(thetas.length);
      expect(item.exposureRate).toBeCloseTo(thetas.length / 4, 12);
      expect(item.meanTheta).toBeCloseTo(thetas.reduce((a, b) => a + b, 0) / thetas.length, 9);
      expect(item.classical).toBe('not_applicable');
      expect(analysis.itemTitles[item.item]).toMatch(/^P\d+$/);
    }
    expect(cat!.maxExposureRate).toBe(Math.max(...cat!.items.map((i) => i.exposureRate)));
  });

  it('prints exposure and mean θ in the summary PDF, the classical figures marked not applicable', async () => {
    const { summary } = await loadSittingReports(engine.deps.db, sittingId, {
      secret: engine.config.jwtSecret,
      baseUrl: 'http://localhost',
    });
    expect(summary.analysis.adaptive?.[0]?.items.length).toBeGreaterThan(0);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'adaptive-summary-')), 'summary.pdf');
    writeFileSync(file, await renderSittingSummary(summary));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Phần thích ứng CAT: mức sử dụng câu hỏi');
    expect(text).toContain('không áp dụng');
    expect(text).toContain(`4 thí sinh, trung bình ${LENGTH} câu`);
  });

  it('keeps the bank’s item statistics classical: adaptive uses are counted apart, as exposures', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const sessions = await givenAndTheta();
    const res = await api(engine).get(`/api/item-statistics?bankId=${bankId}`, board);
    expect(res.status).toBe(200);
    const body = res.data as {
      items: unknown[];
      adaptive: { itemId: string; sittings: number; exposures: number; classical: string }[];
    };
    expect(body.items).toEqual([]);
    expect(body.adaptive.reduce((n, u) => n + u.exposures, 0)).toBe(4 * LENGTH);
    expect(body.adaptive.every((u) => u.sittings === 1 && u.classical === 'not_applicable')).toBe(true);
    expect(body.adaptive.every((u) => Object.values(itemIds).includes(u.itemId))).toBe(true);
    const used = body.adaptive.find((u) => u.exposures > 0)!;
    const detail = await api(engine).get(`/api/item-statistics/items/${used.itemId}`, board);
    expect(detail.status).toBe(200);
    expect(detail.data).toMatchObject({
      overall: null,
      sittings: [],
      adaptive: { exposures: used.exposures },
    });
    expect(sessions.length).toBe(4);
  });
});
