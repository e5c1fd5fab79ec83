/**
 * One live room (or whole sitting) on the `/proctor` namespace. The engine already batches its pushes; this store
 * coalesces them again and hands React one snapshot at most every `APPLY_MS`, so a room of 500 candidates
 * answering at once re-renders a few times a second, not once per patch.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  CandidateStatus,
  CandidateStatusPatch,
  IncidentRecord,
  ProctorClientToServerEvents,
  ProctorServerToClientEvents,
  RiskSummary,
  SessionActionRequest,
  WatchableRoom,
} from '../../engine/client.ts';

type JoinAck = Parameters<Parameters<ProctorClientToServerEvents['room:join']>[1]>[0];
type IncidentsListAck = Parameters<Parameters<ProctorClientToServerEvents['incidents:list']>[1]>[0];

export type ProctorSocket = Socket<ProctorServerToClientEvents, ProctorClientToServerEvents>;

const APPLY_MS = 300;
const REJOIN_GAP_MS = 3000;

export interface RoomSnapshot {
  connection: 'connecting' | 'live' | 'offline';
  error?: string;
  /** Keyed by sittingCandidateId (a candidate has no session before check-in). */
  candidates: Map<string, CandidateStatus>;
  incidents: Map<string, IncidentRecord[]>;
  risks: Map<string, RiskSummary>;
}

/** The `/proctor` socket; every (re)connection sends the token the session holds at that moment. */
export function connectProctor(token: () => string | null): ProctorSocket {
  return io('/proctor', {
    transports: ['websocket'],
    auth: (send) => send({ token: token() }),
    reconnectionDelayMax: 5000,
  });
}

export async function listRooms(socket: ProctorSocket): Promise<WatchableRoom[]> {
  const ack = await socket.timeout(10_000).emitWithAck('rooms:list', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.rooms;
}

export class LiveRoom {
  private snapshot: RoomSnapshot = {
    connection: 'connecting',
    candidates: new Map(),
    incidents: new Map(),
    risks: new Map(),
  };
  private readonly listeners = new Set<() => void>();
  private readonly sessionToRow = new Map<string, string>();
  private pendingPatches: CandidateStatusPatch[] = [];
  private pendingIncidents: IncidentRecord[] = [];
  private pendingRisks: RiskSummary[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private rejoinQueued = false;
  private lastJoin = 0;
  private closed = false;

  constructor(
    private readonly socket: ProctorSocket,
    private readonly target: { sittingId: string; roomId?: string },
  ) {
    socket.on('candidates:update', this.onPatches);
    socket.on('incidents:new', this.onIncidents);
    socket.on('connect', this.join);
    socket.on('disconnect', this.onDisconnect);
    if (socket.connected) void this.join();
    this.timer = setInterval(this.apply, APPLY_MS);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  close() {
    this.closed = true;
    clearInterval(this.timer);
    this.socket.off('candidates:update', this.onPatches);
    this.socket.off('incidents:new', this.onIncidents);
    this.socket.off('connect', this.join);
    this.socket.off('disconnect', this.onDisconnect);
  }

  async act(action: SessionActionRequest): Promise<void> {
    const ack = await this.socket.timeout(10_000).emitWithAck('session:action', action);
    if (!ack.ok) throw new Error(ack.error.message);
  }

  private publish(next: Partial<RoomSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    this.listeners.forEach((l) => l());
  }

  private onDisconnect = () => this.publish({ connection: 'offline' });

  /** Joins (again after a reconnect): the full roster and every incident so far replace what we had. */
  private join = async () => {
    this.lastJoin = Date.now();
    try {
      const joined = (await this.socket.timeout(10_000).emitWithAck('room:join', this.target)) as JoinAck;
      if (!joined.ok) return this.publish({ connection: 'offline', error: joined.error.message });
      const listed = (await this.socket
        .timeout(10_000)
        .emitWithAck('incidents:list', this.target)) as IncidentsListAck;
      const candidates = new Map(joined.candidates.map((c) => [c.sittingCandidateId, c]));
      this.sessionToRow.clear();
      for (const c of joined.candidates)
        if (c.sessionId) this.sessionToRow.set(c.sessionId, c.sittingCandidateId);
      const incidents = new Map<string, IncidentRecord[]>();
      const risks = new Map<string, RiskSummary>();
      if (listed.ok) {
        for (const i of listed.incidents)
          incidents.set(i.sessionId, [...(incidents.get(i.sessionId) ?? []), i]);
        for (const r of listed.risks) risks.set(r.sessionId, r);
      }
      this.publish({ connection: 'live', error: undefined, candidates, incidents, risks });
    } catch {
      this.publish({ connection: 'offline' });
    }
  };

  private onPatches = (patches: CandidateStatusPatch[]) => {
    this.pendingPatches.push(...patches);
  };

  private onIncidents = (batch: { incidents: IncidentRecord[]; risks: RiskSummary[] }) => {
    this.pendingIncidents.push(...batch.incidents);
    this.pendingRisks.push(...batch.risks);
  };

  private apply = () => {
    if (!this.pendingPatches.length && !this.pendingIncidents.length && !this.pendingRisks.length) return;
    const candidates = new Map(this.snapshot.candidates);
    for (const patch of this.pendingPatches) {
      const row = this.sessionToRow.get(patch.sessionId) ?? patch.sittingCandidateId;
      const current = row ? candidates.get(row) : undefined;
      if (!row || !current) {
        // A candidate who checked in after we joined: the roster is fetched again once.
        this.queueRejoin();
        continue;
      }
      this.sessionToRow.set(patch.sessionId, row);
      candidates.set(row, { ...current, ...patch });
    }
    const incidents = new Map(this.snapshot.incidents);
    const known = new Set([...incidents.values()].flat().map((i) => i.id));
    for (const i of this.pendingIncidents) {
      const list = incidents.get(i.sessionId) ?? [];
      // A known incident sent again carries more (its snapshot arrived after it): it replaces the first copy.
      if (known.has(i.id))
        incidents.set(
          i.sessionId,
          list.map((old) => (old.id === i.id ? i : old)),
        );
      else incidents.set(i.sessionId, [...list, i]);
      known.add(i.id);
    }
    const risks = new Map(this.snapshot.risks);
    for (const r of this.pendingRisks) risks.set(r.sessionId, r);
    this.pendingPatches = [];
    this.pendingIncidents = [];
    this.pendingRisks = [];
    this.publish({ candidates, incidents, risks });
  };

  /** At most one roster fetch every few seconds, however many unknown sessions report in (a check-in wave). */
  private queueRejoin() {
    if (this.rejoinQueued || this.closed) return;
    this.rejoinQueued = true;
    const wait = Math.max(1000, this.lastJoin + REJOIN_GAP_MS - Date.now());
    setTimeout(() => {
      this.rejoinQueued = false;
      if (!this.closed) void this.join();
    }, wait);
  }
}
