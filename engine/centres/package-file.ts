/**
 * The sealed sitting package as one file:
 *
 *   "EXAMCTR1"  u32 header length  header (JSON)  u32 body length  body  u16 signature length  signature
 *
 * The header is small and readable without the key (what `centre verify` prints). The body is the
 * encrypted sections one after another (each AES-256-GCM: IV, tag, ciphertext), located by the
 * header's section table. The central engine's Ed25519 signature covers every byte before it
 * (header and body), and the header also carries the body's SHA-256, so a changed byte anywhere
 * is found before any key is tried.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { centreErrors } from './centre-errors.ts';
import { signBytes, verifyBytes } from './ed25519.ts';

export const PACKAGE_MAGIC = Buffer.from('EXAMCTR1', 'latin1');
export const PACKAGE_FORMAT = 'exam-centre-package';
export const PACKAGE_VERSION = 1;

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));
const isoTime = z.iso.datetime({ precision: 3 });

export const PackageSection = z.strictObject({
  /** `common`, or `room/<room id>`. */
  name: z.string().min(1).max(100),
  offset: z.number().int().min(0),
  length: z.number().int().min(28),
});

export const PackageRoom = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  candidates: z.number().int().min(0),
  /** The common key and this room's key, wrapped under the key the room's code derives (base64). */
  wrappedKeys: z.base64(),
});

export const PackageHeader = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  packageId: z.uuid(),
  sittingId: z.uuid(),
  sittingName: z.string(),
  /** The centres that may import and open it. */
  centreIds: z.array(z.uuid()).min(1),
  /** No key opens it before this time (the sitting's start, less the key release lead). */
  notBefore: isoTime,
  createdAt: isoTime,
  cipher: z.literal('aes-256-gcm'),
  /** Id of the sitting key (package-keys.ts), never the key. */
  keyId: hex(32),
  /** Id of the central signing key. */
  signingKeyId: hex(32),
  /** SHA-256 of the body. */
  contentSha256: hex(64),
  sections: z.array(PackageSection).min(1),
  rooms: z.array(PackageRoom).min(1),
  /**
   * The exam board's rule for a centre's power loss mid-sitting (signed, readable before the key, so
   * a restarting node applies it before anything else): `pause` stops the candidates' clocks for the
   * downtime, `continue` lets them run. Absent in packages sealed before it was carried: `pause`.
   */
  downtime: z.enum(['pause', 'continue']).optional(),
});
export type PackageHeader = z.output<typeof PackageHeader>;
export type DowntimeRule = NonNullable<PackageHeader['downtime']>;
export const DOWNTIME_RULES = ['pause', 'continue'] as const satisfies readonly DowntimeRule[];

export interface PackageParts {
  header: PackageHeader;
  body: Buffer;
}

/** Writes and signs a package file. */
export function writePackageFile(
  header: Omit<PackageHeader, 'contentSha256'>,
  body: Buffer,
  signingKey: KeyObject,
): Buffer {
  const full: PackageHeader = {
    ...header,
    contentSha256: createHash('sha256').update(body).digest('hex'),
  };
  const headerBytes = Buffer.from(JSON.stringify(PackageHeader.parse(full)), 'utf8');
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const signed = Buffer.concat([PACKAGE_MAGIC, u32(headerBytes.length), headerBytes, u32(body.length), body]);
  const signature = signBytes(signingKey, signed);
  const sigLength = Buffer.alloc(2);
  sigLength.writeUInt16BE(signature.length);
  return Buffer.concat([signed, sigLength, signature]);
}

/** Splits a package file into its parts without trusting any of them (no signature check). */
export function readPackageFile(file: Buffer): PackageParts & { signed: Buffer; signature: Buffer } {
  const malformed = (what: string) => centreErrors.packageTampered('malformed', what);
  if (file.length < PACKAGE_MAGIC.length + 10 || !file.subarray(0, 8).equals(PACKAGE_MAGIC))
    throw malformed('it does not start as a centre package does (wrong or damaged file).');
  const headerLength = file.readUInt32BE(8);
  const bodyAt = 12 + headerLength + 4;
  if (bodyAt > file.length) throw malformed('its header is cut short.');
  const bodyLength = file.readUInt32BE(12 + headerLength);
  const sigAt = bodyAt + bodyLength;
  if (sigAt + 2 > file.length) throw malformed('its content is cut short.');
  const sigLength = file.readUInt16BE(sigAt);
  if (sigAt + 2 + sigLength !== file.length)
    throw malformed('its signature is cut short or has bytes after it.');
  let json: unknown;
  try {
    json = JSON.parse(file.subarray(12, 12 + headerLength).toString('utf8'));
  } catch {
    throw centreErrors.packageTampered('header', 'its header is not readable JSON.');
  }
  const header = PackageHeader.safeParse(json);
  if (!header.success)
    throw centreErrors.packageTampered(
      'header',
      `its header is not valid (${header.error.issues[0]?.path.join('.') || 'header'}: ${header.error.issues[0]?.message}).`,
    );
  return {
    header: header.data,
    body: file.subarray(bodyAt, sigAt),
    signed: file.subarray(0, sigAt),
    signature: file.subarray(sigAt + 2),
  };
}

export interface TrustedSigner {
  keyId: string;
  publicKey: KeyObject;
}

/**
 * Checks a package's integrity and origin: the body against the header's hash, then the central
 * signature over header and body. Throws package_tampered with the reason; returns the parts.
 */
export function verifyPackageFile(file: Buffer, signer: TrustedSigner): PackageParts {
  const parts = readPackageFile(file);
  const { header, body } = parts;
  if (createHash('sha256').update(body).digest('hex') !== header.contentSha256)
    throw centreErrors.packageTampered('content_hash', 'its content does not match the hash in its header.');
  if (header.signingKeyId !== signer.keyId)
    throw centreErrors.packageTampered(
      'signer',
      `it names signing key ${header.signingKeyId}, not the central engine's key ${signer.keyId}.`,
    );
  if (!verifyBytes(signer.publicKey, parts.signed, parts.signature))
    throw centreErrors.packageTampered('signature', "the central engine's signature does not verify.");
  for (const section of header.sections)
    if (section.offset + section.length > body.length)
      throw centreErrors.packageTampered('header', `section ${section.name} lies outside the content.`);
  return { header, body };
}
