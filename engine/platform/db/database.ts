/**
 * Opens the engine's database: PostgreSQL through the `postgres` driver when a URL is given,
 * otherwise embedded PGlite (PostgreSQL in WebAssembly) in a data folder or in memory.
 * Both are wrapped by drizzle with the same schema, so the rest of the engine never knows which.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { connectPostgres } from './connect-postgres.ts';

// No relational schema is attached: queries name their tables, so the platform knows no capability's tables.
export type Database = PgDatabase<PgQueryResultHKT>;
/** The transaction handle drizzle passes to `db.transaction(async (tx) => ...)`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Where the data lives, for log lines: a data folder, `memory`, or the URL without password. */
  location: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  { url: string; poolMax?: number } | { dataDir: string } | { memory: true } | { pglite: PGlite };

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('url' in target) {
    const client = connectPostgres(target.url, {
      // The driver joins the queries of one event-loop turn on a connection into one socket write, so fewer
      // connections mean fewer, larger writes; more than the server's cores only adds contention.
      max: target.poolMax ?? 20,
      onnotice: () => {},
      connection: { application_name: 'exam-engine' },
    });
    // Fail at start, with the driver's reason, rather than on the first request.
    await client`select 1`;
    const db = drizzlePostgres({ client, casing: 'snake_case' }) as unknown as Database;
    return { db, kind: 'postgres', location: redact(target.url), close: () => client.end({ timeout: 5 }) };
  }
  let client: PGlite;
  let location: string;
  if ('pglite' in target) {
    client = target.pglite;
    location = client.dataDir ?? 'memory';
  } else if ('memory' in target) {
    client = await PGlite.create();
    location = 'memory';
  } else {
    const folder = path.join(target.dataDir, 'pglite');
    mkdirSync(folder, { recursive: true });
    client = await PGlite.create(folder);
    location = folder;
  }
  const db = drizzlePglite({ client, casing: 'snake_case' }) as unknown as Database;
  return { db, kind: 'pglite', location, close: () => client.close() };
}
