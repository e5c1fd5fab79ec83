/**
 * `npm run centre -- <command>` (scripts/centre.ts):
 *   seal --sitting <id> --centre <id> [--centre <id>...] [--room <id>...] [--lead-minutes <n>]
 *        [--downtime pause|continue] --out <file>   (downtime: the clocks after a centre's power loss)
 *   verify --package <file> [--public-key <base64>]
 *   room-code --sitting <id> --room <id>
 *   register --organisation <id> --name <name> --out <credential.json>   (central: a centre and its credential)
 *   import --package <file>                        (centre node, CENTRE_MODE: kept sealed until its key)
 *   open --package-id <id> --room <id> --code <room code>   (centre node: the line is down, the code read out)
 *   sync                                           (centre node: push the result log to the central engine now)
 *   export-log --sitting <id> --out <file>         (centre node: a sitting's result log to a file, the USB fallback)
 *   import-log --file <file> [--centre <id>]       (central: a centre's log file, as the sync imports it)
 * `verify` checks the signature and header without any key and prints what the package holds; it
 * trusts the central key this engine knows (its own on the central engine, the one it was given on
 * a centre), or the one passed with --public-key. Refusals print their error id and message and
 * exit 1; a wrong command line prints the usage and exits 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../platform/db/database.ts';
import { AppError, errors } from '../platform/errors.ts';
import { centralPublicKey } from './central-keys.ts';
import { importResultLogFile } from './import-log-file.ts';
import { issueRoomCode } from './commands/issue-room-code.ts';
import { sealSittingPackage } from './commands/seal-sitting-package.ts';
import { registerCentre } from './commands/register-centre.ts';
import { generateSigningKeyPair, keyIdOf, publicKeyOf } from './ed25519.ts';
import type { CentreCredential, CentreNode } from './node/centre-node.ts';
import {
  DOWNTIME_RULES,
  readPackageFile,
  verifyPackageFile,
  type DowntimeRule,
  type TrustedSigner,
} from './package-file.ts';
import { centreIdentity } from './tables.ts';

export const CENTRE_USAGE = `Usage:
  npm run centre -- seal --sitting <id> --centre <id> [--centre <id>...] [--room <id>...] [--lead-minutes <n>] [--downtime pause|continue] --out <file>
  npm run centre -- verify --package <file> [--public-key <base64 SPKI>]
  npm run centre -- room-code --sitting <id> --room <id>
  npm run centre -- register --organisation <id> --name <name> --out <credential.json>
  npm run centre -- import --package <file>          (CENTRE_MODE)
  npm run centre -- open --package-id <id> --room <id> --code <room code>   (CENTRE_MODE)
  npm run centre -- sync                             (CENTRE_MODE)
  npm run centre -- export-log --sitting <id> --out <file>   (CENTRE_MODE: the USB fallback)
  npm run centre -- import-log --file <file> [--centre <id>]   (central: the centre the file is from)`;

export interface CentreCliOutcome {
  exitCode: number;
  output: string;
}

const OPTIONS = {
  sitting: { type: 'string' },
  centre: { type: 'string', multiple: true },
  room: { type: 'string', multiple: true },
  'lead-minutes': { type: 'string' },
  downtime: { type: 'string' },
  out: { type: 'string' },
  package: { type: 'string' },
  'public-key': { type: 'string' },
  organisation: { type: 'string' },
  name: { type: 'string' },
  'package-id': { type: 'string' },
  code: { type: 'string' },
  file: { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
export type CentreCommand =
  | { command: 'seal'; values: Parsed }
  | { command: 'verify'; values: Parsed }
  | { command: 'room-code'; values: Parsed }
  | { command: 'register'; values: Parsed }
  | { command: 'import'; values: Parsed }
  | { command: 'open'; values: Parsed }
  | { command: 'sync'; values: Parsed }
  | { command: 'export-log'; values: Parsed }
  | { command: 'import-log'; values: Parsed };

const usage = (problem?: string): CentreCliOutcome => ({
  exitCode: problem ? 2 : 0,
  output: problem ? `${problem}\n\n${CENTRE_USAGE}` : CENTRE_USAGE,
});

/** Reads the command line; a problem (or --help) comes back as the outcome to print. */
export function parseCentreArgs(args: string[]): CentreCommand | CentreCliOutcome {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help && !command) return usage();
  if (extra.length) return usage(`Unexpected arguments: ${extra.join(' ')}`);
  const need = (...names: Array<keyof Parsed>) => {
    const missing = names.filter((n) => values[n] === undefined);
    return missing.length ? usage(`${command} needs ${missing.map((n) => `--${n}`).join(', ')}.`) : undefined;
  };
  switch (command) {
    case 'seal':
      if (values.downtime !== undefined && !(DOWNTIME_RULES as readonly string[]).includes(values.downtime))
        return usage('--downtime is pause (the clocks stand still while a centre is down) or continue.');
      return need('sitting', 'centre', 'out') ?? { command, values };
    case 'verify':
      return need('package') ?? { command, values };
    case 'room-code':
      if ((values.room?.length ?? 0) > 1) return usage('room-code takes one --room.');
      return need('sitting', 'room') ?? { command, values };
    case 'register':
      return need('organisation', 'name', 'out') ?? { command, values };
    case 'import':
      return need('package') ?? { command, values };
    case 'open':
      if ((values.room?.length ?? 0) > 1) return usage('open takes one --room.');
      return need('package-id', 'room', 'code') ?? { command, values };
    case 'sync':
      return { command, values };
    case 'export-log':
      return need('sitting', 'out') ?? { command, values };
    case 'import-log':
      if ((values.centre?.length ?? 0) > 1) return usage('import-log takes one --centre.');
      return need('file') ?? { command, values };
    default:
      return usage(command ? `Unknown command: ${command}` : 'Name a command.');
  }
}

/** The central key a package must be signed with, as this engine knows it. */
async function trustedSigner(
  db: Database,
  keyId: string,
  given?: string,
): Promise<TrustedSigner | undefined> {
  if (given) return { keyId: keyIdOf(given), publicKey: publicKeyOf(given) };
  const [identity] = await db.select().from(centreIdentity).limit(1);
  if (identity) return { keyId: identity.centralKeyId, publicKey: publicKeyOf(identity.centralPublicKey) };
  const own = await centralPublicKey(db, keyId);
  return own ? { keyId: own.keyId, publicKey: own.key } : undefined;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function runCentreCommand(
  db: Database,
  secrets: { keySecret: string },
  parsed: CentreCommand,
  /** The centre node, when this engine runs in CENTRE_MODE (import, open, sync, export-log need it). */
  node?: CentreNode,
  /** Central: sessions a log file submits, for scoring now (else the sweeper scores them). */
  onSubmitted?: (sessionId: string) => void,
): Promise<CentreCliOutcome> {
  const { values } = parsed;
  const centreNode = async () => {
    if (!node)
      throw errors.conflict(
        'This command runs on a centre node: set CENTRE_MODE=true, CENTRAL_URL and CENTRE_CREDENTIAL.',
      );
    await node.start(false);
    return node;
  };
  try {
    switch (parsed.command) {
      case 'register': {
        const keys = generateSigningKeyPair();
        const registered = await registerCentre(
          db,
          null,
          { organisationId: values.organisation!, name: values.name!, publicKey: keys.publicKey },
          secrets,
        );
        const credential: CentreCredential = {
          centreId: registered.centreId,
          central: registered.central,
          privateKey: keys.privateKeyDer.toString('base64'),
        };
        const out = path.resolve(values.out!);
        writeFileSync(out, `${JSON.stringify(credential, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
        return {
          exitCode: 0,
          output: `Centre ${registered.centreId} registered; its credential is in ${out} (keep it secret: it holds the centre's signing key).\nOn the centre: CENTRE_MODE=true CENTRAL_URL=<this engine's URL> CENTRE_CREDENTIAL=${out} npm start`,
        };
      }
      case 'import': {
        let file: Buffer;
        try {
          file = readFileSync(values.package!);
        } catch (error) {
          return { exitCode: 1, output: `error file_unreadable: ${(error as Error).message}` };
        }
        const { header, alreadyHeld } = await (await centreNode()).importFile(file);
        return {
          exitCode: 0,
          output: `${alreadyHeld ? 'Already held' : 'Imported'}: package ${header.packageId}, sitting ${header.sittingName} (${header.sittingId}); it opens with its key from ${header.notBefore}.`,
        };
      }
      case 'open': {
        const opened = await (
          await centreNode()
        ).open(values['package-id']!, { roomId: values.room![0]!, roomCode: values.code! });
        return {
          exitCode: 0,
          output: `Opened package ${opened.header.packageId}: ${opened.rooms.map((r) => `${r.room.name} (${r.candidates.length} candidates)`).join(', ')}.`,
        };
      }
      case 'sync': {
        const report = await (await centreNode()).sync();
        return {
          exitCode: 0,
          output: [
            `Sent ${report.sent} entries, ${report.imported} new to the central engine.`,
            ...report.chains.map(
              (c) => `  sitting ${c.sittingId}: central holds ${c.centralSeq} of ${c.localSeq}`,
            ),
          ].join('\n'),
        };
      }
      case 'export-log': {
        const file = await (await centreNode()).exportLog(values.sitting!);
        const out = path.resolve(values.out!);
        writeFileSync(out, `${JSON.stringify(file)}\n`, { mode: 0o600 });
        return {
          exitCode: 0,
          output: [
            `Result log of sitting ${file.sittingId} written to ${out}: ${file.entries.length} entries, the last ${file.head!.seq} (${file.head!.hash.slice(0, 16)}…).`,
            `At the central engine: npm run centre -- import-log --file <file> --centre ${file.centreId}`,
          ].join('\n'),
        };
      }
      case 'import-log': {
        let text: string;
        try {
          text = readFileSync(values.file!, 'utf8');
        } catch (error) {
          return { exitCode: 1, output: `error file_unreadable: ${(error as Error).message}` };
        }
        const result = await importResultLogFile(db, text, { centreId: values.centre?.[0] }, {}, onSubmitted);
        return {
          exitCode: 0,
          output: [
            `Centre ${result.centreId}, sitting ${result.sittingId}: ${result.imported} new entries imported, ${result.skipped} already held, of ${result.entries} in the file.`,
            `The central engine holds the chain to entry ${result.head?.seq ?? 0}.`,
            ...(result.awaitingOpen.length
              ? [
                  `${result.awaitingOpen.length} session(s) wait for their open: the centre must log it again (sync or a new export).`,
                ]
              : []),
          ].join('\n'),
        };
      }
      case 'seal': {
        const lead = values['lead-minutes'];
        if (lead !== undefined && !/^\d+$/.test(lead))
          return usage('--lead-minutes must be a whole number of minutes.');
        const { file, header } = await sealSittingPackage(
          db,
          null,
          {
            sittingId: values.sitting!,
            centreIds: values.centre!,
            roomIds: values.room,
            keyReleaseLeadMinutes: lead === undefined ? undefined : Number(lead),
            downtime: values.downtime as DowntimeRule | undefined,
          },
          secrets,
        );
        const out = path.resolve(values.out!);
        writeFileSync(out, file);
        return {
          exitCode: 0,
          output: [
            `Package ${header.packageId} written to ${out} (${kib(file.length)}).`,
            `Sitting ${header.sittingName} (${header.sittingId}), for centre ${header.centreIds.join(', ')}.`,
            `Rooms: ${header.rooms.map((r) => `${r.name} (${r.candidates})`).join(', ')}.`,
            `Opens with its key from ${header.notBefore}; the key is not in the package.`,
            `After a power loss at the centre the candidates' clocks ${header.downtime === 'continue' ? 'run on' : 'stand still for the downtime'} (${header.downtime ?? 'pause'}).`,
          ].join('\n'),
        };
      }
      case 'verify': {
        let file: Buffer;
        try {
          file = readFileSync(values.package!);
        } catch (error) {
          return { exitCode: 1, output: `error file_unreadable: ${(error as Error).message}` };
        }
        const { header: claimed } = readPackageFile(file);
        const signer = await trustedSigner(db, claimed.signingKeyId, values['public-key']);
        if (!signer)
          return {
            exitCode: 1,
            output:
              'error no_central_key: this engine knows no central signing key; pass --public-key <base64 SPKI>.',
          };
        const { header, body } = verifyPackageFile(file, signer);
        return {
          exitCode: 0,
          output: [
            `Signature valid (central key ${header.signingKeyId}); content hash matches.`,
            `Package ${header.packageId} (format ${header.format} v${header.version}, ${kib(file.length)}, ${kib(body.length)} encrypted).`,
            `Sitting: ${header.sittingName} (${header.sittingId}).`,
            `For centre(s): ${header.centreIds.join(', ')}.`,
            `Not before: ${header.notBefore}. Sealed: ${header.createdAt}. Key id: ${header.keyId}.`,
            `Downtime rule: ${header.downtime ?? 'pause'}.`,
            `Rooms:`,
            ...header.rooms.map((r) => `  ${r.name}  ${r.id}  ${r.candidates} candidate(s)`),
          ].join('\n'),
        };
      }
      case 'room-code': {
        const { code, roomName, opensAt } = await issueRoomCode(
          db,
          null,
          { sittingId: values.sitting!, roomId: values.room![0]! },
          secrets,
        );
        return {
          exitCode: 0,
          output: `${code}\nRoom ${roomName}: read this code out at the start time (${opensAt.toISOString()}), not before.`,
        };
      }
    }
  } catch (error) {
    if (error instanceof AppError) return { exitCode: 1, output: `error ${error.id}: ${error.message}` };
    throw error;
  }
}
