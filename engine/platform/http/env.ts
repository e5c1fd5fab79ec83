/**
 * Types of the Hono app: its dependencies and the request-scoped values middleware sets.
 *
 * The platform declares only what it provides itself. Each capability adds its own dependencies
 * and request values by declaration merging (`declare module '../platform/http/env.ts'` in its
 * `deps.ts`), the way Hono's `ContextVariableMap` is extended, so the platform never imports a
 * capability above it and `engine.ts` still builds one object that satisfies them all.
 */
import type { Redis } from 'ioredis';
import type { Admission } from '../admission.ts';
import type { CacheInvalidation } from '../cache/cache-invalidation.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';

export interface AppDeps {
  config: Readonly<Config>;
  db: Database;
  databaseKind: 'postgres' | 'pglite';
  logger: Logger;
  /** Bounds the check-in storm: excess check-ins get 503 with Retry-After. */
  checkInAdmission: Admission;
  redis?: Redis;
  /** Drops what every engine process cached about something staff changed (a sitting's form or policy). */
  caches: CacheInvalidation;
}

export interface AppVariables {
  deps: AppDeps;
  /** The client's address (engine/platform/client-address.ts: behind trusted proxies, the right-most untrusted hop). */
  clientIp: string;
  /** Whether the request came through a trusted proxy, whose X-Forwarded-Proto/-Host are then believed. */
  viaTrustedProxy: boolean;
}

export interface AppEnv {
  Variables: AppVariables;
}
