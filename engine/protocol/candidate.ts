/**
 * The `/candidate` realtime protocol: zod schemas of every event payload and ack, and the
 * event interfaces for Socket.IO. Imports nothing but zod so the browser can bundle it.
 * Version 1; see protocol/README.md.
 */
import { CandidateTool } from './candidate-tools.ts';
import { z } from 'zod';

export const CANDIDATE_PROTOCOL_VERSION = 1;

/** Every ack has this shape on failure; `id` is stable (`session_locked`, `answer_too_late`...). */
export const AckError = z.object({
  ok: z.literal(false),
  error: z.object({ id: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type AckError = z.infer<typeof AckError>;

export const SESSION_STATES = [
  'scheduled',
  'checked_in',
  'in_progress',
  'paused',
  'submitted',
  'scored',
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/**
 * A response value in its JSON form: string, number, boolean, "A B" pairs, arrays for containers,
 * records as objects, null for NULL. These bounds are only the outer wall; the engine refuses a
 * save over its baseType's own limit with `response_too_large` (delivery/response-limits.ts).
 */
const ResponseScalar = z.union([z.string().max(200_000), z.number(), z.boolean(), z.null()]);
export const ResponseValue = z.union([
  ResponseScalar,
  z.array(z.union([z.string().max(10_000), z.number(), z.boolean()])).max(500),
  z.record(z.string().max(200), ResponseScalar),
]);
export type ResponseValue = z.infer<typeof ResponseValue>;

/** Responses of one item: response identifier -> value. */
export const ItemResponses = z.record(z.string().min(1).max(200), ResponseValue);
export type ItemResponses = z.infer<typeof ItemResponses>;

/** Remaining time of one time-limited level (QTI timeLimits) around the candidate's position. */
export const ScopeTime = z.object({
  level: z.enum(['test', 'part', 'section', 'item']),
  identifier: z.string(),
  elapsedMs: z.number(),
  /** Null when the level has only a minTime. */
  remainingMs: z.number().nullable(),
  /** Time still to spend before the candidate may leave the level (linear parts); null without minTime. */
  minRemainingMs: z.number().nullable(),
  /** When true, answers after the level's time are still accepted. */
  allowLateSubmission: z.boolean(),
});
export type ScopeTime = z.infer<typeof ScopeTime>;

export const TimeState = z.object({
  serverNow: z.number(),
  /** Epoch ms of the deadline, null before the start. */
  deadline: z.number().nullable(),
  remainingMs: z.number().nullable(),
  paused: z.boolean(),
  /** Time-limited levels (part, section, item) around the candidate's place; absent when there are none. */
  levels: z.array(ScopeTime).optional(),
});
export type TimeState = z.infer<typeof TimeState>;

export const FormEntry = z.object({
  position: z.number().int(),
  itemRef: z.string(),
  sectionTitle: z.string().optional(),
  title: z.string(),
  /** The testPart the item is in (absent from engines older than test parts). */
  partIdentifier: z.string().optional(),
  /** Individual submission mode: the item is submitted on its own with `item:submit`. */
  submitIndividually: z.boolean().optional(),
  /** Attempts allowed (0 = unlimited) in individual submission mode. */
  maxAttempts: z.number().int().optional(),
  allowReview: z.boolean().optional(),
  allowSkipping: z.boolean().optional(),
});

/** One testPart of the candidate's form: positions [start, end) and its modes. */
export const RoutePart = z.object({
  identifier: z.string(),
  navigationMode: z.enum(['linear', 'nonlinear']),
  submissionMode: z.enum(['individual', 'simultaneous']),
  start: z.number().int(),
  end: z.number().int(),
});

/** The candidate's place in the QTI route: parts, time per level, attempts, closed and skipped items. */
export const RouteState = z.object({
  parts: z.array(RoutePart),
  /** Time-limited levels around the current position, outermost first. */
  times: z.array(ScopeTime),
  attempts: z.record(z.string(), z.number().int()),
  /** Items whose session has ended (no more answers). */
  closed: z.array(z.string()),
  /** Items passed over by preConditions or branchRules. */
  skipped: z.array(z.string()),
  /** The route is over (EXIT_TEST or nothing left): the candidate can only submit. */
  ended: z.boolean(),
});
export type RouteState = z.infer<typeof RouteState>;

/** What the sitting's security policy asks of the candidate's browser (secure mode). */
export const SecurityPolicy = z.object({
  /** Full screen is required: leaving it locks answering until the candidate returns (and is recorded). */
  fullscreen: z.boolean(),
  /** The sitting must be taken in Safe Exam Browser (checked by the engine on page loads, check-in and the socket). */
  safeExamBrowser: z.boolean(),
  /** Copy, paste, cut, context menu, printing, drag and selection are blocked outside answer fields. */
  lockdown: z.boolean(),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

/** The privacy facts of a sitting's proctoring: camera or not, identity check, snapshots and how long they are kept. */
export const CandidateProctoring = z.object({
  camera: z.boolean(),
  identityCheck: z.boolean(),
  snapshots: z.boolean(),
  snapshotRetentionDays: z.number().int().min(1).max(3650),
});
export type CandidateProctoring = z.infer<typeof CandidateProctoring>;

export const SessionSnapshot = z.object({
  sessionId: z.string(),
  state: z.enum(SESSION_STATES),
  candidate: z.object({ fullName: z.string(), candidateNumber: z.string() }),
  sitting: z.object({
    name: z.string(),
    navigationMode: z.enum(['linear', 'nonlinear']),
    allowReview: z.boolean(),
    /** False: the engine refuses to move on past an item without an answer (`answer_required`). */
    allowSkipping: z.boolean(),
    /**
     * A practice sitting (luyện tập): the score is the candidate's feedback and counts for no grade
     * (the engine's `sittings.practice`); absent from engines older than this field (treat as false).
     */
    practice: z.boolean().optional(),
  }),
  form: z.array(FormEntry),
  position: z.number().int(),
  /** The latest acknowledged save of each item: itemRef -> { seq, responses }. */
  responses: z.record(z.string(), z.object({ seq: z.number().int(), responses: ItemResponses })),
  flags: z.array(z.string()),
  time: TimeState,
  /** The sitting's secure-mode policy; absent from engines older than this field (treat as all off). */
  security: SecurityPolicy.optional(),
  /** Parts, time per level, attempts; absent from engines older than test parts. */
  route: RouteState.optional(),
  /** The on-screen tools the sitting allows (calculator, scratchpad...); absent from older engines (none). */
  tools: z.array(CandidateTool).optional(),
  /** What the sitting's proctoring does, told to the candidate before they start; absent from older engines. */
  proctoring: CandidateProctoring.optional(),
});
export type SessionSnapshot = z.infer<typeof SessionSnapshot>;

// ---- client -> server payloads

export const ResumeRequest = z
  .object({ protocol: z.literal(CANDIDATE_PROTOCOL_VERSION).optional() })
  .strict();
export const StartRequest = z.object({}).strict();
export const FetchItemRequest = z.object({ position: z.number().int().min(0).max(10_000) }).strict();
export const SaveResponseRequest = z
  .object({
    itemRef: z.string().min(1).max(200),
    /** Client sequence, increasing per item; a replay with the same seq is acknowledged again and stored once. */
    seq: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
    responses: ItemResponses,
    /** Device time of the change (epoch ms), for the record only: the server clock decides. */
    clientTime: z.number().optional(),
  })
  .strict();
export const NavigateRequest = z.object({ position: z.number().int().min(0).max(10_000) }).strict();
export const FlagRequest = z.object({ itemRef: z.string().min(1).max(200), flagged: z.boolean() }).strict();
export const SubmitRequest = z.object({ confirm: z.literal(true) }).strict();
/** Individual submission mode: ends one attempt of an item with its latest saved responses. */
export const ItemSubmitRequest = z.object({ itemRef: z.string().min(1).max(200) }).strict();

/** Runs the visible tests of a code task on the candidate's current code (rate-limited per session). */
export const RunCodeRequest = z
  .object({
    itemRef: z.string().min(1).max(200),
    responseIdentifier: z.string().min(1).max(200),
    code: z.string().max(200_000),
  })
  .strict();

/** Browser events secure mode records (append-only session events named `client_<type>`). */
export const SECURITY_EVENT_TYPES = [
  'fullscreen_exit',
  'fullscreen_enter',
  'focus_lost',
  'focus_returned',
  'visibility_hidden',
  'visibility_visible',
  'copy_blocked',
  'cut_blocked',
  'paste_blocked',
  'contextmenu_blocked',
  'print_blocked',
  'drag_blocked',
] as const;
export const SecurityEventRequest = z
  .object({
    type: z.enum(SECURITY_EVENT_TYPES),
    /** Device time of the event (epoch ms); the server records its own time too. */
    clientTime: z.number(),
    /** The position the candidate was at. */
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export type SecurityEventRequest = z.infer<typeof SecurityEventRequest>;

/**
 * Proctoring (issue 8): a batch of state changes seen on the device by the detectors and browser monitors, with
 * device timestamps (epoch ms). Never pixels or sound. The shape of `DeviceEventBatch` in proctor/events.ts.
 */
const deviceTime = z.number().finite().min(0);
export const DeviceEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('faces'),
    at: deviceTime,
    count: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  }),
  z.object({
    kind: z.literal('pose'),
    at: deviceTime,
    pose: z.enum(['frontal', 'turned', 'down']),
    yaw: z.number().min(-180).max(180).optional(),
    pitch: z.number().min(-180).max(180).optional(),
  }),
  z.object({
    kind: z.literal('object'),
    at: deviceTime,
    object: z.enum(['phone', 'book']),
    present: z.boolean(),
    score: z.number().min(0).max(1).optional(),
  }),
  z.object({
    kind: z.literal('audio'),
    at: deviceTime,
    speech: z.boolean(),
    level: z.number().min(0).max(1).optional(),
  }),
  z.object({ kind: z.literal('focus'), at: deviceTime, focused: z.boolean() }),
  z.object({ kind: z.literal('visibility'), at: deviceTime, visible: z.boolean() }),
  z.object({ kind: z.literal('fullscreen'), at: deviceTime, active: z.boolean() }),
  z.object({ kind: z.literal('clipboard'), at: deviceTime, action: z.enum(['copy', 'cut', 'paste']) }),
  z.object({ kind: z.literal('screen'), at: deviceTime, extended: z.boolean() }),
  z.object({ kind: z.literal('devtools'), at: deviceTime, open: z.boolean() }),
  z.object({
    kind: z.literal('identity'),
    at: deviceTime,
    result: z.enum(['match', 'mismatch', 'no_photo', 'no_face', 'unavailable']),
    similarity: z.number().min(0).max(1).optional(),
  }),
  z.object({
    kind: z.literal('camera'),
    at: deviceTime,
    available: z.boolean(),
    reason: z.string().max(200).optional(),
  }),
  z.object({ kind: z.literal('monitor'), at: deviceTime, fps: z.number().min(0).max(1000) }),
]);
export const DeviceEventBatchRequest = z
  .object({
    /** Device time when the batch was sent: the rules' "now" for conditions still going on. */
    sentAt: deviceTime,
    events: z.array(DeviceEvent).max(500),
  })
  .strict();
export type DeviceEventBatchRequest = z.infer<typeof DeviceEventBatchRequest>;
export const DeviceEventsAck = z.union([
  /** The sitting does not watch candidates: the device stops its monitors (nothing was stored). */
  z.object({ ok: z.literal(true), proctoring: z.literal(false), incidents: z.literal(0) }),
  /**
   * The batch was stored: how many incidents it raised, and which parts of proctoring the sitting asks for (the
   * fields of protocol/proctor.ts's `DeviceProctoringSettings`, repeated here because that file imports this one).
   */
  z.object({
    ok: z.literal(true),
    proctoring: z.literal(true),
    incidents: z.number().int().min(0),
    identityCheck: z.boolean(),
    identityMinSimilarity: z.number().min(0).max(1),
    snapshots: z.boolean(),
  }),
  AckError,
]);
export type DeviceEventsAck = z.infer<typeof DeviceEventsAck>;

export type SaveResponseRequest = z.infer<typeof SaveResponseRequest>;

// ---- acks

const ok = <T extends z.ZodRawShape>(shape: T) => z.object({ ok: z.literal(true), ...shape });
export const ResumeAck = z.union([ok({ snapshot: SessionSnapshot }), AckError]);
export const FetchItemAck = z.union([
  ok({ position: z.number().int(), itemRef: z.string(), item: z.unknown() }),
  AckError,
]);
export const SaveResponseAck = z.union([
  ok({ itemRef: z.string(), seq: z.number().int(), savedAt: z.number() }),
  AckError,
]);
export const NavigateAck = z.union([
  ok({
    position: z.number().int(),
    /** Items passed over by preConditions or branchRules on the way. */
    skipped: z.array(z.string()).optional(),
    /** The route is over: nothing left but to submit. */
    ended: z.boolean().optional(),
  }),
  AckError,
]);
/** Modal feedback shown after an attempt (only when the item's showFeedback allows it). */
export const ShownFeedback = z.object({
  identifier: z.string(),
  title: z.string().optional(),
  content: z.unknown(),
});
export const ItemSubmitAck = z.union([
  ok({
    itemRef: z.string(),
    attempt: z.number().int(),
    /** Null: unlimited. */
    attemptsLeft: z.number().int().nullable(),
    /** The item's session has ended: no more answers or attempts. */
    closed: z.boolean(),
    feedback: z.array(ShownFeedback).optional(),
    /** The correct responses, only once the item's session has ended and showSolution allows it. */
    solution: z.record(z.string(), z.unknown()).optional(),
  }),
  AckError,
]);
export const FlagAck = z.union([ok({ flags: z.array(z.string()) }), AckError]);
export const SubmitAck = z.union([ok({ state: z.enum(SESSION_STATES) }), AckError]);
export const SecurityEventAck = z.union([ok({}), AckError]);
/** Visible tests only: hidden tests are neither named nor counted. */
export const RunCodeAck = z.union([
  ok({
    notGradable: z.boolean(),
    message: z.string().optional(),
    tests: z.array(
      z.object({
        name: z.string(),
        verdict: z.string(),
        expected: z.string().optional(),
        actual: z.string().optional(),
        diff: z.string().optional(),
        message: z.string().optional(),
      }),
    ),
  }),
  AckError,
]);
export type RunCodeAck = z.infer<typeof RunCodeAck>;

export type Ack<T extends z.ZodType> = z.infer<T>;

// ---- server pushes

export const TimeWarning = z.object({ minutesLeft: z.number().int() });
export const PausePush = z.object({ reason: z.string().optional(), time: TimeState });
export const ExtensionPush = z.object({ addedSeconds: z.number().int(), time: TimeState });
export const MessagePush = z.object({ from: z.string(), text: z.string(), at: z.number() });
export const TerminationPush = z.object({ reason: z.string() });
export const SubmittedPush = z.object({ by: z.enum(['candidate', 'server', 'proctor']) });
/** The server moved the candidate (a part's, section's or item's time ran out): re-read the snapshot. */
export const RouteMovedPush = z.object({
  position: z.number().int(),
  reason: z.enum(['time_limit']),
  level: z.enum(['test', 'part', 'section', 'item']).optional(),
  identifier: z.string().optional(),
});

export interface CandidateClientToServerEvents {
  'session:resume': (
    payload: z.input<typeof ResumeRequest>,
    ack: (res: Ack<typeof ResumeAck>) => void,
  ) => void;
  'session:start': (payload: z.input<typeof StartRequest>, ack: (res: Ack<typeof ResumeAck>) => void) => void;
  'item:fetch': (
    payload: z.input<typeof FetchItemRequest>,
    ack: (res: Ack<typeof FetchItemAck>) => void,
  ) => void;
  'response:save': (
    payload: z.input<typeof SaveResponseRequest>,
    ack: (res: Ack<typeof SaveResponseAck>) => void,
  ) => void;
  navigate: (payload: z.input<typeof NavigateRequest>, ack: (res: Ack<typeof NavigateAck>) => void) => void;
  flag: (payload: z.input<typeof FlagRequest>, ack: (res: Ack<typeof FlagAck>) => void) => void;
  submit: (payload: z.input<typeof SubmitRequest>, ack: (res: Ack<typeof SubmitAck>) => void) => void;
  'item:submit': (
    payload: z.input<typeof ItemSubmitRequest>,
    ack: (res: Ack<typeof ItemSubmitAck>) => void,
  ) => void;
  'code:run': (payload: z.input<typeof RunCodeRequest>, ack: (res: Ack<typeof RunCodeAck>) => void) => void;
  'security:event': (
    payload: z.input<typeof SecurityEventRequest>,
    ack: (res: Ack<typeof SecurityEventAck>) => void,
  ) => void;
  /** Proctoring: device events in batches (acked with the number of incidents they raised). */
  'proctor:events': (
    payload: z.input<typeof DeviceEventBatchRequest>,
    ack: (res: DeviceEventsAck) => void,
  ) => void;
}

export interface CandidateServerToClientEvents {
  'time:sync': (payload: TimeState) => void;
  'time:warning': (payload: z.infer<typeof TimeWarning>) => void;
  'session:paused': (payload: z.infer<typeof PausePush>) => void;
  'session:resumed': (payload: z.infer<typeof PausePush>) => void;
  'time:extended': (payload: z.infer<typeof ExtensionPush>) => void;
  message: (payload: z.infer<typeof MessagePush>) => void;
  'session:terminated': (payload: z.infer<typeof TerminationPush>) => void;
  'session:submitted': (payload: z.infer<typeof SubmittedPush>) => void;
  'route:moved': (payload: z.infer<typeof RouteMovedPush>) => void;
}

/** Check-in over HTTP: access code and candidate credentials in, a session token out. */
export const CheckInRequest = z
  .object({
    accessCode: z.string().trim().min(4).max(32),
    /** Số báo danh: the candidate number of this sitting. */
    candidateNumber: z.string().trim().min(1).max(32),
    /** Date of birth as dd/mm/yyyy or yyyy-mm-dd. */
    dateOfBirth: z.string().trim().min(8).max(10),
    /**
     * Safe Exam Browser's JavaScript API, for SEB versions that send no headers (macOS, iOS): the page's
     * URL and `SafeExamBrowser.security.configKey` / `.browserExamKey` (already salted with that URL).
     */
    seb: z
      .object({
        url: z.url().max(2000),
        configKey: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
        browserExamKey: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const CheckInResponse = z.object({
  sessionToken: z.string(),
  sessionId: z.string(),
  candidate: z.object({
    fullName: z.string(),
    candidateNumber: z.string(),
    dateOfBirth: z.string(),
    className: z.string().nullable(),
    schoolName: z.string(),
  }),
  sitting: z.object({
    name: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    durationMinutes: z.number(),
    itemCount: z.number().int(),
    /** A practice sitting (luyện tập), whose score counts for no grade; absent from older engines (false). */
    practice: z.boolean().optional(),
  }),
});
export type CheckInResponse = z.infer<typeof CheckInResponse>;
