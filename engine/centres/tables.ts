/**
 * Tables of test centres (issue 22). On the central engine: the centres registered with their
 * Ed25519 public keys, the central package-signing key pair, each sitting's package key (sealed at
 * rest), the packages sealed and the keys released. On a centre node: its own identity and the
 * packages it holds, still sealed. On both: the signed, hash-chained result log, one chain per
 * centre and sitting (appended on the centre, imported exactly once centrally).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../people/tables.ts';
import { bytea } from '../platform/db/columns.ts';
import { sittings } from '../sittings/tables.ts';

/** A test centre known to the central engine, with the public key its result logs are signed with. */
export const centres = pgTable(
  'centres',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The organisation that runs the centre (a school); exam boards above it manage it. */
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    /** The centre's Ed25519 public key (SPKI DER, base64), made on the centre at registration. */
    publicKey: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organisationId, t.name), uniqueIndex().on(t.publicKey)],
);

/**
 * The central engine's package-signing key pair, created on first use. The private key is sealed
 * (AES-256-GCM) under a key derived from AUDIT_KEY, which the database never holds.
 */
export const centralSigningKeys = pgTable(
  'central_signing_keys',
  {
    /** First 32 hex digits of the SHA-256 of the public key (SPKI DER). */
    id: text().primaryKey(),
    /** The key new packages are signed with (one at a time); retired keys stay to verify old packages. */
    active: boolean().notNull().default(true),
    publicKey: text().notNull(),
    sealedPrivateKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('central_signing_keys_one_active_idx')
      .on(t.active)
      .where(sql`active`),
  ],
);

/** A sitting's package key (random, 256 bits), sealed at rest; released to centres at the start time. */
export const centreSittingKeys = pgTable('centre_sitting_keys', {
  sittingId: uuid()
    .primaryKey()
    .references(() => sittings.id),
  /** Derived from the key (HKDF), so a package and a released key can be matched without the key. */
  keyId: text().notNull(),
  sealedKey: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Every package sealed centrally: what it holds and for whom (the file itself is not kept). */
export const centrePackages = pgTable(
  'centre_packages',
  {
    id: uuid().primaryKey(),
    sittingId: uuid()
      .notNull()
      .references(() => sittings.id),
    centreIds: uuid().array().notNull(),
    roomIds: uuid().array().notNull(),
    keyId: text().notNull(),
    signingKeyId: text().notNull(),
    notBefore: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    contentSha256: text().notNull(),
    byteLength: integer().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.sittingId)],
);

/** Each release of a sitting key to a centre: online (the whole key) or a room code read out. */
export const centreKeyReleases = pgTable(
  'centre_key_releases',
  {
    id: uuid().primaryKey().defaultRandom(),
    sittingId: uuid()
      .notNull()
      .references(() => sittings.id),
    centreId: uuid().references(() => centres.id),
    /** Set for a room code: the room it opens. */
    roomId: uuid(),
    /** `online` or `room_code`. */
    how: text().notNull(),
    releasedBy: uuid().references(() => users.id),
    releasedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.sittingId)],
);

/** On a centre node (one row): its centre id, its key pair (private key sealed) and the central public key. */
export const centreIdentity = pgTable('centre_identity', {
  centreId: uuid().primaryKey(),
  centralUrl: text(),
  centralKeyId: text().notNull(),
  centralPublicKey: text().notNull(),
  publicKey: text().notNull(),
  sealedPrivateKey: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** On a centre node: packages imported (verified, still sealed) and when they were opened. */
export const centreHeldPackages = pgTable(
  'centre_held_packages',
  {
    packageId: uuid().primaryKey(),
    /** The sitting lives centrally: no foreign key. */
    sittingId: uuid().notNull(),
    header: jsonb().notNull(),
    file: bytea().notNull(),
    /** Key material released to this centre (sitting key or room keys), sealed at rest, for a restart. */
    releasedKeys: jsonb(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.sittingId)],
);

export const resultLogKind = pgEnum('result_log_kind', ['save', 'event', 'submit']);

/**
 * The signed, hash-chained result log, one chain per (centre, sitting). Appended on the centre;
 * imported centrally after verification, each entry exactly once. Append-only (trigger).
 */
export const resultLogEntries = pgTable(
  'result_log_entries',
  {
    /** No foreign keys: a centre node holds neither the centres nor the sittings tables' rows. */
    centreId: uuid().notNull(),
    sittingId: uuid().notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    prevHash: text().notNull(),
    /** SHA-256 of the entry's canonical JSON (with prevHash): what the signature signs. */
    hash: text().notNull(),
    kind: resultLogKind().notNull(),
    payload: jsonb().notNull(),
    /** Centre time of the entry. */
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** Ed25519 signature of the centre over the hash (base64). */
    signature: text().notNull(),
    storedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.sittingId, t.seq] }),
    check('result_log_hash_hex', sql`length(${t.hash}) = 64 and length(${t.prevHash}) = 64`),
    check('result_log_seq_positive', sql`${t.seq} > 0`),
  ],
);

/**
 * Central: imported log entries not applied yet because their session had no `session_open` before
 * them (a node that lost the open, as one could before the open shared the first save's
 * transaction). The batch is accepted all the same, so the rest of the log is never blocked; the
 * entry waits here with its reason and is applied when the session's open arrives (the central
 * engine names the sessions it waits for in each sync answer, and the node logs their open again).
 */
export const deferredLogEntries = pgTable(
  'centre_deferred_log_entries',
  {
    centreId: uuid().notNull(),
    sittingId: uuid().notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    sessionId: uuid().notNull(),
    /** Why the entry waits (`session_not_opened`). */
    reason: text().notNull(),
    deferredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the session's open arrived and the entry was applied. */
    appliedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.sittingId, t.seq] }),
    index().on(t.centreId, t.sittingId, t.sessionId),
  ],
);
