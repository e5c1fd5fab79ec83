import { parse } from 'csv-parse/sync';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRADE_BOOK_HEADER_ROW, ONEROSTER_COLUMNS } from '../../../../../grading/index.ts';
import { itemBankTables, itemParameterHistory } from '../../../../../item-bank/index.ts';
import { candidateSessions, sessionResults } from '../../../../delivery/tables.ts';
import { sittings } from '../../../../sittings/tables.ts';
import { auditLog, students } from '../../../../people/tables.ts';
import { testProjection, testScorer } from '../../../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { buildScoredSitting } from '../../../support/results-fixtures.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';
import { resultsReleased } from '../../../../results/routes/results/results.ts';
import { buildTwoFormSitting } from '../../../support/two-form-sitting.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let scored: Awaited<ReturnType<typeof buildScoredSitting>>;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, scorer: testScorer });
  tree = await buildOrganisationTree(engine.deps.db);
  // Candidate i answers the first i of three items right: 0, 3.3, 6.7 and 10 on the 10-point scale.
  scored = await buildScoredSitting(engine, tree, {
    students: 4,
    organisationId: tree.schoolA.id,
    sitting: { releasePolicy: 'after_review', ratingThresholds: { tot: 9, kha: 7, dat: 3 }, subject: 'Toán' },
  });
});
afterAll(() => engine.dispose());

async function get(path: string, token: string) {
  return engine.app.request(path, { headers: { authorization: `Bearer ${token}` } });
}

describe('Thông tư 22 ratings with the sitting thresholds', () => {
  it('stores each final result with the rating under the sitting thresholds', async () => {
    const rows = await engine.deps.db
      .select()
      .from(sessionResults)
      .where(
        inArray(
          sessionResults.sessionId,
          scored.sessions.map((s) => s.sessionId),
        ),
      );
    const byScore = rows.sort((a, b) => a.rawScore - b.rawScore).map((r) => [r.scaledScore, r.rating]);
    // The default thresholds (8, 6.5, 5) would give Chưa đạt, Chưa đạt, Khá, Tốt.
    expect(byScore).toEqual([
      [0, 'Chưa đạt'],
      [3.3, 'Đạt'],
      [6.7, 'Đạt'],
      [10, 'Tốt'],
    ]);
  });

  it('refuses thresholds out of order when a sitting is scheduled, and stores valid ones', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const [item] = await engine.deps.db.select().from(itemBankTables.items).limit(1);
    const body = (ratingThresholds: unknown) => ({
      organisationId: tree.schoolA.id,
      name: 'Kiểm tra cuối kỳ',
      opensAt: new Date(Date.now() + 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 7200_000).toISOString(),
      durationMinutes: 45,
      ratingThresholds,
      form: { sections: [{ identifier: 'S1', items: [{ itemId: item!.id }] }] },
    });
    const bad = await api(engine).post('/api/sittings', body({ tot: 6, kha: 7, dat: 5 }), board);
    expect(bad.status).toBe(400);
    expect(bad.data.error.message).toBe('ratingThresholds: needs tot > kha > dat');
    const good = await api(engine).post('/api/sittings', body({ tot: 8.5, kha: 7, dat: 5 }), board);
    expect(good.status).toBe(201);
    const [row] = await engine.deps.db.select().from(sittings).where(eq(sittings.id, good.data.id));
    expect(row!.ratingThresholds).toEqual({ tot: 8.5, kha: 7, dat: 5 });
  });
});

describe('GET /api/results/sittings/{id}/oneroster.zip', () => {
  const path = () => `/api/results/sittings/${scored.sittingId}/oneroster.zip`;

  it('401 without a token, 403 for a proctor and for a teacher of another school', async () => {
    expect((await api(engine).get(path())).status).toBe(401);
    expect((await api(engine).get(path(), await tokenFor(engine, tree.proctorA))).status).toBe(403);
    const other = await api(engine).get(path(), await tokenFor(engine, tree.teacherB));
    expect(other.status).toBe(403);
    expect(other.data.error.message).toContain('outside your organisation');
  });

  it('zips the OneRoster 1.2 gradebook files with the binding column names', async () => {
    const response = await get(path(), await tokenFor(engine, tree.teacherA));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    // The gradebook files and the roster files they reference (grading/exports/oneroster.test.ts
    // checks those in detail).
    expect(Object.keys(zip.files).sort()).toEqual([
      'academicSessions.csv',
      'categories.csv',
      'classes.csv',
      'courses.csv',
      'enrollments.csv',
      'lineItems.csv',
      'manifest.csv',
      'orgs.csv',
      'results.csv',
      'roles.csv',
      'users.csv',
    ]);
    const read = async (name: string) =>
      parse(await zip.file(name)!.async('string'), { columns: true }) as Record<string, string>[];
    const header = async (name: string) => (await zip.file(name)!.async('string')).split('\r\n')[0];

    expect(await header('categories.csv')).toBe(ONEROSTER_COLUMNS.categories.join(','));
    expect(await header('lineItems.csv')).toBe(ONEROSTER_COLUMNS.lineItems.join(','));
    expect(await header('results.csv')).toBe(ONEROSTER_COLUMNS.results.join(','));
    // OneRoster CSV Binding 1.2.1 (https://www.imsglobal.org/spec/oneroster/v1p2/bind/csv): the
    // 1.2 names and order, not 1.1's (gradingPeriodSourcedId; textScore before scoreDate).
    expect(ONEROSTER_COLUMNS.results).toEqual([
      'sourcedId',
      'status',
      'dateLastModified',
      'lineItemSourcedId',
      'studentSourcedId',
      'scoreStatus',
      'score',
      'scoreDate',
      'comment',
      'textScore',
      'classSourcedId',
      'inProgress',
      'incomplete',
      'late',
      'missing',
    ]);
    expect(ONEROSTER_COLUMNS.lineItems.slice(-4)).toEqual([
      'academicSessionSourcedId',
      'resultValueMin',
      'resultValueMax',
      'schoolSourcedId',
    ]);
    expect(ONEROSTER_COLUMNS.categories).toEqual([
      'sourcedId',
      'status',
      'dateLastModified',
      'title',
      'weight',
    ]);
    const manifest = Object.fromEntries((await read('manifest.csv')).map((r) => [r.propertyName, r.value]));
    expect(manifest).toMatchObject({
      'manifest.version': '1.0',
      'oneroster.version': '1.2',
      'file.results': 'bulk',
      'file.lineItems': 'bulk',
      'file.categories': 'bulk',
    });

    const categories = await read('categories.csv');
    expect(categories.map((c) => c.title)).toEqual(['Kiểm tra giữa kỳ Toán 9 (hệ 10)', 'Phần 1']);
    const lineItems = await read('lineItems.csv');
    expect(lineItems).toHaveLength(2);
    const total = lineItems.find((l) => l.categorySourcedId === categories[0]!.sourcedId)!;
    expect(total).toMatchObject({
      title: 'Kiểm tra giữa kỳ Toán 9',
      resultValueMin: '0',
      resultValueMax: '10',
    });
    const [student] = await engine.deps.db
      .select()
      .from(students)
      .where(eq(students.id, scored.sessions[0]!.studentId));
    expect(total.classSourcedId).toBe(student!.classId);
    expect(total.schoolSourcedId).toBe(tree.schoolA.id);
    // The sitting's school year, written to academicSessions.csv (required in 1.2 lineItems).
    const [session] = await read('academicSessions.csv');
    expect(total.academicSessionSourcedId).toBe(session!.sourcedId);
    expect(session!.type).toBe('schoolYear');

    const results = await read('results.csv');
    expect(results).toHaveLength(8);
    const totals = results
      .filter((r) => r.lineItemSourcedId === total.sourcedId)
      .map((r) => [r.studentSourcedId, r.score, r.textScore, r.scoreStatus]);
    expect(totals).toEqual(
      expect.arrayContaining([
        [scored.sessions[0]!.studentId, '0', 'Chưa đạt', 'fully graded'],
        [scored.sessions[2]!.studentId, '6.7', 'Đạt', 'fully graded'],
        [scored.sessions[3]!.studentId, '10', 'Tốt', 'fully graded'],
      ]),
    );
    expect(results.every((r) => r.status === '' && r.dateLastModified === '')).toBe(true);
    expect(results.every((r) => r.classSourcedId === student!.classId)).toBe(true);
    expect(new Set(results.map((r) => r.sourcedId)).size).toBe(8);
  });
});

describe('GET /api/results/sittings/{id}/gradebook.xlsx', () => {
  const path = () => `/api/results/sittings/${scored.sittingId}/gradebook.xlsx`;

  it('401 without a token and 403 for a teacher of another school', async () => {
    expect((await api(engine).get(path())).status).toBe(401);
    expect((await api(engine).get(path(), await tokenFor(engine, tree.teacherB))).status).toBe(403);
  });

  it('lays the class grade book out as a sổ điểm', async () => {
    const response = await get(path(), await tokenFor(engine, tree.examBoard));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('SỔ ĐIỂM');
    expect(String(sheet.getCell(2, 1).value)).toContain(tree.schoolA.name);
    expect(String(sheet.getCell(3, 1).value)).toContain('Môn: Toán');
    const header = (sheet.getRow(GRADE_BOOK_HEADER_ROW).values as unknown[]).slice(1);
    expect(header).toEqual([
      'STT',
      'Mã định danh',
      'Họ và tên',
      'Ngày sinh',
      'Phần 1 (3 đ)',
      'Tổng điểm',
      'Điểm (hệ 10)',
      'Xếp loại',
    ]);
    const rows = [1, 2, 3, 4].map((i) =>
      (sheet.getRow(GRADE_BOOK_HEADER_ROW + i).values as unknown[]).slice(1),
    );
    const ids = await engine.deps.db
      .select({ id: students.id, nationalId: students.nationalId })
      .from(students)
      .where(
        inArray(
          students.id,
          scored.sessions.map((s) => s.studentId),
        ),
      );
    const nationalId = (i: number) => ids.find((s) => s.id === scored.sessions[i]!.studentId)!.nationalId;
    expect(rows).toEqual([
      [1, nationalId(0), 'Học Sinh 1', '17/05/2011', 0, 0, 0, 'Chưa đạt'],
      [2, nationalId(1), 'Học Sinh 2', '17/05/2011', 1, 1, 3.3, 'Đạt'],
      [3, nationalId(2), 'Học Sinh 3', '17/05/2011', 2, 2, 6.7, 'Đạt'],
      [4, nationalId(3), 'Học Sinh 4', '17/05/2011', 3, 3, 10, 'Tốt'],
    ]);
  });

  it('adds a Mã đề column with each candidate s form when the sitting has parallel forms', async () => {
    const twoForms = await buildTwoFormSitting(engine, tree, {
      students: 4,
      sitting: { releasePolicy: 'immediately' },
    });
    const board = await tokenFor(engine, tree.examBoard);
    // The roster says who sat which form: seats in candidate-number order alternate A, B, A, B.
    const roster = await api(engine).get(`/api/sittings/${twoForms.sittingId}/sessions`, board);
    const rosterForm = new Map(
      (roster.data.items as Array<{ candidateNumber: string; form: string }>).map((r) => [
        r.candidateNumber,
        r.form,
      ]),
    );
    expect(twoForms.sessions.map((s) => rosterForm.get(s.candidateNumber))).toEqual(['A', 'B', 'A', 'B']);

    const response = await get(`/api/results/sittings/${twoForms.sittingId}/gradebook.xlsx`, board);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(GRADE_BOOK_HEADER_ROW).values as unknown[]).slice(1);
    expect(header).toEqual([
      'STT',
      'Mã định danh',
      'Họ và tên',
      'Ngày sinh',
      'Mã đề',
      'Phần 1 (3 đ)',
      'Tổng điểm',
      'Điểm (hệ 10)',
      'Xếp loại',
    ]);
    const names = await engine.deps.db
      .select({ id: students.id, fullName: students.fullName })
      .from(students)
      .where(
        inArray(
          students.id,
          twoForms.sessions.map((s) => s.studentId),
        ),
      );
    const expected = twoForms.sessions
      .map((s, i) => [
        names.find((n) => n.id === s.studentId)!.fullName,
        rosterForm.get(s.candidateNumber),
        i,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'vi'));
    const rows = [1, 2, 3, 4].map((i) =>
      (sheet.getRow(GRADE_BOOK_HEADER_ROW + i).values as unknown[]).slice(1),
    );
    expect(rows.map((r) => [r[2], r[4], r[6]])).toEqual(expected);

    // The candidate sees their form with their result.
    const shown = await api(engine).get('/api/results/candidate', twoForms.sessions[1]!.sessionToken);
    expect(shown.status).toBe(200);
    expect(shown.data).toMatchObject({ form: 'B', score: { raw: 1, max: 3 } });
  });
});

describe('release policy: GET /api/results/candidate', () => {
  it('answers by policy', () => {
    const closesAt = new Date('2026-05-01T10:00:00Z');
    const before = new Date('2026-05-01T09:00:00Z');
    const after = new Date('2026-05-01T11:00:00Z');
    expect(resultsReleased({ releasePolicy: 'immediately', closesAt, resultsReleasedAt: null }, before)).toBe(
      true,
    );
    expect(resultsReleased({ releasePolicy: 'after_close', closesAt, resultsReleasedAt: null }, before)).toBe(
      false,
    );
    expect(resultsReleased({ releasePolicy: 'after_close', closesAt, resultsReleasedAt: null }, after)).toBe(
      true,
    );
    expect(resultsReleased({ releasePolicy: 'after_review', closesAt, resultsReleasedAt: null }, after)).toBe(
      false,
    );
    expect(
      resultsReleased({ releasePolicy: 'after_review', closesAt, resultsReleasedAt: before }, after),
    ).toBe(true);
  });

  it('refuses before release, lets only results:write release, then shows the result', async () => {
    const candidate = scored.sessions[2]!.sessionToken;
    expect((await api(engine).get('/api/results/candidate')).status).toBe(401);
    const early = await api(engine).get('/api/results/candidate', candidate);
    expect(early.status).toBe(403);
    expect(early.data.error.id).toBe('results_not_released');

    const release = `/api/results/sittings/${scored.sittingId}/release`;
    expect((await api(engine).post(release, {})).status).toBe(401);
    const teacher = await api(engine).post(release, {}, await tokenFor(engine, tree.teacherA));
    expect(teacher.status).toBe(403);
    expect(teacher.data.error.message).toContain('results:write');
    const board = await api(engine).post(release, {}, await tokenFor(engine, tree.examBoard));
    expect(board.status).toBe(200);
    const [row] = await engine.deps.db.select().from(sittings).where(eq(sittings.id, scored.sittingId));
    expect(row!.resultsReleasedAt).not.toBeNull();
    const audit = await engine.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, scored.sittingId));
    expect(audit.map((a) => a.action)).toContain('results.release');

    const shown = await api(engine).get('/api/results/candidate', candidate);
    expect(shown.status).toBe(200);
    expect(shown.data).toMatchObject({
      version: 1,
      score: { raw: 2, max: 3, tenPoint: 6.7 },
      rating: 'Đạt',
      sitting: { id: scored.sittingId, subject: 'Toán' },
      form: null,
    });
  });
});

describe('the retired POST /api/results/sittings/{id}/irt', () => {
  // Right answers per candidate (Q1, Q2, Q3): facilities 6/8, 5/8 and 3/8.
  const PATTERNS = ['100', '110', '111', '010', '101', '110', '000', '111'];
  let irt: Awaited<ReturnType<typeof buildScoredSitting>>;
  const itemRows = async () => {
    const [session] = await engine.deps.db
      .select({ form: candidateSessions.form })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, irt.sessions[0]!.sessionId));
    const versionIds = (session!.form as { entries: { itemVersionId: string }[] }).entries.map(
      (e) => e.itemVersionId,
    );
    const ids = (
      await engine.deps.db
        .select({ itemId: itemBankTables.itemVersions.itemId })
        .from(itemBankTables.itemVersions)
        .where(inArray(itemBankTables.itemVersions.id, versionIds))
    ).map((r) => r.itemId);
    const rows = await engine.deps.db
      .select()
      .from(itemBankTables.items)
      .where(inArray(itemBankTables.items.id, ids));
    return Object.fromEntries(rows.map((r) => [r.identifier, r]));
  };
  const auditsOf = async (action: string) =>
    (await engine.deps.db.select().from(auditLog).where(eq(auditLog.subjectId, irt.sittingId))).filter(
      (a) => a.action === action,
    );

  beforeAll(async () => {
    irt = await buildScoredSitting(engine, tree, {
      students: PATTERNS.length,
      organisationId: tree.schoolA.id,
      answer: (i, q) => (PATTERNS[i]![q - 1] === '1' ? `SECRET-KEY-${q}` : 'wrong'),
    });
  });

  it('answers 404 to the exam board and writes nothing: calibration has one path, the command', async () => {
    const board = await tokenFor(engine, tree.examBoard);
    const old = await api(engine).post(
      `/api/results/sittings/${irt.sittingId}/irt`,
      { model: 'rasch', minSampleSize: 5 },
      board,
    );
    expect(old.status).toBe(404);
    for (const row of Object.values(await itemRows())) {
      expect(row).toMatchObject({ irtModel: null, irtB: null, irtCalibratedAt: null, difficulty: null });
      expect(await itemParameterHistory(engine.deps.db, row.id)).toHaveLength(0);
    }
    expect(await auditsOf('items.irt_calibrate')).toHaveLength(0);
    expect(await auditsOf('items.calibrate')).toHaveLength(0);
  });

  it('its successor, POST .../calibration, writes versions, IRT columns, facilities and items.calibrate', async () => {
    const path = `/api/results/sittings/${irt.sittingId}/calibration`;
    expect((await api(engine).post(path, {})).status).toBe(401);
    expect((await api(engine).post(path, {}, await tokenFor(engine, tree.teacherA))).status).toBe(403);
    const res = await api(engine).post(
      path,
      { model: 'rasch', store: true, includeFlagged: true },
      await tokenFor(engine, tree.examBoard),
    );
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ sampleSize: 8, estimated: 3, stored: 3, linking: { method: 'none' } });
    const byRef = await itemRows();
    expect(Object.keys(byRef).sort()).toEqual(['Q1', 'Q2', 'Q3']);
    for (const ref of ['Q1', 'Q2', 'Q3']) {
      expect(byRef[ref]).toMatchObject({ irtModel: 'rasch', irtSampleSize: 8, irtC: null });
      expect(byRef[ref]!.irtCalibratedAt).toBeInstanceOf(Date);
      const history = await itemParameterHistory(engine.deps.db, byRef[ref]!.id);
      expect(history.map((v) => v.version)).toEqual([1]);
      expect(history[0]!.source).toBe(`database:sitting:${irt.sittingId}`);
    }
    // The facility the old route wrote, now from the command: the share of right answers.
    expect(byRef.Q1!.difficulty).toBeCloseTo(0.75, 6);
    expect(byRef.Q2!.difficulty).toBeCloseTo(0.625, 6);
    expect(byRef.Q3!.difficulty).toBeCloseTo(0.375, 6);
    // Harder items (fewer right) get higher Rasch difficulty.
    expect(byRef.Q1!.irtB!).toBeLessThan(byRef.Q2!.irtB!);
    expect(byRef.Q2!.irtB!).toBeLessThan(byRef.Q3!.irtB!);
    const [audit] = await auditsOf('items.calibrate');
    expect(audit).toMatchObject({ subjectType: 'sitting', subjectId: irt.sittingId });
    expect((audit!.details as { stored: unknown[] }).stored).toHaveLength(3);
    expect(await auditsOf('items.irt_calibrate')).toHaveLength(0);
  }, 120_000);
});
