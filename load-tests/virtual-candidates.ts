/**
 * Virtual candidates speaking the candidate protocol: check in, start, fetch items, autosave
 * answers at an interval with think time, drop and regain the connection at a rate (re-sending
 * what was not acknowledged), submit. Records latencies in HDR histograms and every acknowledged save.
 */
import hdr from 'hdr-histogram-js';
import { io, type Socket } from 'socket.io-client';
import type { LoadCandidate } from './setup-sitting.ts';

export interface ScenarioOptions {
  baseUrl: string;
  accessCode: string;
  itemRefs: string[];
  candidates: LoadCandidate[];
  rampSeconds: number;
  durationSeconds: number;
  saveEverySeconds: number;
  /** Chance per save interval that a candidate's connection drops and comes back. */
  dropRate: number;
}

export interface ScenarioResult {
  checkInMs: hdr.Histogram;
  fetchMs: hdr.Histogram;
  saveAckMs: hdr.Histogram;
  errors: Record<string, number>;
  acknowledged: Array<{ sessionId: string; itemRef: string; seq: number; value: string }>;
  saves: number;
  checkInSpanS: number;
}

const histogram = () =>
  hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000, numberOfSignificantValueDigits: 3 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const result: ScenarioResult = {
    checkInMs: histogram(),
    fetchMs: histogram(),
    saveAckMs: histogram(),
    errors: {},
    acknowledged: [],
    saves: 0,
    checkInSpanS: 0,
  };
  const fail = (kind: string): void => {
    result.errors[kind] = (result.errors[kind] ?? 0) + 1;
  };
  const t0 = Date.now();
  let lastCheckIn = 0;
  const endAt = t0 + o.durationSeconds * 1000;

  const candidate = async (c: LoadCandidate, index: number) => {
    await sleep((o.rampSeconds * 1000 * index) / Math.max(1, o.candidates.length));
    const started = performance.now();
    const res = await fetch(`${o.baseUrl}/api/candidate/check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accessCode: o.accessCode,
        candidateNumber: c.candidateNumber,
        dateOfBirth: c.dateOfBirth,
      }),
    }).catch(() => undefined);
    if (!res?.ok) return fail(`check-in ${res?.status ?? 'network'}`);
    const { sessionToken, sessionId } = (await res.json()) as { sessionToken: string; sessionId: string };
    const connect = () =>
      new Promise<Socket>((resolve, reject) => {
        const s = io(`${o.baseUrl}/candidate`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: { token: sessionToken, deviceId: `load-${index}`, tabId: 't' },
        });
        s.once('connect', () => resolve(s));
        s.once('connect_error', reject);
      });
    let socket: Socket;
    try {
      socket = await connect();
    } catch {
      return fail('connect');
    }
    result.checkInMs.recordValue(Math.max(1, Math.round(performance.now() - started)));
    lastCheckIn = Date.now();
    const ask = async <T>(event: string, payload: unknown): Promise<T | undefined> => {
      try {
        return (await socket.timeout(15_000).emitWithAck(event, payload)) as T;
      } catch {
        fail(`${event} timeout`);
        return undefined;
      }
    };
    await ask('session:start', {});
    const seqs = new Map<string, number>();
    const unacked: Array<{ itemRef: string; seq: number; value: string }> = [];
    let position = 0;
    while (Date.now() < endAt) {
      // Think time spreads saves evenly over the interval.
      await sleep(o.saveEverySeconds * 1000 * (0.5 + Math.random()));
      if (Date.now() >= endAt) break;
      if (Math.random() < o.dropRate) {
        socket.disconnect();
        try {
          socket = await connect();
          await ask('session:resume', {});
        } catch {
          fail('reconnect');
          continue;
        }
      }
      const itemRef = o.itemRefs[position % o.itemRefs.length]!;
      if (position < o.itemRefs.length) {
        const f0 = performance.now();
        const fetched = await ask<{ ok: boolean }>('item:fetch', { position });
        if (fetched?.ok) result.fetchMs.recordValue(Math.max(1, Math.round(performance.now() - f0)));
        else fail('item:fetch refused');
      }
      position++;
      const seq = (seqs.get(itemRef) ?? 0) + 1;
      seqs.set(itemRef, seq);
      unacked.push({ itemRef, seq, value: `v${index}-${seq}` });
      for (const save of [...unacked]) {
        const s0 = performance.now();
        const ack = await ask<{ ok: boolean; error?: { id: string } }>('response:save', {
          itemRef: save.itemRef,
          seq: save.seq,
          responses: { RESPONSE: save.value },
        });
        result.saves++;
        if (ack?.ok) {
          result.saveAckMs.recordValue(Math.max(1, Math.round(performance.now() - s0)));
          result.acknowledged.push({ sessionId, ...save });
          unacked.splice(unacked.indexOf(save), 1);
        } else if (ack) fail(`save ${ack.error?.id}`);
      }
    }
    await ask('submit', { confirm: true });
    socket.disconnect();
  };

  await Promise.all(o.candidates.map((c, i) => candidate(c, i).catch(() => fail('candidate crashed'))));
  result.checkInSpanS = (lastCheckIn - t0) / 1000;
  return result;
}
