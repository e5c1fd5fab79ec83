/**
 * Item content follows the session (issue 26, finding 4): `item:fetch` and the candidate media route
 * serve an item only to a started session that is neither paused nor over, and only where the
 * navigation allows (linear: the current item). Before this rule a candidate could check in early and
 * fetch every item while `session:start` was refused, read every later item of a linear test, and keep
 * fetching after submitting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  testProjection,
  type CandidateClient,
} from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let items: string[];
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  items = await buildItems(engine, tree, 3);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

async function candidate(sitting: Awaited<ReturnType<typeof buildSitting>>, index: number) {
  const { sessionToken, sessionId } = await checkInCandidate(
    engine,
    sitting.accessCode,
    sitting.candidates[index]!,
  );
  const socket = await connectCandidate(port, sessionToken, { deviceId: `device-${index}` });
  sockets.push(socket);
  const fetch = async (position: number) => {
    const ack = (await request(socket, 'item:fetch', { position })) as {
      ok: boolean;
      error?: { id: string };
    };
    return ack.ok ? 'ok' : ack.error!.id;
  };
  return { socket, sessionId, fetch };
}

describe('item:fetch follows the session', () => {
  it('refuses every item before the session starts, serves them once it has, and none after submission', async () => {
    const sitting = await buildSitting(engine, tree, items, { students: 1 });
    const { socket, fetch } = await candidate(sitting, 0);
    expect(await fetch(0)).toBe('session_locked');
    expect(await fetch(2)).toBe('session_locked');
    await request(socket, 'session:start', {});
    expect([await fetch(0), await fetch(1), await fetch(2)]).toEqual(['ok', 'ok', 'ok']);
    const submitted = await request(socket, 'submit', { confirm: true });
    expect(submitted).toMatchObject({ ok: true, state: 'submitted' });
    expect(await fetch(0)).toBe('session_locked');
  });

  it('refuses a candidate who checked in before the sitting opens (start refused, so no item either)', async () => {
    const sitting = await buildSitting(engine, tree, items, {
      students: 1,
      opensAt: new Date(Date.now() + 3600_000),
      closesAt: new Date(Date.now() + 3 * 3600_000),
    });
    const checkedIn = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[0]!).catch(
      (e: Error) => e,
    );
    // Check-in may itself be refused before the window; if it is allowed, items must not be.
    if (checkedIn instanceof Error) return expect(checkedIn.message).toMatch(/check-in: 403/);
    const socket = await connectCandidate(port, checkedIn.sessionToken, { deviceId: 'early' });
    sockets.push(socket);
    const start = (await request(socket, 'session:start', {})) as { ok: boolean };
    expect(start.ok).toBe(false);
    const ack = (await request(socket, 'item:fetch', { position: 0 })) as { ok: boolean };
    expect(ack.ok).toBe(false);
  });

  it('in a linear test serves only the item the session stands at', async () => {
    const sitting = await buildSitting(engine, tree, items, { students: 1, navigationMode: 'linear' });
    const { socket, fetch } = await candidate(sitting, 0);
    await request(socket, 'session:start', {});
    expect([await fetch(0), await fetch(1), await fetch(2)]).toEqual([
      'ok',
      'navigation_refused',
      'navigation_refused',
    ]);
    const moved = (await request(socket, 'navigate', { position: 1 })) as { ok: boolean };
    expect(moved.ok).toBe(true);
    expect([await fetch(0), await fetch(1), await fetch(2)]).toEqual([
      'navigation_refused',
      'ok',
      'navigation_refused',
    ]);
  });

  it('refuses items while a proctor has paused the session', async () => {
    const sitting = await buildSitting(engine, tree, items, { students: 1 });
    const { socket, sessionId, fetch } = await candidate(sitting, 0);
    await request(socket, 'session:start', {});
    const board = await tokenFor(engine, tree.examBoard);
    const paused = await api(engine).post(`/api/sessions/${sessionId}/pause`, { reason: 'Kiểm tra' }, board);
    expect(paused.status).toBe(200);
    expect(await fetch(0)).toBe('session_paused');
    await api(engine).post(`/api/sessions/${sessionId}/resume`, {}, board);
    expect(await fetch(0)).toBe('ok');
  });
});
