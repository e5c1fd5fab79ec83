import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { api } from './support/http.ts';
import { createPersistentStore } from './support/persistent-engine.ts';

let store: Awaited<ReturnType<typeof createPersistentStore>>;
beforeAll(async () => {
  store = await createPersistentStore();
});
afterAll(() => store.remove());

describe('restart', () => {
  it('keeps organisations, users, students and audit entries across a restart', async () => {
    const first = await store.open();
    expect((await seedDemo(first.deps.db)).seeded).toBe(true);
    const login = await api(first).post('/api/auth/login', { username: 'khaothi', password: 'ThiThu@2026' });
    expect(login.status).toBe(200);
    const schools = await api(first).get('/api/organisations?kind=school', login.data.accessToken);
    const created = await api(first).post(
      '/api/students',
      {
        nationalId: '079211999001',
        fullName: 'Châu Ngọc Quỳnh',
        dateOfBirth: '2011-10-10',
        schoolId: schools.data.items[0].id,
      },
      login.data.accessToken,
    );
    expect(created.status).toBe(201);
    const { refreshToken } = login.data;
    await first.close();

    const second = await store.open();
    try {
      expect((await seedDemo(second.deps.db)).seeded).toBe(false);
      // The refresh token issued before the restart still works: sessions live in the database.
      const refreshed = await api(second).post('/api/auth/refresh', { refreshToken });
      expect(refreshed.status).toBe(200);
      const student = await api(second).get(`/api/students/${created.data.id}`, refreshed.data.accessToken);
      expect(student.status).toBe(200);
      expect(student.data.fullName).toBe('Châu Ngọc Quỳnh');
      const all = await api(second).get('/api/students?pageSize=1', refreshed.data.accessToken);
      expect(all.data.total).toBe(181);
    } finally {
      await second.close();
    }
  }, 180_000);
});
