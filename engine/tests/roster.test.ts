import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { students } from '../people/tables.ts';
import { buildClass, buildOrganisationTree } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let boardToken: string;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  boardToken = await tokenFor(engine, tree.examBoard);
});
afterAll(() => engine.dispose());

const upload = (classId: string, body: BodyInit, contentType: string, token = boardToken, query = '') =>
  api(engine).call('POST', `/api/classes/${classId}/roster${query}`, {
    token,
    body,
    headers: { 'content-type': contentType },
  });

const classStudents = (classId: string) =>
  engine.deps.db.select().from(students).where(eq(students.classId, classId));

describe('roster import', () => {
  it('imports a CSV with Vietnamese headers, BOM and dd/mm/yyyy dates', async () => {
    const cls = await buildClass(engine.deps.db, tree.schoolA, '9A5');
    const csv =
      '\uFEFFSTT,Mã định danh,Họ và tên,Ngày sinh,Giới tính\n' +
      '1,079211234501,Nguyễn Thị Ánh Tuyết,03/04/2011,Nữ\n' +
      '2,079211234502,Trần Đức Huy,21/12/2011,Nam\n' +
      '3,079211234503,Lê Thanh Hằng,1/9/2011,\n';
    const res = await upload(cls.id, csv, 'text/csv; charset=utf-8');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ total: 3, created: 3, updated: 0, dryRun: false });
    const rows = await classStudents(cls.id);
    const tuyet = rows.find((r) => r.nationalId === '079211234501')!;
    expect(tuyet).toMatchObject({
      fullName: 'Nguyễn Thị Ánh Tuyết',
      dateOfBirth: '2011-04-03',
      gender: 'female',
    });
    expect(rows.find((r) => r.nationalId === '079211234503')!.dateOfBirth).toBe('2011-09-01');
  });

  it('accepts headers without diacritics and semicolons, and re-import updates instead of duplicating', async () => {
    const cls = await buildClass(engine.deps.db, tree.schoolA, '9A6');
    const first = await upload(
      cls.id,
      'Ma dinh danh;Ho ten;Ngay sinh\n079211234601;Pham Van Lam;05/05/2011\n',
      'text/csv',
    );
    expect(first.status).toBe(200);
    const again = await upload(
      cls.id,
      'Ma dinh danh;Ho ten;Ngay sinh\n079211234601;Phạm Văn Lâm;05/05/2011\n',
      'text/csv',
    );
    expect(again.data).toMatchObject({ created: 0, updated: 1 });
    const rows = await classStudents(cls.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fullName).toBe('Phạm Văn Lâm');
  });

  it('a CSV with one bad row imports nothing and names the row and the reason', async () => {
    const cls = await buildClass(engine.deps.db, tree.schoolA, '9A7');
    const csv =
      'Mã định danh,Họ và tên,Ngày sinh\n' +
      '079211234701,Võ Thị Kim Ngân,12/02/2011\n' +
      '079211234702,Đặng Quốc Việt,31/02/2011\n' +
      '079211234703,Bùi Minh Châu,14/07/2011\n';
    const res = await upload(cls.id, csv, 'text/csv');
    expect(res.status).toBe(422);
    expect(res.data.error.id).toBe('validation_failed');
    expect(res.data.error.message).toMatch(/Nothing was imported: 1 row\(s\) have problems \(line 3\)/);
    expect(res.data.error.details.rows).toEqual([
      { line: 3, reason: expect.stringMatching(/Ngày sinh "31\/02\/2011" is not a date/) },
    ]);
    expect(await classStudents(cls.id)).toHaveLength(0);
  });

  it('reports every bad row: bad identifier, missing name, repeated identifier, unknown gender', async () => {
    const cls = await buildClass(engine.deps.db, tree.schoolA, '9A8');
    const csv =
      'Mã định danh,Họ và tên,Ngày sinh,Giới tính\n' +
      '07921123,Ngô Bảo Ngọc,01/01/2011,Nữ\n' +
      '079211234802,,01/01/2011,Nam\n' +
      '079211234803,Trương Gia Hân,01/01/2011,Nữ\n' +
      '079211234803,Trương Gia Hân,01/01/2011,Nữ\n' +
      '079211234805,Mai Anh Tuấn,01/01/2011,X\n';
    const res = await upload(cls.id, csv, 'text/csv');
    expect(res.status).toBe(422);
    const rows = res.data.error.details.rows as Array<{ line: number; reason: string }>;
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5, 6]);
    expect(rows[0]!.reason).toMatch(/12-digit/);
    expect(rows[1]!.reason).toMatch(/Họ và tên/);
    expect(rows[2]!.reason).toMatch(/repeats line 4/);
    expect(rows[3]!.reason).toMatch(/Giới tính "X"/);
    expect(await classStudents(cls.id)).toHaveLength(0);
  });

  it('names a missing column', async () => {
    const cls = await buildClass(engine.deps.db, tree.schoolA, '9A9');
    const res = await upload(cls.id, 'Họ và tên,Ngày sinh\nAn,01/01/2011\n', 'text/csv');
    expect(res.status).toBe(422);
    expect(res.data.error.message).toMatch(/lacks the column "Mã định danh"/);
  });

  it('refuses a student registered at another school, and a class outside the scope', async () => {
    const cls = await buildClass(engine.deps.db, tree.schoolA, '9B1');
    const res = await upload(
      cls.id,
      `Mã định danh,Họ và tên,Ngày sinh\n${tree.studentB.nationalId},Lê Hoàng Nam,01/01/2011\n`,
      'text/csv',
    );
    expect(res.status).toBe(422);
    expect(res.data.error.details.rows[0].reason).toMatch(/another school/);
    const teacherToken = await tokenFor(engine, tree.teacherA);
    expect((await upload(cls.id, 'x', 'text/csv', teacherToken)).status).toBe(403);
  });

  it('imports an XLSX sheet with a title row, and dry-run writes nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách lớp 9C1');
    sheet.addRow(['DANH SÁCH HỌC SINH LỚP 9C1 - NĂM HỌC 2026-2027']);
    sheet.addRow(['STT', 'Họ và tên', 'Mã định danh', 'Ngày sinh', 'Giới tính']);
    sheet.addRow([1, 'Huỳnh Thị Diễm My', '079211234901', '08/08/2011', 'Nữ']);
    sheet.addRow([2, 'Dương Tuấn Kiệt', '079211234902', new Date(Date.UTC(2011, 10, 19)), 'Nam']);
    const bytes = await workbook.xlsx.writeBuffer();
    const cls = await buildClass(engine.deps.db, tree.schoolB, '9C1');
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const dry = await upload(
      cls.id,
      new Uint8Array(bytes as ArrayBuffer),
      xlsxType,
      boardToken,
      '?dryRun=true',
    );
    expect(dry.status).toBe(200);
    expect(dry.data).toEqual({ total: 2, created: 2, updated: 0, dryRun: true });
    expect(await classStudents(cls.id)).toHaveLength(0);
    const res = await upload(cls.id, new Uint8Array(bytes as ArrayBuffer), xlsxType);
    expect(res.status).toBe(200);
    const rows = await classStudents(cls.id);
    expect(rows.map((r) => [r.nationalId, r.dateOfBirth]).sort()).toEqual([
      ['079211234901', '2011-08-08'],
      ['079211234902', '2011-11-19'],
    ]);
  });

  it('accepts the file as multipart form data', async () => {
    const cls = await buildClass(engine.deps.db, tree.schoolB, '9C2');
    const form = new FormData();
    form.append(
      'file',
      new File(['Mã định danh,Họ và tên,Ngày sinh\n079211235001,Tô Hoài Phương,02/02/2011\n'], 'lop9c2.csv', {
        type: 'text/csv',
      }),
    );
    const res = await api(engine).call('POST', `/api/classes/${cls.id}/roster`, {
      token: boardToken,
      body: form,
    });
    expect(res.status).toBe(200);
    expect(res.data.created).toBe(1);
  });

  it('refuses an empty file, a form without its file field and a file over 5 MB, importing nothing', async () => {
    const cls = await buildClass(engine.deps.db, tree.schoolB, '9C3');
    const empty = await upload(cls.id, '', 'text/csv');
    expect(empty.status).toBe(400);
    expect(empty.data.error).toMatchObject({
      message: 'The roster file is empty.',
      details: { code: 'file_empty' },
    });
    const form = new FormData();
    form.append('roster', 'Mã định danh,Họ và tên,Ngày sinh\n');
    const noField = await api(engine).call('POST', `/api/classes/${cls.id}/roster`, {
      token: boardToken,
      body: form,
    });
    expect(noField.status).toBe(400);
    expect(noField.data.error.message).toBe('The form has no file field named "file".');
    const huge =
      'Mã định danh,Họ và tên,Ngày sinh\n' + '079211235001,Tô Hoài Phương,02/02/2011\n'.repeat(140_000);
    const tooLarge = await upload(cls.id, huge, 'text/csv');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.data.error.message).toBe('A roster file may be at most 5 MB.');
    expect(await classStudents(cls.id)).toEqual([]);
  });
});
