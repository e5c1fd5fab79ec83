/**
 * The engine as one object: database (migrated), optional Redis, auth services and the HTTP
 * app. `listen()` binds it to a port; `close()` drains connections and closes the database.
 */
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createAdmission, type AdmissionOptions } from './platform/admission.ts';
import { Redis } from 'ioredis';
import { Server as SocketServer } from 'socket.io';
import { createCandidateTokens } from './people/candidate-tokens.ts';
import {
  createCandidateItemSource,
  type CandidateItemSource,
  type CandidateProjectionOption,
} from './delivery/candidate-items.ts';
import {
  createMemoryCacheInvalidation,
  type CacheInvalidation,
} from './platform/cache/cache-invalidation.ts';
import { forgetFormSpecs } from './delivery/form-spec-cache.ts';
import { createRedisCacheInvalidation } from './platform/cache/redis-cache-invalidation.ts';
import { startDeadlineSweeper, type DeadlineSweeper } from './delivery/deadline-sweeper.ts';
import { ResponseWriter } from './delivery/response-writer.ts';
import type { ItemScorer } from './delivery/item-scorer.ts';
import { createScoringQueue, type ScoringQueue } from './results/scoring-queue.ts';
import { createQtiScorer } from './results/qti-scorer.ts';
import { setReportLinks } from './results/report-links.ts';
import { createSessionNotifier } from './delivery/session-notifier.ts';
import { createProctorFeed } from './proctoring/proctor-feed.ts';
import { createIncidentService } from './proctoring/incidents.ts';
import { createEventBudget } from './platform/realtime/event-budget.ts';
import { snapshotRetentionDaysOf } from './proctoring/snapshots.ts';
import { attachCandidateNamespace, SECURITY_EVENTS_PER_MINUTE } from './delivery/socket.ts';
import { startTimeKeeper } from './delivery/time-keeper.ts';
import { attachProctorNamespace } from './proctoring/routes/proctor-socket.ts';
import { createErecordsDeliverer } from './records/erecords-deliverer.ts';
import { createCheckpointFeed } from './records/audit-checkpoint-feed.ts';
import { projectForCandidate } from './delivery/project-for-candidate.ts';
import { clientAddress, trustedProxies } from './platform/client-address.ts';
import { createLoginThrottle } from './people/login-throttle.ts';
import { useAuditKey } from './people/audit-log.ts';
import { startAuditCheckpointer, type AuditCheckpointer } from './people/audit-checkpoints.ts';
import { createCheckInThrottle } from './delivery/check-in-throttle.ts';
import { createTokenService } from './people/tokens.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from './platform/db/database.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { createApp, type App } from './app.ts';
import type { AppDeps } from './platform/http/env.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { createCodeGrader } from '../grading/index.ts';
import { CentreNode, type CentreNodeOptions } from './centres/node/centre-node.ts';

export interface Engine {
  app: App;
  deps: AppDeps;
  database: DatabaseHandle;
  writer: ResponseWriter;
  scoring: ScoringQueue;
  /** Candidate-safe item payloads, cached in memory and Redis. */
  items: CandidateItemSource;
  /** The Socket.IO server, once listening. */
  io?: SocketServer;
  sweeper?: DeadlineSweeper;
  timeKeeper?: { tick(): Promise<void>; stop(): void };
  erecords?: ReturnType<typeof createErecordsDeliverer>;
  /** The test centre node, when CENTRE_MODE is on. */
  centre?: CentreNode;
  /** Registers work to run once a session is submitted (scoring). */
  onSubmitted(listener: (sessionId: string) => void): void;
  /** Starts listening; resolves with the bound port. */
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export interface CreateEngineOptions {
  logger?: Logger;
  /** Overrides where the database lives (tests pass their own PGlite or URL). */
  database?: DatabaseTarget;
  /** Skip migrations (the test database is already migrated). */
  skipMigrations?: boolean;
  /** Namespace for rate-limit keys in Redis, so separate test runs do not share counters. */
  keyPrefix?: string;
  /** How stored item models become candidate payloads (the item bank's projection). */
  candidateProjection?: CandidateProjectionOption;
  /** Deadline sweep interval; tests shorten it. */
  sweepIntervalMs?: number;
  /** The grading engine that scores submitted sessions. */
  scorer?: ItemScorer;
  /** Check-ins processed at once and waiting; more are told to retry (tests shrink it). */
  checkInAdmission?: AdmissionOptions;
  /** The same for socket handshakes. */
  handshakeAdmission?: AdmissionOptions;
  /** Write audit checkpoints to DATA_DIR (default true; `audit:verify` reads them and writes none). */
  auditCheckpoints?: boolean;
  /** A centre node's key and sync loop timing (CENTRE_MODE; tests shorten it). */
  centre?: CentreNodeOptions;
}

/**
 * Eight check-ins at once keep most of PostgreSQL's 20 connections for answer saves; 400 waiting
 * is about two seconds of work at storm rates, short of any client's timeout.
 */
const CHECK_IN_ADMISSION: AdmissionOptions = { concurrency: 8, maxQueued: 400 };
/** Socket handshakes read one row each: more at once, the same bounded wait. */
const HANDSHAKE_ADMISSION: AdmissionOptions = { concurrency: 12, maxQueued: 400 };

export async function createEngine(
  config: Readonly<Config>,
  options: CreateEngineOptions = {},
): Promise<Engine> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const target: DatabaseTarget =
    options.database ??
    (config.databaseUrl
      ? { url: config.databaseUrl, poolMax: config.databasePoolMax }
      : { dataDir: config.dataDir });
  const database = await openDatabase(target);
  try {
    if (!options.skipMigrations) await migrateDatabase(database, 'url' in target ? target.url : undefined);
  } catch (error) {
    await database.close();
    throw error;
  }
  logger.info({ database: database.kind, location: database.location }, 'database ready');
  // The audit chain's key comes from the environment or DATA_DIR, never from the database; its
  // head is anchored in DATA_DIR now, every few seconds while it grows, and at close.
  useAuditKey(config.auditKey);
  let auditCheckpointer: AuditCheckpointer | undefined;
  // With an e-records endpoint, each checkpoint is also published there, off this machine.
  const checkpointFeed =
    options.auditCheckpoints !== false && config.erecords
      ? createCheckpointFeed(logger, config.erecords)
      : undefined;
  if (options.auditCheckpoints !== false) {
    auditCheckpointer = startAuditCheckpointer(database.db, {
      dataDir: config.dataDir,
      key: config.auditKey,
      logger,
      publish: checkpointFeed ? (checkpoint) => checkpointFeed.offer(checkpoint) : undefined,
    });
    try {
      await auditCheckpointer.checkpoint();
    } catch (error) {
      auditCheckpointer.stop();
      await checkpointFeed?.close();
      await database.close();
      throw error;
    }
  }
  // Score reports linked from e-records deliveries point at this engine's public address.
  setReportLinks(database.db, {
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    secret: config.jwtSecret,
  });

  let redis: Redis | undefined;
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, {
      maxRetriesPerRequest: 3,
      enableOfflineQueue: true,
      lazyConnect: true,
    });
    redis.on('error', (error) => logger.warn({ err: error }, 'redis error'));
    await redis.connect();
    logger.info('redis connected');
  }

  const keyPrefix = options.keyPrefix ?? 'exam';
  const caches: CacheInvalidation = redis
    ? await createRedisCacheInvalidation({ redis, keyPrefix, logger })
    : createMemoryCacheInvalidation();
  caches.subscribe(forgetFormSpecs);
  const notifier = createSessionNotifier(database.db);
  caches.subscribe(notifier.forgetPlaces);
  // A test centre node logs every acknowledged answer in its signed result log (centres/node).
  const centre = config.centre ? new CentreNode(database.db, config, logger, options.centre) : undefined;
  const writer: ResponseWriter = centre?.writer ?? new ResponseWriter(database.db);
  const submittedListeners: Array<(sessionId: string) => void> = [];
  // Sandbox pools start on first use: an engine that never sees a code task never starts one.
  const codeGrader = createCodeGrader();
  const scorer = options.scorer ?? createQtiScorer({ codeGrader });
  const scoring = createScoringQueue(database.db, scorer, logger);
  // Scoring stays central: a centre holds no keys, so it logs the submit instead.
  submittedListeners.push((sessionId) =>
    centre ? centre.onSubmitted(sessionId) : scoring.enqueue(sessionId),
  );
  const onSubmitted = (sessionId: string) => {
    notifier.push(sessionId, 'session:submitted', { by: 'server' });
    notifier.status({ sessionId, state: 'submitted', remainingMs: null, deadline: null });
    for (const listener of submittedListeners) listener(sessionId);
  };
  const deps: AppDeps = {
    config,
    candidateTokens: createCandidateTokens(config.jwtSecret),
    notifier,
    onSubmitted,
    scorer,
    codeGrader,
    db: database.db,
    databaseKind: database.kind,
    logger,
    tokens: createTokenService(database.db, config.jwtSecret),
    loginThrottle: createLoginThrottle({ redis, keyPrefix: `${options.keyPrefix ?? 'exam'}:login` }),
    checkInThrottle: createCheckInThrottle({ redis, keyPrefix: `${options.keyPrefix ?? 'exam'}:check-in` }),
    checkInAdmission: createAdmission(options.checkInAdmission ?? CHECK_IN_ADMISSION),
    redis,
    caches,
  };
  let io: SocketServer | undefined;
  const app = createApp(
    deps,
    {
      sockets: () => io?.of('/candidate').sockets.size ?? 0,
      writerStats: () => ({ ...writer.stats }),
    },
    centre,
  );
  const projection = centre ? CentreNode.projection : (options.candidateProjection ?? projectForCandidate);
  const items = createCandidateItemSource(database.db, projection, {
    redis,
    keyPrefix,
    logger,
  });
  let server: Server | undefined;
  let adapterRedis: Redis | undefined;

  const engine: Engine = {
    app,
    deps,
    database,
    writer,
    scoring,
    items,
    centre,
    async listen(port = config.port, host = config.host) {
      const bound = await new Promise<number>((resolve, reject) => {
        const s = createAdaptorServer({ fetch: app.fetch }) as Server;
        s.once('error', reject);
        // A check-in storm opens thousands of connections a second: a deep accept queue (the kernel
        // caps it at net.core.somaxconn) keeps them from being reset before the engine accepts them.
        s.listen({ port, host, backlog: 4096 }, () => resolve((s.address() as AddressInfo).port));
        server = s;
      });
      io = new SocketServer(server, {
        // Candidates use the WebSocket transport only, so no sticky sessions are needed behind a load balancer.
        transports: ['websocket'],
        maxHttpBufferSize: 256 * 1024,
        pingInterval: 10_000,
        pingTimeout: 10_000,
        serveClient: false,
      });
      // Every namespace's handshake.address follows the HTTP rule (platform/client-address.ts): the
      // right-most X-Forwarded-For hop no trusted proxy holds, the header ignored from anyone else.
      // X-Forwarded-Proto/-Host from anyone else are dropped, so a handshake's URL (which the Safe
      // Exam Browser hashes are checked against) is believed only from a trusted proxy, as on HTTP.
      const proxies = trustedProxies(config.trustedProxies);
      io.engine.prependListener(
        'connection',
        (conn: { remoteAddress: string; request?: IncomingMessage }) => {
          const client = clientAddress(conn.remoteAddress, conn.request?.headers['x-forwarded-for'], proxies);
          conn.remoteAddress = client.address;
          if (!client.viaTrustedProxy && conn.request) {
            delete conn.request.headers['x-forwarded-proto'];
            delete conn.request.headers['x-forwarded-host'];
          }
        },
      );
      if (config.redisUrl) {
        adapterRedis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
        adapterRedis.on('error', (error) => logger.warn({ err: error }, 'redis adapter error'));
        // Stream, pub/sub channels and session keys all carry the key prefix: deployments (and test engines)
        // sharing one Redis would otherwise count each other as cluster nodes and wait on their replies.
        const prefix = `${options.keyPrefix ?? 'exam'}:socket.io`;
        io.adapter(
          createAdapter(adapterRedis, {
            streamName: prefix,
            channelPrefix: prefix,
            sessionKeyPrefix: `${prefix}:session:`,
          }),
        );
      }
      // Proctoring (issue 8): device event batches become stored events, incidents and risk for the proctors.
      const incidents = createIncidentService({
        db: database.db,
        io,
        logger,
        notifier,
        snapshotRetentionDays: config.snapshotRetentionDays,
        // With Redis every process counts the same session's device events (issue 26 #9).
        redis,
        keyPrefix,
      });
      const candidates = attachCandidateNamespace(io, {
        proctoring: {
          attach: (socket, place) => incidents.attach(socket, place),
          ingest: (place, batch) => incidents.ingest(place, batch),
          snapshotRetentionDays: (policy) => snapshotRetentionDaysOf(policy, config.snapshotRetentionDays),
        },
        notifier,
        db: database.db,
        logger,
        candidateTokens: deps.candidateTokens,
        writer,
        items,
        onSubmitted,
        codeGrader,
        handshakeAdmission: createAdmission(options.handshakeAdmission ?? HANDSHAKE_ADMISSION),
        securityEvents: createEventBudget({
          perWindow: SECURITY_EVENTS_PER_MINUTE,
          windowSeconds: 60,
          keyPrefix: `${keyPrefix}:security-events`,
          redis,
        }),
      });
      engine.timeKeeper = startTimeKeeper(candidates, database.db, logger);
      notifier.attach(io, createProctorFeed(io));
      attachProctorNamespace(io, deps);
      engine.io = io;
      if (config.erecords) {
        engine.erecords = createErecordsDeliverer(database.db, logger, config.erecords);
        engine.erecords.start();
      }
      engine.sweeper = startDeadlineSweeper(database.db, logger, onSubmitted, options.sweepIntervalMs, () =>
        centre ? undefined : scoring?.recoverUnscored(),
      );
      await centre?.start();
      return bound;
    },
    async close() {
      await engine.sweeper?.stop();
      await engine.erecords?.stop();
      engine.timeKeeper?.stop();
      notifier.detach();
      if (engine.io) {
        engine.io.disconnectSockets(true);
        await new Promise<void>((resolve) => engine.io!.close(() => resolve()));
      }
      await writer.drain();
      // After the last saves: the submits they closed are in the centre's log before the database closes.
      await centre?.stop();
      // A sitting's backlog of scoring must not hold a shutdown for minutes: the rest is recovered.
      await scoring.stop();
      await codeGrader.close();
      if (server?.listening) {
        const s = server;
        // Stop accepting, let requests in flight finish, then cut idle keep-alive connections.
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeIdleConnections();
        const force = setTimeout(() => s.closeAllConnections(), 5000);
        await closed;
        clearTimeout(force);
      }
      if (adapterRedis) await adapterRedis.quit().catch(() => adapterRedis?.disconnect());
      await caches.close();
      if (redis) await redis.quit().catch(() => redis?.disconnect());
      if (auditCheckpointer) {
        auditCheckpointer.stop();
        await auditCheckpointer
          .checkpoint()
          .catch((error: unknown) => logger.warn({ err: error }, 'audit checkpoint failed'));
      }
      await checkpointFeed?.close();
      await database.close();
      logger.info('engine stopped');
    },
    onSubmitted(listener: (sessionId: string) => void) {
      submittedListeners.push(listener);
    },
  };
  return engine;
}
