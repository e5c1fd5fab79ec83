/**
 * A centre node in the test process (CENTRE_MODE), on its own database: a copy of the migrated
 * template (PGlite) or its own PostgreSQL database when DATABASE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createEngine } from '../../../engine.ts';
import type { DatabaseTarget } from '../../../platform/db/database.ts';
import { createLogger } from '../../../platform/logger.ts';
import { pgliteFromTemplate } from '../../support/pglite-template.ts';
import { createPostgresTestDatabase, testConfig, type TestEngine } from '../../support/test-engine.ts';

export async function startCentreEngine(centre: {
  centralUrl: string;
  credentialFile: string;
}): Promise<TestEngine> {
  const baseUrl = process.env.DATABASE_URL;
  const pg = baseUrl ? await createPostgresTestDatabase(baseUrl) : undefined;
  // One audit key per process (useAuditKey): the test's, as the central engine's test config has.
  const config = testConfig({ databaseUrl: pg?.url, centre });
  const template = pg ? undefined : await pgliteFromTemplate();
  const database: DatabaseTarget = pg ? { url: pg.url } : template ? { pglite: template } : { memory: true };
  const engine = await createEngine(config, {
    logger: createLogger('silent'),
    database,
    skipMigrations: Boolean(pg ?? template),
    keyPrefix: `test-${randomUUID()}`,
    centre: { intervalMs: 60_000 },
  });
  return Object.assign(engine, {
    config,
    databaseUrl: pg?.url,
    async dispose() {
      await engine.close();
      await pg?.drop();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  });
}
