/**
 * Tables of the item bank: banks owned by organisations, items with immutable versions,
 * review history, and media stored once by content hash. Organisation ids refer to the
 * engine's organisations table by value; the foreign keys are added in the migration
 * (item-bank imports no other folder).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const itemStatus = pgEnum('item_status', ['draft', 'in_review', 'published', 'retired']);
export const cognitiveLevel = pgEnum('cognitive_level', [
  'nhan_biet',
  'thong_hieu',
  'van_dung',
  'van_dung_cao',
]);

export const itemBanks = pgTable(
  'item_banks',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text(),
    /** The subject the bank is for (e.g. "Toán"), given when a teacher creates it; new items start with it. */
    subject: text(),
    /** The owning organisation; the bank is shared with everything below it. */
    organisationId: uuid().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.organisationId, t.name)],
);

/**
 * A bank shared by its owner with another organisation (a sister school, the district office): staff of
 * that organisation and everything below it may read the bank, and write it when `writable`. Withdrawing
 * the share deletes the row (the audit log keeps both). The organisation id is a value here; its foreign
 * key is added in the migration.
 */
export const itemBankShares = pgTable(
  'item_bank_shares',
  {
    id: uuid().primaryKey().defaultRandom(),
    bankId: uuid()
      .notNull()
      .references(() => itemBanks.id),
    organisationId: uuid().notNull(),
    writable: boolean().notNull().default(false),
    sharedBy: uuid(),
    sharedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.bankId, t.organisationId), index().on(t.organisationId)],
);

export const items = pgTable(
  'items',
  {
    id: uuid().primaryKey().defaultRandom(),
    bankId: uuid()
      .notNull()
      .references(() => itemBanks.id),
    /** The QTI identifier, unique within a bank. */
    identifier: text().notNull(),
    title: text().notNull(),
    status: itemStatus().notNull().default('draft'),
    currentVersion: integer().notNull(),
    subject: text(),
    grade: smallint(),
    topic: text(),
    competencies: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    cognitiveLevel: cognitiveLevel(),
    /** Free keywords (Moodle's question tags, GIFT's [tag:...]). */
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    language: text().notNull().default('vi'),
    estimatedSeconds: integer(),
    /** Classical difficulty (facility p, 0..1) from past sittings. */
    difficulty: real(),
    irtModel: text(),
    irtA: real(),
    irtB: real(),
    irtC: real(),
    irtSampleSize: integer(),
    irtCalibratedAt: timestamp({ withTimezone: true }),
    interactionTypes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Folded (diacritics-free) text of the current version, for search. */
    searchText: text().notNull().default(''),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    statusChangedBy: uuid(),
    statusChangedAt: timestamp({ withTimezone: true }),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.bankId, t.identifier),
    index().on(t.bankId, t.status),
    index().on(t.subject, t.grade),
    index('items_search_idx').using('gin', t.searchVector),
  ],
);

/** One immutable version of an item. An edit adds a version; a delivered version is never changed. */
export const itemVersions = pgTable(
  'item_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => items.id),
    version: integer().notNull(),
    /** The QTI version of the source this version was imported from, or "authoring". */
    sourceFormat: text().notNull(),
    sourceFile: text(),
    /** Canonical QTI 3.0 XML of this version. */
    qtiXml: text().notNull(),
    /** The parsed item model (server-side: holds keys and processing). */
    model: jsonb().notNull(),
    contentSha256: text().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when a sitting first delivers this version; from then on the version is frozen by contract. */
    firstDeliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.itemId, t.version), index().on(t.contentSha256)],
);

/**
 * Calibrated IRT parameters of an item, versioned apart from its content: each calibration adds a
 * row (version 1, 2, ...) and changes neither the item's versions nor its QTI. `parameters` is the
 * CAT pool's item model (D = 1 logistic metric): { model: 2pl|3pl|gpcm|grm, a, b (number or
 * thresholds), c? }; `linking` says how the scale was reached (fixed anchors, mean/sigma with A
 * and B, Stocking–Lord, or none: the calibration sample's own N(0, 1)).
 */
export const itemParameterVersions = pgTable(
  'item_parameter_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => items.id),
    version: integer().notNull(),
    /** The content version most of the calibration's responses were given to. */
    itemVersionId: uuid().references(() => itemVersions.id),
    /** The calibration model: rasch, 1pl, 2pl, 3pl, gpcm or grm. */
    model: text().notNull(),
    parameters: jsonb().notNull(),
    sampleSize: integer().notNull(),
    /** Fit statistics (infit, outfit, x2, df, p) and the reviewer flags of the calibration. */
    fit: jsonb(),
    flags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    linking: jsonb(),
    /** Where the responses came from: `database` (stored sittings) or `file:<name>`. */
    source: text().notNull(),
    calibratedBy: uuid(),
    calibratedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.itemId, t.version)],
);

export const itemStatusEvents = pgTable(
  'item_status_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => items.id),
    fromStatus: itemStatus(),
    toStatus: itemStatus().notNull(),
    actorId: uuid(),
    comment: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.itemId, t.at)],
);

export const media = pgTable('media', {
  sha256: text().primaryKey(),
  contentType: text().notNull(),
  byteLength: integer().notNull(),
  data: bytea().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Which media a version refers to, under the path the item uses. */
export const itemVersionMedia = pgTable(
  'item_version_media',
  {
    versionId: uuid()
      .notNull()
      .references(() => itemVersions.id),
    href: text().notNull(),
    sha256: text()
      .notNull()
      .references(() => media.sha256),
  },
  (t) => [uniqueIndex().on(t.versionId, t.href), index().on(t.sha256)],
);

/** Assessment tests of a bank, versioned like items. */
export const assessmentTests = pgTable(
  'assessment_tests',
  {
    id: uuid().primaryKey().defaultRandom(),
    bankId: uuid()
      .notNull()
      .references(() => itemBanks.id),
    identifier: text().notNull(),
    title: text().notNull(),
    currentVersion: integer().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.bankId, t.identifier)],
);

export const assessmentTestVersions = pgTable(
  'assessment_test_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    testId: uuid()
      .notNull()
      .references(() => assessmentTests.id),
    version: integer().notNull(),
    sourceFormat: text().notNull(),
    qtiXml: text().notNull(),
    model: jsonb().notNull(),
    /** itemRef identifier -> item version id, resolved at import. */
    itemVersionIds: jsonb().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.testId, t.version)],
);
