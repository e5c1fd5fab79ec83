/**
 * Proctoring pictures against a real engine (PGlite, or PostgreSQL when DATABASE_URL is set): who may set and read
 * roster photos, that a candidate's session gets only its own photo and only while open in a sitting that checks
 * identity, identity results becoming incidents, and incident snapshots (policy, size and type, who may see them,
 * expiry and the sweeper).
 */
import os from 'node:os';
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions } from '../../delivery/tables.ts';
import { sittingCandidates } from '../../sittings/tables.ts';
import { buildOrganisationTree, buildStaff } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  testProjection,
  type CandidateClient,
} from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { ConfigError, loadConfig } from '../../platform/config.ts';
import { deleteExpiredSnapshots, snapshotRetentionDaysOf } from '../../proctoring/snapshots.ts';
import { incidentSnapshots } from '../../proctoring/tables.ts';
import { listIncidents } from '../../proctoring/incidents.ts';
import type {
  IncidentRecord,
  ProctorClientToServerEvents,
  ProctorServerToClientEvents,
} from '../../protocol/proctor.ts';
import { io as connectSocket } from 'socket.io-client';
import jpegJs from 'jpeg-js';
import { reencodePicture } from '../../platform/reencode-picture.ts';

/** A real JPEG of the given size (the engine decodes and re-encodes it), padded with zeros to `padTo` bytes. */
function jpeg(width: number, height: number, padTo = 0): Buffer {
  const pixels = Buffer.alloc(width * height * 4, 0x80);
  const base = jpegJs.encode({ data: pixels, width, height }, 50).data;
  return padTo > base.length ? Buffer.concat([base, Buffer.alloc(padTo - base.length)]) : base;
}
/** What the engine stores of a JPEG: its pixels, encoded again. */
const asStored = (picture: Buffer) => reencodePicture(picture, { contentType: 'image/jpeg' }, 'test');
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let otherBoard: string;
let unassignedProctor: string;
let checked: Awaited<ReturnType<typeof buildSitting>>;
let unchecked: Awaited<ReturnType<typeof buildSitting>>;
/** A sitting that allows snapshots but sets no retention of its own. */
let engineRetention: Awaited<ReturnType<typeof buildSitting>>;
const ENGINE_RETENTION_DAYS = 3;
/** The unchecked sitting's candidate, connected once (a second device would be refused). */
let uncheckedCandidate: { socket: CandidateClient; sessionId: string };
const sockets: Socket[] = [];
const T0 = Date.now();

function connectProctor(token: string): Socket<ProctorServerToClientEvents, ProctorClientToServerEvents> {
  const socket: Socket<ProctorServerToClientEvents, ProctorClientToServerEvents> = connectSocket(
    `http://127.0.0.1:${port}/proctor`,
    { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true },
  );
  sockets.push(socket as unknown as Socket);
  return socket;
}

/** Sitting candidate ids in the order of `sitting.candidates`. */
async function candidateIds(sitting: typeof checked) {
  const rows = await engine.deps.db
    .select({ id: sittingCandidates.id, number: sittingCandidates.candidateNumber })
    .from(sittingCandidates)
    .where(eq(sittingCandidates.sittingId, sitting.sittingId));
  return sitting.candidates.map((c) => ({ id: rows.find((r) => r.number === c.candidateNumber)!.id }));
}

const photoPath = (sittingId: string, candidateId: string) =>
  `/api/proctoring/sittings/${sittingId}/candidates/${candidateId}/photo`;
const put = (path: string, body: Buffer, type: string, token?: string) =>
  api(engine).call('PUT', path, { token, body: new Uint8Array(body), headers: { 'content-type': type } });

async function connect(sitting: typeof checked, index: number) {
  const ids = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[index]!);
  const socket = await connectCandidate(port, ids.sessionToken, {
    deviceId: `dev-${index}-${ids.sessionId}`,
  });
  sockets.push(socket as unknown as Socket);
  return { ...ids, socket };
}
type Ack = { ok: boolean; error?: { id: string; message: string } } & Record<string, unknown>;
const emit = (socket: CandidateClient, event: string, payload: unknown) =>
  (socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack> }).emitWithAck(
    event,
    payload,
  );

beforeAll(async () => {
  // The engine's default retention (PROCTOR_SNAPSHOT_RETENTION_DAYS) applies where a sitting sets none.
  engine = await createTestEngine(
    { snapshotRetentionDays: ENGINE_RETENTION_DAYS },
    { candidateProjection: testProjection, sweepIntervalMs: 60_000 },
  );
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const elsewhere = await buildOrganisationTree(engine.deps.db);
  otherBoard = await tokenFor(engine, elsewhere.examBoard);
  unassignedProctor = await tokenFor(engine, await buildStaff(engine.deps.db, 'proctor', tree.schoolA));
  const items = await buildItems(engine, tree, 1);
  checked = await buildSitting(engine, tree, items, {
    students: 5,
    securityPolicy: {
      proctoring: true,
      proctoringRules: { identityCheck: true, snapshots: true, noFaceSeconds: 2, snapshotRetentionDays: 7 },
    },
  });
  unchecked = await buildSitting(engine, tree, items, { students: 1, securityPolicy: { proctoring: true } });
  engineRetention = await buildSitting(engine, tree, items, {
    students: 1,
    securityPolicy: { proctoring: true, proctoringRules: { snapshots: true, noFaceSeconds: 2 } },
  });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

describe('roster photos', () => {
  it('an exam board or admin over the sitting sets, reads and removes them; nobody else', async () => {
    const [first] = await candidateIds(checked);
    const path = photoPath(checked.sittingId, first!.id);
    const photo = jpeg(320, 240);
    const board = checked.board;
    const admin = await tokenFor(engine, tree.admin);
    const teacher = await tokenFor(engine, tree.teacherA);
    const proctor = await tokenFor(engine, tree.proctorA);
    expect((await put(path, photo, 'image/jpeg')).status).toBe(401);
    for (const token of [teacher, proctor])
      expect((await put(path, photo, 'image/jpeg', token)).status).toBe(403);
    expect((await put(path, photo, 'image/jpeg', otherBoard)).status).toBe(403);
    expect((await api(engine).get(path, otherBoard)).status).toBe(403);
    expect((await api(engine).get(path, proctor)).status).toBe(403);
    expect((await api(engine).get(path, board)).status).toBe(404);

    expect((await put(path, photo, 'image/jpeg', board)).status).toBe(204);
    const read = await engine.app.request(path, { headers: { authorization: `Bearer ${admin}` } });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/jpeg');
    expect(read.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await read.arrayBuffer()).equals(asStored(photo))).toBe(true);

    expect((await api(engine).call('DELETE', path, { token: admin })).status).toBe(204);
    expect((await api(engine).get(path, board)).status).toBe(404);
    expect((await api(engine).call('DELETE', path, { token: admin })).status).toBe(404);
  });

  it('refuses what is not a JPEG or PNG photo of sensible size, with the reason', async () => {
    const [first] = await candidateIds(checked);
    const path = photoPath(checked.sittingId, first!.id);
    const board = checked.board;
    const cases: [Buffer, string, number, RegExp][] = [
      [jpeg(320, 240), 'image/gif', 400, /image\/jpeg or image\/png/],
      [jpeg(320, 240), 'image/png', 400, /sent as image\/png but is jpg/],
      [Buffer.from('not a picture at all'), 'image/jpeg', 400, /not a readable/],
      [PNG_1x1, 'image/png', 400, /1x1 pixels/],
      [Buffer.alloc(0), 'image/jpeg', 400, /empty/],
      [jpeg(320, 240, 2 * 1024 * 1024 + 10), 'image/jpeg', 413, /at most/],
    ];
    for (const [body, type, status, reason] of cases) {
      const res = await put(path, body, type, board);
      expect([res.status, res.data.error?.message]).toEqual([status, expect.stringMatching(reason)]);
    }
    // A candidate of another sitting is not found under this one.
    const [other] = await candidateIds(unchecked);
    expect(
      (await put(photoPath(checked.sittingId, other!.id), jpeg(320, 240), 'image/jpeg', board)).status,
    ).toBe(404);
    expect((await api(engine).get(path, board)).status).toBe(404);
  });

  it("a candidate's own open session fetches only its own photo, in a sitting that checks identity", async () => {
    const ids = await candidateIds(checked);
    const mine = jpeg(400, 300);
    const theirs = jpeg(300, 400);
    expect(
      (await put(photoPath(checked.sittingId, ids[0]!.id), mine, 'image/jpeg', checked.board)).status,
    ).toBe(204);
    expect(
      (await put(photoPath(checked.sittingId, ids[1]!.id), theirs, 'image/jpeg', checked.board)).status,
    ).toBe(204);
    const first = await checkInCandidate(engine, checked.accessCode, checked.candidates[0]!);
    const third = await checkInCandidate(engine, checked.accessCode, checked.candidates[2]!);
    const fetchPhoto = (token?: string) =>
      engine.app.request('/api/proctoring/candidate/photo', {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const own = await fetchPhoto(first.sessionToken);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await own.arrayBuffer()).equals(asStored(mine))).toBe(true);
    // No roster photo and no student photo: the device reports "no photo" for the proctor.
    const none = await fetchPhoto(third.sessionToken);
    expect([none.status, ((await none.json()) as { error: { id: string } }).error.id]).toEqual([
      404,
      'no_photo',
    ]);
    expect((await fetchPhoto()).status).toBe(401);
    expect((await fetchPhoto(checked.board)).status).toBe(401);

    // Once the session is over, the photo is no longer sent.
    await engine.deps.db
      .update(candidateSessions)
      .set({ state: 'submitted' })
      .where(eq(candidateSessions.id, first.sessionId));
    const closed = await fetchPhoto(first.sessionToken);
    expect([closed.status, ((await closed.json()) as { error: { id: string } }).error.id]).toEqual([
      403,
      'session_closed',
    ]);

    const elsewhere = await checkInCandidate(engine, unchecked.accessCode, unchecked.candidates[0]!);
    const off = await fetchPhoto(elsewhere.sessionToken);
    expect([off.status, ((await off.json()) as { error: { id: string } }).error.id]).toEqual([
      403,
      'identity_check_off',
    ]);
  });
});

describe('identity results and snapshots on the candidate socket', () => {
  it('tells the device what the sitting asks for, and raises identity incidents only where identity is checked', async () => {
    const { socket } = await connect(checked, 1);
    expect(await emit(socket, 'proctor:events', { sentAt: T0, events: [] })).toEqual({
      ok: true,
      proctoring: true,
      incidents: 0,
      identityCheck: true,
      identityMinSimilarity: 0.5,
      snapshots: true,
    });
    const mismatch = await emit(socket, 'proctor:events', {
      sentAt: T0 + 100,
      events: [{ kind: 'identity', at: T0 + 50, result: 'mismatch', similarity: 0.3 }],
    });
    expect(mismatch).toMatchObject({ ok: true, incidents: 1 });
    const { incidents } = await listIncidents(engine.deps.db, checked.sittingId);
    expect(incidents.map((i) => [i.kind, i.severity, i.details.distance])).toContainEqual([
      'identity_mismatch',
      'high',
      0.7,
    ]);

    const other = (uncheckedCandidate = await connect(unchecked, 0));
    expect(await emit(other.socket, 'proctor:events', { sentAt: T0, events: [] })).toMatchObject({
      identityCheck: false,
      snapshots: false,
    });
    const ignored = await emit(other.socket, 'proctor:events', {
      sentAt: T0 + 100,
      events: [{ kind: 'identity', at: T0 + 50, result: 'no_photo' }],
    });
    expect(ignored).toMatchObject({ ok: true, proctoring: true, incidents: 0 });
  });

  it('a snapshot is claimed by the incident, shown to those who watch the room, and deleted once expired', async () => {
    const { socket, sessionId } = await connect(checked, 2);
    const picture = jpeg(160, 120, 4000);
    expect(await emit(socket, 'proctor:snapshot', { at: T0 + 1000, jpeg: picture })).toMatchObject({
      ok: true,
    });
    await emit(socket, 'proctor:events', {
      sentAt: T0 + 1100,
      events: [
        { kind: 'faces', at: T0, count: 1 },
        { kind: 'faces', at: T0 + 1000, count: 0 },
      ],
    });
    expect(await emit(socket, 'proctor:events', { sentAt: T0 + 3500, events: [] })).toMatchObject({
      incidents: 1,
    });
    const listed = (await listIncidents(engine.deps.db, checked.sittingId)).incidents.filter(
      (i) => i.sessionId === sessionId,
    );
    expect(listed.map((i) => i.kind)).toEqual(['no_face']);
    const url = listed[0]!.details.snapshotUrl as string;
    expect(url).toMatch(/^\/api\/proctoring\/snapshots\/[0-9a-f-]{36}$/);
    const [stored] = await engine.deps.db
      .select()
      .from(incidentSnapshots)
      .where(eq(incidentSnapshots.sessionId, sessionId));
    expect(stored!.incidentSeq).toBe(Number(listed[0]!.id));
    // Kept for the sitting's retention (7 days).
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(7 * 86_400_000);

    const get = (token?: string) =>
      engine.app.request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const proctor = await get(await tokenFor(engine, tree.proctorA));
    expect([proctor.status, proctor.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(Buffer.from(await proctor.arrayBuffer()).equals(asStored(picture))).toBe(true);
    expect((await get(checked.board)).status).toBe(200);
    expect((await get(otherBoard)).status).toBe(403);
    expect((await get(unassignedProctor)).status).toBe(403);
    expect((await get(await tokenFor(engine, tree.teacherA))).status).toBe(403);
    expect((await get()).status).toBe(401);

    // Expired: the sweeper deletes it, and neither the route nor the incident list offers it any more.
    await engine.deps.db
      .update(incidentSnapshots)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(incidentSnapshots.id, stored!.id));
    expect((await get(checked.board)).status).toBe(404);
    await deleteExpiredSnapshots(engine.deps.db);
    expect(
      await engine.deps.db.select().from(incidentSnapshots).where(eq(incidentSnapshots.id, stored!.id)),
    ).toEqual([]);
    const after = (await listIncidents(engine.deps.db, checked.sittingId)).incidents.find(
      (i) => i.sessionId === sessionId,
    );
    expect(after!.kind).toBe('no_face');
    expect(after!.details.snapshotUrl).toBeUndefined();
  });

  it('a snapshot no incident claims is deleted soon; oversize or non-JPEG snapshots are refused', async () => {
    const { socket } = await connect(checked, 3);
    const unclaimed = await emit(socket, 'proctor:snapshot', { at: T0 + 99_000, jpeg: jpeg(160, 120) });
    expect(unclaimed).toMatchObject({ ok: true });
    expect(await emit(socket, 'proctor:snapshot', { at: T0, jpeg: jpeg(160, 120, 61 * 1024) })).toMatchObject(
      {
        ok: false,
        error: { id: 'payload_too_large' },
      },
    );
    expect(await emit(socket, 'proctor:snapshot', { at: T0, jpeg: PNG_1x1 })).toMatchObject({
      ok: false,
      error: { id: 'bad_request' },
    });
    // A burst of three, then about one every five seconds.
    expect(await emit(socket, 'proctor:snapshot', { at: T0, jpeg: jpeg(160, 120) })).toMatchObject({
      ok: false,
      error: { id: 'rate_limited' },
    });
    expect(await deleteExpiredSnapshots(engine.deps.db)).toBe(0);
    expect(await deleteExpiredSnapshots(engine.deps.db, new Date(Date.now() + 3 * 60_000))).toBe(1);
  });

  it('a snapshot arriving just after its incident is still given to it, and pushed to the proctors again', async () => {
    const proctor = connectProctor(await tokenFor(engine, tree.proctorA));
    await new Promise<void>((resolve) => proctor.once('connect', () => resolve()));
    expect(
      await proctor
        .timeout(5000)
        .emitWithAck('room:join', { sittingId: checked.sittingId, roomId: checked.roomId }),
    ).toMatchObject({ ok: true });
    const pushed: IncidentRecord[] = [];
    proctor.on('incidents:new', (batch) => pushed.push(...batch.incidents));
    const { socket, sessionId } = await connect(checked, 4);
    const at = T0 + 500;
    await emit(socket, 'proctor:events', {
      sentAt: at + 10,
      events: [{ kind: 'identity', at, result: 'mismatch', similarity: 0.2 }],
    });
    expect(await emit(socket, 'proctor:snapshot', { at, jpeg: jpeg(160, 120) })).toMatchObject({ ok: true });
    await expect
      .poll(
        () =>
          pushed.filter((i) => i.sessionId === sessionId).map((i) => [i.kind, 'snapshotUrl' in i.details]),
        {
          timeout: 3000,
        },
      )
      .toEqual([
        ['identity_mismatch', false],
        ['identity_mismatch', true],
      ]);
    const mine = pushed.filter((i) => i.sessionId === sessionId);
    expect(mine[0]!.id).toBe(mine[1]!.id);
    const listed = (await listIncidents(engine.deps.db, checked.sittingId)).incidents.find(
      (i) => i.sessionId === sessionId,
    );
    expect(listed!.details.snapshotUrl).toBe(mine[1]!.details.snapshotUrl);
  });

  it('a sitting without the snapshot policy refuses snapshots and stores nothing', async () => {
    const { socket, sessionId } = uncheckedCandidate;
    expect(await emit(socket, 'proctor:snapshot', { at: T0, jpeg: jpeg(160, 120) })).toEqual({
      ok: false,
      error: { id: 'snapshots_not_allowed', message: 'This sitting does not allow snapshots.' },
    });
    expect(
      await engine.deps.db.select().from(incidentSnapshots).where(eq(incidentSnapshots.sessionId, sessionId)),
    ).toEqual([]);
  });
});

describe('snapshot retention', () => {
  it("comes from the sitting's policy, else the engine's PROCTOR_SNAPSHOT_RETENTION_DAYS, else 30 days", () => {
    const env = { DATA_DIR: os.tmpdir(), JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...env, PROCTOR_SNAPSHOT_RETENTION_DAYS: '3' }).snapshotRetentionDays).toBe(3);
    expect(loadConfig(env).snapshotRetentionDays).toBe(30);
    for (const bad of ['0', '3651', '2.5', 'week'])
      expect(() => loadConfig({ ...env, PROCTOR_SNAPSHOT_RETENTION_DAYS: bad })).toThrow(ConfigError);
    const own = { proctoringRules: { snapshots: true, snapshotRetentionDays: 7 } };
    expect(snapshotRetentionDaysOf(own, 3)).toBe(7);
    expect(snapshotRetentionDaysOf({ proctoringRules: { snapshots: true } }, 3)).toBe(3);
    expect(snapshotRetentionDaysOf(null, 3)).toBe(3);
    expect(snapshotRetentionDaysOf({ proctoringRules: { snapshots: true } })).toBe(30);
  });

  it("keeps a sitting's snapshots for the engine's default when it sets none, and the sweeper deletes them after it", async () => {
    const { socket, sessionId } = await connect(engineRetention, 0);
    expect(await emit(socket, 'proctor:snapshot', { at: T0 + 1000, jpeg: jpeg(160, 120) })).toMatchObject({
      ok: true,
    });
    await emit(socket, 'proctor:events', {
      sentAt: T0 + 1100,
      events: [
        { kind: 'faces', at: T0, count: 1 },
        { kind: 'faces', at: T0 + 1000, count: 0 },
      ],
    });
    // The no-face incident claims the snapshot, so only its expiry can delete it.
    expect(await emit(socket, 'proctor:events', { sentAt: T0 + 3500, events: [] })).toMatchObject({
      incidents: 1,
    });
    const mine = () =>
      engine.deps.db.select().from(incidentSnapshots).where(eq(incidentSnapshots.sessionId, sessionId));
    const [stored] = await mine();
    expect(stored!.incidentSeq).not.toBeNull();
    const days = ENGINE_RETENTION_DAYS * 86_400_000;
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(days);
    // A minute before the period ends the sweeper keeps it; at its end the sweeper deletes it.
    await deleteExpiredSnapshots(engine.deps.db, new Date(stored!.createdAt.getTime() + days - 60_000));
    expect(await mine()).toHaveLength(1);
    await deleteExpiredSnapshots(engine.deps.db, new Date(stored!.createdAt.getTime() + days));
    expect(await mine()).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('lists the /api/proctoring routes with their parameters, picture bodies and bearer security', async () => {
    const doc = (await (await engine.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, Record<string, any>>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const photo = doc.paths['/api/proctoring/sittings/{sittingId}/candidates/{candidateId}/photo']!;
    expect(Object.keys(photo).sort()).toEqual(['delete', 'get', 'put']);
    expect(
      photo.put!.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort(),
    ).toEqual(['path:candidateId', 'path:sittingId']);
    expect(Object.keys(photo.put!.requestBody.content).sort()).toEqual(['image/jpeg', 'image/png']);
    expect(Object.keys(photo.put!.responses)).toEqual(
      expect.arrayContaining(['204', '401', '403', '404', '413']),
    );
    expect(photo.put!.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths['/api/proctoring/candidate/photo']!)).toEqual(['get']);
    const snapshot = doc.paths['/api/proctoring/snapshots/{id}']!.get!;
    expect(Object.keys(snapshot.responses['200'].content)).toEqual(['image/jpeg']);
  });

  it('checks the role before the parameters: a snapshot id that is not a UUID is 401 without a token, 400 with one', async () => {
    const get = (token?: string) =>
      engine.app.request('/api/proctoring/snapshots/not-a-uuid', {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await get()).status).toBe(401);
    expect((await get(await tokenFor(engine, tree.teacherA))).status).toBe(403);
    expect((await get(await tokenFor(engine, tree.proctorA))).status).toBe(400);
  });
});
