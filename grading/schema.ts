/**
 * Tables of grading: rubrics, teacher-marking settings per sitting item, and marks. Sessions,
 * sittings and users belong to the engine, which grading does not import, so their ids are plain
 * uuid columns here (as the e-records outbox does).
 */
import {
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';

/** A rubric: criteria, each with levels worth points ({ criteria: [{ id, name, levels: [{ label, points }] }] }). */
export const rubrics = pgTable(
  'rubrics',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid().notNull(),
    name: text().notNull(),
    criteria: jsonb().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId)],
);

/** How one item of a sitting is marked by teachers. */
export const markingConfigs = pgTable(
  'marking_configs',
  {
    sittingId: uuid().notNull(),
    itemRef: text().notNull(),
    rubricId: uuid().references(() => rubrics.id),
    /** Candidate identity hidden from markers. */
    anonymous: boolean().notNull().default(true),
    doubleMarking: boolean().notNull().default(false),
    /** Two marks further apart than this (in points) go to a moderator. */
    discrepancyThreshold: real().notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.sittingId, t.itemRef] })],
);

/** One marker's mark of one response; append-only (a correction is a new moderator mark). */
export const marks = pgTable(
  'marks',
  {
    id: uuid().primaryKey().defaultRandom(),
    sittingId: uuid().notNull(),
    sessionId: uuid().notNull(),
    itemRef: text().notNull(),
    markerId: uuid().notNull(),
    /** `first`, `second` (double marking) or `moderator`. */
    role: text().notNull(),
    score: real().notNull(),
    /** Level chosen per rubric criterion id. */
    levels: jsonb().$type<Record<string, number>>().notNull().default({}),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.sessionId, t.itemRef, t.role), index().on(t.sittingId, t.itemRef)],
);

export type Rubric = typeof rubrics.$inferSelect;
export type MarkRow = typeof marks.$inferSelect;
