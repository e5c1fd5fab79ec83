/**
 * A fresh install, as the README's `npm start` seeds it (issue 18 #2, #9): the demo teacher has a
 * school bank to write in, so "Chấm thử" and "Lưu vào ngân hàng" work at once; the department's
 * demo bank stays read-only to them and says so in Vietnamese with what to do; and the exam board
 * finds one stored test under "Đề thi" and can schedule a sitting of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  DEMO_PASSWORD,
  DEMO_SCHOOL_BANK_NAME,
  DEMO_SITTING_NAME,
  DEMO_TEST_TITLE,
  seedDemo,
} from '../../demo/seed-demo.ts';
import { sittings } from '../../sittings/tables.ts';
import { api } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

let engine: TestEngine;
const login = async (username: string) => {
  const r = await api(engine).post('/api/auth/login', { username, password: DEMO_PASSWORD });
  if (r.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(r.data)}`);
  return r.data.accessToken as string;
};

beforeAll(async () => {
  engine = await createTestEngine();
  await seedDemo(engine.deps.db);
});
afterAll(() => engine.dispose());

const draft = {
  number: 1,
  label: 'Câu 1',
  kind: 'multiple',
  stem: ['Những số nào là số chẵn?'],
  options: [
    { label: 'A', text: '2', correct: true },
    { label: 'B', text: '3', correct: false },
    { label: 'C', text: '4', correct: true },
  ],
  answers: [],
};

describe('a fresh install', () => {
  it('gives the demo teacher a school bank to try-score and save in; the department bank refuses in Vietnamese', async () => {
    const teacher = await login('giaovien');
    const banks = (await api(engine).get('/api/item-banks', teacher)).data.items as Array<{
      id: string;
      name: string;
      writable: boolean;
    }>;
    const school = banks.find((b) => b.name === DEMO_SCHOOL_BANK_NAME);
    expect(school?.writable).toBe(true);
    const tried = await api(engine).post(
      `/api/item-banks/${school!.id}/drafts/try-score`,
      { draft, responses: { RESPONSE: ['A', 'C'] } },
      teacher,
    );
    expect(tried.status).toBe(200);
    expect(tried.data.outcomes.SCORE).toBe(1);
    const saved = await api(engine).post(`/api/item-banks/${school!.id}/drafts`, { draft }, teacher);
    expect(saved.status).toBe(200);
    expect(saved.data.created).toBe(1);

    const department = banks.find((b) => !b.writable)!;
    const refused = await api(engine).post(`/api/item-banks/${department.id}/drafts`, { draft }, teacher);
    expect(refused.status).toBe(403);
    expect(refused.data.error.message).toMatch(/chỉ được xem.*Hãy chọn ngân hàng của trường mình/);
  });

  it('lets a teacher create another bank for the school, and refuses a second bank of the same name in Vietnamese', async () => {
    const teacher = await login('giaovien');
    const me = (await api(engine).get('/api/auth/me', teacher)).data;
    const created = await api(engine).post(
      '/api/item-banks',
      { name: 'Tin học 8', organisationId: me.organisation?.id ?? me.organisationId },
      teacher,
    );
    expect(created.status).toBe(201);
    expect(created.data.writable).toBe(true);
    const again = await api(engine).post(
      '/api/item-banks',
      { name: 'Tin học 8', organisationId: me.organisation?.id ?? me.organisationId },
      teacher,
    );
    expect(again.status).toBe(409);
    expect(again.data.error.message).toContain('đã có ngân hàng tên');
  });

  it('has one stored test the exam board can schedule, worth 10 points', async () => {
    const board = await login('khaothi');
    const banks = (await api(engine).get('/api/item-banks', board)).data.items as Array<{
      id: string;
      name: string;
    }>;
    const demoBank = banks.find((b) => b.name === 'Ngân hàng câu hỏi mẫu')!;
    const tests = (await api(engine).get(`/api/tests?bankId=${demoBank.id}`, board)).data.items as Array<{
      id: string;
      title: string;
      itemCount: number;
      points: number;
    }>;
    expect(tests).toHaveLength(1);
    expect(tests[0]).toMatchObject({ title: DEMO_TEST_TITLE, itemCount: 10, points: 10 });
    const detail = await api(engine).get(`/api/tests/${tests[0]!.id}`, board);
    expect(detail.status).toBe(200);
    const orgs = (await api(engine).get('/api/organisations', board)).data.items as Array<{
      id: string;
      kind: string;
    }>;
    const sitting = await api(engine).post(
      '/api/sittings',
      {
        organisationId: orgs.find((o) => o.kind === 'school')!.id,
        name: 'Kiểm tra từ đề mẫu',
        opensAt: new Date(Date.now() + 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 5 * 3600_000).toISOString(),
        durationMinutes: 45,
        test: { testId: tests[0]!.id },
      },
      board,
    );
    expect(sitting.status).toBe(201);
    expect(sitting.data.itemCount).toBe(10);
  });

  it("names the demo sitting's subject as people read it (reports, grade book and OneRoster print it as is)", async () => {
    const [demo] = await engine.deps.db.select().from(sittings).where(eq(sittings.name, DEMO_SITTING_NAME));
    expect(demo?.subject).toBe('Tổng hợp');
  });
});
