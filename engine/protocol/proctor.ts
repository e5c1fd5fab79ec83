/**
 * The `/proctor` realtime protocol: staff watch a sitting or one room live and act on
 * candidates. zod schemas of every payload and ack, and the Socket.IO event interfaces.
 */
import { z } from 'zod';
import { AckError, SESSION_STATES } from './candidate.ts';

const seconds = z.number().min(0).max(3600);
/**
 * A sitting's proctoring thresholds (`securityPolicy.proctoringRules`; any key may be left out for its default,
 * proctor/policy.ts): seconds a condition lasts before it is an incident, the identity similarity, snapshots.
 */
export const ProctoringRules = z
  .object({
    noFaceSeconds: seconds,
    multipleFacesSeconds: seconds,
    headTurnedSeconds: seconds,
    lookingDownSeconds: seconds,
    objectSeconds: seconds,
    speechSeconds: seconds,
    focusLostSeconds: seconds,
    hiddenSeconds: seconds,
    fullscreenExitSeconds: seconds,
    /** Compare each candidate's face with their roster photo at check-in (on the device). */
    identityCheck: z.boolean(),
    identityMinSimilarity: z.number().min(0).max(1),
    snapshots: z.boolean(),
    snapshotRetentionDays: z.number().int().min(1).max(3650),
  })
  .partial()
  .strict();
export type ProctoringRules = z.infer<typeof ProctoringRules>;

/**
 * The candidate socket's `proctor:snapshot`: one small JPEG (at most 60 KB, sent as binary) taken on the device
 * when it reported an incident-worthy event, accepted only where the sitting's policy allows snapshots.
 */
export const SnapshotUpload = z
  .object({ at: z.number().finite().min(0), jpeg: z.instanceof(Uint8Array) })
  .strict();
export const SnapshotAck = z.union([z.object({ ok: z.literal(true), id: z.string() }), AckError]);

/** What the device learns from the first `proctor:events` ack: which parts of proctoring the sitting asks for. */
export const DeviceProctoringSettings = z.object({
  identityCheck: z.boolean(),
  identityMinSimilarity: z.number(),
  snapshots: z.boolean(),
});
export type DeviceProctoringSettings = z.infer<typeof DeviceProctoringSettings>;

export const CandidateStatus = z.object({
  sessionId: z.string().nullable(),
  sittingCandidateId: z.string(),
  candidateNumber: z.string(),
  fullName: z.string(),
  roomId: z.string(),
  state: z.enum([...SESSION_STATES]),
  connected: z.boolean(),
  answered: z.number().int(),
  itemCount: z.number().int(),
  position: z.number().int(),
  remainingMs: z.number().nullable(),
  deadline: z.number().nullable(),
  /** Count of incidents raised by proctoring rules (issue 8 fills this in). */
  incidents: z.number().int(),
  /** Risk score 0..100 from the incidents (proctor/risk.ts); absent until a first incident. */
  risk: z.number().int().min(0).max(100).optional(),
});
export type CandidateStatus = z.infer<typeof CandidateStatus>;

/** One proctoring incident as proctors see it (device times in epoch ms, `receivedAt` the server's). */
export const IncidentRecord = z.object({
  id: z.string(),
  sessionId: z.string(),
  kind: z.string(),
  severity: z.enum(['low', 'medium', 'high']),
  startedAt: z.number(),
  at: z.number(),
  receivedAt: z.number(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type IncidentRecord = z.infer<typeof IncidentRecord>;

/** A candidate's risk with the reasons that make it up. */
export const RiskSummary = z.object({
  sessionId: z.string(),
  score: z.number().int(),
  level: z.enum(['low', 'medium', 'high']),
  reasons: z.array(
    z.object({
      kind: z.string(),
      severity: z.enum(['low', 'medium', 'high']),
      count: z.number().int(),
      points: z.number(),
    }),
  ),
});
export type RiskSummary = z.infer<typeof RiskSummary>;

export const IncidentsListRequest = z.object({ sittingId: z.uuid(), roomId: z.uuid().optional() }).strict();
export const IncidentsListAck = z.union([
  z.object({ ok: z.literal(true), incidents: z.array(IncidentRecord), risks: z.array(RiskSummary) }),
  AckError,
]);

/** A partial status change; fields not present are unchanged. */
export const CandidateStatusPatch = CandidateStatus.partial().extend({ sessionId: z.string() });
export type CandidateStatusPatch = z.infer<typeof CandidateStatusPatch>;

/** A room this staff member may watch: assigned to it, or an exam board or admin over its sitting. */
export const WatchableRoom = z.object({
  sittingId: z.string(),
  sittingName: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  assigned: z.boolean(),
});
export type WatchableRoom = z.infer<typeof WatchableRoom>;
export const RoomsListAck = z.union([
  z.object({ ok: z.literal(true), rooms: z.array(WatchableRoom) }),
  AckError,
]);

/** `rooms:list` takes no arguments. */
export const RoomsListRequest = z.object({});
export const JoinRequest = z.object({ sittingId: z.uuid(), roomId: z.uuid().optional() }).strict();
export const SessionActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pause'), sessionId: z.uuid(), reason: z.string().max(500).optional() }),
  z.object({ action: z.literal('resume'), sessionId: z.uuid() }),
  z.object({ action: z.literal('extend'), sessionId: z.uuid(), minutes: z.number().int().min(1).max(240) }),
  z.object({
    action: z.literal('terminate'),
    sessionId: z.uuid(),
    reason: z.string().trim().min(3).max(500),
  }),
  z.object({ action: z.literal('message'), sessionId: z.uuid(), text: z.string().trim().min(1).max(1000) }),
  z.object({ action: z.literal('allow_device_change'), sessionId: z.uuid() }),
]);
export type SessionActionRequest = z.infer<typeof SessionActionRequest>;

export const JoinAck = z.union([
  z.object({ ok: z.literal(true), candidates: z.array(CandidateStatus) }),
  AckError,
]);
export const ActionAck = z.union([
  z.object({ ok: z.literal(true), state: z.enum([...SESSION_STATES]) }),
  AckError,
]);

export interface ProctorClientToServerEvents {
  /** The rooms this staff member may watch (sittings not yet closed first). */
  'rooms:list': (payload: Record<string, never>, ack: (res: z.infer<typeof RoomsListAck>) => void) => void;
  'room:join': (payload: z.input<typeof JoinRequest>, ack: (res: z.infer<typeof JoinAck>) => void) => void;
  'session:action': (
    payload: z.input<typeof SessionActionRequest>,
    ack: (res: z.infer<typeof ActionAck>) => void,
  ) => void;
  /** Incidents and risks of a sitting (or room) already joined with `room:join`. */
  'incidents:list': (
    payload: z.input<typeof IncidentsListRequest>,
    ack: (res: z.infer<typeof IncidentsListAck>) => void,
  ) => void;
}

export interface ProctorServerToClientEvents {
  /** Batched status changes of candidates in the joined sitting or room. */
  'candidates:update': (patches: CandidateStatusPatch[]) => void;
  /** Batched new incidents of candidates in the joined sitting or room, with the affected risks. */
  'incidents:new': (batch: { incidents: IncidentRecord[]; risks: RiskSummary[] }) => void;
}
