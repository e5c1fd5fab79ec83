import { and, desc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreSession } from '../../../../results/score-session.ts';
import { sessionResults } from '../../../../delivery/tables.ts';
import { auditLog } from '../../../../people/tables.ts';
import { testProjection, testScorer } from '../../../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { buildScoredSitting } from '../../../support/results-fixtures.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';
import { verificationToken } from '../../../../results/routes/reports/load-reports.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let scored: Awaited<ReturnType<typeof buildScoredSitting>>;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  tree = await buildOrganisationTree(engine.deps.db);
  scored = await buildScoredSitting(engine, tree, { students: 3, organisationId: tree.schoolA.id });
});
afterAll(() => engine.dispose());

async function latestResult(sessionId: string) {
  const [row] = await engine.deps.db
    .select()
    .from(sessionResults)
    .where(eq(sessionResults.sessionId, sessionId))
    .orderBy(desc(sessionResults.version))
    .limit(1);
  return row!;
}

describe('GET /api/reports/verify/{token}', () => {
  it('confirms a genuine report without a sign-in', async () => {
    const result = await latestResult(scored.sessions[2]!.sessionId);
    const token = verificationToken(engine.config.jwtSecret, result.id, result.version);
    const res = await api(engine).get(`/api/reports/verify/${token}`);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      valid: true,
      current: true,
      version: 1,
      candidate: { fullName: 'Học Sinh 3', candidateNumber: scored.sessions[2]!.candidateNumber },
      sitting: { name: 'Kiểm tra giữa kỳ Toán 9' },
      score: { raw: 2, max: 3, tenPoint: 6.7 },
      rating: 'Khá',
    });
  });

  it('refuses a tampered code, an unknown result and a malformed token alike', async () => {
    const result = await latestResult(scored.sessions[1]!.sessionId);
    const token = verificationToken(engine.config.jwtSecret, result.id, result.version);
    const [id, code] = token.split('.') as [string, string];
    const tampered = `${id}.${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [tampered, `00000000-0000-4000-8000-000000000000.${code}`, 'not-a-token']) {
      const res = await api(engine).get(`/api/reports/verify/${bad}`);
      expect(res.status, bad).toBe(404);
      expect(res.data).toEqual({ valid: false });
    }
  });

  it('says a report of a superseded version is genuine but no longer current', async () => {
    const sessionId = scored.sessions[0]!.sessionId;
    const old = await latestResult(sessionId);
    await scoreSession(engine.deps.db, testScorer, sessionId, 'key correction');
    const current = await latestResult(sessionId);
    expect(current.version).toBe(old.version + 1);
    const [audit] = await engine.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, sessionId), eq(auditLog.action, 'results.rescore')));
    expect(audit!.details).toMatchObject({ reason: 'key correction', version: 2, status: 'final' });
    const before = await api(engine).get(
      `/api/reports/verify/${verificationToken(engine.config.jwtSecret, old.id, old.version)}`,
    );
    expect(before.status).toBe(200);
    expect(before.data).toMatchObject({ valid: true, current: false, version: old.version });
    const after = await api(engine).get(
      `/api/reports/verify/${verificationToken(engine.config.jwtSecret, current.id, current.version)}`,
    );
    expect(after.data).toMatchObject({ valid: true, current: true, version: current.version });
  });
});

describe('GET /api/reports/sittings/{id}/summary.pdf and candidates.zip', () => {
  const paths = () => [
    `/api/reports/sittings/${scored.sittingId}/summary.pdf`,
    `/api/reports/sittings/${scored.sittingId}/candidates.zip`,
  ];

  it('401 without a token', async () => {
    for (const path of paths()) {
      const res = await api(engine).get(path);
      expect(res.status).toBe(401);
      expect(res.data.error.id).toBe('unauthenticated');
    }
  });

  it('403 for a proctor (no results:read) and for a teacher of another school', async () => {
    const proctor = await tokenFor(engine, tree.proctorA);
    const otherTeacher = await tokenFor(engine, tree.teacherB);
    for (const path of paths()) {
      const a = await api(engine).get(path, proctor);
      expect(a.status).toBe(403);
      expect(a.data.error.message).toContain('results:read');
      const b = await api(engine).get(path, otherTeacher);
      expect(b.status).toBe(403);
      expect(b.data.error.message).toContain('outside your organisation');
    }
  });

  it('404 for a sitting that does not exist', async () => {
    const res = await api(engine).get(
      '/api/reports/sittings/00000000-0000-4000-8000-000000000000/summary.pdf',
      await tokenFor(engine, tree.admin),
    );
    expect(res.status).toBe(404);
  });

  it('renders the sitting summary for a teacher of the school', async () => {
    const response = await engine.app.request(paths()[0]!, {
      headers: { authorization: `Bearer ${await tokenFor(engine, tree.teacherA)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('streams a zip of one PDF per candidate, named by candidate number', async () => {
    const response = await engine.app.request(paths()[1]!, {
      headers: { authorization: `Bearer ${await tokenFor(engine, tree.examBoard)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('x-report-count')).toBe('3');
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(scored.sessions.map((s) => `${s.candidateNumber}.pdf`).sort());
    for (const name of names) {
      const pdf = await zip.file(name)!.async('nodebuffer');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});
