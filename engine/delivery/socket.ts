/**
 * The `/candidate` namespace. A socket authenticates with its session token, may hold the
 * session alone (a second device or tab is refused unless a proctor allowed the move), and
 * speaks the protocol of `protocol/candidate.ts`: every payload is parsed with its zod schema
 * before the handler, and every failure is acked as `{ ok: false, error: { id, message } }`.
 */
import type { Admission } from '../platform/admission.ts';
import { eq, sql } from 'drizzle-orm';
import type { Namespace, Server, Socket } from 'socket.io';
import type { Database } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import type { CandidateTokens } from '../people/candidate-tokens.ts';
import {
  FetchItemRequest,
  FlagRequest,
  NavigateRequest,
  ResumeRequest,
  SecurityEventRequest,
  SaveResponseRequest,
  StartRequest,
  SubmitRequest,
  ItemSubmitRequest,
  RunCodeRequest,
  type CandidateClientToServerEvents,
  type CandidateServerToClientEvents,
  type CandidateProctoring,
  type SecurityPolicy,
} from '../protocol/candidate.ts';
import type { sittings } from '../sittings/tables.ts';
import { itemBankTables } from '../../item-bank/index.ts';
import type { CodeGrader } from '../../grading/index.ts';
import { runVisibleTests } from './code-items.ts';
import { sebRequestAllowed, sebRequired } from '../sittings/seb/sitting-seb.ts';
import { deliveryErrors } from './delivery-errors.ts';
import { partAt, type AssembledForm, type FormNavigation } from '../sittings/form.ts';
import { itemAccessRefusal } from './item-access.ts';
import { candidateSessions } from './tables.ts';
import type { ResponseWriter } from './response-writer.ts';
import { timeState, type ClockFields } from './session-clock.ts';
import { connectingSession } from './connecting-session.ts';
import { proctoringEnabled, proctoringPolicyOf } from '../../proctor/index.ts';
import {
  consumeDeviceChange,
  loadSession,
  recordSessionEvent,
  setFlag,
  startSessionWithRows,
  submitSession,
} from './session-commands.ts';
import { sessionSnapshot, snapshotOfRow } from './session-snapshot.ts';
import { hasAdaptiveSlots } from './adaptive/adaptive-form.ts';
import { ensureAdaptiveItem, storedForm } from './adaptive/ensure-adaptive-item.ts';
import { itemModels } from './item-sessions.ts';
import { responseSizeProblem } from './response-limits.ts';
import { checkRouteSave, navigate, routeGuarded, startRoute, submitItem } from './route-commands.ts';
import type { CandidateItemSource } from './candidate-items.ts';
import type { ProjectionContext } from './project-for-candidate.ts';
import { createTokenBucket, sessionTokenBucket } from '../platform/realtime/socket-rate-limit.ts';
import { createEventBudget, type EventBudget } from '../platform/realtime/event-budget.ts';
import { eventBinder } from '../platform/realtime/socket-handler.ts';
import type { SessionNotifier } from './session-notifier.ts';
import { deviceEventOfSecurityEvent, type DeviceEventBatch } from '../../proctor/index.ts';

export interface CandidateSocketData {
  sessionId: string;
  sittingId: string;
  roomId: string;
  /** Items with at least one saved answer, for the proctors' progress column. */
  answered: Set<string>;
  deviceId: string;
  tabId: string;
  seed: number;
  form: AssembledForm;
  /** Warnings already sent, by minutes left. */
  warned: number[];
  security: SecurityPolicy;
  /** The sitting's proctoring as the candidate is told of it (privacy facts for the lobby). */
  proctoring: CandidateProctoring;
  /** Linear tests: answers are accepted only for the item the session stands at. */
  linear: boolean;
  /** The test-wide navigation (forms without parts of their own), for which items may be opened. */
  navigation: FormNavigation;
  /** The sitting's switch: false keeps every interaction's choices in their authored order. */
  shuffleChoices: boolean;
  /** The session's clock as the handshake read it, for the first time sync. */
  clockAtConnect: ClockFields;
}

/** The secure-mode policy of a sitting, from its stored security policy (missing keys are off). */
export function securityPolicyOf(policy: unknown): SecurityPolicy {
  const p = (policy ?? {}) as Record<string, unknown>;
  return {
    fullscreen: p.fullscreen === true,
    safeExamBrowser: p.safeExamBrowser === true,
    lockdown: p.lockdown !== false && (p.fullscreen === true || p.safeExamBrowser === true),
  };
}

/** What the candidate is told of a sitting's proctoring; snapshots are kept as the incident service keeps them. */
export function candidateProctoringOf(policy: unknown, snapshotRetentionDays: number): CandidateProctoring {
  const camera = proctoringEnabled(policy);
  const rules = proctoringPolicyOf(policy);
  return {
    camera,
    identityCheck: camera && rules.identityCheck,
    snapshots: camera && rules.snapshots,
    snapshotRetentionDays,
  };
}

/**
 * Safe Exam Browser on the handshake: nothing says SEB adds its headers to a WebSocket upgrade,
 * so the binding is the session token (issued only to an SEB-verified check-in). When the
 * handshake does carry SEB hashes, they must be right for this URL, or the socket is refused.
 * X-Forwarded-Proto/-Host reach here only from a trusted proxy (the engine drops them from others).
 */
function sebHandshakeAllowed(
  sitting: Pick<typeof sittings.$inferSelect, 'id' | 'securityPolicy'>,
  handshake: Socket['handshake'],
): boolean {
  if (!sebRequired(sitting)) return true;
  const header = (name: string) => {
    const v = handshake.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const configKeyHash = header('x-safeexambrowser-configkeyhash');
  const requestHash = header('x-safeexambrowser-requesthash');
  if (!configKeyHash && !requestHash) return true;
  const proto = header('x-forwarded-proto')?.split(',')[0]?.trim() ?? (handshake.secure ? 'https' : 'http');
  const host = header('x-forwarded-host')?.split(',')[0]?.trim() ?? header('host') ?? 'localhost';
  const origin = `${proto}://${host}`;
  return sebRequestAllowed(sitting, origin, `${origin}${handshake.url}`, { configKeyHash, requestHash });
}

export type CandidateNamespace = Namespace<
  CandidateClientToServerEvents,
  CandidateServerToClientEvents,
  Record<string, never>,
  CandidateSocketData
>;

/** Where a candidate's socket sits, for proctoring's events and incidents. */
export interface CandidatePlace {
  sessionId: string;
  sittingId: string;
  roomId: string;
}

/**
 * What proctoring does with a candidate's socket. Proctoring sits above delivery, so delivery
 * names only this interface and the engine passes proctoring's incident service in.
 */
export interface CandidateProctoringHooks {
  /** Listens for the device's proctoring events and snapshots on a connected socket. */
  attach(socket: Socket, place: CandidatePlace): void;
  /** Turns one batch of device events (here: secure-mode events) into stored events and incidents. */
  ingest(place: CandidatePlace, batch: DeviceEventBatch): Promise<unknown>;
  /** Days a sitting keeps incident snapshots, as the candidate is told in the lobby. */
  snapshotRetentionDays(securityPolicy: unknown): number;
}

export interface CandidateRealtimeDeps {
  db: Database;
  logger: Logger;
  candidateTokens: CandidateTokens;
  writer: ResponseWriter;
  items: CandidateItemSource;
  /** Called once when a session becomes submitted (to score it). */
  onSubmitted(sessionId: string): void;
  notifier: SessionNotifier;
  /** The code sandboxes, for the candidate's "run visible tests" (absent: the event is refused). */
  codeGrader?: CodeGrader;
  /** Proctoring's part of a candidate socket (device events, snapshots, incidents), wired in by the engine. */
  proctoring: CandidateProctoringHooks;
  /** Bounds the handshakes' database reads in a storm; the excess is told to come back (server_busy). */
  handshakeAdmission?: Admission;
  /** Decoded bytes a file response may hold (default MAX_FILE_BYTES of delivery/response-limits.ts). */
  maxFileResponseBytes?: number;
  /** Secure-mode events a session may record per minute (Redis-backed with several processes). */
  securityEvents?: EventBudget;
}

/** Secure-mode events a session may record per minute: a browser reports a few; the rest are refused. */
export const SECURITY_EVENTS_PER_MINUTE = 60;

/** Runs of "run visible tests" a session may make per minute (after a burst of 3). */
const CODE_RUNS_PER_MINUTE = 6;

/** Item models by version for the save-size check, one load per version even when a storm asks at once. */
const modelLoads = new Map<string, Promise<unknown>>();
function itemModelOf(db: Database, versionId: string): Promise<unknown> {
  let load = modelLoads.get(versionId);
  if (!load) {
    if (modelLoads.size > 20_000) modelLoads.clear();
    load = itemModels(db, [versionId]).then((models) => models.get(versionId));
    load.catch(() => modelLoads.delete(versionId));
    modelLoads.set(versionId, load);
  }
  return load;
}

/** The session's state an item fetch checks, prepared once per database (every item of every candidate). */
function prepareFetchState(db: Database) {
  return db
    .select({
      state: candidateSessions.state,
      deadlineAt: candidateSessions.deadlineAt,
      position: candidateSessions.position,
      progress: candidateSessions.progress,
    })
    .from(candidateSessions)
    .where(eq(candidateSessions.id, sql.placeholder('sessionId')))
    .prepare('item_fetch_state');
}
const fetchStates = new WeakMap<Database, ReturnType<typeof prepareFetchState>>();
function fetchStateQuery(db: Database) {
  let query = fetchStates.get(db);
  if (!query) fetchStates.set(db, (query = prepareFetchState(db)));
  return query;
}

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const sittingRoom = (sittingId: string) => `sitting:${sittingId}`;

export function attachCandidateNamespace(io: Server, deps: CandidateRealtimeDeps): CandidateNamespace {
  const nsp = io.of('/candidate') as unknown as CandidateNamespace;
  const codeRunBuckets = new Map<string, () => boolean>();
  const securityEvents =
    deps.securityEvents ??
    createEventBudget({
      perWindow: SECURITY_EVENTS_PER_MINUTE,
      windowSeconds: 60,
      keyPrefix: 'security-events',
    });
  const proctoring = deps.proctoring;

  nsp.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown; deviceId?: unknown; tabId?: unknown };
      if (typeof auth.token !== 'string') throw deliveryErrors.badCredentials();
      const sessionId = await deps.candidateTokens.verify(auth.token);
      const deviceId = typeof auth.deviceId === 'string' ? auth.deviceId.slice(0, 100) : 'unknown-device';
      const tabId = typeof auth.tabId === 'string' ? auth.tabId.slice(0, 100) : 'unknown-tab';
      const load = () => connectingSession(deps.db, sessionId);
      const loaded = await (deps.handshakeAdmission ? deps.handshakeAdmission.run(load) : load());
      if (!loaded) throw deliveryErrors.sessionNotFound();
      const sitting = { id: loaded.session.sittingId, securityPolicy: loaded.securityPolicy };
      if (!sebHandshakeAllowed(sitting, socket.handshake)) throw deliveryErrors.sebRequired();

      // One live connection per session. The same tab reconnecting replaces its old socket.
      const others = await nsp.in(sessionRoom(sessionId)).fetchSockets();
      const elsewhere = others.filter((s) => !(s.data.deviceId === deviceId && s.data.tabId === tabId));
      if (elsewhere.length > 0) {
        if (!loaded.session.deviceChangeAllowed) {
          await recordSessionEvent(
            deps.db,
            sessionId,
            'second_connection_refused',
            { type: 'candidate' },
            {
              deviceId,
              sameDevice: elsewhere.some((s) => s.data.deviceId === deviceId),
              address: socket.handshake.address,
            },
          );
          throw deliveryErrors.sessionInUse();
        }
        await consumeDeviceChange(deps.db, sessionId, { deviceId, address: socket.handshake.address });
        elsewhere.forEach((s) => s.disconnect(true));
      }
      others.filter((s) => !elsewhere.includes(s)).forEach((s) => s.disconnect(true));

      const spec = loaded.formSpec;
      socket.data = {
        sessionId,
        sittingId: loaded.session.sittingId,
        roomId: loaded.roomId,
        answered: new Set(loaded.answered),
        deviceId,
        tabId,
        seed: loaded.session.seed,
        form: loaded.session.form as AssembledForm,
        warned: [],
        security: securityPolicyOf(loaded.securityPolicy),
        proctoring: candidateProctoringOf(
          loaded.securityPolicy,
          deps.proctoring.snapshotRetentionDays(loaded.securityPolicy),
        ),
        linear: spec.navigationMode === 'linear',
        navigation: { navigationMode: spec.navigationMode, submissionMode: spec.submissionMode },
        shuffleChoices: spec.shuffleChoices,
        clockAtConnect: loaded.session,
      };
      next();
    } catch (error) {
      if (!(error instanceof AppError)) deps.logger.error({ err: error }, 'candidate handshake failed');
      const e = error instanceof AppError ? error : deliveryErrors.badCredentials();
      const retryAfterSeconds = (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      next(
        Object.assign(new Error(e.message), {
          data: { id: e.id, message: e.message, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) },
        }),
      );
    }
  });

  nsp.on('connection', (socket) => {
    const { sessionId, sittingId, roomId } = socket.data;
    void socket.join([sessionRoom(sessionId), sittingRoom(sittingId)]);
    const place = { sittingId, roomId };
    proctoring.attach(socket as unknown as Socket, { sessionId, ...place });
    const status = (patch: Omit<Parameters<SessionNotifier['status']>[0], 'sessionId'>) =>
      deps.notifier.status({ sessionId, ...patch }, place);
    status({ connected: true });
    socket.on('disconnect', () => status({ connected: false }));
    // Per session, not per socket: a client that reconnects keeps the bucket it had.
    const allow = sessionTokenBucket(`candidate:${sessionId}`, 20, 60);
    const log = deps.logger.child({ sessionId });

    const on = eventBinder(socket as unknown as Socket, { logger: log, allow });

    const entryAt = (position: number) => {
      const entry = socket.data.form.entries[position];
      if (!entry) throw deliveryErrors.navigationRefused('There is no item at that position.');
      return entry;
    };

    const snapshotWithPolicy = async () => ({
      ...(await sessionSnapshot(deps.db, sessionId)),
      security: socket.data.security,
      proctoring: socket.data.proctoring,
    });

    // An adaptive form changes as the CAT chooses: the socket's copy follows the stored one.
    const adaptiveForm = hasAdaptiveSlots(socket.data.form);
    const followAdaptiveForm = async () => {
      if (!adaptiveForm) return;
      await ensureAdaptiveItem(deps.db, sessionId);
      socket.data.form = await storedForm(deps.db, sessionId);
    };

    on('session:resume', ResumeRequest, async () => {
      await followAdaptiveForm();
      return { snapshot: await snapshotWithPolicy() };
    });

    on('session:start', StartRequest, async () => {
      const started = await startSessionWithRows(deps.db, sessionId);
      const row = started.session;
      // A test that opens with preconditions (linear first part) may start further on.
      const routed = socket.data.form.scopes?.some(
        (scope) => scope.start === 0 && scope.preConditions.length,
      );
      if (routed) await startRoute(deps.db, sessionId);
      await followAdaptiveForm();
      const time = timeState(row);
      status({ state: row.state, deadline: time.deadline, remainingMs: time.remainingMs });
      // The start read the session, sitting, candidate and answers already: the snapshot needs no
      // second read unless the route or the adaptive form moved the session after it.
      if (routed || adaptiveForm) return { snapshot: await snapshotWithPolicy() };
      return {
        snapshot: {
          ...snapshotOfRow(started, started.responses),
          security: socket.data.security,
          proctoring: socket.data.proctoring,
        },
      };
    });

    on('item:fetch', FetchItemRequest, async ({ position }) => {
      const entry = entryAt(position);
      // Item content follows the session: started, not paused or over, and where the navigation allows.
      const [now] = await fetchStateQuery(deps.db).execute({ sessionId });
      if (!now) throw deliveryErrors.sessionNotFound();
      const refusal = itemAccessRefusal({ ...now, form: socket.data.form }, position, socket.data.navigation);
      if (refusal) throw refusal;
      const context: ProjectionContext = {
        seed: socket.data.seed,
        itemRef: entry.itemRef,
        shuffleChoices: socket.data.shuffleChoices,
      };
      const item = await deps.items.get(entry.itemVersionId, context);
      return { position, itemRef: entry.itemRef, item };
    });

    on('response:save', SaveResponseRequest, async (request) => {
      const form = socket.data.form;
      const index = form.entries.findIndex((e) => e.itemRef === request.itemRef);
      if (index < 0) throw deliveryErrors.unknownItem(request.itemRef);
      // Size limits by baseType, from the item version's declarations (cached per process).
      const versionId = form.entries[index]!.itemVersionId;
      // An adaptive place the CAT has not filled takes no answer.
      if (!versionId)
        throw deliveryErrors.navigationRefused('The adaptive test has not chosen that item yet.');
      const model = await itemModelOf(deps.db, versionId);
      const tooLarge = responseSizeProblem(model, request.responses, {
        maxFileBytes: deps.maxFileResponseBytes,
      });
      if (tooLarge) throw deliveryErrors.responseTooLarge(tooLarge);
      // Linear parts: answers only for the item the session stands at (forms without parts: the sitting's mode).
      const linear = form.parts?.length
        ? partAt(form, index).navigationMode === 'linear'
        : socket.data.linear;
      const onlyAtPosition = linear ? index : undefined;
      // Parts, attempts and time limits: closed items and levels out of time refuse the answer.
      if (routeGuarded(form)) await checkRouteSave(deps.db, sessionId, request.itemRef);
      const outcome = await deps.writer.save({ sessionId, ...request, onlyAtPosition });
      if (!outcome.ok) throw outcome.error;
      if (!socket.data.answered.has(request.itemRef)) {
        socket.data.answered.add(request.itemRef);
        status({ answered: socket.data.answered.size });
      }
      return { itemRef: request.itemRef, seq: request.seq, savedAt: outcome.savedAt };
    });

    on('navigate', NavigateRequest, async ({ position }) => {
      // Saves sent before the move land first: leaving a simultaneous part submits what is stored.
      await deps.writer.drainSession(sessionId);
      const moved = await navigate(deps.db, sessionId, position);
      await followAdaptiveForm();
      status({ position: moved.position }); // the proctors' position column follows the candidate
      return moved;
    });

    // Individual submission mode: one attempt of an item; feedback and solution only after it, as allowed.
    on('item:submit', ItemSubmitRequest, async ({ itemRef }) => {
      if (!socket.data.form.entries.some((e) => e.itemRef === itemRef))
        throw deliveryErrors.unknownItem(itemRef);
      await deps.writer.drainSession(sessionId);
      return submitItem(deps.db, sessionId, itemRef);
    });

    on('flag', FlagRequest, async ({ itemRef, flagged }) => ({
      flags: await setFlag(deps.db, sessionId, itemRef, flagged),
    }));

    on('submit', SubmitRequest, async () => {
      // This candidate's saves still being written land before the session locks.
      await deps.writer.drainSession(sessionId);
      const { session, changed } = await submitSession(deps.db, sessionId, 'candidate', {
        type: 'candidate',
      });
      status({ state: session.state });
      if (changed) {
        nsp.to(sessionRoom(sessionId)).except(socket.id).emit('session:submitted', { by: 'candidate' });
        deps.onSubmitted(sessionId);
      }
      return { state: session.state };
    });

    // Run visible tests: a few runs a minute per session, in the sandboxes, on the item's own task.
    on('code:run', RunCodeRequest, async ({ itemRef, responseIdentifier, code }) => {
      const entry = socket.data.form.entries.find((e) => e.itemRef === itemRef);
      if (!entry) throw deliveryErrors.unknownItem(itemRef);
      if (!deps.codeGrader) throw deliveryErrors.codeRunUnavailable();
      let bucket = codeRunBuckets.get(sessionId);
      if (!bucket) {
        // Buckets are tiny; the cap only bounds a process that runs sitting after sitting.
        if (codeRunBuckets.size > 50_000) codeRunBuckets.clear();
        codeRunBuckets.set(sessionId, (bucket = createTokenBucket(CODE_RUNS_PER_MINUTE / 60, 3)));
      }
      if (!bucket()) throw deliveryErrors.rateLimited();
      const loaded = await loadSession(deps.db, sessionId);
      if (loaded?.session.state !== 'in_progress')
        throw deliveryErrors.sessionLocked(loaded?.session.state ?? 'closed');
      const [version] = await deps.db
        .select({ model: itemBankTables.itemVersions.model })
        .from(itemBankTables.itemVersions)
        .where(eq(itemBankTables.itemVersions.id, entry.itemVersionId));
      const result = await runVisibleTests(deps.codeGrader, version?.model, responseIdentifier, code).catch(
        (error: unknown) => {
          if (error instanceof AppError) throw error;
          throw deliveryErrors.notACodeTask(itemRef, error);
        },
      );
      const { ok: _ok, ...rest } = result;
      return rest;
    });

    // Secure mode: what the browser saw (full screen left, focus lost, copy blocked...), appended to the session's events.
    on('security:event', SecurityEventRequest, async ({ type, clientTime, position }) => {
      // A browser reports a few of these a minute; a flood is refused, not stored.
      if ((await securityEvents.admit(sessionId, 1)) === 0) throw deliveryErrors.rateLimited();
      await recordSessionEvent(
        deps.db,
        sessionId,
        `client_${type}`,
        { type: 'candidate' },
        { clientTime, ...(position === undefined ? {} : { position }), tabId: socket.data.tabId },
      );
      // Proctored sittings: the same rules as the device monitors turn these into incidents.
      const event = deviceEventOfSecurityEvent(type, clientTime);
      if (event) await proctoring.ingest({ sessionId, ...place }, { sentAt: clientTime, events: [event] });
      return {};
    });

    socket.emit('time:sync', timeState(socket.data.clockAtConnect));
  });

  return nsp;
}
