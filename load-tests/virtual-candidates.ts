/**
 * Virtual candidates speaking the candidate protocol: check in, start, fetch items, autosave
 * answers at an interval with think time, drop and regain the connection at a rate (re-sending
 * what was not acknowledged), submit. Records latencies in HDR histograms and every acknowledged save.
 * On an adaptive sitting (`adaptive`) each candidate answers the item it is given as a 2PL
 * candidate of its own ability would, then asks for the next one as the candidate app does
 * (response:save, navigate to the next place: the engine's CAT chooses, item:fetch).
 */
import hdr from 'hdr-histogram-js';
import { io, type Socket } from 'socket.io-client';
import { answerFor, poolIndexOf, poolParameters } from './adaptive-pool.ts';
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
  /**
   * An adaptive sitting over a pool of this many items (load-tests/adaptive-pool.ts): each candidate
   * answers item after item, `saveEverySeconds` of think time each, until the CAT stops; no burst.
   */
  adaptivePool?: number;
}

export interface ScenarioResult {
  checkInMs: hdr.Histogram;
  fetchMs: hdr.Histogram;
  saveAckMs: hdr.Histogram;
  /** Acknowledgement latency under the closed-loop burst (saturation), kept apart from the paced figure. */
  burstAckMs: hdr.Histogram;
  /**
   * Adaptive sittings: from sending an answer to holding the next item's payload (the save's ack,
   * the move the CAT decides in, the fetch); and the move alone.
   */
  nextItemMs: hdr.Histogram;
  navigateMs: hdr.Histogram;
  errors: Record<string, number>;
  /** Attempts the candidate app repeats by itself (check-in told to come back, socket reconnect): not errors. */
  retries: Record<string, number>;
  acknowledged: Array<{ sessionId: string; itemRef: string; seq: number; value: string }>;
  saves: number;
  /** Epoch ms of the last successful check-in. */
  lastCheckInAt: number;
  /** Saves acknowledged during the closed-loop burst, and its length in seconds. */
  burstAcks: number;
  burstSeconds: number;
  /**
   * Operations completed in each second since the start (check-in includes the socket handshake and
   * session:start; saves are acknowledged ones). With the engine's CPU per second, the run fits CPU per
   * operation (load-tests/cpu-per-operation.ts).
   */
  timeline: Timeline;
}

export type Timeline = Record<'checkIns' | 'fetches' | 'saves' | 'submits', number[]>;

const histogram = () =>
  hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000, numberOfSignificantValueDigits: 3 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Saves a second one candidate sends at most in the burst (half the engine's per-socket event limit). */
const BURST_SAVES_PER_SOCKET = 10;
/** The candidate page gives up on check-in after about ten minutes of retries, and so do we. */
const CHECK_IN_ATTEMPTS = 60;
/** Socket handshakes the candidate app retries (its reconnection backoff: 0.5 s doubling to 5 s). */
const CONNECT_ATTEMPTS = 30;
/** Handshake refusals the candidate app does not retry (exam-connection.ts). */
const FINAL_REFUSALS = new Set(['session_in_use', 'invalid_token', 'session_not_found']);

/** A standard normal draw (Box–Muller): the virtual candidate's ability. */
function normalDeviate() {
  return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
}

export async function runScenario(o: ScenarioOptions): Promise<ScenarioResult> {
  const result: ScenarioResult = {
    checkInMs: histogram(),
    fetchMs: histogram(),
    saveAckMs: histogram(),
    burstAckMs: histogram(),
    nextItemMs: histogram(),
    navigateMs: histogram(),
    errors: {},
    retries: {},
    acknowledged: [],
    saves: 0,
    lastCheckInAt: 0,
    burstAcks: 0,
    burstSeconds: o.burstSeconds,
    timeline: { checkIns: [], fetches: [], saves: [], submits: [] },
  };
  const fail = (kind: string): void => {
    result.errors[kind] = (result.errors[kind] ?? 0) + 1;
  };
  const retried = (kind: string): void => {
    result.retries[kind] = (result.retries[kind] ?? 0) + 1;
  };
  const t0 = o.startAt ?? Date.now();
  const tick = (kind: keyof Timeline) => {
    const second = Math.floor((Date.now() - t0) / 1000);
    const counts = result.timeline[kind];
    while (counts.length <= second) counts.push(0);
    counts[second]!++;
  };
  await sleep(Math.max(0, t0 - Date.now()));
  const endAt = t0 + o.durationSeconds * 1000;
  const burstEnd = endAt + o.burstSeconds * 1000;
  const total = o.totalCandidates ?? o.candidates.length;

  const candidate = async (c: LoadCandidate, local: number) => {
    const index = local + (o.indexOffset ?? 0);
    const baseUrl = o.baseUrls[index % o.baseUrls.length]!;
    await sleep((o.rampSeconds * 1000 * index) / Math.max(1, total));
    const started = performance.now();
    // As the candidate page does: a 503 (the engine's check-in admission is full) or a failed
    // request is tried again after Retry-After, or a growing wait; anything else is final.
    let res: Response | undefined;
    for (let attempt = 1; ; attempt++) {
      let failure: string | undefined;
      res = await fetch(`${baseUrl}/api/candidate/check-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          accessCode: o.accessCode,
          candidateNumber: c.candidateNumber,
          dateOfBirth: c.dateOfBirth,
        }),
      }).catch((error: Error) => {
        failure = `check-in network: ${(error.cause as Error | undefined)?.message ?? error.message}`;
        return undefined;
      });
      if (res && res.status !== 503) break;
      if (attempt >= CHECK_IN_ATTEMPTS) return fail(failure ?? 'check-in 503');
      retried(failure ?? 'check-in 503');
      const header = Number(res?.headers.get('retry-after'));
      await res?.body?.cancel();
      await sleep(1000 * Math.min(30, header > 0 ? header : Math.min(15, attempt)));
    }
    if (!res.ok) return fail(`check-in ${res.status}`);
    const { sessionToken, sessionId } = (await res.json()) as { sessionToken: string; sessionId: string };
    /** Opens the socket, retrying refused or failed handshakes with socket.io's own reconnection backoff. */
    const connect = async (): Promise<Socket> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await connectOnce();
        } catch (error) {
          const e = error as Error & { data?: { id?: string; retryAfterSeconds?: number } };
          const kind = `connect: ${e.data?.id ?? e.message}`;
          if (FINAL_REFUSALS.has(e.data?.id ?? '') || attempt >= CONNECT_ATTEMPTS)
            throw new Error(kind, { cause: error });
          retried(kind);
          // A busy engine says when to come back; otherwise socket.io's backoff (0.5 s doubling to 5 s).
          const delay = e.data?.retryAfterSeconds
            ? e.data.retryAfterSeconds * 1000
            : Math.min(5000, 500 * 2 ** (attempt - 1));
          await sleep(delay * (0.5 + Math.random()));
        }
      }
    };
    const connectOnce = () =>
      new Promise<Socket>((resolve, reject) => {
        const s = io(`${baseUrl}/candidate`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          auth: { token: sessionToken, deviceId: `load-${index}`, tabId: 't' },
        });
        s.once('connect', () => resolve(s));
        s.once('connect_error', (error) => {
          s.close();
          reject(error);
        });
      });
    let socket: Socket;
    try {
      socket = await connect();
    } catch (error) {
      return fail((error as Error).message);
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
    const started0 = await ask<{ ok: boolean; snapshot?: { position: number; form: unknown[] } }>(
      'session:start',
      {},
    );
    tick('checkIns');
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
          tick('saves');
          latency.recordValue(Math.max(1, Math.round(performance.now() - s0)));
          result.acknowledged.push({ sessionId, ...save });
          unacked.splice(unacked.indexOf(save), 1);
        } else if (ack) fail(`save ${ack.error?.id}`);
      }
      return acked;
    };
    if (o.adaptivePool) {
      if (!started0?.ok || !started0.snapshot) return fail('session:start refused');
      await adaptiveAnswers(started0.snapshot);
      const submitted = await ask<{ ok: boolean }>('submit', { confirm: true });
      if (submitted?.ok) tick('submits');
      else fail('submit refused');
      socket.disconnect();
      return;
    }
    while (Date.now() < endAt) {
      // Think time spreads saves evenly over the interval.
      await sleep(o.saveEverySeconds * 1000 * (0.5 + Math.random()));
      if (Date.now() >= endAt) break;
      if (Math.random() < o.dropRate) {
        socket.disconnect();
        try {
          socket = await connect();
          await ask('session:resume', {});
        } catch (error) {
          fail(`reconnect (${(error as Error).message})`);
          continue;
        }
      }
      const itemRef = o.itemRefs[position % o.itemRefs.length]!;
      if (position < o.itemRefs.length) {
        const f0 = performance.now();
        const fetched = await ask<{ ok: boolean }>('item:fetch', { position });
        if (fetched?.ok) {
          result.fetchMs.recordValue(Math.max(1, Math.round(performance.now() - f0)));
          tick('fetches');
        } else fail('item:fetch refused');
      }
      position++;
      queueSave(itemRef);
      await sendUnacked();
    }
    /**
     * The adaptive test: the item at the session's place, think, answer; the answer's ack, the move
     * to the next place (where the engine's CAT chooses) and that item's payload are the next-item time.
     */
    async function adaptiveAnswers(snapshot: { position: number; form: unknown[] }) {
      const theta = normalDeviate();
      let position = snapshot.position;
      let total = snapshot.form.length;
      type Fetched = { ok: boolean; itemRef: string; item: unknown };
      const fetchItem = async (): Promise<Fetched | undefined> => {
        const f0 = performance.now();
        const fetched = await ask<Fetched>('item:fetch', { position });
        if (!fetched) return undefined;
        if (!fetched.ok) {
          fail('item:fetch refused');
          return undefined;
        }
        result.fetchMs.recordValue(Math.max(1, Math.round(performance.now() - f0)));
        tick('fetches');
        return fetched;
      };
      let item = await fetchItem();
      while (item) {
        await sleep(o.saveEverySeconds * 1000 * (0.5 + Math.random()));
        if (Math.random() < o.dropRate) {
          socket.disconnect();
          try {
            socket = await connect();
            const resumed = await ask<{ ok: boolean; snapshot: { position: number } }>('session:resume', {});
            // Answered and moved before the drop: the engine's place wins.
            if (resumed?.ok && resumed.snapshot.position !== position) {
              position = resumed.snapshot.position;
              item = await fetchItem();
              continue;
            }
          } catch (error) {
            return fail(`reconnect (${(error as Error).message})`);
          }
        }
        const k = poolIndexOf(item.item);
        const value = answerFor(theta, k === undefined ? undefined : poolParameters(k, o.adaptivePool!));
        const t0 = performance.now();
        const seq = (seqs.get(item.itemRef) ?? 0) + 1;
        seqs.set(item.itemRef, seq);
        unacked.push({ itemRef: item.itemRef, seq, value });
        await sendUnacked();
        if (unacked.length) return fail('adaptive answer not acknowledged');
        const m0 = performance.now();
        const moved = await ask<{ ok: boolean; position: number; ended?: boolean; error?: { id: string } }>(
          'navigate',
          { position: position + 1 },
        );
        if (!moved) return;
        result.navigateMs.recordValue(Math.max(1, Math.round(performance.now() - m0)));
        // The last place answered: nothing follows (the CAT's maximum length).
        if (!moved.ok) return position + 1 >= total ? undefined : fail(`navigate ${moved.error?.id}`);
        // The CAT stopped by its rule: the places it did not use are gone.
        if (moved.ended) return;
        position = moved.position;
        item = await fetchItem();
        if (item) result.nextItemMs.recordValue(Math.max(1, Math.round(performance.now() - t0)));
        total = Math.max(total, position + 1);
      }
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
    const submitted = await ask<{ ok: boolean }>('submit', { confirm: true });
    if (submitted?.ok) tick('submits');
    socket.disconnect();
  };

  await Promise.all(o.candidates.map((c, i) => candidate(c, i).catch(() => fail('candidate crashed'))));
  return result;
}
