/**
 * Applies the committed drizzle-kit migrations. On PostgreSQL an advisory lock keeps two
 * engine processes that start together from migrating at the same time.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { connectPostgres } from './connect-postgres.ts';
import type { DatabaseHandle } from './database.ts';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

const MIGRATION_LOCK = 720_451_001;

export async function migrateDatabase(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  if (handle.kind === 'postgres') {
    if (!databaseUrl) throw new Error('migrateDatabase needs the PostgreSQL URL');
    await migratePostgresUrl(databaseUrl);
    return;
  }
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
}

/** Migrates a PostgreSQL database on one dedicated connection holding the migration lock. */
export async function migratePostgresUrl(url: string): Promise<void> {
  const client = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
