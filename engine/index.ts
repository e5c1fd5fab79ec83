/**
 * @module engine
 * The exam engine server. Entry points (`scripts/`, `load-tests/`) import from here; no other
 * top-level folder does (the browser apps import only `engine/client.ts`, the realtime protocol).
 *
 * Inside, one folder per capability, each depending only on those listed before it (eslint checks):
 *   platform, protocol  config, database, logger, errors, Hono env, socket handler wrapper, caches
 *   people              organisations, staff, classes, students, auth, access(), audit log
 *   bank                item banks, items, imports, authoring, assessment tests
 *   sittings            sittings, rooms, proctors, markers, enrolment files, access codes, FormSpec, SEB
 *   delivery            check-in, sessions, forms, navigation, response writer, clock, /candidate
 *   proctoring          the proctoring policy, staff session actions, incidents, snapshots, /proctor
 *   results             scoring, marking, release, reports, re-scoring, statistics, results' outbox
 *   records             the e-records deliverer
 * Each has `tables.ts`, `commands/` (the only writers: one transaction with its audit row), a policy,
 * thin `routes`/`socket.ts` adapters. This file, `engine.ts` (wiring), `app.ts` (routes), `demo/` and
 * `tests/` form the composition root above them.
 */
export { loadConfig, ConfigError, type Config } from './platform/config.ts';
export { createEngine, type Engine, type CreateEngineOptions } from './engine.ts';
export { createLogger, type Logger } from './platform/logger.ts';
export { openDatabase, type Database, type DatabaseHandle } from './platform/db/database.ts';
export { migrateDatabase, migratePostgresUrl } from './platform/db/migrate.ts';
export { seedDemo, DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from './demo/seed-demo.ts';
export { verifyAuditChain, appendAudit, useAuditKey, type AuditVerification } from './people/audit-log.ts';
export {
  readCheckpoints,
  readPublishedCheckpoints,
  startAuditCheckpointer,
  type PublishedCheckpoint,
} from './people/audit-checkpoints.ts';
export {
  checkpointPublicKey,
  checkpointSignatureHolds,
  checkpointSigner,
} from './people/audit-checkpoint-signature.ts';
export { auditReport, type AuditReport } from './people/audit-report.ts';
export { AppError, errors } from './platform/errors.ts';
