import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { buildOrganisationTree } from './support/factories.ts';
import { api } from './support/http.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
});
afterAll(() => engine.dispose());

describe('staff login', () => {
  it('signs in with the right password and returns tokens, role and abilities', async () => {
    const res = await api(engine).post('/api/auth/login', {
      username: tree.teacherA.username,
      password: tree.teacherA.password,
    });
    expect(res.status).toBe(200);
    expect(res.data.tokenType).toBe('Bearer');
    expect(res.data.user).toMatchObject({
      role: 'teacher',
      organisation: { id: tree.schoolA.id, kind: 'school' },
    });
    expect(res.data.user.abilities).toContain('students:read');
    expect(res.data.user.abilities).not.toContain('students:write');
    const me = await api(engine).get('/api/auth/me', res.data.accessToken);
    expect(me.status).toBe(200);
    expect(me.data.username).toBe(tree.teacherA.username);
  });

  it('usernames are case-insensitive', async () => {
    const res = await api(engine).post('/api/auth/login', {
      username: tree.proctorA.username.toUpperCase(),
      password: tree.proctorA.password,
    });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong password or an unknown user with 401 and the same message', async () => {
    const wrong = await api(engine).post('/api/auth/login', {
      username: tree.admin.username,
      password: 'nope nope nope',
    });
    const unknown = await api(engine).post('/api/auth/login', {
      username: 'no-such-user',
      password: 'nope nope nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.data.error.id).toBe('invalid_credentials');
    expect(unknown.data.error.message).toBe(wrong.data.error.message);
  });

  it('answers 400 naming the field for a malformed body', async () => {
    const res = await api(engine).post('/api/auth/login', { username: 'x' });
    expect(res.status).toBe(400);
    expect(res.data.error.message).toMatch(/^password:/);
    const notJson = await api(engine).call('POST', '/api/auth/login', {
      body: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
  });

  it('gives 429 on the 11th failed login within a minute, even with the right password then', async () => {
    const { username, password } = tree.teacherB;
    for (let attempt = 1; attempt <= 10; attempt++) {
      const res = await api(engine).post('/api/auth/login', { username, password: `wrong-${attempt}` });
      expect(res.status, `attempt ${attempt}`).toBe(401);
    }
    const eleventh = await api(engine).post('/api/auth/login', { username, password: 'wrong-11' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.data.error.id).toBe('rate_limited');
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    const right = await api(engine).post('/api/auth/login', { username, password });
    expect(right.status).toBe(429);
  });
});

describe('tokens', () => {
  it('refuses requests without a token, with a garbage token, a forged or an expired one: 401', async () => {
    const noToken = await api(engine).get('/api/students');
    expect(noToken.status).toBe(401);
    expect(noToken.data.error.id).toBe('unauthenticated');

    const garbage = await api(engine).get('/api/students', 'not-a-jwt');
    expect(garbage.status).toBe(401);
    expect(garbage.data.error.id).toBe('invalid_token');

    const claims = { role: 'admin', org: tree.department.id, scope: '/', name: 'mallory' };
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(tree.admin.userId)
      .setIssuer('exam-engine')
      .setAudience('staff')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('some-other-secret-some-other-secret!!'));
    expect((await api(engine).get('/api/students', forged)).status).toBe(401);

    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(tree.admin.userId)
      .setIssuer('exam-engine')
      .setAudience('staff')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
      .sign(new TextEncoder().encode(engine.config.jwtSecret));
    const res = await api(engine).get('/api/students', expired);
    expect(res.status).toBe(401);
    expect(res.data.error.message).toMatch(/expired/);
  });

  it('rotates refresh tokens and revokes the family when a spent one is replayed', async () => {
    const login = await api(engine).post('/api/auth/login', {
      username: tree.examBoard.username,
      password: tree.examBoard.password,
    });
    const first = login.data.refreshToken as string;
    const refreshed = await api(engine).post('/api/auth/refresh', { refreshToken: first });
    expect(refreshed.status).toBe(200);
    const second = refreshed.data.refreshToken as string;
    expect(second).not.toBe(first);

    const replay = await api(engine).post('/api/auth/refresh', { refreshToken: first });
    expect(replay.status).toBe(401);
    // The replay revoked the whole family, so the newer token is dead too.
    expect((await api(engine).post('/api/auth/refresh', { refreshToken: second })).status).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const login = await api(engine).post('/api/auth/login', {
      username: tree.admin.username,
      password: tree.admin.password,
    });
    expect(
      (await api(engine).post('/api/auth/logout', { refreshToken: login.data.refreshToken })).status,
    ).toBe(204);
    expect(
      (await api(engine).post('/api/auth/refresh', { refreshToken: login.data.refreshToken })).status,
    ).toBe(401);
  });
});
