/**
 * A sitting ready to take: a bank of items, a scheduled sitting with one room, a class of
 * candidates enrolled, and helpers to check in and connect real Socket.IO clients.
 */
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { itemBankTables, parseItemXml, plainText, saveItemVersion } from '../../../item-bank/index.ts';
import type {
  CandidateClientToServerEvents,
  CandidateServerToClientEvents,
  ResponseValue,
} from '../../protocol/candidate.ts';
import type { Engine } from '../../engine.ts';
import type { ItemScorer } from '../../delivery/item-scorer.ts';
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

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
const RP = 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates';
const SCORE = `<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>`;
const item = (id: string, title: string, declaration: string, body: string, template: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="${QTI_NS}" identifier="${id}" title="${title}" adaptive="false" time-dependent="false" xml:lang="vi">
  ${declaration}
  ${SCORE}
  <qti-item-body>${body}</qti-item-body>
  <qti-response-processing template="${RP}/${template}.xml"/>
</qti-assessment-item>`;

/**
 * Real QTI 3.0 items of the common interaction types, scored by standard templates (some with
 * partial credit through a mapping), each with answers a virtual candidate gives: right, partly
 * right, wrong.
 */
export const QTI_ITEM_KINDS: Array<{ kind: string; xml: (id: string) => string; answers: ResponseValue[] }> =
  [
    {
      kind: 'choice (single)',
      xml: (id) =>
        item(
          id,
          'Chọn một',
          `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>B</qti-value></qti-correct-response></qti-response-declaration>`,
          `<qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="1"><qti-prompt>Câu ${id}: 7 × 8 bằng bao nhiêu?</qti-prompt><qti-simple-choice identifier="A">54</qti-simple-choice><qti-simple-choice identifier="B">56</qti-simple-choice><qti-simple-choice identifier="C">58</qti-simple-choice><qti-simple-choice identifier="D" fixed="true">64</qti-simple-choice></qti-choice-interaction>`,
          'match_correct',
        ),
      answers: ['B', 'A', 'C', 'D'],
    },
    {
      kind: 'choice (multiple, mapped)',
      xml: (id) =>
        item(
          id,
          'Chọn nhiều',
          `<qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="identifier"><qti-correct-response><qti-value>A</qti-value><qti-value>C</qti-value></qti-correct-response><qti-mapping lower-bound="0" upper-bound="2" default-value="0"><qti-map-entry map-key="A" mapped-value="1"/><qti-map-entry map-key="C" mapped-value="1"/><qti-map-entry map-key="B" mapped-value="-1"/></qti-mapping></qti-response-declaration>`,
          `<qti-choice-interaction response-identifier="RESPONSE" shuffle="true" max-choices="0"><qti-prompt>Câu ${id}: những số nào là số nguyên tố?</qti-prompt><qti-simple-choice identifier="A">2</qti-simple-choice><qti-simple-choice identifier="B">9</qti-simple-choice><qti-simple-choice identifier="C">13</qti-simple-choice><qti-simple-choice identifier="D">21</qti-simple-choice></qti-choice-interaction>`,
          'map_response',
        ),
      answers: [['A', 'C'], ['A'], ['A', 'B', 'C'], ['B', 'D']],
    },
    {
      kind: 'text entry (mapped)',
      xml: (id) =>
        item(
          id,
          'Điền từ',
          `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"><qti-correct-response><qti-value>Hà Nội</qti-value></qti-correct-response><qti-mapping default-value="0"><qti-map-entry map-key="Hà Nội" mapped-value="1" case-sensitive="false"/><qti-map-entry map-key="Ha Noi" mapped-value="0.5" case-sensitive="false"/></qti-mapping></qti-response-declaration>`,
          `<p>Câu ${id}: Thủ đô của Việt Nam là <qti-text-entry-interaction response-identifier="RESPONSE" expected-length="12"/>.</p>`,
          'map_response',
        ),
      answers: ['Hà Nội', 'ha noi', 'hà nội', 'Huế'],
    },
    {
      kind: 'order',
      xml: (id) =>
        item(
          id,
          'Sắp xếp',
          `<qti-response-declaration identifier="RESPONSE" cardinality="ordered" base-type="identifier"><qti-correct-response><qti-value>W1</qti-value><qti-value>W2</qti-value><qti-value>W3</qti-value></qti-correct-response></qti-response-declaration>`,
          `<qti-order-interaction response-identifier="RESPONSE" shuffle="true"><qti-prompt>Câu ${id}: sắp xếp từ nhỏ đến lớn.</qti-prompt><qti-simple-choice identifier="W1">1/4</qti-simple-choice><qti-simple-choice identifier="W2">1/3</qti-simple-choice><qti-simple-choice identifier="W3">1/2</qti-simple-choice></qti-order-interaction>`,
          'match_correct',
        ),
      answers: [
        ['W1', 'W2', 'W3'],
        ['W2', 'W1', 'W3'],
        ['W3', 'W2', 'W1'],
      ],
    },
    {
      kind: 'match (mapped)',
      xml: (id) =>
        item(
          id,
          'Nối',
          `<qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="directedPair"><qti-correct-response><qti-value>VN HN</qti-value><qti-value>TH BK</qti-value><qti-value>LA VC</qti-value></qti-correct-response><qti-mapping default-value="0" lower-bound="0" upper-bound="1.5"><qti-map-entry map-key="VN HN" mapped-value="0.5"/><qti-map-entry map-key="TH BK" mapped-value="0.5"/><qti-map-entry map-key="LA VC" mapped-value="0.5"/></qti-mapping></qti-response-declaration>`,
          `<qti-match-interaction response-identifier="RESPONSE" shuffle="true" max-associations="3"><qti-prompt>Câu ${id}: nối quốc gia với thủ đô.</qti-prompt><qti-simple-match-set><qti-simple-associable-choice identifier="VN" match-max="1">Việt Nam</qti-simple-associable-choice><qti-simple-associable-choice identifier="TH" match-max="1">Thái Lan</qti-simple-associable-choice><qti-simple-associable-choice identifier="LA" match-max="1">Lào</qti-simple-associable-choice></qti-simple-match-set><qti-simple-match-set><qti-simple-associable-choice identifier="HN" match-max="1">Hà Nội</qti-simple-associable-choice><qti-simple-associable-choice identifier="BK" match-max="1">Băng Cốc</qti-simple-associable-choice><qti-simple-associable-choice identifier="VC" match-max="1">Viêng Chăn</qti-simple-associable-choice><qti-simple-associable-choice identifier="PP" match-max="1">Phnôm Pênh</qti-simple-associable-choice></qti-simple-match-set></qti-match-interaction>`,
          'map_response',
        ),
      answers: [['VN HN', 'TH BK', 'LA VC'], ['VN HN', 'TH VC'], ['VN PP'], ['VN HN', 'TH BK']],
    },
  ];

/**
 * Stores `count` real QTI items through the item bank (parsed, then saved as item versions),
 * cycling through QTI_ITEM_KINDS: item `Q<i>` is of kind `(i - 1) % QTI_ITEM_KINDS.length`.
 */
export async function buildQtiItems(engine: Engine, tree: Tree, count: number) {
  const [bank] = await engine.deps.db
    .insert(itemBankTables.itemBanks)
    .values({ name: `QTI ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
    .returning();
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const xml = QTI_ITEM_KINDS[(i - 1) % QTI_ITEM_KINDS.length]!.xml(`Q${i}`);
    const parsed = parseItemXml(xml);
    if (!parsed.item || parsed.problems.some((p) => p.severity === 'error'))
      throw new Error(`Q${i}: ${JSON.stringify(parsed.problems)}`);
    const model = parsed.item;
    const saved = await engine.deps.db.transaction((tx) =>
      saveItemVersion(tx, bank!.id, {
        identifier: model.identifier,
        title: model.title,
        sourceFormat: 'qti3.0',
        qtiXml: xml,
        model,
        text: plainText([model.body]),
        interactionTypes: [...new Set(model.interactions.map((x) => x.type))],
      }),
    );
    ids.push(saved.itemId);
  }
  return ids;
}

/** The answers a virtual candidate can give item `Q<i>` of buildQtiItems. */
export const qtiAnswersOf = (itemRef: string) =>
  QTI_ITEM_KINDS[(Number(itemRef.slice(1)) - 1) % QTI_ITEM_KINDS.length]!.answers;

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
    // socket.io's 20 s default fails a crowd of test candidates on a loaded machine before the engine answers.
    timeout: 90_000,
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
