/**
 * GET /api/results/candidate/report.pdf: a candidate downloads their own score report with their
 * session token, only once the sitting's results are released. Needs poppler-utils (pdftotext).
 * PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProjection, testScorer } from '../../../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { buildScoredSitting } from '../../../support/results-fixtures.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';
import { buildTwoFormSitting } from '../../../support/two-form-sitting.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let scored: Awaited<ReturnType<typeof buildScoredSitting>>;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  tree = await buildOrganisationTree(engine.deps.db);
  scored = await buildScoredSitting(engine, tree, {
    students: 3,
    organisationId: tree.schoolA.id,
    sitting: { releasePolicy: 'after_review' },
  });
});
afterAll(() => engine.dispose());

const pdfText = async (response: Response) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'candidate-report-')), 'report.pdf');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

const download = (token?: string) =>
  engine.app.request('/api/results/candidate/report.pdf', {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('GET /api/results/candidate/report.pdf', () => {
  it('401 without a session token, 403 before the results are released', async () => {
    expect((await download()).status).toBe(401);
    const early = await download(scored.sessions[1]!.sessionToken);
    expect(early.status).toBe(403);
    expect(((await early.json()) as { error: { id: string } }).error.id).toBe('results_not_released');
  });

  it('after release, gives the candidate their own report and nobody else’s', async () => {
    const release = await api(engine).post(
      `/api/results/sittings/${scored.sittingId}/release`,
      {},
      await tokenFor(engine, tree.examBoard),
    );
    expect(release.status).toBe(200);
    const response = await download(scored.sessions[1]!.sessionToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(scored.sessions[1]!.candidateNumber);
    const text = await pdfText(response);
    expect(text).toContain('PHIẾU BÁO ĐIỂM');
    expect(text).toContain('Học Sinh 2');
    expect(text).toContain(scored.sessions[1]!.candidateNumber);
    expect(text).not.toContain('Học Sinh 1 ');
    expect(text).not.toContain(scored.sessions[0]!.candidateNumber);
    // One form: no mã đề printed.
    expect(text).not.toContain('Mã đề');
  });

  it('prints the parallel form (mã đề) each candidate sat', async () => {
    const twoForms = await buildTwoFormSitting(engine, tree, {
      students: 2,
      sitting: { releasePolicy: 'immediately' },
    });
    const texts = [];
    for (const session of twoForms.sessions) {
      const response = await download(session.sessionToken);
      expect(response.status).toBe(200);
      texts.push(await pdfText(response));
    }
    // Seats in candidate-number order alternate A, B.
    expect(texts[0]).toContain(twoForms.sessions[0]!.candidateNumber);
    expect(texts[0]).toMatch(/Mã đề: A\b/);
    expect(texts[0]).not.toMatch(/Mã đề: B\b/);
    expect(texts[1]).toContain(twoForms.sessions[1]!.candidateNumber);
    expect(texts[1]).toMatch(/Mã đề: B\b/);
    expect(texts[1]).not.toMatch(/Mã đề: A\b/);
  });
});
