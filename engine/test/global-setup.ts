/**
 * Vitest global setup. With DATABASE_URL set, builds a freshly migrated template database
 * once; each test file then gets its own copy (CREATE DATABASE ... TEMPLATE), so files run
 * in parallel without sharing rows. Without it, each file uses its own in-memory PGlite.
 */
import { connectPostgres } from '../db/connect-postgres.ts';
import { migratePostgresUrl } from '../db/migrate.ts';
import { TEMPLATE_DATABASE, databaseUrlFor } from './postgres-urls.ts';

export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const admin = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await migratePostgresUrl(databaseUrlFor(url, TEMPLATE_DATABASE));
}
