/**
 * The OneRoster 1.2 zip read back: every file the manifest calls bulk is there with the binding's
 * header, every other 1.2 file is declared absent, and every reference resolves inside the zip.
 *
 * Column names and order checked against the 1EdTech OneRoster CSV Binding 1.2.1 (Final Release,
 * 22 August 2023), https://www.imsglobal.org/spec/oneroster/v1p2/bind/csv, as found with the
 * `search` tool ("OneRoster 1.2 CSV users.csv columns ..." in the code corpus, "OneRoster 1.2 CSV
 * binding manifest.csv file.academicSessions file.roles ..." in docs and pages) and exact-string
 * look-ups in the code index ("file.lineItemScoreScales", "export const UsersCsvRowSchema",
 * "userMasterIdentifier,resourceSourcedIds"): the spec page itself (its tables are not in the
 * stored excerpt), a public zod schema of the 1.2 binding's rows (all files and manifest keys),
 * and two OneRoster Japan Profile (built on 1.2) exporters whose users.csv header is the 1.2 one
 * (with `resourceSourcedIds`, which that zod schema lacks) followed by `metadata.jp.*` columns.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../item-bank/index.ts';
import type { GradebookData } from './gradebook-data.ts';
import { ONEROSTER_COLUMNS, ONEROSTER_MANIFEST_FILES, oneRosterZip } from './oneroster.ts';
import { splitVietnameseName } from './oneroster-roster.ts';
import { schoolYearOf } from './school-year.ts';

const candidate = (n: number, classId: string | null, fullName: string) => ({
  studentId: `student-${n}`,
  nationalId: `07920800${String(n).padStart(4, '0')}`,
  fullName,
  dateOfBirth: '2011-04-0' + n,
  classId,
  className: classId && (classId === 'class-9a1' ? '9A1' : '9A2'),
  candidateNumber: `SBD${n}`,
  form: null,
  sections: { S1: n, S2: 1 },
  raw: n + 1,
  max: 6,
  tenPoint: Math.round(((n + 1) / 6) * 100) / 10,
  rating: n > 2 ? 'Khá' : 'Chưa đạt',
  status: 'final' as const,
  scoredAt: new Date('2026-10-15T09:00:00Z'),
});

const data: GradebookData = {
  // 15 October 2026: school year 2026-2027.
  sitting: {
    id: 'sitting-1',
    name: 'Kiểm tra giữa kỳ Toán 9',
    subject: 'Toán',
    opensAt: new Date('2026-10-15T01:30:00Z'),
  },
  school: { id: 'school-1', name: 'THCS Nguyễn Du, "cơ sở 2"' },
  forms: [],
  sections: [
    { id: 'S1', title: 'Trắc nghiệm', max: 4 },
    { id: 'S2', title: 'Tự luận', max: 2 },
  ],
  candidates: [
    candidate(1, 'class-9a1', 'Nguyễn Thị Minh Anh'),
    candidate(2, 'class-9a1', 'Trần Bảo'),
    candidate(3, 'class-9a2', 'Lê Văn Cường'),
    candidate(4, null, 'Phạm Hà'),
  ],
};

async function readBack() {
  const files = await readZip(await oneRosterZip(data));
  const text = (name: string) => files.get(name)!.toString('utf8');
  const rows = (name: string) => parse(text(name), { columns: true }) as Record<string, string>[];
  const header = (name: string) => text(name).split('\r\n')[0]!.split(',');
  return { files, rows, header };
}

describe('OneRoster 1.2 CSV export', () => {
  it('writes the gradebook and the roster files it points at, each with the 1.2 header', async () => {
    const { files, header } = await readBack();
    const written = [
      'academicSessions',
      'categories',
      'classes',
      'courses',
      'enrollments',
      'lineItems',
      'orgs',
      'results',
      'roles',
      'users',
    ] as const;
    expect([...files.keys()].sort()).toEqual(['manifest.csv', ...written.map((f) => `${f}.csv`)].sort());
    for (const file of written) expect(header(`${file}.csv`), file).toEqual([...ONEROSTER_COLUMNS[file]]);
    // The binding's tables, written out here so a slip in the shared constant cannot hide itself.
    expect(header('users.csv')).toEqual([
      'sourcedId',
      'status',
      'dateLastModified',
      'enabledUser',
      'username',
      'userIds',
      'givenName',
      'familyName',
      'middleName',
      'identifier',
      'email',
      'sms',
      'phone',
      'agentSourcedIds',
      'grades',
      'password',
      'userMasterIdentifier',
      'resourceSourcedIds',
      'preferredGivenName',
      'preferredMiddleName',
      'preferredFamilyName',
      'primaryOrgSourcedId',
      'pronouns',
    ]);
    expect(header('classes.csv')).toEqual([
      'sourcedId',
      'status',
      'dateLastModified',
      'title',
      'grades',
      'courseSourcedId',
      'classCode',
      'classType',
      'location',
      'schoolSourcedId',
      'termSourcedIds',
      'subjects',
      'subjectCodes',
      'periods',
    ]);
    expect(header('academicSessions.csv')).toEqual([
      'sourcedId',
      'status',
      'dateLastModified',
      'title',
      'type',
      'startDate',
      'endDate',
      'parentSourcedId',
      'schoolYear',
    ]);
  });

  it('names every 1.2 file in the manifest: bulk when in the zip, absent otherwise', async () => {
    const { files, rows } = await readBack();
    const manifest = Object.fromEntries(rows('manifest.csv').map((r) => [r.propertyName!, r.value!]));
    expect(manifest).toMatchObject({ 'manifest.version': '1.0', 'oneroster.version': '1.2' });
    expect(ONEROSTER_MANIFEST_FILES).toHaveLength(21);
    for (const name of [
      'classResources',
      'courseResources',
      'resources',
      'roles',
      'userProfiles',
      'userResources',
      'scoreScales',
      'lineItemScoreScales',
      'resultScoreScales',
      'lineItemLearningObjectiveIds',
      'resultLearningObjectiveIds',
      'demographics',
    ])
      expect(ONEROSTER_MANIFEST_FILES).toContain(name);
    for (const file of ONEROSTER_MANIFEST_FILES) {
      const declared = manifest[`file.${file}`];
      expect(declared, file).toBe(files.has(`${file}.csv`) ? 'bulk' : 'absent');
    }
    expect(manifest['file.classes']).toBe('bulk');
    expect(manifest['file.users']).toBe('bulk');
    expect(manifest['file.academicSessions']).toBe('bulk');
    expect(manifest['file.demographics']).toBe('absent');
  });

  it("sets each line item's academic session to the sitting's school year and resolves every reference", async () => {
    const { rows } = await readBack();
    const ids = (file: string) => new Set(rows(file).map((r) => r.sourcedId));
    const [session, ...more] = rows('academicSessions.csv');
    expect(more).toHaveLength(0);
    expect(session).toMatchObject({
      title: 'Năm học 2026-2027',
      type: 'schoolYear',
      startDate: '2026-09-01',
      endDate: '2027-05-31',
      schoolYear: '2027',
      status: '',
      dateLastModified: '',
    });
    const lineItems = rows('lineItems.csv');
    expect(lineItems).toHaveLength(6); // two classes x (total + two sections)
    for (const item of lineItems) {
      expect(item.academicSessionSourcedId).toBe(session!.sourcedId);
      expect(ids('classes.csv')).toContain(item.classSourcedId);
      expect(ids('categories.csv')).toContain(item.categorySourcedId);
      expect(ids('orgs.csv')).toContain(item.schoolSourcedId);
    }
    const results = rows('results.csv');
    expect(results).toHaveLength(9); // three students in a class x three line items
    for (const result of results) {
      expect(ids('lineItems.csv')).toContain(result.lineItemSourcedId);
      expect(ids('users.csv')).toContain(result.studentSourcedId);
      expect(ids('classes.csv')).toContain(result.classSourcedId);
    }
    for (const c of rows('classes.csv')) {
      expect(ids('courses.csv')).toContain(c.courseSourcedId);
      expect(ids('academicSessions.csv')).toContain(c.termSourcedIds);
      expect(ids('orgs.csv')).toContain(c.schoolSourcedId);
      expect(c.classType).toBe('homeroom');
    }
    expect(rows('classes.csv').map((c) => c.title)).toEqual(['9A1', '9A2']);
    expect(rows('courses.csv')[0]).toMatchObject({ title: 'Toán', schoolYearSourcedId: session!.sourcedId });
    expect(rows('orgs.csv')).toEqual([
      expect.objectContaining({ sourcedId: 'school-1', name: 'THCS Nguyễn Du, "cơ sở 2"', type: 'school' }),
    ]);
    for (const role of rows('roles.csv')) {
      expect(ids('users.csv')).toContain(role.userSourcedId);
      expect(role).toMatchObject({ roleType: 'primary', role: 'student', orgSourcedId: 'school-1' });
    }
    const enrollments = rows('enrollments.csv');
    expect(enrollments.map((e) => [e.userSourcedId, e.classSourcedId])).toEqual([
      ['student-1', 'class-9a1'],
      ['student-2', 'class-9a1'],
      ['student-3', 'class-9a2'],
    ]);
  });

  it('writes users with the Vietnamese name split and the national identifier', async () => {
    const { rows } = await readBack();
    const users = rows('users.csv');
    expect(users).toHaveLength(4);
    expect(users[0]).toMatchObject({
      sourcedId: 'student-1',
      enabledUser: 'true',
      username: '079208000001',
      familyName: 'Nguyễn',
      middleName: 'Thị Minh',
      givenName: 'Anh',
      identifier: '079208000001',
      userMasterIdentifier: '079208000001',
      primaryOrgSourcedId: 'school-1',
      password: '',
    });
    expect(splitVietnameseName('  Trần   Bảo ')).toEqual({
      familyName: 'Trần',
      middleName: '',
      givenName: 'Bảo',
    });
  });

  it('places a date in the Vietnamese school year (September to May, by the date in Vietnam)', () => {
    expect(schoolYearOf(new Date('2026-10-15T01:30:00Z')).label).toBe('2026-2027');
    expect(schoolYearOf(new Date('2027-03-10T02:00:00Z')).label).toBe('2026-2027');
    // The graduation exam in late June belongs to the year that just closed.
    expect(schoolYearOf(new Date('2026-06-26T00:00:00Z')).label).toBe('2025-2026');
    // 18:00 UTC on 31 August is already 1 September in Vietnam.
    expect(schoolYearOf(new Date('2026-08-31T18:00:00Z'))).toMatchObject({
      label: '2026-2027',
      startYear: 2026,
      endYear: 2027,
      startDate: '2026-09-01',
      endDate: '2027-05-31',
    });
    expect(schoolYearOf(new Date('2026-08-31T16:00:00Z')).label).toBe('2025-2026');
  });
});
