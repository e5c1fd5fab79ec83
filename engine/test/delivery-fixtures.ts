/**
 * A sitting ready to take: a bank of items, a scheduled sitting with one room, a class of
 * candidates enrolled, and helpers to check in and connect real Socket.IO clients.
 */
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { itemBankTables, saveItemVersion } from '../../item-bank/index.ts';
import type { CandidateClientToServerEvents, CandidateServerToClientEvents } from '../protocol/candidate.ts';
import type { Engine } from '../engine.ts';
import type { ItemScorer } from '../delivery/score-session.ts';
import { buildClass, buildStudent, type buildOrganisationTree } from './factories.ts';
import { api, tokenFor } from './http.ts';

export type CandidateClient = Socket<CandidateServerToClientEvents, CandidateClientToServerEvents>;
type Tree = Awaited<ReturnType<typeof buildOrganisationTree>>;

/** Test items carry a `public` part (what the projection shows) and a `key` that must never reach a client. */
export const testProjection = (model: unknown) => (model as { public: unknown }).public;

/** A stand-in for the grading engine over the test items: 1 point when RESPONSE equals the item's key. */
export const testScorer: ItemScorer = {
  scoreItem(model, responses) {
    const right = responses?.RESPONSE === (model as { key: string }).key;
    return { outcomes: { SCORE: right ? 1 : 0 }, score: right ? 1 : 0, maxScore: 1, pending: false };
  },
  toTenPointScale: (raw, max) => (max ? Math.round((raw / max) * 100) / 10 : 0),
  rate: (score) => (score >= 8 ? 'Tốt' : score >= 6.5 ? 'Khá' : score >= 5 ? 'Đạt' : 'Chưa đạt'),
};

export async function buildItems(engine: Engine, tree: Tree, count: number) {
  const [bank] = await engine.deps.db
    .insert(itemBankTables.itemBanks)
    .values({ name: `Bank ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
    .returning();
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const saved = await engine.deps.db.transaction((tx) =>
      saveItemVersion(tx, bank!.id, {
        identifier: `Q${i}`,
        title: `Câu ${i}`,
        sourceFormat: 'qti3.0',
        qtiXml: `<qti-assessment-item identifier="Q${i}"/>`,
        model: { public: { identifier: `Q${i}`, prompt: `Câu hỏi số ${i}` }, key: `SECRET-KEY-${i}` },
        text: `Câu hỏi số ${i}`,
        interactionTypes: ['choiceInteraction'],
      }),
    );
    ids.push(saved.itemId);
  }
  return ids;
}

export interface SittingOptions {
  opensAt?: Date;
  closesAt?: Date;
  durationMinutes?: number;
  navigationMode?: 'linear' | 'nonlinear';
  allowSkipping?: boolean;
  students?: number;
  graceSeconds?: number;
  securityPolicy?: Record<string, unknown>;
}

export async function buildSitting(
  engine: Engine,
  tree: Tree,
  itemIds: string[],
  options: SittingOptions = {},
) {
  const board = await tokenFor(engine, tree.examBoard);
  const sitting = await api(engine).post(
    '/api/sittings',
    {
      organisationId: tree.office.id,
      name: 'Kiểm tra giữa kỳ Toán 9',
      opensAt: (options.opensAt ?? new Date(Date.now() - 60_000)).toISOString(),
      closesAt: (options.closesAt ?? new Date(Date.now() + 3 * 3600_000)).toISOString(),
      durationMinutes: options.durationMinutes ?? 45,
      graceSeconds: options.graceSeconds ?? 10,
      ...(options.securityPolicy ? { securityPolicy: options.securityPolicy } : {}),
      form: {
        navigationMode: options.navigationMode ?? 'nonlinear',
        allowSkipping: options.allowSkipping ?? true,
        sections: [{ identifier: 'S1', title: 'Phần 1', items: itemIds.map((itemId) => ({ itemId })) }],
      },
    },
    board,
  );
  if (sitting.status !== 201) throw new Error(`sitting: ${JSON.stringify(sitting.data)}`);
  const room = await api(engine).post(
    `/api/sittings/${sitting.data.id}/rooms`,
    { name: 'Phòng 01', proctorIds: [tree.proctorA.userId] },
    board,
  );
  if (room.status !== 201) throw new Error(`room: ${JSON.stringify(room.data)}`);
  const cls = await buildClass(engine.deps.db, tree.schoolA);
  const students: Array<Awaited<ReturnType<typeof buildStudent>>> = [];
  for (let i = 0; i < (options.students ?? 3); i++)
    students.push(await buildStudent(engine.deps.db, tree.schoolA, cls.id, `Học Sinh ${i + 1}`));
  const enrolled = await api(engine).post(
    `/api/sittings/${sitting.data.id}/candidates`,
    { roomId: room.data.id, classId: cls.id },
    board,
  );
  if (enrolled.status !== 200) throw new Error(`enrol: ${JSON.stringify(enrolled.data)}`);
  const candidates = (enrolled.data.candidates as Array<{ studentId: string; candidateNumber: string }>).map(
    (c) => ({
      ...c,
      dateOfBirth: students.find((s) => s.id === c.studentId)!.dateOfBirth,
    }),
  );
  return {
    sittingId: sitting.data.id as string,
    accessCode: room.data.accessCode as string,
    roomId: room.data.id as string,
    candidates,
    board,
  };
}

export async function checkInCandidate(
  engine: Engine,
  accessCode: string,
  candidate: { candidateNumber: string; dateOfBirth: string },
) {
  const [y, m, d] = candidate.dateOfBirth.split('-');
  const res = await api(engine).post('/api/candidate/check-in', {
    accessCode,
    candidateNumber: candidate.candidateNumber,
    dateOfBirth: `${d}/${m}/${y}`,
  });
  if (res.status !== 200) throw new Error(`check-in: ${res.status} ${JSON.stringify(res.data)}`);
  return res.data as { sessionToken: string; sessionId: string };
}

export function connectCandidate(
  port: number,
  token: string,
  ids: { deviceId?: string; tabId?: string } = {},
): Promise<CandidateClient> {
  const socket: CandidateClient = connect(`http://127.0.0.1:${port}/candidate`, {
    transports: ['websocket'],
    auth: { token, deviceId: ids.deviceId ?? 'device-1', tabId: ids.tabId ?? 'tab-1' },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) =>
      reject(Object.assign(error, { data: (error as { data?: unknown }).data })),
    );
  });
}

/** Emits with an ack and resolves with the ack (rejecting after a timeout). */
export function request<E extends keyof CandidateClientToServerEvents>(
  socket: CandidateClient,
  event: E,
  payload: Parameters<CandidateClientToServerEvents[E]>[0],
  timeoutMs = 10_000,
): Promise<Parameters<Parameters<CandidateClientToServerEvents[E]>[1]>[0]> {
  return (
    socket.timeout(timeoutMs) as unknown as { emitWithAck: (e: string, p: unknown) => Promise<never> }
  ).emitWithAck(event, payload);
}

export function nextEvent<E extends keyof CandidateServerToClientEvents>(
  socket: CandidateClient,
  event: E,
  timeoutMs = 5000,
) {
  return new Promise<Parameters<CandidateServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as { once(e: string, f: (p: never) => void): void }).once(event, (payload: never) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
