/**
 * The classes listing names each class's school (issue 18 #11: the class picker showed
 * "8A1, 8A1, 9A1, 9A1, 9A2, 9A2" to a district exam board with two schools).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../demo/seed-demo.ts';
import { api } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine();
  await seedDemo(engine.deps.db);
});
afterAll(() => engine.dispose());

describe('the classes listing', () => {
  it('gives each class its school name, so two schools’ 9A1 can be told apart', async () => {
    const login = await api(engine).post('/api/auth/login', { username: 'khaothi', password: DEMO_PASSWORD });
    const listed = await api(engine).get('/api/classes', login.data.accessToken);
    expect(listed.status).toBe(200);
    const items = listed.data.items as Array<{ name: string; schoolName: string }>;
    expect(items.filter((c) => c.name === '9A1').map((c) => c.schoolName)).toEqual([
      'Trường THCS Bàn Cờ',
      'Trường THCS Lê Quý Đôn',
    ]);
    expect(items.every((c) => c.schoolName)).toBe(true);
  });
});
