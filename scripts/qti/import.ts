/**
 * `npm run qti -- import <file|dir|zip> [--bank NAME] [--clash POLICY]`: imports QTI items (2.x, 3.0,
 * and QTI 1.2 converted) into a bank, all or none, with a progress bar.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { requireBank } from '../../engine/bank/bank-target.ts';
import { createItemBank } from '../../engine/bank/commands/create-item-bank.ts';
import { readableBanks } from '../../engine/bank/policy.ts';
import type { ClashReport } from '../../engine/bank/import-clashes.ts';
import { importItems } from '../../engine/bank/commands/import-items.ts';
import type { StaffActor } from '../../engine/people/actor.ts';
import { isUuid } from '../../engine/people/organisation-ref.ts';
import { organisations } from '../../engine/people/tables.ts';
import { errors } from '../../engine/platform/errors.ts';
import { AppError, type DatabaseHandle } from '../../engine/index.ts';
import { CLASH_POLICIES, itemBankTables, type ClashPolicy } from '../../item-bank/index.ts';
import { cliActor, openCliDatabase, parseOptions } from './lib/cli-database.ts';
import { progressBar } from './lib/progress-bar.ts';

export const summary =
  'import QTI items and tests (file, folder or content package) into a bank: all or none, with progress';

const USAGE = `Usage: npm run qti -- import <item.xml | folder | package.zip> [--bank NAME] [--user USERNAME] [--clash POLICY] [--dry-run]
  --bank     the bank to import into, by name or id (the user's organisation's bank of that name, else the
             one bank of that name the user can see; created in the user's organisation when there is none;
             default "Ngân hàng câu hỏi"). The user must be allowed to write it, as over HTTP.
  --user     the staff member recorded as author (default: the first admin)
  --clash    items or tests whose identifier the bank holds with other content:
             refuse (default: nothing is imported, the clashes are listed), new-version (of the bank's item),
             rename (a new item under a new identifier) or skip (keep the bank's)
  --dry-run  check everything and list the clashes, save nothing
QTI 2.x and 3.0 items and tests are imported as they are; QTI 1.2 (Canvas, Blackboard, D2L) is converted.
Writes to DATABASE_URL when set, otherwise to the embedded database under DATA_DIR.`;

async function readFolder(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full).split(path.sep).join('/'), await readFile(full));
  }
  return files;
}

/** `open` is the database to work on; tests pass the engine's own (the command-line opens DATABASE_URL or DATA_DIR). */
export async function run(
  args: string[],
  open: () => Promise<DatabaseHandle> = openCliDatabase,
): Promise<number> {
  const { positional, options } = parseOptions(args, ['bank', 'user', 'clash']);
  const target = positional[0];
  if (!target || target === '--help') {
    console.log(USAGE);
    return target ? 0 : 1;
  }
  const clash = options.clash;
  if (clash !== undefined && !(CLASH_POLICIES as readonly string[]).includes(clash)) {
    console.error(`--clash must be one of ${CLASH_POLICIES.join(', ')}; got "${clash}".`);
    return 1;
  }
  const isFolder = (await stat(target)).isDirectory();
  const bytes = isFolder ? new Uint8Array() : await readFile(target);
  const files = isFolder ? await readFolder(target) : undefined;
  const handle = await open();
  try {
    const actor = await cliActor(handle, options.user);
    if (!actor) {
      console.error(
        options.user
          ? `No staff member is called ${options.user}.`
          : 'The database has no admin yet: run `npm run seed` (or `npm start`) first.',
      );
      return 1;
    }
    const bankName = options.bank ?? 'Ngân hàng câu hỏi';
    let bank = await findBank(handle, actor, bankName);
    // A bank found is written only as the HTTP import route allows (engine/bank/policy.ts through
    // requireBank): a read-only or outside bank is refused with the route's own message.
    if (bank) await requireBank(handle.db, actor, bank.id, 'write', 'items:write');
    // A missing bank is created by the same command as `POST /api/item-banks`, audited alike.
    else if (options['dry-run'] !== 'true') {
      const [organisation] = await handle.db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, actor.organisationId));
      bank = await createItemBank(handle.db, actor, organisation!, { name: bankName });
    }
    const result = await importItems({
      db: handle.db,
      actor,
      bankId: bank?.id ?? '00000000-0000-0000-0000-000000000000',
      organisationId: bank?.organisationId ?? actor.organisationId,
      bytes,
      filename: path.basename(target),
      files,
      dryRun: options['dry-run'] === 'true',
      clash: clash as ClashPolicy | undefined,
      onProgress: progressBar('saving'),
    });
    for (const c of result.clashes) console.log(describeClash(c));
    const converted = result.items.filter((i) => i.file.includes('#')).length;
    if (converted) console.log(`${converted} item(s) converted from QTI 1.2.`);
    console.log(
      result.dryRun
        ? `${result.items.length} item(s) checked; nothing saved (dry run).` +
            (result.clashes.length
              ? ` ${result.clashes.length} identifier clash(es): ${
                  clash
                    ? `they would be handled as ${clash}.`
                    : 'the import would be refused; choose --clash new-version, rename or skip.'
                }`
              : '')
        : `${result.items.length} item(s) imported into "${bank?.name ?? bankName}": ${result.created} new version(s), ${result.unchanged} unchanged.` +
            (result.tests.length
              ? ` ${result.tests.length} test(s): ${result.tests.filter((t) => t.created).length} new version(s).`
              : '') +
            (result.skipped ? ` ${result.skipped} clashing item(s) or test(s) skipped.` : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      const details = error.details as
        { files?: Array<{ problems: Array<Record<string, unknown>> }>; clashes?: ClashReport[] } | undefined;
      for (const c of details?.clashes ?? []) console.error(describeClash(c));
      for (const file of details?.files ?? [])
        for (const p of file.problems)
          console.error(
            `${String(p.file)}:${String(p.line)}:${String(p.column)} ${String(p.severity)} ${String(p.code)}: ${String(p.message)}`,
          );
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

/**
 * The bank `--bank` names: its id, else the bank of that name in the user's organisation, else the one
 * bank of that name the user can see (a share, the department's); undefined when there is none.
 */
async function findBank(handle: DatabaseHandle, actor: StaffActor, nameOrId: string) {
  const { itemBanks } = itemBankTables;
  const bankOf = (where: SQL | undefined) =>
    handle.db
      .select({ id: itemBanks.id, name: itemBanks.name, organisationId: itemBanks.organisationId })
      .from(itemBanks)
      .innerJoin(organisations, eq(organisations.id, itemBanks.organisationId))
      .where(where)
      .orderBy(asc(organisations.path));
  if (isUuid(nameOrId)) {
    const [byId] = await bankOf(eq(itemBanks.id, nameOrId));
    if (byId) return byId;
  }
  const [own] = await bankOf(
    and(eq(itemBanks.organisationId, actor.organisationId), eq(itemBanks.name, nameOrId)),
  );
  if (own) return own;
  const seen = await bankOf(and(eq(itemBanks.name, nameOrId), readableBanks(actor)));
  if (seen.length > 1)
    throw errors.badRequest(
      `${seen.length} banks you can see are called "${nameOrId}": give the bank's id with --bank (${seen.map((b) => b.id).join(', ')}).`,
    );
  return seen[0];
}

/** One line per clash: what, where, what the bank holds, and what the import does with it. */
const describeClash = (c: ClashReport) =>
  `clash: ${c.kind} ${c.identifier} in ${c.file} — the bank has version ${c.existingVersion}` +
  `${c.existingSourceFile ? ` (from ${c.existingSourceFile})` : ''} with other content; ` +
  (c.resolution === 'refuse'
    ? 'refused'
    : c.resolution === 'rename'
      ? `saved as ${c.newIdentifier ?? 'a new identifier'}`
      : c.resolution === 'skip'
        ? "skipped (the bank's version is kept)"
        : 'saved as a new version');
