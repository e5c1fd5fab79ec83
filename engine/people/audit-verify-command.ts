/**
 * The `npm run audit:verify` command (scripts/audit-verify.ts), apart from process start-up so
 * tests can run it in-process on their own store: walk the audit log's chain and hold it to every
 * signed checkpoint in DATA_DIR/audit-checkpoints.jsonl (and, with `--feed <file>`, to the copies
 * the e-records service received), or with `--public-key` print the Ed25519 key those checkpoints
 * verify with. Prints what the CLI prints, line by line, and returns its exit code: 0 intact, 1
 * broken, 2 feed file unreadable. The caller opens the database (the composition root's engine),
 * so this capability stays below it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../platform/config.ts';
import type { Database } from '../platform/db/database.ts';
import { checkpointSigner } from './audit-checkpoint-signature.ts';
import { auditReport } from './audit-report.ts';

/** What the command needs of an opened engine: its database, and closing it. */
export interface AuditVerifyEngine {
  deps: { db: Database };
  close(): Promise<void>;
}

export interface AuditVerifyOptions {
  /** Opens the engine on the configuration read (without writing audit checkpoints). */
  open: (config: Readonly<Config>) => Promise<AuditVerifyEngine>;
  /** The command's arguments; process.argv's by default. */
  args?: string[];
  /** The environment the configuration is read from; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Where lines go: the console's stdout and stderr by default. */
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export async function runAuditVerify(options: AuditVerifyOptions): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  const err = options.err ?? ((line: string) => console.error(line));
  const { values } = parseArgs({
    args: options.args,
    options: { feed: { type: 'string' }, 'public-key': { type: 'boolean' } },
  });
  const config = loadConfig(options.env);

  if (values['public-key']) {
    const { publicKey, keyId } = checkpointSigner(config.auditKey);
    const pem = publicKey.match(/.{1,64}/g)!.join('\n');
    out(`Audit checkpoint key ${keyId} (Ed25519), SPKI base64:\n${publicKey}\n`);
    out(`-----BEGIN PUBLIC KEY-----\n${pem}\n-----END PUBLIC KEY-----`);
    return 0;
  }
  let feed: { text: string; source: string } | undefined;
  if (values.feed) {
    try {
      feed = { text: readFileSync(values.feed, 'utf8'), source: values.feed };
    } catch (error) {
      err(`Cannot read ${values.feed}: ${(error as Error).message}`);
      return 2;
    }
  }
  const engine = await options.open(config);
  try {
    const report = await auditReport(engine.deps.db, config.dataDir, config.auditKey, { feed });
    if (report.intact) {
      out(report.message);
      return 0;
    }
    err(report.message);
    return 1;
  } finally {
    await engine.close();
  }
}
