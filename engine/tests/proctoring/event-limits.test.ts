/**
 * Event limits that a reconnect does not reset (issue 26, finding 9): before, every new socket got a
 * fresh bucket, so a client reconnecting in a loop had 1,200 security events accepted in 1.8 s and
 * stored millions of device events. Now secure-mode events are capped per session per minute, and
 * device events too, the excess not stored but counted into one "events_flood" incident.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionEvents } from '../../delivery/tables.ts';
import { SECURITY_EVENTS_PER_MINUTE } from '../../delivery/socket.ts';
import { DEVICE_EVENTS, DEVICE_EVENTS_PER_MINUTE, INCIDENT } from '../../proctoring/incidents.ts';
import { buildOrganisationTree } from '../support/factories.ts';
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
let sitting: Awaited<ReturnType<typeof buildSitting>>;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const items = await buildItems(engine, tree, 2);
  sitting = await buildSitting(engine, tree, items, { students: 2, securityPolicy: { proctoring: true } });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

async function candidate(index: number) {
  const checkedIn = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[index]!);
  const open = async () => {
    const socket = await connectCandidate(port, checkedIn.sessionToken, {
      deviceId: `d${index}`,
      tabId: 't',
    });
    sockets.push(socket);
    return socket;
  };
  const socket = await open();
  await request(socket, 'session:start', {});
  return { ...checkedIn, socket, open };
}

const stored = (sessionId: string) =>
  engine.deps.db.select().from(sessionEvents).where(eq(sessionEvents.sessionId, sessionId));

describe('event limits survive a reconnect', () => {
  it('caps secure-mode events per session per minute, across reconnects', async () => {
    const { sessionId, socket, open } = await candidate(0);
    const send = async (s: CandidateClient, n: number) => {
      const acks = [];
      for (let i = 0; i < n; i++)
        acks.push(
          (await request(s, 'security:event', { type: 'focus_lost', clientTime: Date.now() })) as {
            ok: boolean;
          },
        );
      return acks.filter((a) => a.ok).length;
    };
    expect(await send(socket, SECURITY_EVENTS_PER_MINUTE + 5)).toBe(SECURITY_EVENTS_PER_MINUTE);
    socket.disconnect();
    const again = await open();
    // A new socket of the same session gets no new allowance.
    expect(await send(again, 5)).toBe(0);
    const rows = await stored(sessionId);
    expect(rows.filter((r) => r.type === 'client_focus_lost')).toHaveLength(SECURITY_EVENTS_PER_MINUTE);
  });

  it('stores at most the device-event budget, reports the excess once as an incident, and a reconnect changes nothing', async () => {
    const { sessionId, socket, open } = await candidate(1);
    const batch = (n: number) => ({
      sentAt: Date.now(),
      events: Array.from({ length: n }, (_, i) => ({
        kind: 'focus' as const,
        at: Date.now() + i,
        focused: true,
      })),
    });
    for (let i = 0; i < 3; i++)
      expect(await request(socket, 'proctor:events', batch(500))).toMatchObject({ ok: true });
    socket.disconnect();
    const again = await open();
    expect(await request(again, 'proctor:events', batch(500))).toMatchObject({ ok: true });

    const rows = await stored(sessionId);
    const deviceEvents = rows
      .filter((r) => r.type === DEVICE_EVENTS)
      .reduce((sum, r) => sum + (r.data as { events: unknown[] }).events.length, 0);
    expect(deviceEvents).toBe(DEVICE_EVENTS_PER_MINUTE);
    const floods = rows.filter(
      (r) => r.type === INCIDENT && (r.data as { kind: string }).kind === 'events_flood',
    );
    expect(floods).toHaveLength(1);
    // The incident is raised by the first batch over budget and counts what that batch lost; the later
    // batches of the same minute are dropped without another incident.
    expect((floods[0]!.data as { details: { dropped: number } }).details.dropped).toBe(
      1000 - DEVICE_EVENTS_PER_MINUTE,
    );
  });
});
