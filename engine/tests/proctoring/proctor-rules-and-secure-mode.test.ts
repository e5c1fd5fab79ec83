import { and, eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionEvents } from '../../delivery/tables.ts';
import { sittings } from '../../sittings/tables.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  testProjection,
} from '../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { INCIDENT } from '../../proctoring/incidents.ts';

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let items: string[];
const sockets: Socket[] = [];

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  items = await buildItems(engine, tree, 2);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

const incidentsOf = async (sessionId: string) =>
  (
    await engine.deps.db
      .select({ data: sessionEvents.data })
      .from(sessionEvents)
      .where(and(eq(sessionEvents.sessionId, sessionId), eq(sessionEvents.type, INCIDENT)))
  ).map((r) => r.data as { kind: string; details: Record<string, unknown> });

describe('proctoring rules per sitting, and secure mode into the rules', () => {
  it('stores proctoringRules given to the sittings API and refuses unknown or out-of-range thresholds', async () => {
    const sitting = await buildSitting(engine, tree, items, {
      students: 1,
      securityPolicy: { proctoring: true, proctoringRules: { noFaceSeconds: 7, snapshots: true } },
    });
    const [row] = await engine.deps.db.select().from(sittings).where(eq(sittings.id, sitting.sittingId));
    expect((row!.securityPolicy as { proctoringRules: unknown }).proctoringRules).toEqual({
      noFaceSeconds: 7,
      snapshots: true,
    });
    const board = await tokenFor(engine, tree.examBoard);
    const attempt = (proctoringRules: unknown) =>
      api(engine).post(
        '/api/sittings',
        {
          organisationId: tree.office.id,
          name: 'Thử quy tắc',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 3600_000).toISOString(),
          durationMinutes: 30,
          securityPolicy: { proctoring: true, proctoringRules },
          form: { sections: [{ identifier: 'S1', title: 'P1', items: items.map((itemId) => ({ itemId })) }] },
        },
        board,
      );
    for (const bad of [{ noFaceSeconds: -1 }, { identityMinSimilarity: 2 }, { faceSeconds: 3 }]) {
      const res = await attempt(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(JSON.stringify(res.data)).toMatch(/proctoringRules/);
    }
  });

  it("turns secure mode's security events into incidents under the sitting's rules (proctored sittings only)", async () => {
    const watched = await buildSitting(engine, tree, items, {
      students: 1,
      securityPolicy: { proctoring: true, proctoringRules: { focusLostSeconds: 3 } },
    });
    const { sessionToken, sessionId } = await checkInCandidate(
      engine,
      watched.accessCode,
      watched.candidates[0]!,
    );
    const candidate = await connectCandidate(port, sessionToken);
    sockets.push(candidate as unknown as Socket);
    const t0 = Date.now();
    const security = (type: string, clientTime: number) =>
      request(candidate, 'security:event', { type, clientTime } as never);
    expect(await security('focus_lost', t0)).toMatchObject({ ok: true });
    expect(await security('focus_returned', t0 + 1000)).toMatchObject({ ok: true });
    expect(await incidentsOf(sessionId)).toEqual([]); // back within the sitting's 3 s
    await security('focus_lost', t0 + 2000);
    await security('focus_returned', t0 + 6000);
    await security('copy_blocked', t0 + 7000);
    await security('contextmenu_blocked', t0 + 7500);
    expect(
      (await incidentsOf(sessionId)).map((i) => [i.kind, i.details.seconds ?? i.details.action]),
    ).toEqual([
      ['focus_lost', 4],
      ['copy_paste', 'copy'],
    ]);

    const plain = await buildSitting(engine, tree, items, { students: 1 });
    const other = await checkInCandidate(engine, plain.accessCode, plain.candidates[0]!);
    const unwatched = await connectCandidate(port, other.sessionToken, { deviceId: 'd2' });
    sockets.push(unwatched as unknown as Socket);
    await request(unwatched, 'security:event', { type: 'copy_blocked', clientTime: t0 } as never);
    expect(await incidentsOf(other.sessionId)).toEqual([]);
  });
});
