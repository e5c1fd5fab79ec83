import { createHash } from 'node:crypto';
import { parse } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from '../../support/factories.ts';
import { api } from '../../support/http.ts';
import { buildItems, buildSitting, testProjection } from '../../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../../support/test-engine.ts';
import { configKeyOf, sebJson } from '../../../sittings/seb/seb-config.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('SEB-JSON and the Config Key', () => {
  it('sorts keys case-insensitively at every level, drops originatorVersion and empty dictionaries', () => {
    const json = sebJson({
      b: 1,
      A: {},
      a: 'x/y',
      originatorVersion: 'SEB_Win_3.0',
      c: [{ Z: 1, y: true }],
      d: new Date('2026-01-02T03:04:05Z'),
    });
    expect(json).toBe('{"a":"x/y","b":1,"c":[{"y":true,"Z":1}],"d":"2026-01-02T03:04:05.000Z"}');
    expect(configKeyOf({ startURL: 'https://x' })).toBe(sha('{"startURL":"https://x"}'));
    expect(configKeyOf({ b: 2, a: 1 })).toBe(configKeyOf({ a: 1, b: 2, originatorVersion: 'anything' }));
  });
});

describe('a sitting that requires Safe Exam Browser', () => {
  let engine: TestEngine;
  let sitting: Awaited<ReturnType<typeof buildSitting>>;
  const bek = 'a'.repeat(64);

  beforeAll(async () => {
    engine = await createTestEngine({}, { candidateProjection: testProjection });
    const tree = await buildOrganisationTree(engine.deps.db);
    sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 1), {
      students: 1,
      securityPolicy: { safeExamBrowser: true, browserExamKeys: [bek], sebQuitPassword: 'thoat123' },
    });
  });
  afterAll(() => engine.dispose());

  it('serves a .seb file whose Config Key the engine then accepts, and refuses check-in without or with wrong hashes', async () => {
    const download = await api(engine).call('GET', `/api/sittings/${sitting.sittingId}/seb-config`, {
      token: sitting.board,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/seb');
    const settings = parse(download.data as unknown as string) as Record<string, unknown>;
    expect(settings.startURL).toBe(`http://localhost/candidate/?sitting=${sitting.sittingId}`);
    expect(settings.hashedQuitPassword).toBe(sha('thoat123'));
    const configKey = download.headers.get('x-seb-config-key')!;
    expect(configKey).toBe(configKeyOf(settings as never));

    const c = sitting.candidates[0]!;
    const [y, m, d] = c.dateOfBirth.split('-');
    const body = {
      accessCode: sitting.accessCode,
      candidateNumber: c.candidateNumber,
      dateOfBirth: `${d}/${m}/${y}`,
    };
    const url = 'http://localhost/api/candidate/check-in';
    const post = (headers: Record<string, string>) =>
      api(engine).call('POST', '/api/candidate/check-in', { json: body, headers });

    const plain = await post({});
    expect(plain.status).toBe(403);
    expect(plain.data.error.id).toBe('seb_required');
    expect((await post({ 'x-safeexambrowser-configkeyhash': sha(`${url}wrong`) })).status).toBe(403);
    // A hash made for another URL does not pass either.
    expect(
      (await post({ 'x-safeexambrowser-configkeyhash': sha(`http://localhost/other${configKey}`) })).status,
    ).toBe(403);
    expect((await post({ 'x-safeexambrowser-configkeyhash': sha(url + configKey) })).status).toBe(200);
    expect((await post({ 'x-safeexambrowser-requesthash': sha(url + bek) })).status).toBe(200);
  });
});
