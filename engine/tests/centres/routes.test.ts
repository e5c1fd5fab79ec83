/** The exam board's centre routes through the app, with the access rule every staff route uses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '../../people/actor.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { buildQtiItems, buildSitting } from '../support/delivery-fixtures.ts';
import { api, tokenFor } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { generateSigningKeyPair, publicKeyOf } from '../../centres/ed25519.ts';
import { checkPackage } from '../../centres/open-package.ts';

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let other: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sittingId: string;
const token = (actor: StaffActor) => tokenFor(engine, actor);

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  other = await buildOrganisationTree(engine.deps.db);
  const items = await buildQtiItems(engine, tree, 3);
  ({ sittingId } = await buildSitting(engine, tree, items, { students: 4 }));
});
afterAll(() => engine?.dispose());

const download = async (body: unknown, bearer?: string) => {
  const response = await engine.app.request('/api/centres/packages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
};

describe('/api/centres', () => {
  it('registers a centre (exam board in scope), answering with the central key; refuses others', async () => {
    const publicKey = generateSigningKeyPair().publicKey;
    const body = { organisationId: tree.schoolA.id, name: 'Điểm thi số 1', publicKey };
    expect((await api(engine).post('/api/centres', body)).status).toBe(401);
    expect((await api(engine).post('/api/centres', body, await token(tree.teacherA))).status).toBe(403);
    expect((await api(engine).post('/api/centres', body, await token(other.examBoard))).status).toBe(403);
    const bad = await api(engine).post(
      '/api/centres',
      { ...body, publicKey: 'AAAA' },
      await token(tree.examBoard),
    );
    expect(bad).toMatchObject({ status: 400, data: { error: { id: 'bad_request' } } });
    const created = await api(engine).post('/api/centres', body, await token(tree.examBoard));
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      centreId: expect.any(String),
      central: { keyId: expect.any(String) },
    });
    const again = await api(engine).post('/api/centres', body, await token(tree.examBoard));
    expect(again.status).toBe(409);
  });

  it('downloads a sealed package of a sitting in scope, verifiable with the central key', async () => {
    const registered = await api(engine).post(
      '/api/centres',
      {
        organisationId: tree.schoolA.id,
        name: 'Điểm thi số 2',
        publicKey: generateSigningKeyPair().publicKey,
      },
      await token(tree.examBoard),
    );
    const { centreId, central } = registered.data as {
      centreId: string;
      central: { keyId: string; publicKey: string };
    };
    const body = { sittingId, centreIds: [centreId] };
    expect((await download(body)).status).toBe(401);
    expect((await download(body, await token(tree.proctorA))).status).toBe(403);
    expect((await download(body, await token(other.examBoard))).status).toBe(403);
    const unknown = await download({ sittingId, centreIds: [tree.schoolA.id] }, await token(tree.examBoard));
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString()).error.id).toBe('unknown_centre');

    const got = await download(body, await token(tree.examBoard));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    const header = checkPackage(got.body, centreId, {
      keyId: central.keyId,
      publicKey: publicKeyOf(central.publicKey),
    });
    expect(header).toMatchObject({
      sittingId,
      centreIds: [centreId],
      packageId: got.headers.get('x-package-id'),
    });
    expect(header.rooms[0]!.candidates).toBe(4);
    // Sealed: the items' prompts cannot be read in the file.
    expect(got.body.toString('utf8')).not.toContain('7 × 8');
  });
});
