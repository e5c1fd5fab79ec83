/**
 * Tables owned by the engine: organisations, staff users and sessions, classes, students,
 * and the hash-chained audit log. Column keys are camelCase; the database sees snake_case
 * through drizzle's `casing` setting.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from '../platform/db/columns.ts';

export const organisationKind = pgEnum('organisation_kind', ['department', 'district_office', 'school']);
export const staffRole = pgEnum('staff_role', ['admin', 'exam_board', 'teacher', 'proctor']);
export const gender = pgEnum('gender', ['male', 'female', 'other']);

/** Sở -> Phòng -> Trường. `path` lists ancestor ids and the row's own id: `/dept/office/school/`. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: organisationKind().notNull(),
    name: text().notNull(),
    /** Ministry or department code of the unit, unique when given. */
    code: text(),
    parentId: uuid().references((): never => organisations.id as never),
    path: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.code),
    index().using('btree', t.path.op('text_pattern_ops')),
    index().on(t.parentId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    fullName: text().notNull(),
    email: text(),
    role: staffRole().notNull(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    passwordHash: text().notNull(),
    disabled: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_lower_idx').on(sql`lower(${t.username})`),
    index().on(t.organisationId),
  ],
);

/** Refresh tokens are stored only as SHA-256 hashes; each use rotates the token within its family. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.familyId)],
);

export const classes = pgTable(
  'classes',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    /** Grade 1-12. */
    grade: text().notNull(),
    /** School year such as 2026-2027. */
    schoolYear: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.schoolId, t.schoolYear, t.name)],
);

export const students = pgTable(
  'students',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Mã định danh: the national 12-digit personal identifier. */
    nationalId: text().notNull(),
    fullName: text().notNull(),
    dateOfBirth: date({ mode: 'string' }).notNull(),
    gender: gender(),
    schoolId: uuid()
      .notNull()
      .references(() => organisations.id),
    classId: uuid().references(() => classes.id),
    photoSha256: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.nationalId), index().on(t.schoolId), index().on(t.classId)],
);

/** Student photos for identity checks, addressed by content hash. */
export const studentPhotos = pgTable('student_photos', {
  sha256: text().primaryKey(),
  contentType: text().notNull(),
  data: bytea().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Append-only audit log. Each row's hash covers its content and the previous row's hash,
 * so a changed, inserted or deleted row breaks the chain. A trigger refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid(),
    actorRole: text(),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    organisationId: uuid(),
    ip: text(),
    details: jsonb().notNull().default({}),
    prevHash: text().notNull(),
    hash: text().notNull(),
    /**
     * How `hash` was made: 1 = SHA-256 (rows written before issue 26, verifiable by anyone, so
     * rewritable), 2 = HMAC-SHA256 under the audit key the database does not hold.
     */
    chainVersion: smallint().notNull().default(1),
  },
  (t) => [
    index().on(t.subjectType, t.subjectId),
    index().on(t.organisationId),
    check('hash_hex', sql`length(${t.hash}) = 64`),
  ],
);
