/**
 * `npm run centre -- <command>` (scripts/centre.ts):
 *   seal --sitting <id> --centre <id> [--centre <id>...] [--room <id>...] [--lead-minutes <n>] --out <file>
 *   verify --package <file> [--public-key <base64>]
 *   room-code --sitting <id> --room <id>
 * `verify` checks the signature and header without any key and prints what the package holds; it
 * trusts the central key this engine knows (its own on the central engine, the one it was given on
 * a centre), or the one passed with --public-key. Refusals print their error id and message and
 * exit 1; a wrong command line prints the usage and exits 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { centralPublicKey } from './central-keys.ts';
import { issueRoomCode } from './commands/issue-room-code.ts';
import { sealSittingPackage } from './commands/seal-sitting-package.ts';
import { keyIdOf, publicKeyOf } from './ed25519.ts';
import { readPackageFile, verifyPackageFile, type TrustedSigner } from './package-file.ts';
import { centreIdentity } from './tables.ts';

export const CENTRE_USAGE = `Usage:
  npm run centre -- seal --sitting <id> --centre <id> [--centre <id>...] [--room <id>...] [--lead-minutes <n>] --out <file>
  npm run centre -- verify --package <file> [--public-key <base64 SPKI>]
  npm run centre -- room-code --sitting <id> --room <id>`;

export interface CentreCliOutcome {
  exitCode: number;
  output: string;
}

const OPTIONS = {
  sitting: { type: 'string' },
  centre: { type: 'string', multiple: true },
  room: { type: 'string', multiple: true },
  'lead-minutes': { type: 'string' },
  out: { type: 'string' },
  package: { type: 'string' },
  'public-key': { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
export type CentreCommand =
  | { command: 'seal'; values: Parsed }
  | { command: 'verify'; values: Parsed }
  | { command: 'room-code'; values: Parsed };

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
      return need('sitting', 'centre', 'out') ?? { command, values };
    case 'verify':
      return need('package') ?? { command, values };
    case 'room-code':
      if ((values.room?.length ?? 0) > 1) return usage('room-code takes one --room.');
      return need('sitting', 'room') ?? { command, values };
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
): Promise<CentreCliOutcome> {
  const { values } = parsed;
  try {
    switch (parsed.command) {
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
