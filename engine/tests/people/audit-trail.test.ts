/**
 * Sign-ins, token refreshes, sign-outs and roster photos leave audit rows, written by their commands in
 * the same transaction as the change; the photo route keeps a school's photos to that school.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../people/tables.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { reencodePicture } from '../../platform/reencode-picture.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
});
afterAll(() => engine.dispose());

/** The audit rows about one subject, newest first. */
const rowsAbout = (subjectId: string, action?: string) =>
  engine.deps.db
    .select()
    .from(auditLog)
    .where(
      action
        ? and(eq(auditLog.subjectId, subjectId), eq(auditLog.action, action))
        : eq(auditLog.subjectId, subjectId),
    )
    .orderBy(desc(auditLog.seq));

describe('the audit trail of staff sessions', () => {
  it('records a refused sign-in, a sign-in, a refresh, a replayed refresh token and a sign-out', async () => {
    const user = tree.teacherA;
    const id = user.userId;
    const wrong = await api(engine).post('/api/auth/login', {
      username: user.username,
      password: 'wrong one!',
    });
    expect(wrong.status).toBe(401);
    expect(await rowsAbout(id, 'auth.login_failed')).toHaveLength(1);

    const login = await api(engine).post('/api/auth/login', {
      username: user.username,
      password: user.password,
    });
    expect(login.status).toBe(200);
    const [signedIn] = await rowsAbout(id, 'auth.login');
    expect(signedIn).toMatchObject({ actorId: id, actorRole: 'teacher', organisationId: tree.schoolA.id });

    const first = login.data.refreshToken as string;
    const refreshed = await api(engine).post('/api/auth/refresh', { refreshToken: first });
    expect(refreshed.status).toBe(200);
    expect(await rowsAbout(id, 'auth.refresh')).toHaveLength(1);

    // Replaying the spent token revokes the family, and says so in the log.
    expect((await api(engine).post('/api/auth/refresh', { refreshToken: first })).status).toBe(401);
    const [revoked] = await rowsAbout(id, 'auth.refresh_family_revoked');
    expect(revoked?.details).toMatchObject({ reason: expect.any(String) });

    const login2 = await api(engine).post('/api/auth/login', {
      username: user.username,
      password: user.password,
    });
    const out = await api(engine).post('/api/auth/logout', { refreshToken: login2.data.refreshToken });
    expect(out.status).toBe(204);
    expect(await rowsAbout(id, 'auth.logout')).toHaveLength(1);
    // Every row of the session's life, in order.
    expect((await rowsAbout(id)).map((r) => r.action).reverse()).toEqual([
      'auth.login_failed',
      'auth.login',
      'auth.refresh',
      'auth.refresh_family_revoked',
      'auth.login',
      'auth.logout',
    ]);
  });
});

// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('roster photos', () => {
  const login = async (who: { username: string; password: string }) =>
    (await api(engine).post('/api/auth/login', { username: who.username, password: who.password })).data
      .accessToken as string;
  const putPhoto = (studentId: string, token: string, body: Uint8Array, type = 'image/png') =>
    api(engine).call('PUT', `/api/students/${studentId}/photo`, {
      token,
      body: new Blob([new Uint8Array(body)]),
      headers: { 'content-type': type },
    });

  it('stores a photo with an audit row, serves it back within the school, and refuses other schools', async () => {
    const admin = await login(tree.admin);
    const student = tree.studentA.id;
    expect((await putPhoto(student, admin, PNG)).status).toBe(204);
    const [row] = await rowsAbout(student, 'student.photo');
    expect(row).toMatchObject({ actorId: tree.admin.userId, organisationId: tree.schoolA.id });

    const own = await engine.app.request(`/api/students/${student}/photo`, {
      headers: { authorization: `Bearer ${await login(tree.teacherA)}` },
    });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    // The stored photo is the picture encoded again (only its pixels are kept).
    const served = Buffer.from(await own.arrayBuffer());
    expect(served.equals(reencodePicture(PNG, { contentType: 'image/png' }, 'test'))).toBe(true);

    const other = await api(engine).get(`/api/students/${student}/photo`, await login(tree.teacherB));
    expect(other.status).toBe(403);
  });

  it('refuses a teacher writing, a wrong type, an empty body and more than 2 MB, and writes nothing', async () => {
    const student = tree.studentB.id;
    const before = (await rowsAbout(student, 'student.photo')).length;
    const teacher = await putPhoto(student, await login(tree.teacherB), PNG);
    expect(teacher.status).toBe(403);
    const admin = await login(tree.admin);
    const wrongType = await putPhoto(student, admin, PNG, 'application/pdf');
    expect(wrongType.status).toBe(400);
    expect(wrongType.data.error.message).toMatch(/image\/jpeg/);
    expect((await putPhoto(student, admin, new Uint8Array())).status).toBe(400);
    expect((await putPhoto(student, admin, new Uint8Array(2 * 1024 * 1024 + 1))).status).toBe(413);
    expect(await rowsAbout(student, 'student.photo')).toHaveLength(before);
    expect((await api(engine).get(`/api/students/${student}/photo`, admin)).status).toBe(404);
  });
});
