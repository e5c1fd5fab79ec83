/**
 * The database the QTI commands work on: PostgreSQL when DATABASE_URL is set, otherwise the
 * embedded database under DATA_DIR (migrated first, as `npm start` does), plus the staff member
 * the command acts as.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  loadConfig,
  migrateDatabase,
  openDatabase,
  startAuditCheckpointer,
  useAuditKey,
  type DatabaseHandle,
} from '../../../engine/index.ts';
import type { StaffActor } from '../../../engine/people/actor.ts';
import { organisations, users } from '../../../engine/people/tables.ts';

export async function openCliDatabase(): Promise<DatabaseHandle> {
  const config = loadConfig();
  // The commands it runs write audit rows, chained under the engine's audit key (AUDIT_KEY or DATA_DIR).
  useAuditKey(config.auditKey);
  const target = config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir };
  const handle = await openDatabase(target);
  await migrateDatabase(handle, config.databaseUrl);
  // ...and anchored in DATA_DIR before and after, as the engine does (audit:verify checks them).
  const checkpoints = startAuditCheckpointer(handle.db, { dataDir: config.dataDir, key: config.auditKey });
  await checkpoints.checkpoint();
  return {
    ...handle,
    async close() {
      checkpoints.stop();
      await checkpoints.checkpoint();
      await handle.close();
    },
  };
}

/** The named staff member, or the first admin; undefined when the database has no staff yet. */
export async function cliActor(handle: DatabaseHandle, username?: string): Promise<StaffActor | undefined> {
  const [row] = await handle.db
    .select({
      userId: users.id,
      username: users.username,
      role: users.role,
      organisationId: users.organisationId,
      scopePath: organisations.path,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(username ? eq(users.username, username) : and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .orderBy(asc(organisations.path), asc(users.createdAt))
    .limit(1);
  return row;
}

/** Reads `--name value` options; returns the remaining positional arguments. */
export function parseOptions(
  args: string[],
  names: string[],
): { positional: string[]; options: Record<string, string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && names.includes(name) && args[i + 1] !== undefined) options[name] = args[++i]!;
    else if (name === 'dry-run') options[name] = 'true';
    else positional.push(arg);
  }
  return { positional, options };
}
