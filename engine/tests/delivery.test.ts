import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables, saveItemVersion, sha256Hex } from '../../item-bank/index.ts';
import { candidateSessions, responses, sessionEvents } from '../delivery/tables.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  nextEvent,
  request,
  testProjection,
  type CandidateClient,
} from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sitting: Awaited<ReturnType<typeof buildSitting>>;
const sockets: CandidateClient[] = [];
const open = async (token: string, ids?: { deviceId?: string; tabId?: string }) => {
  const s = await connectCandidate(port, token, ids);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const items = await buildItems(engine, tree, 5);
  sitting = await buildSitting(engine, tree, items, { students: 4 });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

describe('check-in', () => {
  it('refuses wrong credentials with 401 and accepts the right ones', async () => {
    const c = sitting.candidates[0]!;
    const wrong = await api(engine).post('/api/candidate/check-in', {
      accessCode: sitting.accessCode,
      candidateNumber: c.candidateNumber,
      dateOfBirth: '01/01/2000',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.data.error.id).toBe('invalid_candidate_credentials');
    const badCode = await api(engine).post('/api/candidate/check-in', {
      accessCode: 'ZZZZZZ',
      candidateNumber: c.candidateNumber,
      dateOfBirth: '17/05/2011',
    });
    expect(badCode.status).toBe(401);
    const ok = await checkInCandidate(engine, sitting.accessCode.toLowerCase(), c);
    expect(ok.sessionToken).toBeTruthy();
    const again = await checkInCandidate(engine, sitting.accessCode, c);
    expect(again.sessionId).toBe(ok.sessionId);
  });
});

describe('a candidate session over Socket.IO', () => {
  it('resumes, starts, fetches candidate-safe items, and stores every acknowledged save once', async () => {
    const { sessionToken, sessionId } = await checkInCandidate(
      engine,
      sitting.accessCode,
      sitting.candidates[1]!,
    );
    const socket = await open(sessionToken);
    const resumed = await request(socket, 'session:resume', {});
    expect(resumed.ok && resumed.snapshot.state).toBe('checked_in');
    const started = await request(socket, 'session:start', {});
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect(started.snapshot.state).toBe('in_progress');
    expect(started.snapshot.time.remainingMs).toBeGreaterThan(44 * 60_000);
    expect(started.snapshot.form).toHaveLength(5);

    const fetched = await request(socket, 'item:fetch', { position: 0 });
    if (!fetched.ok) throw new Error(JSON.stringify(fetched));
    expect(JSON.stringify(fetched.item)).not.toContain('SECRET-KEY');
    const ref = fetched.itemRef;

    const save1 = await request(socket, 'response:save', {
      itemRef: ref,
      seq: 1,
      responses: { RESPONSE: 'A' },
    });
    expect(save1).toMatchObject({ ok: true, seq: 1 });
    const replay = await request(socket, 'response:save', {
      itemRef: ref,
      seq: 1,
      responses: { RESPONSE: 'A' },
    });
    expect(replay).toMatchObject({ ok: true, seq: 1 });
    // Out of order: seq 3 arrives before seq 2; the highest sequence wins.
    await Promise.all([
      request(socket, 'response:save', { itemRef: ref, seq: 3, responses: { RESPONSE: 'C' } }),
      request(socket, 'response:save', { itemRef: ref, seq: 2, responses: { RESPONSE: 'B' } }),
    ]);
    const rows = await engine.deps.db
      .select()
      .from(responses)
      .where(and(eq(responses.sessionId, sessionId), eq(responses.itemRef, ref)));
    expect(rows.map((r) => r.clientSeq).sort()).toEqual([1, 2, 3]);

    const unknown = await request(socket, 'response:save', {
      itemRef: 'NOPE',
      seq: 1,
      responses: { RESPONSE: 'A' },
    });
    expect(unknown).toMatchObject({ ok: false, error: { id: 'unknown_item' } });
    const invalid = await request(socket, 'response:save', { itemRef: ref, seq: -4, responses: {} } as never);
    expect(invalid).toMatchObject({ ok: false, error: { id: 'invalid_payload' } });

    socket.disconnect();
    const again = await open(sessionToken);
    const snapshot = await request(again, 'session:resume', {});
    if (!snapshot.ok) throw new Error('resume failed');
    expect(snapshot.snapshot.responses[ref]).toEqual({ seq: 3, responses: { RESPONSE: 'C' } });

    const flag = await request(again, 'flag', { itemRef: ref, flagged: true });
    expect(flag).toMatchObject({ ok: true, flags: [ref] });
    const nav = await request(again, 'navigate', { position: 4 });
    expect(nav).toMatchObject({ ok: true, position: 4 });

    const submitted = await request(again, 'submit', { confirm: true });
    expect(submitted).toMatchObject({ ok: true, state: 'submitted' });
    const late = await request(again, 'response:save', {
      itemRef: ref,
      seq: 9,
      responses: { RESPONSE: 'D' },
    });
    expect(late).toMatchObject({ ok: false, error: { id: 'answer_too_late' } });
    const events = await engine.deps.db
      .select({ type: sessionEvents.type })
      .from(sessionEvents)
      .where(eq(sessionEvents.sessionId, sessionId));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['checked_in', 'started', 'submitted']));
  });

  it('refuses a second device or tab, records it, and lets it in once a proctor allows the move', async () => {
    const { sessionToken, sessionId } = await checkInCandidate(
      engine,
      sitting.accessCode,
      sitting.candidates[2]!,
    );
    const first = await open(sessionToken, { deviceId: 'pc-1', tabId: 't1' });
    await expect(open(sessionToken, { deviceId: 'pc-2', tabId: 't9' })).rejects.toMatchObject({
      data: { id: 'session_in_use' },
    });
    await expect(open(sessionToken, { deviceId: 'pc-1', tabId: 't2' })).rejects.toMatchObject({
      data: { id: 'session_in_use' },
    });
    const refused = await engine.deps.db
      .select()
      .from(sessionEvents)
      .where(
        and(eq(sessionEvents.sessionId, sessionId), eq(sessionEvents.type, 'second_connection_refused')),
      );
    expect(refused).toHaveLength(2);

    // The same tab reconnecting (after a network drop) takes over its own session.
    const same = await open(sessionToken, { deviceId: 'pc-1', tabId: 't1' });
    expect(same.connected).toBe(true);

    const proctor = await tokenFor(engine, tree.proctorA);
    const allowed = await api(engine).post(`/api/sessions/${sessionId}/allow-device-change`, {}, proctor);
    expect(allowed.status, JSON.stringify(allowed.data)).toBe(200);
    const moved = await open(sessionToken, { deviceId: 'pc-2', tabId: 't9' });
    expect(moved.connected).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(first.connected || same.connected).toBe(false);
  });

  it('pause freezes the clock and answering, resume and extension move the deadline, and the candidate hears at once', async () => {
    const { sessionToken, sessionId } = await checkInCandidate(
      engine,
      sitting.accessCode,
      sitting.candidates[3]!,
    );
    const socket = await open(sessionToken, { deviceId: 'd3' });
    await request(socket, 'session:start', {});
    const proctor = await tokenFor(engine, tree.proctorA);

    const pausedPush = nextEvent(socket, 'session:paused');
    const paused = await api(engine).post(
      `/api/sessions/${sessionId}/pause`,
      { reason: 'Kiểm tra phòng thi' },
      proctor,
    );
    expect(paused.status).toBe(200);
    expect((await pausedPush).reason).toBe('Kiểm tra phòng thi');
    const refused = await request(socket, 'response:save', {
      itemRef: 'Q1',
      seq: 1,
      responses: { RESPONSE: 'A' },
    });
    expect(refused).toMatchObject({ ok: false, error: { id: 'session_paused' } });
    await new Promise((r) => setTimeout(r, 1_500));

    const resumedPush = nextEvent(socket, 'session:resumed');
    const resumed = await api(engine).post(`/api/sessions/${sessionId}/resume`, {}, proctor);
    expect(resumed.data.state).toBe('in_progress');
    // Remaining time is what it was at the pause: the paused 1.5 s did not count (1 s is left for a
    // loaded machine's request latency, so a clock that ran through the pause still fails).
    expect(resumed.data.remainingMs).toBeGreaterThan(paused.data.remainingMs - 1_000);
    expect((await resumedPush).time.paused).toBe(false);
    expect(
      await request(socket, 'response:save', { itemRef: 'Q1', seq: 1, responses: { RESPONSE: 'A' } }),
    ).toMatchObject({ ok: true });

    const extendedPush = nextEvent(socket, 'time:extended');
    const extended = await api(engine).post(`/api/sessions/${sessionId}/extend`, { minutes: 10 }, proctor);
    expect(extended.data.deadline - resumed.data.deadline).toBe(600_000);
    expect((await extendedPush).addedSeconds).toBe(600);

    const teacher = await tokenFor(engine, tree.teacherA);
    expect((await api(engine).post(`/api/sessions/${sessionId}/pause`, {}, teacher)).status).toBe(403);
  });
});

describe('media', () => {
  it("serves an item's media only to candidates whose form holds that item, while their exam is under way", async () => {
    const [bank] = await engine.deps.db
      .insert(itemBankTables.itemBanks)
      .values({ name: 'Media bank', organisationId: tree.office.id })
      .returning();
    const png = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, n]);
    const save = (identifier: string, n: number) =>
      engine.deps.db.transaction((tx) =>
        saveItemVersion(tx, bank!.id, {
          identifier,
          title: identifier,
          sourceFormat: 'qti3.0',
          qtiXml: `<x id="${identifier}"/>`,
          model: { public: { identifier } },
          text: identifier,
          interactionTypes: [],
          media: [{ href: 'images/h.png', contentType: 'image/png', data: png(n) }],
        }),
      );
    const inForm = await save('IMG1', 1);
    await save('IMG2', 2);
    const s = await buildSitting(engine, tree, [inForm.itemId], { students: 1 });
    const { sessionToken } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const get = (sha: string, token?: string) =>
      api(engine).call('GET', `/api/candidate/media/${sha}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    // Media follow the session as items do: nothing before the exam starts.
    expect((await get(sha256Hex(png(1)), sessionToken)).status).toBe(404);
    const socket = await open(sessionToken, { deviceId: 'media' });
    await request(socket, 'session:start', {});
    const ok = await get(sha256Hex(png(1)), sessionToken);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect((await get(sha256Hex(png(2)), sessionToken)).status).toBe(404);
    expect((await get(sha256Hex(png(1)))).status).toBe(401);
    const staff = await tokenFor(engine, tree.admin);
    expect((await get(sha256Hex(png(1)), staff)).status).toBe(401);
    // ... and nothing once it is submitted.
    await request(socket, 'submit', { confirm: true });
    expect((await get(sha256Hex(png(1)), sessionToken)).status).toBe(404);
  });
});

describe('the server is the clock', () => {
  it('submits at the deadline even when the candidate is gone, and refuses later answers', async () => {
    const items = await buildItems(engine, tree, 2);
    const s = await buildSitting(engine, tree, items, { students: 1, graceSeconds: 0 });
    const { sessionToken, sessionId } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const socket = await open(sessionToken, { deviceId: 'clock' });
    await request(socket, 'session:start', {});
    expect(
      await request(socket, 'response:save', { itemRef: 'Q1', seq: 1, responses: { RESPONSE: 'B' } }),
    ).toMatchObject({ ok: true });
    // Move the deadline into the past (as if the time ran out).
    await engine.deps.db
      .update(candidateSessions)
      .set({ deadlineAt: new Date(Date.now() - 1000) })
      .where(eq(candidateSessions.id, sessionId));
    const late = await request(socket, 'response:save', {
      itemRef: 'Q1',
      seq: 2,
      responses: { RESPONSE: 'C' },
    });
    expect(late).toMatchObject({ ok: false, error: { id: 'answer_too_late' } });
    const pushed = nextEvent(socket, 'session:submitted');
    const submitted = await engine.sweeper!.sweep();
    expect(submitted).toContain(sessionId);
    expect((await pushed).by).toBe('server');
    expect(await engine.sweeper!.sweep()).not.toContain(sessionId);
    const [row] = await engine.deps.db
      .select()
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId));
    expect(row!.submittedBy).toBe('server');
    expect(['submitted', 'scored']).toContain(row!.state);
    const stored = await engine.deps.db.execute(
      sql`select count(*)::int as n from responses where session_id = ${sessionId}`,
    );
    expect(JSON.stringify(stored)).toContain('"n":1');
  });

  it('pushes the 5-minute warning once, from the stored deadline', async () => {
    const items = await buildItems(engine, tree, 1);
    const s = await buildSitting(engine, tree, items, { students: 1 });
    const { sessionToken, sessionId } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const socket = await open(sessionToken, { deviceId: 'warn' });
    await request(socket, 'session:start', {});
    await engine.deps.db
      .update(candidateSessions)
      .set({ deadlineAt: new Date(Date.now() + 4.5 * 60_000) })
      .where(eq(candidateSessions.id, sessionId));
    const warnings: number[] = [];
    socket.on('time:warning', (w) => warnings.push(w.minutesLeft));
    const sync = nextEvent(socket, 'time:sync');
    await engine.timeKeeper!.tick();
    await engine.timeKeeper!.tick();
    expect((await sync).remainingMs).toBeLessThanOrEqual(4.5 * 60_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(warnings).toEqual([5]);
  });

  it('does not open a 15-minute sitting with "15 minutes left" (issue 18), and still warns at 5', async () => {
    const items = await buildItems(engine, tree, 1);
    const s = await buildSitting(engine, tree, items, { students: 1, durationMinutes: 15 });
    const { sessionToken, sessionId } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const socket = await open(sessionToken, { deviceId: 'warn-15' });
    const warnings: number[] = [];
    socket.on('time:warning', (w) => warnings.push(w.minutesLeft));
    await request(socket, 'session:start', {});
    await engine.timeKeeper!.tick();
    await new Promise((r) => setTimeout(r, 100));
    expect(warnings).toEqual([]);
    await engine.deps.db
      .update(candidateSessions)
      .set({ deadlineAt: new Date(Date.now() + 4.5 * 60_000) })
      .where(eq(candidateSessions.id, sessionId));
    await engine.timeKeeper!.tick();
    await new Promise((r) => setTimeout(r, 100));
    expect(warnings).toEqual([5]);
  });

  it('linear navigation only goes forward', async () => {
    const items = await buildItems(engine, tree, 3);
    const s = await buildSitting(engine, tree, items, { students: 1, navigationMode: 'linear' });
    const { sessionToken } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const socket = await open(sessionToken, { deviceId: 'linear' });
    await request(socket, 'session:start', {});
    expect(await request(socket, 'navigate', { position: 1 })).toMatchObject({ ok: true });
    expect(await request(socket, 'navigate', { position: 0 })).toMatchObject({
      ok: false,
      error: { id: 'navigation_refused' },
    });
    expect(await request(socket, 'navigate', { position: 2 })).toMatchObject({ ok: true });
  });

  it('linear tests close an item once the candidate moves on: its answers are refused, the current one is kept', async () => {
    const items = await buildItems(engine, tree, 3);
    const s = await buildSitting(engine, tree, items, { students: 1, navigationMode: 'linear' });
    const { sessionToken, sessionId } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const socket = await open(sessionToken, { deviceId: 'linear-close' });
    const { snapshot } = (await request(socket, 'session:start', {})) as {
      snapshot: { form: Array<{ itemRef: string }> };
    };
    const [first, second, third] = snapshot.form.map((i) => i.itemRef);
    const save = (itemRef: string, seq: number) =>
      request(socket, 'response:save', { itemRef, seq, responses: { RESPONSE: 'A' } });
    expect(await save(first!, 1)).toMatchObject({ ok: true });
    // Not yet reached: a linear test answers one item at a time.
    expect(await save(third!, 1)).toMatchObject({ ok: false, error: { id: 'item_closed' } });
    await request(socket, 'navigate', { position: 1 });
    expect(await save(first!, 2)).toMatchObject({ ok: false, error: { id: 'item_closed' } });
    expect(await save(second!, 1)).toMatchObject({ ok: true });
    const stored = await engine.deps.db.select().from(responses).where(eq(responses.sessionId, sessionId));
    expect(stored.map((r) => [r.itemRef, r.clientSeq]).sort()).toEqual(
      [
        [first, 1],
        [second, 1],
      ].sort(),
    );
  });

  it('without skipping, the candidate cannot go on past an unanswered or cleared item', async () => {
    const items = await buildItems(engine, tree, 3);
    const s = await buildSitting(engine, tree, items, { students: 1, allowSkipping: false });
    const { sessionToken } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const socket = await open(sessionToken, { deviceId: 'no-skip' });
    const { snapshot } = (await request(socket, 'session:start', {})) as {
      snapshot: { form: Array<{ itemRef: string }> };
    };
    const first = snapshot.form[0]!.itemRef;
    expect(await request(socket, 'navigate', { position: 1 })).toMatchObject({
      ok: false,
      error: { id: 'answer_required' },
    });
    await request(socket, 'response:save', { itemRef: first, seq: 1, responses: { RESPONSE: 'B' } });
    await request(socket, 'response:save', { itemRef: first, seq: 2, responses: { RESPONSE: null } });
    expect(await request(socket, 'navigate', { position: 1 })).toMatchObject({
      ok: false,
      error: { id: 'answer_required' },
    });
    await request(socket, 'response:save', { itemRef: first, seq: 3, responses: { RESPONSE: 'C' } });
    expect(await request(socket, 'navigate', { position: 1 })).toMatchObject({ ok: true, position: 1 });
    // Jumping ahead passes over item 2, which has no answer.
    expect(await request(socket, 'navigate', { position: 2 })).toMatchObject({
      ok: false,
      error: { id: 'answer_required' },
    });
    // Going back is not skipping.
    expect(await request(socket, 'navigate', { position: 0 })).toMatchObject({ ok: true });
  });

  it('a sitting not yet open lets candidates check in but not start', async () => {
    const items = await buildItems(engine, tree, 1);
    const s = await buildSitting(engine, tree, items, {
      students: 1,
      opensAt: new Date(Date.now() + 30 * 60_000),
    });
    const { sessionToken } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const socket = await open(sessionToken, { deviceId: 'early' });
    expect(await request(socket, 'session:start', {})).toMatchObject({
      ok: false,
      error: { id: 'sitting_not_open' },
    });
  });
});
