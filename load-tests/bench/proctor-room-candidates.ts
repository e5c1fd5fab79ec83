/**
 * The candidates of the proctor-room benchmark, in a child process of their own (so their sockets do not share
 * the engine's event loop): they check in, connect and start in a wave, then answer, report device events
 * (now and then a no-face episode that becomes an incident) and drop and regain their connection. Every change a
 * proctor should see is logged as an expectation (candidate, field, value, epoch ms it was caused) for the parent
 * to match with what the dashboard shows.
 */
import { io, type Socket } from 'socket.io-client';

export interface Candidate {
  candidateNumber: string;
  dateOfBirth: string;
}

export interface TrafficPlan {
  baseUrl: string;
  accessCode: string;
  candidates: Candidate[];
  /** Seconds over which every candidate connects and starts. */
  connectSeconds: number;
  /** Seconds of steady traffic. */
  steadySeconds: number;
  /** Mean seconds between one candidate's actions in the steady phase. */
  actionEverySeconds: number;
  /** Seconds without a face after which the sitting raises an incident (its `noFaceSeconds`, plus a margin). */
  noFaceSeconds: number;
}

export type Field = 'online' | 'answered' | 'incidents';
export interface Expectation {
  candidateNumber: string;
  field: Field;
  value: number | boolean;
  /** When the candidate acted (sent the save or the events batch; the socket was accepted). */
  at: number;
  /** When the engine acknowledged it: stored, and published to the proctors' feed. */
  acked: number;
}

export type ParentMessage = { type: 'checkIn'; plan: TrafficPlan } | { type: 'connect' } | { type: 'steady' };
export type ChildMessage =
  | { type: 'checkedIn' }
  | { type: 'connected'; connected: number }
  | {
      type: 'steadyDone';
      handshakeMs: number[];
      actions: Record<string, number>;
      errors: Record<string, number>;
      expectations: Expectation[];
    };

interface Live {
  candidate: Candidate;
  token: string;
  socket?: Socket;
  items: string[];
  answered: number;
  incidents: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const send = (message: ChildMessage) => process.send!(message);

let plan: TrafficPlan;
const live: Live[] = [];
const expectations: Expectation[] = [];
const handshakes: number[] = [];
const actions: Record<string, number> = {};
const errors: Record<string, number> = {};
const count = (bag: Record<string, number>, key: string) => (bag[key] = (bag[key] ?? 0) + 1);
const expect = (c: Live, field: Field, value: number | boolean, at: number, acked = at) =>
  expectations.push({ candidateNumber: c.candidate.candidateNumber, field, value, at, acked });

async function emit(c: Live, event: string, payload: unknown): Promise<Record<string, unknown> | null> {
  if (!c.socket?.connected) return null;
  try {
    const ack = (await c.socket.timeout(15_000).emitWithAck(event, payload)) as Record<string, unknown>;
    if (ack.ok !== true) count(errors, `${event}:${(ack.error as { id?: string })?.id}`);
    return ack;
  } catch {
    count(errors, `${event}:timeout`);
    return null;
  }
}

async function checkIn(c: Candidate): Promise<Live> {
  const [y, m, d] = c.dateOfBirth.split('-');
  const response = await fetch(`${plan.baseUrl}/api/candidate/check-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      accessCode: plan.accessCode,
      candidateNumber: c.candidateNumber,
      dateOfBirth: `${d}/${m}/${y}`,
    }),
  });
  if (!response.ok) throw new Error(`check-in ${response.status}: ${await response.text()}`);
  const { sessionToken } = (await response.json()) as { sessionToken: string };
  return { candidate: c, token: sessionToken, items: [], answered: 0, incidents: 0 };
}

function connect(c: Live): Promise<void> {
  const socket = io(`${plan.baseUrl}/candidate`, {
    transports: ['websocket'],
    auth: { token: c.token, deviceId: `bench-${c.candidate.candidateNumber}`, tabId: 'tab-1' },
    reconnection: false,
    forceNew: true,
  });
  c.socket = socket;
  const asked = Date.now();
  return new Promise((resolve) => {
    // The engine publishes "connected" as it accepts the socket: the proctor's latency counts from there.
    socket.once('connect', () => {
      const at = Date.now();
      handshakes.push(at - asked);
      expect(c, 'online', true, at);
      resolve();
    });
    socket.once('connect_error', (error) => {
      count(errors, `connect_error:${(error as { data?: { id?: string } }).data?.id ?? error.message}`);
      resolve();
    });
  });
}

async function start(c: Live) {
  const ack = await emit(c, c.items.length ? 'session:resume' : 'session:start', {});
  const form = (ack?.snapshot as { form?: { itemRef: string }[] } | undefined)?.form;
  if (form && !c.items.length) c.items = form.map((e) => e.itemRef);
  // The engine's "proctoring on?" question, as the candidate page asks it first.
  await emit(c, 'proctor:events', { sentAt: Date.now(), events: [] });
}

/** One action of the steady phase, drawn by weight: answer, device events, a no-face episode, a dropped line. */
async function act(c: Live) {
  const roll = Math.random();
  if (roll < 0.55) {
    if (c.answered >= c.items.length) return;
    const itemRef = c.items[c.answered]!;
    count(actions, 'save');
    const at = Date.now();
    const ack = await emit(c, 'response:save', {
      itemRef,
      seq: 1,
      responses: { RESPONSE: 'A' },
      clientTime: at,
    });
    if (ack?.ok) {
      c.answered += 1;
      expect(c, 'answered', c.answered, at, Date.now());
      await emit(c, 'navigate', { position: Math.min(c.answered, c.items.length - 1) });
      count(actions, 'navigate');
    }
  } else if (roll < 0.9) {
    count(actions, 'deviceEvents');
    const now = Date.now();
    await emit(c, 'proctor:events', {
      sentAt: now,
      events: [
        { kind: 'faces', at: now - 500, count: 1 },
        { kind: 'pose', at: now - 400, pose: 'frontal', yaw: 3, pitch: -2 },
        { kind: 'monitor', at: now - 100, fps: 8 },
      ],
    });
  } else if (roll < 0.98) {
    count(actions, 'noFaceEpisode');
    const away = Date.now();
    await emit(c, 'proctor:events', { sentAt: away, events: [{ kind: 'faces', at: away, count: 0 }] });
    await sleep(plan.noFaceSeconds * 1000);
    const back = Date.now();
    const ack = await emit(c, 'proctor:events', {
      sentAt: back,
      events: [{ kind: 'faces', at: back, count: 1 }],
    });
    const raised = typeof ack?.incidents === 'number' ? ack.incidents : 0;
    if (raised > 0) {
      c.incidents += raised;
      expect(c, 'incidents', c.incidents, back, Date.now());
    }
  } else {
    count(actions, 'reconnect');
    const at = Date.now();
    c.socket?.disconnect();
    expect(c, 'online', false, at);
    await sleep(1000 + Math.random() * 2000);
    await connect(c);
    await start(c);
  }
}

async function steady() {
  const until = Date.now() + plan.steadySeconds * 1000;
  await Promise.all(
    live.map(async (c) => {
      // Spread the first actions, then exponential gaps around the mean.
      await sleep(Math.random() * plan.actionEverySeconds * 1000);
      while (Date.now() < until) {
        await act(c);
        await sleep(-Math.log(1 - Math.random()) * plan.actionEverySeconds * 1000);
      }
    }),
  );
  send({ type: 'steadyDone', handshakeMs: handshakes, actions, errors, expectations });
}

process.on('message', (message: ParentMessage) => {
  void (async () => {
    if (message.type === 'checkIn') {
      plan = message.plan;
      for (let i = 0; i < plan.candidates.length; i += 20)
        live.push(...(await Promise.all(plan.candidates.slice(i, i + 20).map(checkIn))));
      send({ type: 'checkedIn' });
    } else if (message.type === 'connect') {
      const gap = (plan.connectSeconds * 1000) / live.length;
      await Promise.all(
        live.map(async (c, i) => {
          await sleep(i * gap);
          await connect(c);
          await start(c);
        }),
      );
      send({ type: 'connected', connected: live.filter((c) => c.socket?.connected).length });
    } else if (message.type === 'steady') {
      await steady();
      live.forEach((c) => c.socket?.disconnect());
      setTimeout(() => process.exit(0), 200);
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
