import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abilitiesOf } from '../people/permissions.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  for (const key of ['admin', 'examBoard', 'teacherA', 'proctorA', 'teacherB'] as const) {
    tokens[key] = await tokenFor(engine, tree[key]);
  }
});
afterAll(() => engine.dispose());

describe('organisation scope', () => {
  it("a teacher of school A gets 403 on school B's students", async () => {
    const one = await api(engine).get(`/api/students/${tree.studentB.id}`, tokens.teacherA);
    expect(one.status).toBe(403);
    expect(one.data.error.id).toBe('forbidden');
    const list = await api(engine).get(`/api/students?schoolId=${tree.schoolB.id}`, tokens.teacherA);
    expect(list.status).toBe(403);
    const cls = await api(engine).get(`/api/classes/${tree.classB.id}`, tokens.teacherA);
    expect(cls.status).toBe(403);
  });

  it('a teacher sees their own school only', async () => {
    const own = await api(engine).get(`/api/students/${tree.studentA.id}`, tokens.teacherA);
    expect(own.status).toBe(200);
    expect(own.data.fullName).toBe('Trần Thị Bích');
    const list = await api(engine).get('/api/students', tokens.teacherA);
    expect(list.status).toBe(200);
    expect(list.data.items.map((s: { id: string }) => s.id)).toEqual([tree.studentA.id]);
    const orgs = await api(engine).get('/api/organisations', tokens.teacherA);
    expect(orgs.data.items.map((o: { id: string }) => o.id)).toEqual([tree.schoolA.id]);
  });

  it('the district exam board sees both schools, the department admin sees the whole tree', async () => {
    const board = await api(engine).get('/api/students', tokens.examBoard);
    expect(board.data.items.map((s: { id: string }) => s.id).sort()).toEqual(
      [tree.studentA.id, tree.studentB.id].sort(),
    );
    expect((await api(engine).get(`/api/students/${tree.studentB.id}`, tokens.examBoard)).status).toBe(200);
    const orgs = await api(engine).get('/api/organisations', tokens.admin);
    expect(orgs.data.items).toHaveLength(4);
    // The office is not in a school's subtree, even for reads.
    expect((await api(engine).get(`/api/organisations/${tree.office.id}`, tokens.teacherA)).status).toBe(403);
  });

  it('roles without the permission get 403 whatever the scope', async () => {
    const create = await api(engine).post(
      '/api/students',
      {
        nationalId: '079211000001',
        fullName: 'Võ Minh Khang',
        dateOfBirth: '2011-03-02',
        schoolId: tree.schoolA.id,
      },
      tokens.teacherA,
    );
    expect(create.status).toBe(403);
    expect(create.data.error.message).toMatch(/teacher role may not/);
    expect((await api(engine).get('/api/users', tokens.proctorA)).status).toBe(403);
    expect((await api(engine).get('/api/audit', tokens.examBoard)).status).toBe(403);
  });

  it('an exam board cannot create in a school outside its office, and can inside', async () => {
    const inside = await api(engine).post(
      '/api/students',
      {
        nationalId: '079211000002',
        fullName: 'Đỗ Ngọc Hân',
        dateOfBirth: '2011-09-12',
        schoolId: tree.schoolB.id,
        classId: tree.classB.id,
      },
      tokens.examBoard,
    );
    expect(inside.status).toBe(201);
    const otherTree = await buildOrganisationTree(engine.deps.db);
    const outside = await api(engine).post(
      '/api/students',
      {
        nationalId: '079211000003',
        fullName: 'Hồ Gia Bảo',
        dateOfBirth: '2011-01-30',
        schoolId: otherTree.schoolA.id,
      },
      tokens.examBoard,
    );
    expect(outside.status).toBe(403);
    const userOutside = await api(engine).post(
      '/api/users',
      {
        username: 'x-teacher',
        fullName: 'Giáo viên X',
        role: 'teacher',
        organisationId: otherTree.schoolA.id,
        password: 'long enough pw',
      },
      tokens.admin,
    );
    expect(userOutside.status).toBe(403);
  });

  it('answers 404 for a missing target and 400 for a bad body', async () => {
    const missing = await api(engine).get('/api/students/00000000-0000-4000-8000-000000000000', tokens.admin);
    expect(missing.status).toBe(404);
    const malformedId = await api(engine).get('/api/students/not-a-uuid', tokens.admin);
    expect(malformedId.status).toBe(404);
    const bad = await api(engine).post(
      '/api/students',
      { nationalId: '123', fullName: 'Lý Thu Trang', dateOfBirth: '2011-01-30', schoolId: tree.schoolA.id },
      tokens.admin,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.error.message).toMatch(/^nationalId: must be the 12-digit/);
  });

  it('each role has the abilities the policy table gives it', () => {
    expect(abilitiesOf('admin')).toContain('audit:read');
    expect(abilitiesOf('exam_board')).toEqual(expect.arrayContaining(['students:write', 'roster:import']));
    expect(abilitiesOf('teacher')).toEqual([
      'organisations:read',
      'classes:read',
      'students:read',
      'banks:write',
      'items:read',
      'items:write',
      'sittings:read',
      'results:read',
      'marking:mark',
    ]);
    expect(abilitiesOf('teacher')).not.toContain('items:review');
    // Teachers mark; moderating a double-marking discrepancy and releasing results is the exam board's.
    expect(abilitiesOf('teacher')).not.toContain('marking:moderate');
    expect(abilitiesOf('teacher')).not.toContain('results:write');
    expect(abilitiesOf('proctor')).not.toContain('results:read');
    expect(abilitiesOf('proctor')).toContain('sessions:control');
    expect(abilitiesOf('proctor')).not.toContain('students:write');
  });

  it('admins create users and organisations inside their subtree, and the hierarchy is enforced', async () => {
    const school = await api(engine).post(
      '/api/organisations',
      { kind: 'school', name: 'Trường THCS Kiểm Thử', parentId: tree.office.id },
      tokens.admin,
    );
    expect(school.status).toBe(201);
    expect(school.data.path).toBe(`${tree.office.path}${school.data.id}/`);
    const badNesting = await api(engine).post(
      '/api/organisations',
      { kind: 'district_office', name: 'Phòng sai chỗ', parentId: school.data.id },
      tokens.admin,
    );
    expect(badNesting.status).toBe(400);
    const user = await api(engine).post(
      '/api/users',
      {
        username: `gv.${Date.now()}`,
        fullName: 'Giáo viên Mới',
        role: 'teacher',
        organisationId: school.data.id,
        password: 'a long password',
      },
      tokens.admin,
    );
    expect(user.status).toBe(201);
    const login = await api(engine).post('/api/auth/login', {
      username: user.data.username,
      password: 'a long password',
    });
    expect(login.status).toBe(200);
  });
});
