/**
 * Score reports of a real QTI sitting (choice, multiple choice, text entry) whose Thông tư 22
 * thresholds differ from the defaults: the printed rating, the summary's rating counts and the
 * verify route all use the stored rating; the item table shows what each candidate answered;
 * the QR code printed on the report decodes to a verify URL the engine accepts; the e-records
 * payload links the report PDF; the item analysis runs distractors on the real keys and choices,
 * flagged by thresholds the board sets per sitting.
 * Needs poppler-utils (pdftotext, pdftoppm). PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import jsQRModule from 'jsqr';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erecordsOutbox } from '../../../../results/tables.ts';
import { sittings } from '../../../../sittings/tables.ts';
import { startSession, submitSession } from '../../../../delivery/session-commands.ts';
import { scoreSession } from '../../../../results/score-session.ts';
import { createQtiScorer } from '../../../../results/qti-scorer.ts';
import {
  buildQtiItems,
  buildSitting,
  checkInCandidate,
  qtiAnswersOf,
} from '../../../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';

// jsqr is CommonJS with a default export: Node and vitest hand it over differently.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ??
  jsQRModule) as typeof jsQRModule.default;

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sittingId: string;
let teacher: string;
const sessions: string[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'report-correctness-'));

// Candidate i answers item q with its answer i (see QTI_ITEM_KINDS): totals 4, 1.5, 2 and 0 of 4 (the
// text entry's mapping is worth its best entry, 1, not the sum of its entries), so 10, 3.8, 5 and 0 on
// the 10-point scale. Under these thresholds that is Tốt, Đạt, Khá, Chưa đạt.
const THRESHOLDS = { tot: 6, kha: 4, dat: 2 };

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  const { db } = engine.deps;
  const sitting = await buildSitting(engine, tree, await buildQtiItems(engine, tree, 3), { students: 4 });
  sittingId = sitting.sittingId;
  await db
    .update(sittings)
    .set({ organisationId: tree.schoolA.id, ratingThresholds: THRESHOLDS, releasePolicy: 'with_items' })
    .where(eq(sittings.id, sittingId));
  const ordered = [...sitting.candidates].sort((a, b) => a.candidateNumber.localeCompare(b.candidateNumber));
  const scorer = engine.deps.scorer ?? createQtiScorer();
  for (const [i, candidate] of ordered.entries()) {
    const { sessionId } = await checkInCandidate(engine, sitting.accessCode, candidate);
    await startSession(db, sessionId);
    for (const ref of ['Q1', 'Q2', 'Q3']) {
      const answers = qtiAnswersOf(ref);
      const saved = await engine.writer.save({
        sessionId,
        itemRef: ref,
        seq: 1,
        responses: { RESPONSE: answers[i % answers.length]! },
      });
      if (!saved.ok) throw saved.error;
    }
    await submitSession(db, sessionId, 'candidate', { type: 'candidate' });
    await scoreSession(db, scorer, sessionId);
    sessions.push(sessionId);
  }
  teacher = await tokenFor(engine, tree.teacherA);
}, 180_000);

afterAll(async () => {
  await engine?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const pdfText = (pdf: Buffer, name: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

async function fetchPdf(url: string, token?: string) {
  const response = await engine.app.request(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

async function outboxPayload(sessionId: string) {
  const [row] = await engine.deps.db
    .select()
    .from(erecordsOutbox)
    .where(eq(erecordsOutbox.sessionId, sessionId));
  return row!.payload as Record<string, unknown>;
}

describe('ratings under the sitting’s own thresholds', () => {
  it('the e-records payload links the report PDF, which prints the stored rating', async () => {
    const payload = await outboxPayload(sessions[2]!);
    expect(payload.rating).toBe('Khá');
    expect(payload).not.toHaveProperty('form');
    const reportUrl = new URL(String(payload.reportUrl));
    expect(reportUrl.origin).toBe(engine.config.publicUrl ?? `http://localhost:${engine.config.port}`);
    expect(reportUrl.pathname).toMatch(/^\/api\/reports\/verify\/[0-9a-f-]{36}\.[A-Z2-9]{10}\/report\.pdf$/);
    // Whoever holds the link gets the report; no sign-in.
    const pdf = await fetchPdf(reportUrl.pathname);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.body, 'candidate-3.pdf');
    expect(text).toContain('Khá');
    expect(text).not.toContain('Đạt');
    // The item table shows the candidate's own answers: options as letters (in the order this candidate
    // saw them, shuffled here; displayed-choice-order.test.ts checks the exact letters), text as typed.
    expect(text).toMatch(/\b[A-D], [A-D], [A-D]\b/);
    expect(text).toContain('hà nội');
    // A tampered link gets nothing.
    const bad = reportUrl.pathname.replace(/\.([A-Z2-9])/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    expect((await fetchPdf(bad)).status).toBe(404);
  });

  it('the verify route gives the stored rating, and the QR code printed on the report points at it', async () => {
    const payload = await outboxPayload(sessions[1]!);
    const pdf = await fetchPdf(new URL(String(payload.reportUrl)).pathname);
    const file = path.join(dir, 'candidate-2.pdf');
    writeFileSync(file, pdf.body);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '150',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(dir, 'page'),
    ]);
    const png = PNG.sync.read(readFileSync(path.join(dir, 'page.png')));
    const qr = jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
      png.width,
      png.height,
    );
    expect(qr, 'a QR code on the first page').not.toBeNull();
    const url = new URL(qr!.data);
    expect(url.pathname).toMatch(/^\/api\/reports\/verify\/[0-9a-f-]{36}\.[A-Z2-9]{10}$/);
    const verified = await api(engine).get(url.pathname);
    expect(verified.status).toBe(200);
    // 3.8 is Chưa đạt under the defaults, Đạt under this sitting's thresholds.
    expect(verified.data).toMatchObject({
      valid: true,
      current: true,
      score: { tenPoint: 3.8 },
      rating: 'Đạt',
    });
  });

  it('the sitting summary counts ratings as stored', async () => {
    const { status, body } = await fetchPdf(`/api/reports/sittings/${sittingId}/summary.pdf`, teacher);
    expect(status).toBe(200);
    const text = pdfText(body, 'summary.pdf');
    // One of each (the defaults would give no Khá and no Đạt).
    for (const rating of ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'])
      expect(text).toMatch(new RegExp(`Xếp loại ${rating}: 1 \\(25%\\)`));
  });

  it('the zip has one report per final result, drawn in the render pool', async () => {
    const response = await engine.app.request(`/api/reports/sittings/${sittingId}/candidates.zip`, {
      headers: { authorization: `Bearer ${teacher}` },
    });
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(4);
    for (const name of names) {
      const pdf = await zip.file(name)!.async('nodebuffer');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 60_000);
});

describe('the report link of a replaced result version', () => {
  it('is refused with a reason once a re-score replaces it; the new payload links the new version', async () => {
    const sessionId = sessions[3]!;
    const [first] = await engine.deps.db
      .select()
      .from(erecordsOutbox)
      .where(eq(erecordsOutbox.sessionId, sessionId));
    await scoreSession(engine.deps.db, engine.deps.scorer ?? createQtiScorer(), sessionId, 'key correction');
    const rows = await engine.deps.db
      .select()
      .from(erecordsOutbox)
      .where(eq(erecordsOutbox.sessionId, sessionId));
    const latest = rows.find((r) => r.resultVersion === 2)!;
    const oldUrl = new URL(String((first!.payload as { reportUrl: string }).reportUrl)).pathname;
    const newUrl = new URL(String((latest.payload as { reportUrl: string }).reportUrl)).pathname;
    expect(newUrl).not.toBe(oldUrl);
    const old = await api(engine).get(oldUrl);
    expect(old.status).toBe(409);
    expect(old.data.error.message).toMatch(/replaced/);
    expect((await fetchPdf(newUrl)).status).toBe(200);
  });
});

describe('item analysis of a real sitting', () => {
  const analysis = () => api(engine).get(`/api/reports/sittings/${sittingId}/analysis`, teacher);

  it('runs distractor analysis with the items’ keys and the candidates’ choices', async () => {
    const res = await analysis();
    expect(res.status).toBe(200);
    expect(res.data.candidates).toBe(4);
    const titles = res.data.itemTitles as Record<string, string>;
    const single = (res.data.items as Array<{ item: string; options?: Array<Record<string, unknown>> }>).find(
      (i) => titles[i.item] === 'Chọn một',
    )!;
    // Each option of Q1 was chosen once; B is the key.
    expect(single.options).toEqual(
      expect.arrayContaining(
        ['A', 'B', 'C', 'D'].map((option) =>
          expect.objectContaining({ option, count: 1, key: option === 'B' }),
        ),
      ),
    );
    // Items are analysed by item version, not by ref.
    expect(Object.keys(titles).every((k) => /^[0-9a-f-]{36}$/.test(k))).toBe(true);
  });

  it('uses the flag thresholds the exam board sets for the sitting, in the route and the summary PDF', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const put = (body: unknown, token = board) =>
      api(engine).call('PUT', `/api/reports/sittings/${sittingId}/flag-thresholds`, { token, json: body });
    expect((await put({ minP: 0.1 }, teacher)).status).toBe(403);
    for (const bad of [
      { minP: 2 },
      { minP: 0.8, maxP: 0.5 },
      { minp: 0.3 },
      { minSample: 0 },
      { minSample: 2.5 },
      'x',
    ]) {
      const res = await put(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.data.error.message).toBeTruthy();
    }
    const before = await analysis();
    const flagsOf = (data: Record<string, unknown>) =>
      Object.fromEntries(
        (data.items as Array<{ item: string; flags: string[] }>).map((i) => [
          (data.itemTitles as Record<string, string>)[i.item],
          i.flags,
        ]),
      );
    // Q1 has p = 0.25: not too hard under the default minimum (0.2), too hard under 0.3.
    expect(flagsOf(before.data)['Chọn một']).not.toContain('too_hard');
    // Four candidates are below the default minimum sample (5): nothing is flagged, whatever the thresholds.
    expect(before.data.thresholds.minSample).toBe(5);
    expect((await put({ minP: 0.3 })).status).toBe(200);
    expect(Object.values(flagsOf((await analysis()).data)).flat()).toEqual([]);
    const set = await put({ minP: 0.3, minSample: 4 });
    expect(set.status).toBe(200);
    const doc = (await (await engine.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/reports/sittings/{id}/analysis'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/reports/sittings/{id}/flag-thresholds'] ?? {})).toEqual(['put']);
    expect(set.data.thresholds).toMatchObject({ minP: 0.3, maxP: 0.9, minSample: 4 });
    const after = await analysis();
    expect(after.data.thresholds.minP).toBe(0.3);
    expect(flagsOf(after.data)['Chọn một']).toContain('too_hard');
    const summary = pdfText(
      (await fetchPdf(`/api/reports/sittings/${sittingId}/summary.pdf`, teacher)).body,
      'summary-flags.pdf',
    );
    expect(summary).toMatch(/Chọn một: .*quá khó/);
  });
});
