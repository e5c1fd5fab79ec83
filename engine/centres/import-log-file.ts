/**
 * Central import of a centre's result log carried on a USB stick (log-file.ts): the file's entries
 * go through `importAndApplyResultLog`, the very import the network sync runs (the same verifier,
 * the same exactly-once rule, the same apply and scoring), a batch at a time in chain order, each
 * batch its own transaction as a sync request is. Importing the file again, or after the line has
 * already brought part of it, imports only what is new; a tampered entry or another centre's file
 * is refused with the sync's error, and the batches before it stay imported (as after a cut sync).
 * Not a command itself: each batch is one run of the import-result-log command, with its own
 * transaction and audit row.
 */
import type { StaffActor } from '../people/actor.ts';
import type { CommandContext } from '../platform/command-context.ts';
import type { Database } from '../platform/db/database.ts';
import { readLogFile } from './log-file.ts';
import { importAndApplyResultLog, type ImportedBatch } from './commands/import-result-log.ts';
import { centreInScope, sittingInScope } from './centre-board.ts';
import { errors } from '../platform/errors.ts';

/** Entries per transaction (a sync request carries at most 2000). */
const FILE_BATCH = 500;

export interface ImportedLogFile {
  centreId: string;
  sittingId: string;
  /** Entries in the file, imported now, and already held (identical, skipped). */
  entries: number;
  imported: number;
  skipped: number;
  /** The chain's last entry held centrally after the import. */
  head?: { seq: number; hash: string };
  /** Sessions with entries waiting for their open (the centre must log it again). */
  awaitingOpen: string[];
}

export async function importResultLogFile(
  db: Database,
  content: string | unknown,
  /** The centre the exam board says the file is from (default: the one the file names); who imports it. */
  expected: { centreId?: string; importedBy?: string },
  context: CommandContext = {},
  onSubmitted?: (sessionId: string) => void,
): Promise<ImportedLogFile> {
  const file = readLogFile(content);
  const centreId = expected.centreId ?? file.centreId;
  const outcome: ImportedLogFile = {
    centreId,
    sittingId: file.sittingId,
    entries: file.entries.length,
    imported: 0,
    skipped: 0,
    awaitingOpen: [],
  };
  // An empty batch still checks the centre and reads the head, as the sync's first request does.
  for (let from = 0; from === 0 || from < file.entries.length; from += FILE_BATCH) {
    const batch: ImportedBatch = await importAndApplyResultLog(
      db,
      {
        centreId,
        sittingId: file.sittingId,
        entries: file.entries.slice(from, from + FILE_BATCH),
        via: 'file',
        importedBy: expected.importedBy,
      },
      context,
      onSubmitted,
    );
    outcome.imported += batch.imported;
    outcome.skipped += batch.skipped;
    outcome.head = batch.head;
    outcome.awaitingOpen = batch.awaitingOpen;
  }
  return outcome;
}

/**
 * The exam board's upload of a centre's USB log file (POST /api/centres/{id}/log-file): the centre is
 * the one the board names (never the file's header), in the board's subtree, and so must the file's
 * sitting be; then the file goes through the same import as the CLI's `import-log`.
 */
export async function importCentreLogFile(
  db: Database,
  actor: StaffActor,
  centreId: string,
  content: string,
  context: CommandContext = {},
  onSubmitted?: (sessionId: string) => void,
): Promise<ImportedLogFile> {
  if (!(await centreInScope(db, actor, centreId))) throw errors.notFound(`Centre ${centreId}`);
  const file = readLogFile(content);
  await sittingInScope(db, actor, file.sittingId);
  return importResultLogFile(db, file, { centreId, importedBy: actor.userId }, context, onSubmitted);
}
