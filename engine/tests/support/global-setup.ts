/**
 * Vitest global setup. With DATABASE_URL set, builds a freshly migrated template database
 * once; each test file then gets its own copy (CREATE DATABASE ... TEMPLATE), so files run
 * in parallel without sharing rows. Without it, each engine gets its own in-memory PGlite loaded
 * from a migrated PGlite dump made here once.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPostgres } from '../../platform/db/connect-postgres.ts';
import { migratePostgresUrl } from '../../platform/db/migrate.ts';
import { PGLITE_TEMPLATE_ENV, writePgliteTemplate } from './pglite-template.ts';
import { TEMPLATE_DATABASE, databaseUrlFor } from './postgres-urls.ts';

export default async function setup(): Promise<(() => void) | void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const file = path.join(os.tmpdir(), `exam-pglite-template-${process.pid}.tar`);
    await writePgliteTemplate(file);
    process.env[PGLITE_TEMPLATE_ENV] = file;
    return () => rmSync(file, { force: true });
  }
  const admin = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await migratePostgresUrl(databaseUrlFor(url, TEMPLATE_DATABASE));
}
