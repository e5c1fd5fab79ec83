/**
 * The centre's result log: every acknowledged save, event and submit, one hash chain per centre and
 * sitting. An entry's hash is the SHA-256 of its canonical JSON (RFC 8785), previous hash included,
 * so changing, inserting or removing an entry breaks the chain; the centre signs each hash with its
 * Ed25519 key, so nobody without that key (another centre included) can write a valid entry.
 */
import { createHash, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { signBytes, verifyBytes } from './ed25519.ts';

export const LOG_GENESIS_HASH = '0'.repeat(64);
const HASH_DOMAIN = 'exam-centre-log/v1\n';
const SIGNATURE_DOMAIN = Buffer.from('exam-centre-log/v1 signature\n', 'utf8');

export const LOG_KINDS = ['save', 'event', 'submit'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits');

/** The signed content of an entry. */
export const LogEntryContent = z.strictObject({
  seq: z.number().int().positive(),
  prevHash: hex64,
  kind: z.enum(LOG_KINDS),
  /** What was acknowledged: a save (session, item, client sequence, value), an event, a submit. */
  payload: z.record(z.string(), z.json()),
  centreId: z.uuid(),
  sittingId: z.uuid(),
  /** Centre time, ISO 8601 with milliseconds, UTC. */
  at: z.iso.datetime({ precision: 3 }),
});
export type LogEntryContent = z.output<typeof LogEntryContent>;

/** An entry as it travels (sync, USB export) and is stored. */
export const LogEntry = LogEntryContent.extend({
  hash: hex64,
  /** Ed25519 signature of the centre over the hash, base64. */
  signature: z.base64(),
});
export type LogEntry = z.output<typeof LogEntry>;

export function hashLogEntry(content: LogEntryContent): string {
  const { seq, prevHash, kind, payload, centreId, sittingId, at } = content;
  const canonical = canonicalize({ seq, prevHash, kind, payload, centreId, sittingId, at })!;
  return createHash('sha256').update(HASH_DOMAIN).update(canonical).digest('hex');
}

const signedBytes = (hash: string) => Buffer.concat([SIGNATURE_DOMAIN, Buffer.from(hash, 'hex')]);

/** Hashes and signs an entry's content. */
export function signLogEntry(content: LogEntryContent, centreKey: KeyObject): LogEntry {
  const hash = hashLogEntry(content);
  return { ...content, hash, signature: signBytes(centreKey, signedBytes(hash)).toString('base64') };
}

export const logSignatureValid = (entry: LogEntry, centrePublicKey: KeyObject) =>
  verifyBytes(centrePublicKey, signedBytes(entry.hash), Buffer.from(entry.signature, 'base64'));

/** The next entry of a chain whose last entry is `head` (none: the chain starts). */
export function nextLogEntry(
  head: { seq: number; hash: string } | undefined,
  entry: Pick<LogEntryContent, 'kind' | 'payload' | 'centreId' | 'sittingId'> & { at?: Date },
  centreKey: KeyObject,
): LogEntry {
  return signLogEntry(
    {
      seq: (head?.seq ?? 0) + 1,
      prevHash: head?.hash ?? LOG_GENESIS_HASH,
      kind: entry.kind,
      payload: entry.payload,
      centreId: entry.centreId,
      sittingId: entry.sittingId,
      at: (entry.at ?? new Date()).toISOString(),
    },
    centreKey,
  );
}
