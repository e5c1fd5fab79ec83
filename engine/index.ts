/**
 * @module engine
 * The exam engine server: configuration, database, HTTP API and (later) realtime namespaces.
 * Entry points (`scripts/`, `load-tests/`) import from here; no other top-level folder does.
 */
export { loadConfig, ConfigError, type Config } from './platform/config.ts';
export { createEngine, type Engine, type CreateEngineOptions } from './engine.ts';
export { createLogger, type Logger } from './platform/logger.ts';
export { openDatabase, type Database, type DatabaseHandle } from './platform/db/database.ts';
export { migrateDatabase, migratePostgresUrl } from './platform/db/migrate.ts';
export { seedDemo, DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from './demo/seed-demo.ts';
export { verifyAuditChain, appendAudit, type AuditVerification } from './people/audit-log.ts';
export { AppError, errors } from './platform/errors.ts';
