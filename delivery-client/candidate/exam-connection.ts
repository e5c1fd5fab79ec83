/**
 * The candidate's link to the engine: one Socket.IO connection, the answer queue (IndexedDB
 * first, then the socket, removed only on acknowledgement), resume from the engine's database
 * snapshot after every (re)connection, and the server clock. React reads it through `subscribe`.
 *
 * Working offline: once the exam runs, the items the engine serves the session (a nonlinear part:
 * all of it) are fetched in the background and kept in IndexedDB, so with the line down the
 * candidate still moves between them and answers. Moves and flags made offline are sent again on
 * reconnection; the engine's answer wins (its position when it refuses the move).
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
import { prefetchMedia } from './engine-media.ts';
import { fetchablePositions, offlineMoveAllowed } from './offline-route.ts';
import { forgetOfflineView, keepOfflineView, readOfflineView } from './offline-view.ts';
import { resumedAnswers } from './resumed-answers.ts';
import { deviceId, tabId } from './session-storage.ts';
import { SAVE_RETRY_MS, saveRefusalAction } from './save-refusals.ts';

type CandidateSocket = Socket<CandidateServerToClientEvents, CandidateClientToServerEvents>;
type AckError = { ok: false; error: { id: string; message: string } };

/** The pause between background item fetches, well under the engine's 20 events a second per socket. */
const PREFETCH_GAP_MS = 120;
/** How long a page loaded with no snapshot waits for the engine before opening from the device. */
const OFFLINE_OPEN_AFTER_MS = 3_000;

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
  /** Where the candidate went while offline, not yet told to the engine. */
  private offlineTarget: number | undefined;
  /** The position the engine last said the session stands at. */
  private serverPosition = 0;
  /** Flags set or cleared while offline, not yet told to the engine. */
  private offlineFlags = new Map<string, boolean>();
  private prefetchRun: Promise<void> | undefined;
  private replayRun: Promise<void> | undefined;
  private prefetchAgain = false;
  private keptItemsRead = false;
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
      } else {
        this.set({ connection: 'offline' });
        void this.openOffline();
      }
    });
    // A reload with the line down: the socket may take long to give up, so the page does not wait.
    setTimeout(() => void this.openOffline(), OFFLINE_OPEN_AFTER_MS);
    this.socket.on('time:sync', (time) => this.applyTime(time));
    this.socket.on('time:warning', ({ minutesLeft }) => this.set({ warning: minutesLeft }));
    this.socket.on('time:extended', ({ time }) => this.applyTime(time));
    this.socket.on('session:paused', ({ time }) => this.applyTime(time));
    this.socket.on('session:resumed', ({ time }) => {
      this.applyTime(time);
      void this.flush();
    });
    this.socket.on('message', ({ text }) => this.set({ message: text }));
    this.socket.on('session:terminated', ({ reason }) => this.end({ by: 'proctor', reason }));
    this.socket.on('session:submitted', ({ by }) => this.end({ by }));
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
    if (
      this.state.snapshot &&
      !this.state.ended &&
      ('snapshot' in patch || 'position' in patch || 'flags' in patch || 'localDeadline' in patch)
    )
      keepOfflineView(this.sessionId, {
        snapshot: this.state.snapshot,
        position: this.state.position,
        flags: this.state.flags,
        unsentFlags: [...this.offlineFlags],
        localDeadline: this.state.localDeadline,
        paused: this.state.paused,
        pausedRemainingMs: this.state.pausedRemainingMs,
      });
  }

  /**
   * Opens the exam from the device when the engine cannot be reached and the page has nothing yet
   * (a reload during a drop): the last view, the answers in the store and the kept items. Moves
   * made now are told to the engine when the line is back, as after any drop.
   */
  private async openOffline() {
    if (this.state.snapshot || this.socket.connected || this.state.connection === 'refused') return;
    const view = readOfflineView(this.sessionId);
    if (!view || view.snapshot.state !== 'in_progress') return;
    const local = await this.store.latest(this.sessionId).catch(() => new Map<string, PendingSave>());
    const unsent = await this.store.pending(this.sessionId).catch(() => []);
    if (this.state.snapshot || this.socket.connected) return;
    const answers = Object.fromEntries(
      Object.entries(view.snapshot.responses).map(([ref, saved]) => [ref, saved.responses]),
    );
    for (const [ref, save] of local)
      if (save.seq > (view.snapshot.responses[ref]?.seq ?? 0)) answers[ref] = save.responses;
    // The engine last knew the snapshot's position; where the page was is a move still to tell it.
    if (view.position !== view.snapshot.position) this.offlineTarget = view.position;
    for (const [ref, flagged] of view.unsentFlags ?? []) this.offlineFlags.set(ref, flagged);
    this.set({
      connection: 'offline',
      snapshot: view.snapshot,
      position: view.position,
      flags: view.flags,
      answers,
      localDeadline: view.localDeadline,
      paused: view.paused,
      pausedRemainingMs: view.pausedRemainingMs,
      pending: unsent.length,
    });
    this.serverPosition = view.snapshot.position;
    await this.readKeptItems();
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

  /** The session is over: nothing of the test stays on the device. */
  private end(ended: NonNullable<ExamState['ended']>) {
    this.set({ ended });
    forgetOfflineView(this.sessionId);
    void this.store.forgetItems(this.sessionId);
  }

  private async request<T>(
    event: keyof CandidateClientToServerEvents,
    payload: unknown,
  ): Promise<T | AckError> {
    // Never left in the socket's buffer while offline: sent late, a move or a flag would act on its own.
    if (!this.socket.connected) return { ok: false, error: { id: 'offline', message: 'The line is down.' } };
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
    const over = snapshot.state === 'submitted' || snapshot.state === 'scored';
    const flags = new Set(snapshot.flags);
    this.offlineFlags.forEach((flagged, ref) => (flagged ? flags.add(ref) : flags.delete(ref)));
    this.set({
      connection: 'online',
      snapshot,
      // A move made offline stays on screen while the engine is asked for it below.
      position: this.offlineTarget ?? snapshot.position,
      routeEnded: snapshot.route?.ended ?? false,
      flags: [...flags],
      answers,
      ended: over ? (this.state.ended ?? { by: 'candidate' }) : this.state.ended,
    });
    this.serverPosition = snapshot.position;
    if (over) return this.end(this.state.ended!);
    await this.flush();
    await this.replayOffline();
    void this.flushSecurityEvents();
    if (snapshot.state === 'in_progress') {
      await this.readKeptItems();
      this.prefetch();
    }
  }

  /**
   * Tells the engine what the candidate did offline, after the answers: the flags, then the move.
   * A move the engine refuses leaves the candidate where the engine says, with its reason.
   */
  private replayOffline(): Promise<void> {
    // One replay at a time, in the order asked: a later move is never overtaken by an earlier one.
    const run = (this.replayRun ?? Promise.resolve()).then(() => this.replayOnce());
    this.replayRun = run.catch(() => {});
    return run;
  }

  private async replayOnce() {
    for (const [itemRef, flagged] of [...this.offlineFlags]) {
      const res = await this.request<{ ok: true; flags: string[] }>('flag', { itemRef, flagged });
      if (!res.ok && res.error.id === 'offline') return;
      this.offlineFlags.delete(itemRef);
      if (res.ok) this.set({ flags: res.flags });
    }
    const target = this.offlineTarget;
    if (target === undefined) return;
    if (target === this.serverPosition) {
      this.offlineTarget = undefined;
      return;
    }
    const res = await this.request<{ ok: true; position: number; skipped?: string[]; ended?: boolean }>(
      'navigate',
      { position: target },
    );
    if (!res.ok && res.error.id === 'offline') return;
    if (this.offlineTarget === target) this.offlineTarget = undefined;
    if (res.ok) {
      this.serverPosition = res.position;
      this.set({ routeEnded: Boolean(res.ended) });
      if (this.offlineTarget === undefined) this.set({ position: res.position });
      if (res.skipped?.length || res.ended) await this.resume();
    } else {
      this.set({ position: this.serverPosition, routeRefusal: res.error.id });
    }
  }

  /** Items this device kept earlier in the session (before a reload or a drop). */
  private async readKeptItems() {
    if (this.keptItemsRead) return;
    this.keptItemsRead = true;
    const form = this.state.snapshot?.form ?? [];
    const kept = await this.store.items(this.sessionId).catch(() => []);
    const items = { ...this.state.items };
    for (const k of kept)
      if (form[k.position]?.itemRef === k.itemRef && items[k.position] === undefined) {
        items[k.position] = k.item;
        prefetchMedia(k.item);
      }
    this.set({ items });
  }

  /** Fetches one item from the engine and keeps it on the device; false when the engine refused. */
  private async fetchItem(position: number): Promise<boolean> {
    const itemRef = this.state.snapshot?.form[position]?.itemRef;
    if (!itemRef) return false;
    const res = await this.request<{ ok: true; item: unknown }>('item:fetch', { position });
    if (!res.ok) return false;
    this.set({ items: { ...this.state.items, [position]: res.item } });
    prefetchMedia(res.item);
    await this.store
      .keepItem({ sessionId: this.sessionId, position, itemRef, item: res.item })
      .catch(() => {});
    return true;
  }

  /**
   * In the background, every item the engine serves the session now that the device does not hold
   * yet (a nonlinear part: all of its items; a linear part: only the current one).
   */
  private prefetch(): void {
    this.prefetchAgain = true;
    this.prefetchRun ??= (async () => {
      while (this.prefetchAgain) {
        this.prefetchAgain = false;
        const snapshot = this.state.snapshot;
        if (!snapshot || snapshot.state !== 'in_progress') return;
        for (const p of fetchablePositions(snapshot, this.state.position)) {
          if (!this.socket.connected || this.state.ended || this.state.paused) return;
          if (this.state.items[p] !== undefined) continue;
          await this.fetchItem(p);
          await new Promise((resolve) => setTimeout(resolve, PREFETCH_GAP_MS));
        }
      }
    })().finally(() => {
      this.prefetchRun = undefined;
    });
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
    this.serverPosition = res.snapshot.position;
    this.set({ snapshot: res.snapshot, position: res.snapshot.position });
    await this.readKeptItems();
    this.prefetch();
    return undefined;
  }

  /** Loads the item at `position` (unless the device holds it), then the rest of the part in the background. */
  async loadItem(position: number): Promise<void> {
    if (this.state.items[position] === undefined) await this.fetchItem(position);
    this.prefetch();
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
    // Offline (or a move not yet told to the engine): the page moves on its own where it may.
    if (!this.socket.connected || this.offlineTarget !== undefined) return this.moveOffline(position);
    // Moving on can close the item or part behind (linear mode, a new part): its answers go first.
    await this.drain();
    const before = this.partAt(this.state.position);
    const res = await this.request<{ ok: true; position: number; skipped?: string[]; ended?: boolean }>(
      'navigate',
      { position },
    );
    if (!res.ok) {
      // The line went while asking: whether the engine moved is settled on reconnection.
      if (res.error.id === 'offline' || res.error.id === 'timeout') return this.moveOffline(position);
      this.set({ routeRefusal: res.error.id });
      return false;
    }
    this.serverPosition = res.position;
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

  /** A move without the engine: only within the current nonlinear part; the engine is told later. */
  private moveOffline(position: number): boolean {
    const snapshot = this.state.snapshot;
    if (!snapshot || !offlineMoveAllowed(snapshot, this.state.position, position)) {
      this.set({ routeRefusal: 'offline_move' });
      return false;
    }
    this.offlineTarget = position;
    this.set({ position, routeRefusal: undefined });
    // Back online before the move was sent (the candidate clicked as the line returned): send it now.
    if (this.socket.connected) void this.replayOffline();
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
    if (res.ok) return this.set({ flags: res.flags });
    if (res.error.id !== 'offline' && res.error.id !== 'timeout') return;
    // Offline: shown at once, told to the engine on reconnection.
    this.offlineFlags.set(itemRef, flagged);
    const flags = this.state.flags.filter((f) => f !== itemRef);
    this.set({ flags: flagged ? [...flags, itemRef] : flags });
  }

  async submit(): Promise<string | undefined> {
    await this.drain();
    if (this.state.pending > 0) return 'pending';
    const res = await this.request<{ ok: true; state: string }>('submit', { confirm: true });
    if (!res.ok) return res.error.id;
    this.end({ by: 'candidate' });
    return undefined;
  }

  close() {
    this.socket.disconnect();
  }
}
