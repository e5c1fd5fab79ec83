/**
 * Engine configuration: read once from the environment, validated with zod, frozen.
 * Every bad value is reported at start with the variable's name and what was wrong.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOOPBACK_PROXIES, parseCidr } from './client-address.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  /** TCP port the HTTP API, realtime namespaces and client pages share. */
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a whole number between 0 and 65535' })
      .int('must be a whole number between 0 and 65535')
      .min(0, 'must be a whole number between 0 and 65535')
      .max(65535, 'must be a whole number between 0 and 65535')
      .default(3000),
  ),
  /** Interface to listen on; all interfaces by default so school LAN clients can reach it. */
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  /** PostgreSQL connection URL; unset means embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/\S+$/,
        'must be a postgres:// or postgresql:// URL, e.g. postgres://user@127.0.0.1:5432/exam',
      )
      .optional(),
  ),
  /** PostgreSQL connections per engine process (several engines share the server's max_connections). */
  DATABASE_POOL_MAX: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a whole number between 1 and 200' })
      .int('must be a whole number between 1 and 200')
      .min(1, 'must be a whole number between 1 and 200')
      .max(200, 'must be a whole number between 1 and 200')
      .default(20),
  ),
  /** Redis URL; unset means in-process adapters (single engine process). */
  REDIS_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379')
      .optional(),
  ),
  /** Folder for the embedded database, generated secrets and uploaded media. */
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
  /** Secret for signing access tokens; generated and kept in DATA_DIR when unset. */
  JWT_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .min(32, 'must be at least 32 characters long (or unset, to generate one in DATA_DIR)')
      .optional(),
  ),
  /** Key of the audit log's HMAC chain and checkpoints; generated and kept in DATA_DIR when unset. */
  AUDIT_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .min(32, 'must be at least 32 characters long (or unset, to generate one in DATA_DIR)')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  /**
   * Deprecated: `true` now means TRUSTED_PROXIES=127.0.0.0/8,::1/128 (a proxy on the same machine),
   * never "believe X-Forwarded-For from anyone".
   */
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).default('false'),
  ),
  /** Comma-separated addresses or CIDRs of the reverse proxies whose X-Forwarded-* headers are believed. */
  TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((text) =>
        text
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .refine((list) => list.every((cidr) => parseCidr(cidr)), {
        error: 'must be a comma-separated list of addresses or CIDRs, e.g. 10.0.0.0/8,127.0.0.1/32,::1',
      })
      .optional(),
  ),
  /** The engine's public base URL (behind a proxy: the address people and services use), for links in score reports sent out. */
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ error: 'must be an http(s) URL' }).optional()),
  /** The city's e-records endpoint that receives finalised results; unset = results wait in the outbox. */
  ERECORDS_URL: z.preprocess(emptyToUndefined, z.url({ error: 'must be an http(s) URL' }).optional()),
  /** Shared secret for the HMAC-SHA256 signature of e-records deliveries. */
  ERECORDS_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  /** Tries before a delivery goes to dead-letter. */
  ERECORDS_MAX_ATTEMPTS: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(100).default(8),
  ),
  /** Days incident snapshots are kept when a sitting's proctoring policy sets no `snapshotRetentionDays`. */
  PROCTOR_SNAPSHOT_RETENTION_DAYS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'must be a whole number of days between 1 and 3650' })
      .int('must be a whole number of days between 1 and 3650')
      .min(1, 'must be a whole number of days between 1 and 3650')
      .max(3650, 'must be a whole number of days between 1 and 3650')
      .default(30),
  ),
  /**
   * A folder of the official QTI XSDs (not redistributable, so never shipped): when set, imports are
   * also checked against them and refused on a schema error. Unset: semantic checks only.
   */
  QTI_SCHEMA_DIR: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((dir) => existsSync(dir) && statSync(dir).isDirectory(), {
        error: 'must be a folder holding the QTI XSDs (e.g. the 2.1, 2.2, 3.0 and cp folders)',
      })
      .optional(),
  ),
  /** Run as a test centre node (issue 22): packages from the central engine, a signed result log sent back. */
  CENTRE_MODE: z.preprocess(
    emptyToUndefined,
    z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).default('false'),
  ),
  /** The central engine's base URL a centre node fetches keys from and sends its result log to. */
  CENTRAL_URL: z.preprocess(emptyToUndefined, z.url({ error: 'must be an http(s) URL' }).optional()),
  /** The centre credential file (`npm run centre -- register` writes it): centre id, its key, the central key. */
  CENTRE_CREDENTIAL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((file) => existsSync(file) && statSync(file).isFile(), {
        error: 'must be the centre credential file written by `npm run centre -- register`',
      })
      .optional(),
  ),
  /** Whether `npm start` fills an empty database with demo data. */
  SEED_DEMO: z.preprocess(
    emptyToUndefined,
    z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).default('true'),
  ),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  databasePoolMax: number;
  redisUrl?: string;
  dataDir: string;
  jwtSecret: string;
  /** Key of the audit log's HMAC chain (never stored in the database). */
  auditKey: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** CIDRs of the reverse proxies whose X-Forwarded-For/-Proto/-Host are believed (empty: none). */
  trustedProxies: readonly string[];
  seedDemo: boolean;
  erecords?: { url: string; secret: string; maxAttempts: number };
  /** Public base URL for links sent outside (report PDFs in e-records); unset: http://localhost:PORT. */
  publicUrl?: string;
  /** Days incident snapshots are kept where the sitting sets none (unset: proctor/policy.ts's default, 30). */
  snapshotRetentionDays?: number;
  /** Folder of the official QTI XSDs imports are also checked against (unset: semantic checks only). */
  qtiSchemaDir?: string;
  /** Set on a test centre node (CENTRE_MODE=true): where the central engine is and the centre's credential. */
  centre?: { centralUrl: string; credentialFile: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads a secret kept in DATA_DIR (jwt-secret, audit-key), creating it (mode 0600) on first run. */
function persistedSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // Exclusive create: engine processes starting together on one DATA_DIR end up with one secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = readFileSync(file, 'utf8').trim();
    if (theirs.length >= 32) return theirs;
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  }
  return secret;
}

/** Parses an environment into a frozen Config; throws ConfigError listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const given = env[name];
      return `${name}${given === undefined ? '' : ` (given "${given}")`}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (e.ERECORDS_URL && !e.ERECORDS_SECRET) {
    throw new ConfigError([
      'ERECORDS_SECRET: must be set when ERECORDS_URL is (deliveries are signed with it)',
    ]);
  }
  const centreMode = e.CENTRE_MODE === 'true' || e.CENTRE_MODE === '1';
  if (centreMode) {
    const missing = [
      ...(e.CENTRAL_URL ? [] : ['CENTRAL_URL: must be set when CENTRE_MODE is true (the central engine)']),
      ...(e.CENTRE_CREDENTIAL
        ? []
        : ['CENTRE_CREDENTIAL: must be set when CENTRE_MODE is true (the centre credential file)']),
    ];
    if (missing.length) throw new ConfigError(missing);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    redisUrl: e.REDIS_URL,
    dataDir,
    jwtSecret: e.JWT_SECRET ?? persistedSecret(dataDir, 'jwt-secret'),
    auditKey: e.AUDIT_KEY ?? persistedSecret(dataDir, 'audit-key'),
    logLevel: e.LOG_LEVEL,
    trustedProxies: Object.freeze([
      ...new Set([
        ...(e.TRUSTED_PROXIES ?? []),
        ...(e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1' ? LOOPBACK_PROXIES : []),
      ]),
    ]),
    seedDemo: e.SEED_DEMO === 'true' || e.SEED_DEMO === '1',
    snapshotRetentionDays: e.PROCTOR_SNAPSHOT_RETENTION_DAYS,
    qtiSchemaDir: e.QTI_SCHEMA_DIR ? path.resolve(e.QTI_SCHEMA_DIR) : undefined,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    centre: centreMode
      ? { centralUrl: e.CENTRAL_URL!.replace(/\/+$/, ''), credentialFile: path.resolve(e.CENTRE_CREDENTIAL!) }
      : undefined,
    erecords: e.ERECORDS_URL
      ? { url: e.ERECORDS_URL, secret: e.ERECORDS_SECRET ?? '', maxAttempts: e.ERECORDS_MAX_ATTEMPTS }
      : undefined,
  });
}
