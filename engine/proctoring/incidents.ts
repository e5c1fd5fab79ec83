/**
 * Proctoring on the server: the candidate socket's `proctor:events` batches are stored append-only (session
 * events `device_events`), run through the session's incident tracker (proctor/ rules under the sitting's policy),
 * and the incidents raised are stored (`incident` rows), counted into the candidate's status with a risk score,
 * and pushed in batches to the sitting's and room's proctors on `/proctor` (through the Socket.IO adapter, so
 * proctors on any engine process see them). A tracker lost to a restart or to a reconnect on another process is
 * rebuilt from the stored events. Where the sitting allows snapshots, the device's `proctor:snapshot` JPEG is
 * stored with an expiry and claimed by the incident raised for that moment (engine/proctoring/snapshots.ts); a
 * sweeper deletes expired ones.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Server, Socket } from 'socket.io';
import {
  createIncidentTracker,
  proctoringEnabled,
  proctoringPolicyOf,
  riskScore,
  type DeviceEventBatch,
  SEVERITY,
  type Incident,
  type IncidentTracker,
  type ProctoringPolicy,
} from '../../proctor/index.ts';
import type { Database } from '../platform/db/database.ts';
import type { SessionNotifier } from '../delivery/session-notifier.ts';
import { candidateSessions, sessionEvents } from '../delivery/tables.ts';
import { sittingCandidates, sittings } from '../sittings/tables.ts';
import type { Logger } from '../platform/logger.ts';
import { DeviceEventBatchRequest, type DeviceEventsAck } from '../protocol/candidate.ts';
import { reencodePicture } from '../platform/reencode-picture.ts';
import { checkPicture } from './image-check.ts';
import {
  PICTURED_INCIDENTS,
  SNAPSHOT_RULES,
  claimSnapshot,
  snapshotRetentionDaysOf,
  snapshotUrl,
  snapshotsOfIncidents,
  startSnapshotSweeper,
  storeSnapshot,
} from './snapshots.ts';
import { AppError } from '../platform/errors.ts';
import {
  SnapshotUpload,
  type DeviceProctoringSettings,
  type IncidentRecord,
  type RiskSummary,
} from '../protocol/proctor.ts';
import { proctorRoomRoom, proctorSittingRoom } from './proctor-feed.ts';
import { sessionTokenBucket } from '../platform/realtime/socket-rate-limit.ts';
import { createEventBudget } from '../platform/realtime/event-budget.ts';
import type { Redis } from 'ioredis';
import { eventBinder } from '../platform/realtime/socket-handler.ts';

export const DEVICE_EVENTS = 'device_events';
export const INCIDENT = 'incident';

interface Place {
  sessionId: string;
  sittingId: string;
  roomId: string;
}

interface SessionState {
  enabled: boolean;
  policy: ProctoringPolicy;
  tracker: IncidentTracker;
  /** Recent pictured incidents still without a snapshot (the device's snapshot may arrive just after). */
  unpictured: IncidentRecord[];
  incidents: Pick<Incident, 'kind' | 'severity'>[];
}

export interface IncidentService {
  /** Listens for `proctor:events` on a connected candidate socket. */
  attach(socket: Socket, place: Place): void;
  /** Stores one batch and returns the incidents it raised (also used by tests). */
  ingest(place: Place, batch: DeviceEventBatch): Promise<IngestResult>;
  /** Stores a device snapshot where the sitting allows it (refused otherwise); returns its id. */
  snapshot(place: Place, at: number, jpeg: Uint8Array): Promise<string>;
  /** Incidents and risks of a sitting, or of one room of it. */
  list(sittingId: string, roomId?: string): Promise<{ incidents: IncidentRecord[]; risks: RiskSummary[] }>;
  flush(): void;
  stop(): void;
}

/** Device events a session may store per minute; a monitor at full rate sends a few a second. */
export const DEVICE_EVENTS_PER_MINUTE = 600;

/** The incident that tells proctors a device sent more events than any monitor does. */
function eventsFlood(at: number, dropped: number): Incident {
  return { kind: 'events_flood', severity: SEVERITY.events_flood, startedAt: at, at, details: { dropped } };
}

type IngestResult =
  | { proctoring: false; incidents: [] }
  | { proctoring: true; incidents: IncidentRecord[]; settings: DeviceProctoringSettings };

/** The `proctor:events` ack of an ingested batch (the sitting's settings ride along while it watches). */
const eventsAck = (result: IngestResult): DeviceEventsAck =>
  result.proctoring
    ? { ok: true, proctoring: true, incidents: result.incidents.length, ...result.settings }
    : { ok: true, proctoring: false, incidents: 0 };

type Row = typeof sessionEvents.$inferSelect;

function toRecord(row: Pick<Row, 'seq' | 'sessionId' | 'at' | 'data'>): IncidentRecord {
  const i = row.data as Incident;
  return {
    id: String(row.seq),
    sessionId: row.sessionId,
    kind: i.kind,
    severity: i.severity,
    startedAt: i.startedAt,
    at: i.at,
    receivedAt: row.at.getTime(),
    details: i.details ?? {},
  };
}

function riskOf(sessionId: string, incidents: Pick<Incident, 'kind' | 'severity'>[]): RiskSummary {
  return { sessionId, ...riskScore(incidents) };
}

export function createIncidentService(deps: {
  db: Database;
  io: Server;
  logger: Logger;
  notifier?: SessionNotifier;
  flushMs?: number;
  /** How often expired snapshots are deleted (default every minute). */
  snapshotSweepMs?: number;
  /** Days snapshots are kept where the sitting's policy sets none (the engine's config). */
  snapshotRetentionDays?: number;
  /** Redis, when configured: the per-session event budgets then count across engine processes. */
  redis?: Redis;
  keyPrefix?: string;
}): IncidentService {
  const { db } = deps;
  const prefix = deps.keyPrefix ?? 'exam';
  // Device events a session may store per minute (a monitor sends a few a second); the rest are dropped.
  const deviceEvents = createEventBudget({
    perWindow: DEVICE_EVENTS_PER_MINUTE,
    windowSeconds: 60,
    keyPrefix: `${prefix}:device-events`,
    redis: deps.redis,
  });
  // One "events flood" incident per session per minute, however much is dropped.
  const floodNotices = createEventBudget({
    perWindow: 1,
    windowSeconds: 60,
    keyPrefix: `${prefix}:device-events-flood`,
    redis: deps.redis,
  });
  const states = new Map<string, SessionState>();
  const queues = new Map<string, Promise<unknown>>();
  const pending = new Map<
    string,
    { sittingId: string; roomId: string; incidents: IncidentRecord[]; risks: Map<string, RiskSummary> }
  >();

  async function restore(place: Place): Promise<SessionState> {
    const [sitting] = await db
      .select({ securityPolicy: sittings.securityPolicy })
      .from(sittings)
      .where(eq(sittings.id, place.sittingId));
    const policy = sitting?.securityPolicy;
    const tracker = createIncidentTracker(proctoringPolicyOf(policy));
    const rows = await db
      .select({ type: sessionEvents.type, data: sessionEvents.data })
      .from(sessionEvents)
      .where(
        and(
          eq(sessionEvents.sessionId, place.sessionId),
          inArray(sessionEvents.type, [DEVICE_EVENTS, INCIDENT]),
        ),
      )
      .orderBy(asc(sessionEvents.seq));
    const incidents: SessionState['incidents'] = [];
    for (const row of rows) {
      if (row.type === DEVICE_EVENTS) tracker.ingest(row.data as DeviceEventBatch);
      else incidents.push(row.data as Incident);
    }
    if (states.size > 20_000) states.clear();
    const rules = {
      ...proctoringPolicyOf(policy),
      snapshotRetentionDays: snapshotRetentionDaysOf(policy, deps.snapshotRetentionDays),
    };
    return { enabled: proctoringEnabled(policy), policy: rules, tracker, incidents, unpictured: [] };
  }

  const stateOf = async (place: Place) => {
    let state = states.get(place.sessionId);
    if (!state) states.set(place.sessionId, (state = await restore(place)));
    return state;
  };

  const settingsOf = (state: SessionState): DeviceProctoringSettings => ({
    identityCheck: state.policy.identityCheck,
    identityMinSimilarity: state.policy.identityMinSimilarity,
    snapshots: state.policy.snapshots,
  });

  const queueForProctors = (place: Place, records: IncidentRecord[], risk?: RiskSummary) => {
    const key = `${place.sittingId}/${place.roomId}`;
    let out = pending.get(key);
    if (!out)
      pending.set(
        key,
        (out = { sittingId: place.sittingId, roomId: place.roomId, incidents: [], risks: new Map() }),
      );
    out.incidents.push(...records);
    if (risk) out.risks.set(place.sessionId, risk);
  };

  async function snapshotNow(place: Place, at: number, jpeg: Uint8Array): Promise<string> {
    const state = await stateOf(place);
    if (!state.enabled || !state.policy.snapshots)
      throw new AppError(403, 'snapshots_not_allowed', 'This sitting does not allow snapshots.');
    const checked = checkPicture(jpeg, 'image/jpeg', SNAPSHOT_RULES, 'A snapshot');
    const id = await storeSnapshot(db, {
      sessionId: place.sessionId,
      takenAt: at,
      // Only the pixels are kept: a candidate's upload is decoded and encoded again.
      data: reencodePicture(jpeg, checked, 'A snapshot'),
      retentionDays: state.policy.snapshotRetentionDays,
    });
    // The incident may already be raised (a one-off event in the same instant): give it this snapshot now.
    for (const record of [...state.unpictured].reverse()) {
      const claimed = await claimSnapshot(db, place.sessionId, {
        seq: Number(record.id),
        startedAt: record.startedAt,
      });
      if (!claimed) continue;
      state.unpictured = state.unpictured.filter((r) => r !== record);
      queueForProctors(place, [
        { ...record, details: { ...record.details, snapshotUrl: snapshotUrl(claimed) } },
      ]);
      break;
    }
    return id;
  }

  async function ingestNow(place: Place, sent: DeviceEventBatch): Promise<IngestResult> {
    const state = await stateOf(place);
    if (!state.enabled) return { proctoring: false, incidents: [] };
    const settings = settingsOf(state);
    // Over the session's budget: store what fits, count the rest, and tell the proctors once a minute.
    const admitted = await deviceEvents.admit(place.sessionId, sent.events.length);
    const dropped = sent.events.length - admitted;
    const batch = dropped ? { ...sent, events: sent.events.slice(0, admitted) } : sent;
    const flood =
      dropped > 0 && (await floodNotices.admit(place.sessionId, 1)) > 0
        ? [eventsFlood(sent.sentAt, dropped)]
        : [];
    if (batch.events.length > 0)
      await db.insert(sessionEvents).values({
        sessionId: place.sessionId,
        type: DEVICE_EVENTS,
        actorType: 'candidate',
        data: { sentAt: batch.sentAt, events: batch.events },
      });
    const raised = [...state.tracker.ingest(batch), ...flood];
    if (raised.length === 0) return { proctoring: true, incidents: [], settings };
    const rows = await db
      .insert(sessionEvents)
      .values(
        raised.map((incident) => ({
          sessionId: place.sessionId,
          type: INCIDENT,
          actorType: 'system',
          data: incident,
        })),
      )
      .returning({
        seq: sessionEvents.seq,
        sessionId: sessionEvents.sessionId,
        at: sessionEvents.at,
        data: sessionEvents.data,
      });
    const records = rows.map(toRecord);
    if (state.policy.snapshots) {
      for (const record of records) {
        if (!PICTURED_INCIDENTS.has(record.kind)) continue;
        const claimed = await claimSnapshot(db, place.sessionId, {
          seq: Number(record.id),
          startedAt: record.startedAt,
        });
        if (claimed) record.details.snapshotUrl = snapshotUrl(claimed);
        else state.unpictured = [...state.unpictured, record].slice(-5);
      }
    }
    state.incidents.push(...raised);
    const risk = riskOf(place.sessionId, state.incidents);
    deps.notifier?.status(
      { sessionId: place.sessionId, incidents: state.incidents.length, risk: risk.score },
      { sittingId: place.sittingId, roomId: place.roomId },
    );
    queueForProctors(place, records, risk);
    return { proctoring: true, incidents: records, settings };
  }

  const flush = () => {
    const nsp = deps.io.of('/proctor');
    for (const [key, batch] of pending) {
      pending.delete(key);
      nsp
        .to(proctorSittingRoom(batch.sittingId))
        .to(proctorRoomRoom(batch.roomId))
        .emit('incidents:new', { incidents: batch.incidents, risks: [...batch.risks.values()] });
    }
  };
  const timer = setInterval(flush, deps.flushMs ?? 300);
  timer.unref();
  const sweeper = startSnapshotSweeper(db, deps.logger, deps.snapshotSweepMs);

  /** One task at a time per session, in arrival order (the tracker is stateful). */
  const serial = <T>(sessionId: string, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(sessionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    queues.set(sessionId, next);
    void next
      .finally(() => {
        if (queues.get(sessionId) === next) queues.delete(sessionId);
      })
      .catch(() => undefined);
    return next;
  };

  const service: IncidentService = {
    ingest: (place, batch) => serial(place.sessionId, () => ingestNow(place, batch)),
    snapshot: (place, at, jpeg) => serial(place.sessionId, () => snapshotNow(place, at, jpeg)),
    attach(socket, place) {
      // Buckets per session, not per socket: reconnecting does not refill them.
      const on = eventBinder(socket, {
        logger: deps.logger.child({ sessionId: place.sessionId }),
        allow: sessionTokenBucket(`proctor-events:${place.sessionId}`, 2, 20),
      });
      // At most a snapshot every few seconds on average: incidents are rare, pictures are kept small.
      on(
        'proctor:snapshot',
        SnapshotUpload,
        async ({ at, jpeg }) => ({ id: await service.snapshot(place, at, jpeg) }),
        {
          allow: sessionTokenBucket(`proctor-snapshots:${place.sessionId}`, 0.2, 3),
          invalidMessage: 'A snapshot is { at, jpeg } with the JPEG as binary.',
        },
      );
      on('proctor:events', DeviceEventBatchRequest, async (batch) =>
        eventsAck(await service.ingest(place, batch)),
      );
    },
    list: (sittingId, roomId) => listIncidents(db, sittingId, roomId),
    flush,
    stop: () => {
      clearInterval(timer);
      void sweeper.stop();
    },
  };
  return service;
}

/** Incidents and risks of a sitting, or of one room of it, oldest first. */
export async function listIncidents(
  db: Database,
  sittingId: string,
  roomId?: string,
): Promise<{ incidents: IncidentRecord[]; risks: RiskSummary[] }> {
  const rows = await db
    .select({
      seq: sessionEvents.seq,
      sessionId: sessionEvents.sessionId,
      at: sessionEvents.at,
      data: sessionEvents.data,
    })
    .from(sessionEvents)
    .innerJoin(candidateSessions, eq(candidateSessions.id, sessionEvents.sessionId))
    .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
    .where(
      and(
        eq(candidateSessions.sittingId, sittingId),
        eq(sessionEvents.type, INCIDENT),
        ...(roomId ? [eq(sittingCandidates.roomId, roomId)] : []),
      ),
    )
    .orderBy(asc(sessionEvents.seq));
  const incidents = rows.map(toRecord);
  const pictures = await snapshotsOfIncidents(
    db,
    incidents.filter((i) => PICTURED_INCIDENTS.has(i.kind)).map((i) => Number(i.id)),
  );
  for (const i of incidents) {
    const id = pictures.get(Number(i.id));
    if (id) i.details = { ...i.details, snapshotUrl: snapshotUrl(id) };
  }
  const bySession = new Map<string, IncidentRecord[]>();
  for (const i of incidents) bySession.set(i.sessionId, [...(bySession.get(i.sessionId) ?? []), i]);
  const risks = [...bySession].map(([sessionId, list]) =>
    riskOf(
      sessionId,
      list.map((i) => ({ kind: i.kind as Incident['kind'], severity: i.severity })),
    ),
  );
  return { incidents, risks };
}
