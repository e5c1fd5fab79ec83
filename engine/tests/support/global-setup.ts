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
import {
  TEMPLATE_DATABASE_ENV,
  TEMPLATE_DATABASE_PREFIX,
  databaseUrlFor,
  templateDatabase,
} from './postgres-urls.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export default async function setup(): Promise<(() => void) | (() => Promise<void>)> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const file = path.join(os.tmpdir(), `exam-pglite-template-${process.pid}.tar`);
    await writePgliteTemplate(file);
    process.env[PGLITE_TEMPLATE_ENV] = file;
    return () => rmSync(file, { force: true });
  }
  const template = templateDatabase();
  process.env[TEMPLATE_DATABASE_ENV] = template;
  const admin = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    // Templates left by runs that were killed (their process is gone) are dropped; a running one's are not.
    const left = await admin.unsafe<{ datname: string }[]>(
      `select datname from pg_database where datname like '${TEMPLATE_DATABASE_PREFIX}%'`,
    );
    for (const { datname } of left) {
      const pid = Number(datname.slice(TEMPLATE_DATABASE_PREFIX.length));
      if (datname === template || !Number.isInteger(pid) || !alive(pid))
        await admin.unsafe(`drop database if exists ${datname} with (force)`);
    }
    await admin.unsafe(`create database ${template}`);
  } finally {
    await admin.end();
  }
  await migratePostgresUrl(databaseUrlFor(url, template));
  return async () => {
    const dropper = connectPostgres(url, { max: 1, onnotice: () => {} });
    try {
      await dropper.unsafe(`drop database if exists ${template} with (force)`);
    } finally {
      await dropper.end();
    }
  };
}
