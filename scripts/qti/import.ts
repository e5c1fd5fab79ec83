/** `npm run qti -- import <file|dir|zip> [--bank NAME]`: imports QTI items into a bank, all or none, with a progress bar. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { createItemBank } from '../../engine/bank/commands/create-item-bank.ts';
import { importItems } from '../../engine/bank/commands/import-items.ts';
import { organisations } from '../../engine/people/tables.ts';
import { AppError, type DatabaseHandle } from '../../engine/index.ts';
import { itemBankTables } from '../../item-bank/index.ts';
import { cliActor, openCliDatabase, parseOptions } from './lib/cli-database.ts';
import { progressBar } from './lib/progress-bar.ts';

export const summary =
  'import QTI items and tests (file, folder or content package) into a bank: all or none, with progress';

const USAGE = `Usage: npm run qti -- import <item.xml | folder | package.zip> [--bank NAME] [--user USERNAME] [--dry-run]
  --bank     the bank to import into (created in the user's organisation when missing; default "Ngân hàng câu hỏi")
  --user     the staff member recorded as author (default: the first admin)
  --dry-run  check everything, save nothing
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
  const { positional, options } = parseOptions(args, ['bank', 'user']);
  const target = positional[0];
  if (!target || target === '--help') {
    console.log(USAGE);
    return target ? 0 : 1;
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
    const { itemBanks } = itemBankTables;
    let [bank] = await handle.db
      .select()
      .from(itemBanks)
      .where(and(eq(itemBanks.organisationId, actor.organisationId), eq(itemBanks.name, bankName)));
    // A missing bank is created by the same command as `POST /api/item-banks`, audited alike.
    if (!bank && options['dry-run'] !== 'true') {
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
      organisationId: actor.organisationId,
      bytes,
      filename: path.basename(target),
      files,
      dryRun: options['dry-run'] === 'true',
      onProgress: progressBar('saving'),
    });
    console.log(
      result.dryRun
        ? `${result.items.length} item(s) checked; nothing saved (dry run).`
        : `${result.items.length} item(s) imported into "${bankName}": ${result.created} new version(s), ${result.unchanged} unchanged.` +
            (result.tests.length
              ? ` ${result.tests.length} test(s): ${result.tests.filter((t) => t.created).length} new version(s).`
              : ''),
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      const details = error.details as
        { files?: Array<{ problems: Array<Record<string, unknown>> }> } | undefined;
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
