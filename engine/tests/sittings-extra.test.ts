/**
 * Sittings beyond one class in one room: a sitting-wide access code, accommodations per candidate
 * (extra time, separate room), a roster CSV enrolled all-or-nothing, and the tools a sitting
 * allows reaching the candidate's snapshot.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../people/tables.ts';
import { candidateSessions } from '../delivery/tables.ts';
import { sittingCandidates } from '../sittings/tables.ts';
import { buildClass, buildOrganisationTree, buildStudent } from './support/factories.ts';
import { api, tokenFor } from './support/http.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  testProjection,
  type CandidateClient,
} from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let items: string[];
let board: string;
let teacher: string;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  // An engine-wide picture retention other than proctor/policy.ts's 30 days, to see which one a sitting gets.
  engine = await createTestEngine(
    { snapshotRetentionDays: 12 },
    { candidateProjection: testProjection, sweepIntervalMs: 60_000 },
  );
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  items = await buildItems(engine, tree, 2);
  board = await tokenFor(engine, tree.examBoard);
  teacher = await tokenFor(engine, tree.teacherA);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const checkIn = (accessCode: string, c: { candidateNumber: string; dateOfBirth: string }) =>
  api(engine).post('/api/candidate/check-in', {
    accessCode,
    candidateNumber: c.candidateNumber,
    dateOfBirth: dmy(c.dateOfBirth),
  });

async function addRoom(sittingId: string, name: string) {
  const room = await api(engine).post(`/api/sittings/${sittingId}/rooms`, { name }, board);
  expect(room.status).toBe(201);
  return room.data as { id: string; name: string; accessCode: string };
}

/** Enrols `n` new students of school A into a room; returns them with their candidate numbers. */
async function enrolNew(sittingId: string, roomId: string, n: number, extra: Record<string, unknown> = {}) {
  const cls = await buildClass(engine.deps.db, tree.schoolA);
  const made: Array<Awaited<ReturnType<typeof buildStudent>>> = [];
  for (let i = 0; i < n; i++) made.push(await buildStudent(engine.deps.db, tree.schoolA, cls.id));
  const res = await api(engine).post(
    `/api/sittings/${sittingId}/candidates`,
    { roomId, classId: cls.id, ...extra },
    board,
  );
  return {
    res,
    candidates: ((res.data.candidates ?? []) as Array<{ studentId: string; candidateNumber: string }>).map(
      (c) => ({ ...c, dateOfBirth: made.find((s) => s.id === c.studentId)!.dateOfBirth }),
    ),
    students: made,
  };
}

const candidatesOf = async (sittingId: string) =>
  (await api(engine).get(`/api/sittings/${sittingId}/sessions`, board)).data.items as Array<{
    candidateNumber: string;
    roomId: string;
    sessionId: string | null;
    extraTimePercent: number;
    separateRoom: boolean;
  }>;

describe('sitting-wide access code', () => {
  it('is issued on request at creation, shown by the sitting, and absent otherwise', async () => {
    const base = {
      organisationId: tree.office.id,
      name: 'Thi thử lớp 9',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
      durationMinutes: 30,
      form: { sections: [{ identifier: 'S1', items: items.map((itemId) => ({ itemId })) }] },
    };
    const withCode = await api(engine).post('/api/sittings', { ...base, sittingAccessCode: true }, board);
    expect(withCode.status).toBe(201);
    expect(withCode.data.accessCode).toMatch(/^[A-Z2-9]{8}$/);
    const shown = await api(engine).get(`/api/sittings/${withCode.data.id}`, board);
    expect(shown.data.accessCode).toBe(withCode.data.accessCode);
    const without = await api(engine).post('/api/sittings', base, board);
    expect(without.data.accessCode).toBeNull();
    expect((await api(engine).get(`/api/sittings/${without.data.id}`, board)).data.accessCode).toBeNull();
  });

  it('checks a candidate in to their enrolled room; a room code still works; a wrong code is a 401', async () => {
    const s = await buildSitting(engine, tree, items, { students: 2 });
    const room2 = await addRoom(s.sittingId, 'Phòng 02');
    const { candidates: inRoom2 } = await enrolNew(s.sittingId, room2.id, 2);

    expect((await api(engine).post(`/api/sittings/${s.sittingId}/access-code`, {}, teacher)).status).toBe(
      403,
    );
    const issued = await api(engine).post(`/api/sittings/${s.sittingId}/access-code`, {}, board);
    expect(issued.status).toBe(200);
    const code = issued.data.accessCode as string;
    expect(code).toHaveLength(8);
    expect((await api(engine).get(`/api/sittings/${s.sittingId}`, board)).data.accessCode).toBe(code);

    // Sitting code: the candidate lands in their own room (room 2), lower case accepted.
    const bySittingCode = await checkIn(code.toLowerCase(), inRoom2[0]!);
    expect(bySittingCode.status).toBe(200);
    const [row] = await engine.deps.db
      .select({ roomId: sittingCandidates.roomId })
      .from(candidateSessions)
      .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
      .where(eq(candidateSessions.id, bySittingCode.data.sessionId));
    expect(row!.roomId).toBe(room2.id);
    const listed = (await candidatesOf(s.sittingId)).find(
      (c) => c.candidateNumber === inRoom2[0]!.candidateNumber,
    );
    expect(listed).toMatchObject({ roomId: room2.id, sessionId: bySittingCode.data.sessionId });

    // Room code path, for a candidate of room 1.
    expect((await checkIn(s.accessCode, s.candidates[0]!)).status).toBe(200);
    // Room 1's code does not admit a room-2 candidate; a made-up code admits no one.
    const otherRoom = await checkIn(s.accessCode, inRoom2[1]!);
    expect(otherRoom.status).toBe(401);
    expect(otherRoom.data.error.id).toBe('invalid_candidate_credentials');
    const wrong = await checkIn('ZZZZZZZZ', inRoom2[1]!);
    expect(wrong.status).toBe(401);
    expect(wrong.data.error.id).toBe('invalid_candidate_credentials');
    // The right code with a wrong date of birth is refused the same way.
    expect((await checkIn(code, { ...inRoom2[1]!, dateOfBirth: '2010-01-01' })).status).toBe(401);

    // Withdrawn: the sitting code stops working, room codes go on.
    expect(
      (await api(engine).call('DELETE', `/api/sittings/${s.sittingId}/access-code`, { token: board })).status,
    ).toBe(204);
    expect((await checkIn(code, inRoom2[1]!)).status).toBe(401);
    expect((await checkIn(room2.accessCode, inRoom2[1]!)).status).toBe(200);
  });
});

describe('accommodations', () => {
  it('a separate room: set by PATCH (audited), and only that room’s code checks the candidate in', async () => {
    const s = await buildSitting(engine, tree, items, { students: 3 });
    const { code } = await api(engine)
      .post(`/api/sittings/${s.sittingId}/access-code`, {}, board)
      .then((r) => ({ code: r.data.accessCode as string }));
    const separate = await addRoom(s.sittingId, 'Phòng riêng');
    const who = s.candidates[0]!;
    const path = `/api/sittings/${s.sittingId}/candidates/${who.candidateNumber}`;

    expect((await api(engine).patch(path, { extraTimePercent: 50 }, teacher)).status).toBe(403);
    const noRoom = await api(engine).patch(path, { separateRoom: true }, board);
    expect(noRoom.status).toBe(400);
    expect(noRoom.data.error.message).toContain('roomId');
    expect((await api(engine).patch(path, {}, board)).status).toBe(400);
    expect(
      (
        await api(engine).patch(
          `/api/sittings/${s.sittingId}/candidates/P999999`,
          { extraTimePercent: 10 },
          board,
        )
      ).status,
    ).toBe(404);
    // Room 1 seats candidates without the accommodation: it cannot be made a separate room for one of them.
    const mixed = await api(engine).patch(path, { separateRoom: true, roomId: s.roomId }, board);
    expect(mixed.status).toBe(409);

    const changed = await api(engine).patch(
      path,
      { separateRoom: true, roomId: separate.id, extraTimePercent: 50 },
      board,
    );
    expect(changed.status).toBe(200);
    expect(changed.data).toMatchObject({ roomId: separate.id, separateRoom: true, extraTimePercent: 50 });
    const [audit] = await engine.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sitting.accommodations_change'), eq(auditLog.subjectId, s.sittingId)))
      .orderBy(desc(auditLog.seq));
    expect(audit!.details).toMatchObject({
      candidateNumber: who.candidateNumber,
      before: { roomId: s.roomId, separateRoom: false, extraTimePercent: 0 },
      after: { roomId: separate.id, separateRoom: true, extraTimePercent: 50 },
    });
    // The proctors' roster of the separate room lists the candidate.
    const listed = (await candidatesOf(s.sittingId)).find((c) => c.candidateNumber === who.candidateNumber);
    expect(listed).toMatchObject({ roomId: separate.id, separateRoom: true, extraTimePercent: 50 });

    const rooms = (await api(engine).get(`/api/sittings/${s.sittingId}`, board)).data.rooms as Array<{
      id: string;
      separateRoom: boolean;
    }>;
    expect(rooms.find((r) => r.id === separate.id)!.separateRoom).toBe(true);
    expect(rooms.find((r) => r.id === s.roomId)!.separateRoom).toBe(false);

    // Another candidate without the accommodation may not be moved into the separate room.
    const intrude = await api(engine).patch(
      `/api/sittings/${s.sittingId}/candidates/${s.candidates[1]!.candidateNumber}`,
      { roomId: separate.id },
      board,
    );
    expect(intrude.status).toBe(409);
    expect(intrude.data.error.message).toContain('separate room');

    const viaSittingCode = await checkIn(code, who);
    expect(viaSittingCode.status).toBe(403);
    expect(viaSittingCode.data.error.id).toBe('separate_room_code_required');
    expect(viaSittingCode.data.error.message).toContain('Phòng riêng');
    expect((await checkIn(s.accessCode, who)).status).toBe(401);
    const viaRoomCode = await checkIn(separate.accessCode, who);
    expect(viaRoomCode.status).toBe(200);

    // The extra time is applied when the candidate starts; after that accommodations are locked.
    const socket = await connectCandidate(port, viaRoomCode.data.sessionToken);
    sockets.push(socket);
    const started = await request(socket, 'session:start', {});
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect(started.snapshot.time.remainingMs).toBeGreaterThan(67 * 60_000); // 45 min + 50 %
    const locked = await api(engine).patch(path, { extraTimePercent: 25 }, board);
    expect(locked.status).toBe(409);
    expect(locked.data.error.message).toContain('time extension');
  });

  it('enrolment can seat a group in a separate room with extra time, and keeps others out of it', async () => {
    const s = await buildSitting(engine, tree, items, { students: 1 });
    const separate = await addRoom(s.sittingId, 'Phòng riêng');
    const ok = await enrolNew(s.sittingId, separate.id, 2, { separateRoom: true, extraTimePercent: 30 });
    expect(ok.res.status).toBe(200);
    const rows = (await candidatesOf(s.sittingId)).filter((c) => c.roomId === separate.id);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.separateRoom && r.extraTimePercent === 30)).toBe(true);
    const refused = await enrolNew(s.sittingId, separate.id, 1);
    expect(refused.res.status).toBe(409);
    expect((await candidatesOf(s.sittingId)).filter((c) => c.roomId === separate.id)).toHaveLength(2);
  });
});

describe('roster CSV enrolment', () => {
  const post = (sittingId: string, csv: string, token = board, query = '') =>
    api(engine).call('POST', `/api/sittings/${sittingId}/roster${query}`, {
      token,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
  const enrolledCount = async (sittingId: string) =>
    (
      await engine.deps.db
        .select({ n: count() })
        .from(sittingCandidates)
        .where(eq(sittingCandidates.sittingId, sittingId))
    )[0]!.n;

  it('a bad row imports nothing and every bad row is reported by its line', async () => {
    const s = await buildSitting(engine, tree, items, { students: 1 });
    const [a, b, c] = [
      await buildStudent(engine.deps.db, tree.schoolA),
      await buildStudent(engine.deps.db, tree.schoolA),
      await buildStudent(engine.deps.db, tree.schoolA),
    ];
    const csv = [
      'Mã định danh,Số báo danh,Phòng thi,Thời gian cộng thêm (%)',
      `${a!.nationalId},A001,Phòng 01,`,
      `${b!.nationalId},A001,Phòng 01,10`,
      `999999999999,,Phòng 01,`,
      `${c!.nationalId},,Phòng 09,`,
      `${tree.studentB.nationalId},,Phòng 01,abc`,
      `${a!.nationalId},,Phòng 01,`,
    ].join('\n');
    const before = await enrolledCount(s.sittingId);
    const res = await post(s.sittingId, csv);
    expect(res.status).toBe(422);
    const problems = res.data.error.details.rows as Array<{ line: number; reason: string }>;
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(problems[0]!.reason).toContain('A001');
    expect(problems[1]!.reason).toContain('999999999999');
    expect(problems[2]!.reason).toContain('Phòng 09');
    expect(problems[3]!.reason).toContain('abc');
    expect(problems[4]!.reason).toContain('repeats line 2');
    expect(await enrolledCount(s.sittingId)).toBe(before);
  });

  it('enrols every row with numbers, rooms and accommodations; candidates then check in', async () => {
    const s = await buildSitting(engine, tree, items, { students: 1 });
    const separate = await addRoom(s.sittingId, 'Phòng riêng');
    const students = [
      await buildStudent(engine.deps.db, tree.schoolA),
      await buildStudent(engine.deps.db, tree.schoolA),
      await buildStudent(engine.deps.db, tree.schoolA),
    ];
    // Semicolons, a BOM and headers without diacritics, as spreadsheet exports often give.
    const csv =
      '\uFEFFMa dinh danh;SBD;Phong;Extra time (%);Phong rieng\r\n' +
      `${students[0]!.nationalId};TS-0101;phòng 01;;\r\n` +
      `${students[1]!.nationalId};;Phòng 01;25;Không\r\n` +
      `${students[2]!.nationalId};;Phòng riêng;50;Có\r\n`;
    expect((await post(s.sittingId, csv, teacher)).status).toBe(403);
    const dry = await post(s.sittingId, csv, board, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.data).toMatchObject({ total: 3, enrolled: 0, dryRun: true });
    expect(await enrolledCount(s.sittingId)).toBe(1);

    const res = await post(s.sittingId, csv);
    expect(res.status).toBe(200);
    expect(res.data.enrolled).toBe(3);
    const out = res.data.candidates as Array<{
      line: number;
      candidateNumber: string;
      room: string;
      extraTimePercent: number;
      separateRoom: boolean;
    }>;
    expect(out[0]).toMatchObject({ line: 2, candidateNumber: 'TS-0101', room: 'Phòng 01' });
    expect(out[1]).toMatchObject({ line: 3, room: 'Phòng 01', extraTimePercent: 25, separateRoom: false });
    expect(out[1]!.candidateNumber).toMatch(/^P01\d{4}$/);
    expect(out[2]).toMatchObject({ room: 'Phòng riêng', extraTimePercent: 50, separateRoom: true });
    expect(new Set(out.map((o) => o.candidateNumber)).size).toBe(3);
    expect(await enrolledCount(s.sittingId)).toBe(4);

    const listed = await candidatesOf(s.sittingId);
    expect(listed.find((c) => c.candidateNumber === out[2]!.candidateNumber)).toMatchObject({
      roomId: separate.id,
      separateRoom: true,
      extraTimePercent: 50,
    });
    const admitted = await checkIn(s.accessCode, {
      candidateNumber: 'TS-0101',
      dateOfBirth: students[0]!.dateOfBirth,
    });
    expect(admitted.status).toBe(200);
    const separateIn = await checkIn(separate.accessCode, {
      candidateNumber: out[2]!.candidateNumber,
      dateOfBirth: students[2]!.dateOfBirth,
    });
    expect(separateIn.status).toBe(200);

    // Sending the same file again enrols no one twice: every row is reported as already enrolled.
    const again = await post(s.sittingId, csv);
    expect(again.status).toBe(422);
    expect((again.data.error.details.rows as unknown[]).length).toBe(3);
    expect(await enrolledCount(s.sittingId)).toBe(4);
  });

  it('a roster mixing a separate room with other candidates, or lacking a column, is refused', async () => {
    const s = await buildSitting(engine, tree, items, { students: 1 });
    const x = await buildStudent(engine.deps.db, tree.schoolA);
    const mixed = await post(
      s.sittingId,
      `Mã định danh,Phòng thi,Phòng riêng\n${x.nationalId},Phòng 01,Có\n`,
    );
    expect(mixed.status).toBe(422);
    expect(mixed.data.error.details.rows[0]).toMatchObject({ line: 2 });
    expect(mixed.data.error.details.rows[0].reason).toContain('separate');
    const noRoom = await post(s.sittingId, `Mã định danh\n${x.nationalId}\n`);
    expect(noRoom.status).toBe(422);
    expect(noRoom.data.error.message).toContain('Phòng thi');
    expect(await enrolledCount(s.sittingId)).toBe(1);
  });
});

describe('OpenAPI', () => {
  it('describes the access code, accommodations and roster routes', async () => {
    const doc = (await (await engine.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/sittings/{id}/access-code'] ?? {}).sort()).toEqual(['delete', 'post']);
    expect(Object.keys(doc.paths['/api/sittings/{id}/candidates/{candidateNumber}'] ?? {})).toEqual([
      'patch',
    ]);
    expect(Object.keys(doc.paths['/api/sittings/{id}/roster'] ?? {})).toEqual(['post']);
  });
});

describe('tools allowed by the security policy', () => {
  const snapshotOf = async (s: Awaited<ReturnType<typeof buildSitting>>) => {
    const { sessionToken } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const socket = await connectCandidate(port, sessionToken);
    sockets.push(socket);
    const resumed = await request(socket, 'session:resume', {});
    if (!resumed.ok) throw new Error(JSON.stringify(resumed));
    return resumed.snapshot as typeof resumed.snapshot & { tools?: string[] };
  };

  it('reach the candidate in the snapshot; none when the policy lists none', async () => {
    const withTools = await buildSitting(engine, tree, items, {
      students: 1,
      securityPolicy: { tools: ['scratchpad', 'calculator'] },
    });
    expect((await snapshotOf(withTools)).tools).toEqual(['calculator', 'scratchpad']);
    const plain = await buildSitting(engine, tree, items, { students: 1 });
    expect((await snapshotOf(plain)).tools).toEqual([]);
  });

  it('an unknown tool name is refused when scheduling', async () => {
    const res = await api(engine).post(
      '/api/sittings',
      {
        organisationId: tree.office.id,
        name: 'Thi có máy tính',
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        durationMinutes: 30,
        securityPolicy: { tools: ['abacus'] },
        form: { sections: [{ identifier: 'S1', items: items.map((itemId) => ({ itemId })) }] },
      },
      board,
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toContain('tools');
  });
});

describe('proctoring facts told to the candidate before they start', () => {
  const snapshotOf = async (s: Awaited<ReturnType<typeof buildSitting>>) => {
    const { sessionToken } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const socket = await connectCandidate(port, sessionToken);
    sockets.push(socket);
    const resumed = await request(socket, 'session:resume', {});
    if (!resumed.ok) throw new Error(JSON.stringify(resumed));
    return resumed.snapshot;
  };

  it("say whether the camera is used, and keep pictures for the sitting's days or the engine's", async () => {
    const own = await buildSitting(engine, tree, items, {
      students: 1,
      securityPolicy: {
        proctoring: true,
        proctoringRules: { identityCheck: true, snapshots: true, snapshotRetentionDays: 7 },
      },
    });
    expect((await snapshotOf(own)).proctoring).toEqual({
      camera: true,
      identityCheck: true,
      snapshots: true,
      snapshotRetentionDays: 7,
    });
    const engineDefault = await buildSitting(engine, tree, items, {
      students: 1,
      securityPolicy: { proctoring: true, proctoringRules: { snapshots: true } },
    });
    expect((await snapshotOf(engineDefault)).proctoring).toMatchObject({
      camera: true,
      identityCheck: false,
      snapshots: true,
      snapshotRetentionDays: 12,
    });
    const none = await buildSitting(engine, tree, items, {
      students: 1,
      securityPolicy: { proctoringRules: { snapshots: true } },
    });
    expect((await snapshotOf(none)).proctoring).toMatchObject({ camera: false, snapshots: false });
  });
});
