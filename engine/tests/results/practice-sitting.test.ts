import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRADE_BOOK_HEADER_ROW, verificationToken } from '../../../grading/index.ts';
import { sessionSnapshot } from '../../delivery/session-snapshot.ts';
import { sessionResults } from '../../delivery/tables.ts';
import { auditLog, students } from '../../people/tables.ts';
import { erecordsOutbox } from '../../results/tables.ts';
import { testProjection, testScorer } from '../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import { buildScoredSitting } from '../support/results-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

// A practice sitting (sittings.practice, luyện tập) is scored for the candidates' feedback, not graded:
// its results never reach the e-records feed, its release is audited as a practice release, and the
// candidate's result says it is practice. A graded sitting beside it keeps every one of those.
let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let practice: Awaited<ReturnType<typeof buildScoredSitting>>;
let graded: Awaited<ReturnType<typeof buildScoredSitting>>;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  tree = await buildOrganisationTree(engine.deps.db);
  practice = await buildScoredSitting(engine, tree, {
    students: 2,
    organisationId: tree.schoolA.id,
    sitting: { releasePolicy: 'after_review', practice: true },
  });
  graded = await buildScoredSitting(engine, tree, {
    students: 2,
    organisationId: tree.schoolA.id,
    sitting: { releasePolicy: 'after_review' },
  });
}, 120_000);
afterAll(() => engine?.dispose());

const outboxOf = (sessions: Array<{ sessionId: string }>) =>
  engine.deps.db
    .select()
    .from(erecordsOutbox)
    .where(
      inArray(
        erecordsOutbox.sessionId,
        sessions.map((s) => s.sessionId),
      ),
    );

describe('a practice sitting is not graded', () => {
  it('sends nothing of a practice sitting to e-records; a graded sitting sends each final result', async () => {
    expect(await outboxOf(practice.sessions)).toEqual([]);
    const rows = await outboxOf(graded.sessions);
    expect(rows.map((r) => r.sessionId).sort()).toEqual(graded.sessions.map((s) => s.sessionId).sort());
  });

  it('audits the release of a practice sitting as practice and answers practice: true', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const released = await api(engine).post(`/api/results/sittings/${practice.sittingId}/release`, {}, board);
    expect(released.status).toBe(200);
    expect(released.data.practice).toBe(true);
    const releasedGraded = await api(engine).post(
      `/api/results/sittings/${graded.sittingId}/release`,
      {},
      board,
    );
    expect(releasedGraded.data.practice).toBe(false);
    const audit = await engine.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'results.release'),
          inArray(auditLog.subjectId, [practice.sittingId, graded.sittingId]),
        ),
      );
    const details = Object.fromEntries(audit.map((a) => [a.subjectId, a.details]));
    expect(details[practice.sittingId]).toEqual({ practice: true });
    expect(details[graded.sittingId]).not.toHaveProperty('practice');
    // Released, and still nothing in the e-records feed.
    expect(await outboxOf(practice.sessions)).toEqual([]);
  });

  it("tells the candidate the result is practice (luyện tập), and a graded sitting's candidate that it is not", async () => {
    const mine = await api(engine).get('/api/results/candidate', practice.sessions[1]!.sessionToken);
    expect(mine.status).toBe(200);
    expect(mine.data).toMatchObject({ practice: true, score: { raw: 1, max: 3 } });
    const other = await api(engine).get('/api/results/candidate', graded.sessions[1]!.sessionToken);
    expect(other.status).toBe(200);
    expect(other.data.practice).toBe(false);
  });
});

const raw = (url: string, token: string) =>
  engine.app.request(url, { headers: { authorization: `Bearer ${token}` } });

const nationalIds = async (sessions: Array<{ studentId: string }>) =>
  (
    await engine.deps.db
      .select({ nationalId: students.nationalId })
      .from(students)
      .where(
        inArray(
          students.id,
          sessions.map((s) => s.studentId),
        ),
      )
  ).map((r) => r.nationalId);

describe('a practice score enters no grade book and no OneRoster feed', () => {
  it('refuses the grade book (XLSX) of a practice sitting with 409 practice_not_graded, in both languages', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const refused = await api(engine).get(
      `/api/results/sittings/${practice.sittingId}/gradebook.xlsx`,
      board,
    );
    expect(refused.status).toBe(409);
    expect(refused.data.error.id).toBe('practice_not_graded');
    expect(refused.data.error.details.messageVi).toContain('buổi luyện tập');
    expect(refused.data.error.details.messageVi).toContain('sổ điểm');
    expect(refused.data.error.details.messageEn).toContain('practice sitting');
    expect(refused.data.error.details.messageEn).toContain('grade book');

    // The graded sitting's grade book, parsed back: its own candidates' scores, none of the practice's.
    const response = await raw(`/api/results/sittings/${graded.sittingId}/gradebook.xlsx`, board);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    for (let r = GRADE_BOOK_HEADER_ROW + 1; r <= sheet.rowCount; r++) {
      const values = (sheet.getRow(r).values as unknown[]).slice(1);
      if (typeof values[0] === 'number') rows.push(values);
    }
    const ids = rows.map((row) => row[1]);
    expect(ids.sort()).toEqual((await nationalIds(graded.sessions)).sort());
    for (const id of await nationalIds(practice.sessions)) expect(ids).not.toContain(id);
  });

  it('refuses the OneRoster results of a practice sitting; a graded sitting lists only its own students', async () => {
    const teacher = await tokenFor(engine, tree.teacherA);
    const refused = await api(engine).get(
      `/api/results/sittings/${practice.sittingId}/oneroster.zip`,
      teacher,
    );
    expect(refused.status).toBe(409);
    expect(refused.data.error.id).toBe('practice_not_graded');
    expect(refused.data.error.details.messageEn).toContain('OneRoster');

    const response = await raw(`/api/results/sittings/${graded.sittingId}/oneroster.zip`, teacher);
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const results = parse(await zip.file('results.csv')!.async('string'), { columns: true }) as Array<
      Record<string, string>
    >;
    const studentsInFeed = new Set(results.map((r) => r.studentSourcedId));
    expect([...studentsInFeed].sort()).toEqual(graded.sessions.map((s) => s.studentId).sort());
    for (const s of practice.sessions) expect(studentsInFeed.has(s.studentId)).toBe(false);
  });
});

/** The text of a PDF (poppler's pdftotext). */
const textOfPdf = (bytes: Uint8Array) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'practice-report-')), 'report.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};
const pdfText = async (response: Response) => textOfPdf(new Uint8Array(await response.arrayBuffer()));

describe("the candidate's score report and payloads say practice", () => {
  it('prints that a practice report is not an official result; a graded report does not', async () => {
    const mine = await raw('/api/results/candidate/report.pdf', practice.sessions[1]!.sessionToken);
    expect(mine.status).toBe(200);
    const text = await pdfText(mine);
    expect(text).toContain('PHIẾU BÁO ĐIỂM');
    expect(text).toContain('BUỔI LUYỆN TẬP - KHÔNG PHẢI KẾT QUẢ CHÍNH THỨC');
    expect(text).toContain('Practice sitting - not an official result');

    // The graded sitting is released too (above): its report carries no practice line.
    const other = await raw('/api/results/candidate/report.pdf', graded.sessions[1]!.sessionToken);
    expect(other.status).toBe(200);
    const gradedText = await pdfText(other);
    expect(gradedText).toContain('PHIẾU BÁO ĐIỂM');
    expect(gradedText).not.toContain('LUYỆN TẬP');
    expect(gradedText).not.toContain('Practice');
  });

  it('the board zip of score reports prints the practice line too', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const response = await raw(`/api/reports/sittings/${practice.sittingId}/candidates.zip`, board);
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const pdfs = Object.keys(zip.files).filter((name) => name.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const name of pdfs) {
      const text = textOfPdf(await zip.file(name)!.async('uint8array'));
      expect(text, name).toContain('BUỔI LUYỆN TẬP - KHÔNG PHẢI KẾT QUẢ CHÍNH THỨC');
    }
  });

  it('check-in, the session snapshot and the board overview carry practice from the sitting', async () => {
    const checkIn = async (sitting: typeof practice) => {
      const candidate = sitting.candidates[0]!;
      const [y, m, d] = candidate.dateOfBirth.split('-');
      const res = await api(engine).post('/api/candidate/check-in', {
        accessCode: sitting.accessCode,
        candidateNumber: candidate.candidateNumber,
        dateOfBirth: `${d}/${m}/${y}`,
      });
      expect(res.status).toBe(200);
      return res.data;
    };
    expect((await checkIn(practice)).sitting.practice).toBe(true);
    expect((await checkIn(graded)).sitting.practice).toBe(false);
    expect((await sessionSnapshot(engine.deps.db, practice.sessions[0]!.sessionId)).sitting.practice).toBe(
      true,
    );
    expect((await sessionSnapshot(engine.deps.db, graded.sessions[0]!.sessionId)).sitting.practice).toBe(
      false,
    );
    const overview = await api(engine).get('/api/board/sittings', await tokenFor(engine, tree.examBoard));
    expect(overview.status).toBe(200);
    const row = (id: string) => overview.data.items.find((r: { id: string }) => r.id === id);
    expect(row(practice.sittingId)).toMatchObject({ practice: true });
    expect(row(graded.sittingId)).toMatchObject({ practice: false });
  });

  it('the public check of a practice report says practice', async () => {
    const [result] = await engine.deps.db
      .select()
      .from(sessionResults)
      .where(eq(sessionResults.sessionId, practice.sessions[1]!.sessionId));
    const token = verificationToken(engine.config.jwtSecret, result!.id, result!.version);
    const res = await api(engine).get(`/api/reports/verify/${token}`);
    expect(res.status).toBe(200);
    expect(res.data.sitting.practice).toBe(true);
  });
});
