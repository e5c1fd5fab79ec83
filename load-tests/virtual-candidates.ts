/**
 * Virtual candidates speaking the candidate protocol: check in, start, fetch items, autosave
 * answers at an interval with think time, drop and regain the connection at a rate (re-sending
 * what was not acknowledged), submit. Records latencies in HDR histograms and every acknowledged save.
 */
import hdr from 'hdr-histogram-js';
import { io, type Socket } from 'socket.io-client';
import type { LoadCandidate } from './setup-sitting.ts';

export interface ScenarioOptions {
  /** Engine processes; candidate i connects to baseUrls[i % length] (no sticky sessions needed). */
  baseUrls: string[];
  accessCode: string;
  itemRefs: string[];
  candidates: LoadCandidate[];
  rampSeconds: number;
  durationSeconds: number;
  saveEverySeconds: number;
  /** Chance per save interval that a candidate's connection drops and comes back. */
  dropRate: number;
  /**
   * After the paced phase, every candidate saves as fast as acknowledgements come back (closed loop,
   * capped at 10 saves/s per candidate, under the engine's per-socket limit) for this many seconds:
   * with enough candidates, the throughput the server sustains.
   */
  burstSeconds: number;
  /** This generator's first candidate index among all generators (ramp slots and engine choice). */
  indexOffset?: number;
  /** Candidates over all generators, for the ramp. */
  totalCandidates?: number;
  /** Epoch ms at which every generator starts its scenario together (default: now). */
  startAt?: number;
}

export interface ScenarioResult {
  checkInMs: hdr.Histogram;
  fetchMs: hdr.Histogram;
  saveAckMs: hdr.Histogram;
  /** Acknowledgement latency under the closed-loop burst (saturation), kept apart from the paced figure. */
  burstAckMs: hdr.Histogram;
  errors: Record<string, number>;
  acknowledged: Array<{ sessionId: string; itemRef: string; seq: number; value: string }>;
  saves: number;
  /** Epoch ms of the last successful check-in. */
  lastCheckInAt: number;
  /** Saves acknowledged during the closed-loop burst, and its length in seconds. */
  burstAcks: number;
  burstSeconds: number;
}

const histogram = () =>
  hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000, numberOfSignificantValueDigits: 3 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Saves a second one candidate sends at most in the burst (half the engine's per-socket event limit). */
const BURST_SAVES_PER_SOCKET = 10;

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const result: ScenarioResult = {
    checkInMs: histogram(),
    fetchMs: histogram(),
    saveAckMs: histogram(),
    burstAckMs: histogram(),
    errors: {},
    acknowledged: [],
    saves: 0,
    lastCheckInAt: 0,
    burstAcks: 0,
    burstSeconds: o.burstSeconds,
  };
  const fail = (kind: string): void => {
    result.errors[kind] = (result.errors[kind] ?? 0) + 1;
  };
  const t0 = o.startAt ?? Date.now();
  await sleep(Math.max(0, t0 - Date.now()));
  const endAt = t0 + o.durationSeconds * 1000;
  const burstEnd = endAt + o.burstSeconds * 1000;
  const total = o.totalCandidates ?? o.candidates.length;

  const candidate = async (c: LoadCandidate, local: number) => {
    const index = local + (o.indexOffset ?? 0);
    const baseUrl = o.baseUrls[index % o.baseUrls.length]!;
    await sleep((o.rampSeconds * 1000 * index) / Math.max(1, total));
    const started = performance.now();
    const res = await fetch(`${baseUrl}/api/candidate/check-in`, {
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
        const s = io(`${baseUrl}/candidate`, {
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
    result.lastCheckInAt = Math.max(result.lastCheckInAt, Date.now());
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
    const queueSave = (itemRef: string) => {
      const seq = (seqs.get(itemRef) ?? 0) + 1;
      seqs.set(itemRef, seq);
      unacked.push({ itemRef, seq, value: `v${index}-${seq}` });
    };
    /** Sends every unacknowledged save in order (re-sending after a drop); returns how many were acknowledged. */
    const sendUnacked = async (latency = result.saveAckMs) => {
      let acked = 0;
      for (const save of [...unacked]) {
        const s0 = performance.now();
        const ack = await ask<{ ok: boolean; error?: { id: string } }>('response:save', {
          itemRef: save.itemRef,
          seq: save.seq,
          responses: { RESPONSE: save.value },
        });
        result.saves++;
        if (ack?.ok) {
          acked++;
          latency.recordValue(Math.max(1, Math.round(performance.now() - s0)));
          result.acknowledged.push({ sessionId, ...save });
          unacked.splice(unacked.indexOf(save), 1);
        } else if (ack) fail(`save ${ack.error?.id}`);
      }
      return acked;
    };
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
      queueSave(itemRef);
      await sendUnacked();
    }
    // Closed loop: each acknowledgement releases the next save, until the burst ends.
    await sleep(Math.max(0, endAt - Date.now()));
    while (Date.now() < burstEnd) {
      // Each candidate stays under the engine's per-socket limit (20 events/s): the burst saturates by numbers.
      const next = performance.now() + 1000 / BURST_SAVES_PER_SOCKET;
      queueSave(o.itemRefs[position++ % o.itemRefs.length]!);
      const acked = await sendUnacked(result.burstAckMs);
      if (Date.now() <= burstEnd) result.burstAcks += acked;
      await sleep(Math.max(0, next - performance.now()));
    }
    await ask('submit', { confirm: true });
    socket.disconnect();
  };

  await Promise.all(o.candidates.map((c, i) => candidate(c, i).catch(() => fail('candidate crashed'))));
  return result;
}
