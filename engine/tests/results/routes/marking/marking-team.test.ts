import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '../../../../people/actor.ts';
import { auditLog } from '../../../../people/tables.ts';
import { sittingMarkers } from '../../../../sittings/tables.ts';
import { buildOrganisationTree, buildStaff } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';
import { buildEssaySitting } from '../../../support/essay-sitting.ts';

// One school sitting whose essay (Q2, 4 points) waits for markers, double marked with threshold 1.
let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let essay: Awaited<ReturnType<typeof buildEssaySitting>>;
let staff: Record<'assigned' | 'unassigned' | 'secondMarker' | 'moderator', StaffActor>;
let tokens: Record<keyof typeof staff | 'board' | 'teacherB', string>;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
  essay = await buildEssaySitting(engine, tree, { students: 3 });
  const teacher = () => buildStaff(engine.deps.db, 'teacher', tree.schoolA);
  staff = {
    assigned: tree.teacherA,
    unassigned: await teacher(),
    secondMarker: await teacher(),
    moderator: await teacher(),
  };
  tokens = {
    assigned: await tokenFor(engine, staff.assigned),
    unassigned: await tokenFor(engine, staff.unassigned),
    secondMarker: await tokenFor(engine, staff.secondMarker),
    moderator: await tokenFor(engine, staff.moderator),
    board: await tokenFor(engine, tree.examBoard),
    teacherB: await tokenFor(engine, tree.teacherB),
  };
  const rule = await api(engine).call('PUT', `${marking()}/items/Q2`, {
    json: { doubleMarking: true, discrepancyThreshold: 1 },
    token: tokens.board,
  });
  expect(rule.status).toBe(200);
});
afterAll(() => engine.dispose());

const marking = () => `/api/marking/sittings/${essay.sittingId}`;
const markers = () => `/api/sittings/${essay.sittingId}/markers`;
const session = (i: number) => essay.sessions[i]!.sessionId;
const mark = (i: number, score: number, token: string) =>
  api(engine).post(`${marking()}/marks`, { sessionId: session(i), itemRef: 'Q2', score }, token);
const queue = (token: string) => api(engine).get(`${marking()}/queue?item=Q2`, token);
const listed = async (token: string) =>
  (await api(engine).get('/api/marking/sittings', token)).data.items.map((s: { id: string }) => s.id);
const putTeam = (team: Array<{ userId: string; role: string }>, token = tokens.board) =>
  api(engine).call('PUT', markers(), { json: { markers: team }, token });
const storedTeam = () =>
  engine.deps.db.select().from(sittingMarkers).where(eq(sittingMarkers.sittingId, essay.sittingId));

describe('a sitting without a marking team', () => {
  it('is marked by every teacher whose scope covers it, as before', async () => {
    expect(await listed(tokens.unassigned)).toEqual([essay.sittingId]);
    const open = await queue(tokens.unassigned);
    expect(open.status).toBe(200);
    expect(open.data.queue).toHaveLength(3);
    // Session 0 gets its first mark before any team exists; it stays valid afterwards.
    expect((await mark(0, 4, tokens.assigned)).data).toMatchObject({ role: 'first' });
  });
});

describe('PUT /api/sittings/{id}/markers', () => {
  it('401 without a token; 403 for a teacher (sittings:write), reading or writing', async () => {
    expect((await api(engine).call('PUT', markers(), { json: { markers: [] } })).status).toBe(401);
    const put = await putTeam([{ userId: staff.assigned.userId, role: 'marker' }], tokens.assigned);
    expect(put.status).toBe(403);
    expect(put.data.error.message).toContain('sittings:write');
    expect((await api(engine).get(markers(), tokens.assigned)).status).toBe(403);
    expect(await storedTeam()).toEqual([]);
  });

  it('400 for a malformed body or a user listed twice', async () => {
    const role = await putTeam([{ userId: staff.assigned.userId, role: 'chief' }]);
    expect(role.status).toBe(400);
    expect(role.data.error.message).toMatch(/^markers\.0\.role: /);
    const twice = await putTeam([
      { userId: staff.assigned.userId, role: 'marker' },
      { userId: staff.assigned.userId, role: 'moderator' },
    ]);
    expect(twice.status).toBe(400);
    expect(twice.data.error.message).toBe('markers: each user may be listed once');
  });

  it('422 naming an unknown user, a teacher of another school or a proctor; nothing is stored', async () => {
    const unknown = randomUUID();
    const missing = await putTeam([
      { userId: staff.assigned.userId, role: 'marker' },
      { userId: unknown, role: 'marker' },
    ]);
    expect(missing.status).toBe(422);
    expect(missing.data.error.message).toContain(`user ${unknown} does not exist`);
    expect(missing.data.error.details.problems).toEqual([
      { userId: unknown, reason: 'user_not_found', message: `user ${unknown} does not exist` },
    ]);

    const otherSchool = await putTeam([{ userId: tree.teacherB.userId, role: 'marker' }]);
    expect(otherSchool.status).toBe(422);
    expect(otherSchool.data.error.message).toContain(tree.teacherB.username);
    expect(otherSchool.data.error.message).toContain(`works outside ${tree.schoolA.name}`);
    expect(otherSchool.data.error.details.problems[0]).toMatchObject({
      userId: tree.teacherB.userId,
      reason: 'outside_organisation',
    });

    const proctor = await putTeam([{ userId: tree.proctorA.userId, role: 'moderator' }]);
    expect(proctor.status).toBe(422);
    expect(proctor.data.error.details.problems[0]).toMatchObject({ reason: 'role_cannot_mark' });
    expect(proctor.data.error.message).toContain(tree.proctorA.username);
    expect(await storedTeam()).toEqual([]);
  });

  it('lists who could be assigned: staff who mark, with a scope covering the school', async () => {
    const res = await api(engine).get(markers(), tokens.board);
    expect(res.status).toBe(200);
    expect(res.data.assigned).toEqual([]);
    const eligible = res.data.eligible.map((u: { userId: string }) => u.userId).sort();
    expect(eligible).toEqual(
      [...Object.values(staff).map((s) => s.userId), tree.examBoard.userId, tree.admin.userId].sort(),
    );
    expect(res.data.eligible).toContainEqual({
      userId: staff.assigned.userId,
      username: staff.assigned.username,
      fullName: 'Người dùng teacher',
      staffRole: 'teacher',
    });
  });

  it('assigns the team in one audited change, keeping the time of members whose role stays', async () => {
    const res = await putTeam([
      { userId: staff.assigned.userId, role: 'marker' },
      { userId: staff.secondMarker.userId, role: 'marker' },
      { userId: staff.moderator.userId, role: 'moderator' },
    ]);
    expect(res.status).toBe(200);
    expect(res.data.assigned).toHaveLength(3);
    expect(res.data.assigned).toContainEqual(
      expect.objectContaining({
        userId: staff.moderator.userId,
        role: 'moderator',
        staffRole: 'teacher',
        assignedBy: tree.examBoard.userId,
      }),
    );
    const stored = await storedTeam();
    expect(stored.map((m) => [m.userId, m.role, m.assignedBy]).sort()).toEqual(
      [
        [staff.assigned.userId, 'marker', tree.examBoard.userId],
        [staff.secondMarker.userId, 'marker', tree.examBoard.userId],
        [staff.moderator.userId, 'moderator', tree.examBoard.userId],
      ].sort(),
    );
    const [audit] = await engine.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, essay.sittingId), eq(auditLog.action, 'sitting.markers_set')));
    expect(audit).toMatchObject({ actorId: tree.examBoard.userId, organisationId: tree.schoolA.id });
    expect(audit!.details).toMatchObject({ before: [] });
    expect((audit!.details as { after: unknown[] }).after).toHaveLength(3);
    expect((audit!.details as { after: unknown[] }).after).toContainEqual({
      userId: staff.moderator.userId,
      role: 'moderator',
    });

    // The same team again: nobody's assignment time moves.
    const again = await putTeam(
      stored.map((m) => ({ userId: m.userId, role: m.role })),
      tokens.board,
    );
    expect(again.status).toBe(200);
    const after = await storedTeam();
    for (const m of stored)
      expect(after.find((a) => a.userId === m.userId)!.assignedAt).toEqual(m.assignedAt);
  });
});

describe('a sitting with a marking team', () => {
  it('refuses a teacher of the school left out: 403 not_assigned_marker, and the list leaves it out', async () => {
    for (const res of [
      await queue(tokens.unassigned),
      await api(engine).get(`${marking()}/items`, tokens.unassigned),
      await mark(2, 3, tokens.unassigned),
    ]) {
      expect(res.status).toBe(403);
      expect(res.data.error).toMatchObject({ id: 'forbidden', details: { reason: 'not_assigned_marker' } });
    }
    expect(await listed(tokens.unassigned)).toEqual([]);
    // A teacher of another school is still refused by scope, before the team is considered.
    const outside = await queue(tokens.teacherB);
    expect(outside.status).toBe(403);
    expect(outside.data.error.details).toBeUndefined();
  });

  it('lets an assigned marker mark, but not moderate', async () => {
    expect(await listed(tokens.assigned)).toEqual([essay.sittingId]);
    expect((await queue(tokens.assigned)).status).toBe(200);
    expect((await mark(1, 4, tokens.assigned)).data).toMatchObject({ role: 'first' });
    const second = await mark(0, 0, tokens.secondMarker);
    expect(second.status).toBe(201);
    expect(second.data).toMatchObject({ role: 'second', itemState: 'awaiting_moderator' });
    const moderate = await mark(0, 2, tokens.assigned);
    expect(moderate.status).toBe(409);
    expect(moderate.data.error.details).toEqual({ refused: 'not_moderator' });
    const mine = await queue(tokens.secondMarker);
    expect(mine.data.queue.map((e: { sessionId: string }) => e.sessionId)).not.toContain(session(0));
  });

  it('lets the assigned moderator settle two marks too far apart', async () => {
    const waiting = await queue(tokens.moderator);
    expect(waiting.status).toBe(200);
    expect(waiting.data.queue).toContainEqual(
      expect.objectContaining({ sessionId: session(0), role: 'moderator', discrepancy: 4 }),
    );
    const settled = await mark(0, 2, tokens.moderator);
    expect(settled.status).toBe(201);
    expect(settled.data).toMatchObject({ role: 'moderator', itemState: 'resolved' });
  });

  it('lets the exam board moderate without being assigned, but not give a first mark', async () => {
    expect((await mark(1, 1, tokens.secondMarker)).data).toMatchObject({ itemState: 'awaiting_moderator' });
    expect(await listed(tokens.board)).toEqual([essay.sittingId]);
    const boardQueue = await queue(tokens.board);
    expect(boardQueue.status).toBe(200);
    // Session 2 is unmarked: a first mark is for the team; session 1 waits for a moderator.
    expect(
      boardQueue.data.queue.map((e: { sessionId: string; role: string }) => [e.sessionId, e.role]),
    ).toEqual([[session(1), 'moderator']]);
    const first = await mark(2, 3, tokens.board);
    expect(first.status).toBe(403);
    expect(first.data.error.details).toEqual({ reason: 'not_assigned_marker' });
    const moderated = await mark(1, 3, tokens.board);
    expect(moderated.status).toBe(201);
    expect(moderated.data).toMatchObject({ role: 'moderator', itemState: 'resolved' });
  });

  it('changing a role takes effect at once; an empty team restores marking by scope', async () => {
    const promoted = await putTeam([
      { userId: staff.assigned.userId, role: 'moderator' },
      { userId: staff.moderator.userId, role: 'moderator' },
    ]);
    expect(promoted.status).toBe(200);
    expect((await storedTeam()).map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [staff.assigned.userId, 'moderator'],
        [staff.moderator.userId, 'moderator'],
      ].sort(),
    );
    expect((await mark(2, 3, tokens.secondMarker)).data.error.details).toEqual({
      reason: 'not_assigned_marker',
    });
    const cleared = await putTeam([]);
    expect(cleared.status).toBe(200);
    expect(cleared.data.assigned).toEqual([]);
    expect(await storedTeam()).toEqual([]);
    expect(await listed(tokens.unassigned)).toEqual([essay.sittingId]);
    expect((await mark(2, 3, tokens.unassigned)).data).toMatchObject({ role: 'first' });
  });
});

describe('OpenAPI', () => {
  it('describes reading and replacing the marking team', async () => {
    const doc = (await (await engine.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const path = doc.paths['/api/sittings/{id}/markers'] ?? {};
    expect(Object.keys(path).sort()).toEqual(['get', 'put']);
    expect(Object.keys(path.put!.responses ?? {})).toContain('422');
  });
});
