/**
 * The candidate's link to the engine: one Socket.IO connection, the answer queue (IndexedDB
 * first, then the socket, removed only on acknowledgement), resume from the engine's database
 * snapshot after every (re)connection, and the server clock. React reads it through `subscribe`.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  RunCodeAck,
  CandidateClientToServerEvents,
  CandidateServerToClientEvents,
  ItemResponses,
  SecurityEventRequest,
  SessionSnapshot,
  TimeState,
} from '../../engine/client.ts';
import type { AnswerStore, PendingSave } from './answer-store.ts';
import { resumedAnswers } from './resumed-answers.ts';
import { deviceId, tabId } from './session-storage.ts';
import { SAVE_RETRY_MS, saveRefusalAction } from './save-refusals.ts';

type CandidateSocket = Socket<CandidateServerToClientEvents, CandidateClientToServerEvents>;
type AckError = { ok: false; error: { id: string; message: string } };

export interface ExamState {
  connection: 'connecting' | 'online' | 'offline' | 'refused';
  refusal?: string;
  snapshot?: SessionSnapshot;
  position: number;
  answers: Record<string, ItemResponses>;
  flags: string[];
  pending: number;
  /** The deadline in this device's clock (server deadline corrected by the measured offset). */
  localDeadline: number | null;
  pausedRemainingMs: number | null;
  paused: boolean;
  message?: string;
  warning?: number;
  ended?: { by: 'candidate' | 'server' | 'proctor'; reason?: string };
  items: Record<number, unknown>;
  /** Time-limited levels (part, section, item) around the position, with deadlines in this device's clock. */
  levels: LevelClock[];
  /** Individual submission: the last attempt's outcome per item (feedback and solution only as the test allows). */
  itemResults: Record<string, ItemSubmitResult>;
  /** The route is over (branch rules or preconditions left nothing): only submitting remains. */
  routeEnded: boolean;
  /** The last refusal of a move or an item submission (its stable id), for the candidate to read. */
  routeRefusal?: string;
}

export interface LevelClock {
  level: 'test' | 'part' | 'section' | 'item';
  identifier: string;
  /** Null while paused or without a maxTime. */
  localDeadline: number | null;
  remainingMs: number | null;
}

export interface ItemSubmitResult {
  attempt: number;
  attemptsLeft: number | null;
  closed: boolean;
  feedback?: Array<{ identifier: string; title?: string; content: unknown }>;
  solution?: Record<string, unknown>;
}

export class ExamConnection {
  private socket: CandidateSocket;
  private listeners = new Set<() => void>();
  /** The running pass over the queue, if any; a flush asked for meanwhile makes it read the queue again. */
  private flushRun: Promise<void> | undefined;
  private flushAgain = false;
  /** Answers being written to the device, not yet in the queue. */
  private readonly recording = new Set<Promise<unknown>>();
  private serverSeq = new Map<string, number>();
  /** Items answered on this page since it loaded: what it holds for them is the newest there is. */
  private readonly answeredHere = new Set<string>();
  /** Secure-mode events not yet acknowledged (kept in memory; sent after reconnecting). */
  private securityQueue: SecurityEventRequest[] = [];
  private lastSecurityEvent = new Map<string, number>();
  state: ExamState = {
    connection: 'connecting',
    position: 0,
    answers: {},
    flags: [],
    pending: 0,
    localDeadline: null,
    pausedRemainingMs: null,
    paused: false,
    items: {},
    levels: [],
    itemResults: {},
    routeEnded: false,
  };

  constructor(
    private readonly sessionId: string,
    token: string,
    private readonly store: AnswerStore,
  ) {
    this.socket = io('/candidate', {
      transports: ['websocket'],
      auth: { token, deviceId: deviceId(), tabId: tabId() },
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on('connect', () => void this.resume());
    this.socket.on('disconnect', () => this.set({ connection: 'offline' }));
    this.socket.on('connect_error', (error) => {
      const id = (error as { data?: { id?: string } }).data?.id;
      if (id === 'session_in_use' || id === 'invalid_token' || id === 'session_not_found') {
        this.socket.disconnect();
        this.set({ connection: 'refused', refusal: id });
      } else this.set({ connection: 'offline' });
    });
    this.socket.on('time:sync', (time) => this.applyTime(time));
    this.socket.on('time:warning', ({ minutesLeft }) => this.set({ warning: minutesLeft }));
    this.socket.on('time:extended', ({ time }) => this.applyTime(time));
    this.socket.on('session:paused', ({ time }) => this.applyTime(time));
    this.socket.on('session:resumed', ({ time }) => {
      this.applyTime(time);
      void this.flush();
    });
    this.socket.on('message', ({ text }) => this.set({ message: text }));
    this.socket.on('session:terminated', ({ reason }) => this.set({ ended: { by: 'proctor', reason } }));
    this.socket.on('session:submitted', ({ by }) => this.set({ ended: { by } }));
    // The server moved the candidate on (a part's or item's time ran out): re-read the snapshot.
    this.socket.on('route:moved', () => void this.resume());
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = () => this.state;

  private set(patch: Partial<ExamState>) {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }

  private applyTime(time: TimeState) {
    const offset = Date.now() - time.serverNow;
    const levels = (time.levels ?? this.state.snapshot?.route?.times ?? []).map((l) => ({
      level: l.level,
      identifier: l.identifier,
      remainingMs: l.remainingMs,
      localDeadline: l.remainingMs === null || time.paused ? null : time.serverNow + offset + l.remainingMs,
    }));
    this.set({
      levels,
      paused: time.paused,
      localDeadline: time.deadline === null ? null : time.deadline + offset,
      pausedRemainingMs: time.paused ? time.remainingMs : null,
    });
  }

  private async request<T>(
    event: keyof CandidateClientToServerEvents,
    payload: unknown,
  ): Promise<T | AckError> {
    try {
      const emit = this.socket.timeout(10_000).emitWithAck as unknown as (
        e: string,
        p: unknown,
      ) => Promise<T | AckError>;
      return await emit.call(this.socket.timeout(10_000), event, payload);
    } catch {
      return { ok: false, error: { id: 'timeout', message: 'No answer from the server.' } };
    }
  }

  /** Rebuilds the state from the engine's snapshot plus whatever this device still holds unsent. */
  private async resume() {
    const res = await this.request<{ ok: true; snapshot: SessionSnapshot }>('session:resume', {});
    if (!res.ok) return this.set({ connection: 'offline' });
    const { snapshot } = res;
    const local = await this.store.latest(this.sessionId);
    const knownBefore = new Map(this.serverSeq);
    for (const [ref, saved] of Object.entries(snapshot.responses))
      this.serverSeq.set(ref, Math.max(saved.seq, knownBefore.get(ref) ?? 0));
    // The reads above took time, and the candidate may have gone on typing (a reconnection mid-answer).
    const answers = resumedAnswers({
      snapshot: snapshot.responses,
      local,
      knownBefore,
      answeredHere: this.answeredHere,
      held: this.state.answers,
    });
    this.applyTime(snapshot.time);
    this.set({
      connection: 'online',
      snapshot,
      position: snapshot.position,
      routeEnded: snapshot.route?.ended ?? false,
      flags: snapshot.flags,
      answers,
      ended:
        snapshot.state === 'submitted' || snapshot.state === 'scored'
          ? (this.state.ended ?? { by: 'candidate' })
          : this.state.ended,
    });
    await this.flush();
    void this.flushSecurityEvents();
  }

  /** Records a secure-mode event with the engine (the same kind at most once a second). */
  securityEvent(type: SecurityEventRequest['type']): void {
    const now = Date.now();
    if (now - (this.lastSecurityEvent.get(type) ?? 0) < 1000) return;
    this.lastSecurityEvent.set(type, now);
    this.securityQueue.push({ type, clientTime: now, position: this.state.position });
    void this.flushSecurityEvents();
  }

  private async flushSecurityEvents() {
    while (this.securityQueue.length && this.socket.connected) {
      const res = await this.request<{ ok: true }>('security:event', this.securityQueue[0]);
      if (!res.ok && res.error.id === 'timeout') return;
      this.securityQueue.shift();
    }
  }

  async start(): Promise<string | undefined> {
    const res = await this.request<{ ok: true; snapshot: SessionSnapshot }>('session:start', {});
    if (!res.ok) return res.error.id;
    this.applyTime(res.snapshot.time);
    this.set({ snapshot: res.snapshot, position: res.snapshot.position });
    return undefined;
  }

  /** Loads an item (and the next two, so moving on is instant). */
  async loadItem(position: number): Promise<void> {
    const total = this.state.snapshot?.form.length ?? 0;
    for (const p of [position, position + 1, position + 2]) {
      if (p >= total || this.state.items[p] !== undefined) continue;
      const res = await this.request<{ ok: true; item: unknown }>('item:fetch', { position: p });
      if (res.ok) this.set({ items: { ...this.state.items, [p]: res.item } });
    }
  }

  async answer(itemRef: string, responses: ItemResponses): Promise<void> {
    this.answeredHere.add(itemRef);
    this.set({ answers: { ...this.state.answers, [itemRef]: responses } });
    const written = this.store.record(this.sessionId, itemRef, responses, this.serverSeq.get(itemRef) ?? 0);
    this.recording.add(written);
    try {
      await written;
    } finally {
      this.recording.delete(written);
    }
    await this.flush();
  }

  /**
   * Every answer given so far sent and stored, as far as the engine takes them now: waits for answers
   * still being written to the device and for a pass over the queue that starts after them.
   */
  private async drain(): Promise<void> {
    await Promise.allSettled([...this.recording]);
    await this.flush();
  }

  /**
   * Sends queued saves in order; each leaves the queue only when the engine has stored it. A call
   * while a pass is running joins it and makes it read the queue once more, so a save written just
   * after the pass last looked is never left waiting for the next event.
   */
  flush(): Promise<void> {
    this.flushAgain = true;
    this.flushRun ??= this.sendQueued().finally(() => {
      this.flushRun = undefined;
    });
    return this.flushRun;
  }

  private async sendQueued(): Promise<void> {
    while (this.flushAgain) {
      this.flushAgain = false;
      for (;;) {
        const queue = await this.store.pending(this.sessionId);
        this.set({ pending: queue.length });
        if (!queue.length) break;
        if (!this.socket.connected || this.state.paused) return;
        const next: PendingSave = queue[0]!;
        const res = await this.request<{ ok: true }>('response:save', {
          itemRef: next.itemRef,
          seq: next.seq,
          responses: next.responses,
          clientTime: next.clientTime,
        });
        if (res.ok) {
          await this.store.acknowledge(next);
          this.serverSeq.set(next.itemRef, Math.max(this.serverSeq.get(next.itemRef) ?? 0, next.seq));
        } else {
          const action = saveRefusalAction(res.error.id);
          if (action === 'wait') return; // offline or paused: the reconnect or resume sends it again
          if (action === 'retry-soon') {
            setTimeout(() => void this.flush(), SAVE_RETRY_MS);
            return;
          }
          // The engine will never take this one: keep it on the device for the record, stop sending
          // it, tell the candidate, and go on with the answers queued behind it.
          await this.store.acknowledge(next);
          this.set({ routeRefusal: res.error.id });
        }
      }
    }
  }

  async navigate(position: number): Promise<boolean> {
    // Moving on can close the item or part behind (linear mode, a new part): its answers go first.
    await this.drain();
    const before = this.partAt(this.state.position);
    const res = await this.request<{ ok: true; position: number; skipped?: string[]; ended?: boolean }>(
      'navigate',
      { position },
    );
    if (!res.ok) {
      this.set({ routeRefusal: res.error.id });
      return false;
    }
    this.set({ position: res.position, routeRefusal: undefined, routeEnded: Boolean(res.ended) });
    // A new part, skipped items or a new level: the snapshot holds the part's rules and times.
    if (
      res.skipped?.length ||
      res.ended ||
      before !== this.partAt(res.position) ||
      this.state.snapshot?.route?.times.length
    )
      await this.resume();
    return true;
  }

  private partAt(position: number) {
    return this.state.snapshot?.route?.parts.find((p) => position >= p.start && position < p.end)?.identifier;
  }

  /** Individual submission mode: ends one attempt of the item (after its answer is stored). */
  async submitItem(itemRef: string): Promise<string | undefined> {
    await this.drain();
    if (this.state.pending > 0) return 'pending';
    const res = await this.request<{ ok: true } & ItemSubmitResult>('item:submit', { itemRef });
    if (!res.ok) {
      this.set({ routeRefusal: res.error.id });
      return res.error.id;
    }
    const { ok: _ok, ...result } = res;
    this.set({ itemResults: { ...this.state.itemResults, [itemRef]: result }, routeRefusal: undefined });
    return undefined;
  }

  /** Runs the visible tests of a code task on the engine's sandbox (not saved; rate-limited by the engine). */
  async runCode(itemRef: string, responseIdentifier: string, code: string): Promise<RunCodeAck> {
    try {
      // A cold sandbox takes a few seconds to start: a longer wait than other requests.
      return (await this.socket
        .timeout(60_000)
        .emitWithAck('code:run', { itemRef, responseIdentifier, code })) as RunCodeAck;
    } catch {
      return { ok: false, error: { id: 'timeout', message: 'No answer from the server.' } };
    }
  }

  async flag(itemRef: string, flagged: boolean): Promise<void> {
    const res = await this.request<{ ok: true; flags: string[] }>('flag', { itemRef, flagged });
    if (res.ok) this.set({ flags: res.flags });
  }

  async submit(): Promise<string | undefined> {
    await this.drain();
    if (this.state.pending > 0) return 'pending';
    const res = await this.request<{ ok: true; state: string }>('submit', { confirm: true });
    if (!res.ok) return res.error.id;
    this.set({ ended: { by: 'candidate' } });
    return undefined;
  }

  close() {
    this.socket.disconnect();
  }
}
