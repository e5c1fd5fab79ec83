/**
 * Tables of exam delivery: candidate sessions with their append-only events and responses, and
 * their results. Deadlines live in the database.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sittingCandidates, sittings } from '../sittings/tables.ts';

export const sessionState = pgEnum('session_state', [
  'scheduled',
  'checked_in',
  'in_progress',
  'paused',
  'submitted',
  'scored',
]);

export const candidateSessions = pgTable(
  'candidate_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    sittingCandidateId: uuid()
      .notNull()
      .references(() => sittingCandidates.id),
    sittingId: uuid()
      .notNull()
      .references(() => sittings.id),
    state: sessionState().notNull().default('checked_in'),
    /** Seed of every random choice of this candidate's form (selection, ordering, shuffles, random expressions). */
    seed: integer().notNull(),
    /** The assembled form: item refs in delivery order with their item version ids and choice orders. */
    form: jsonb().notNull(),
    position: integer().notNull().default(0),
    flags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    startedAt: timestamp({ withTimezone: true, precision: 3 }),
    deadlineAt: timestamp({ withTimezone: true, precision: 3 }),
    pausedAt: timestamp({ withTimezone: true, precision: 3 }),
    /** Time left when paused; the deadline is recomputed from it on resume. */
    pausedRemainingMs: integer(),
    extensionSeconds: integer().notNull().default(0),
    submittedAt: timestamp({ withTimezone: true, precision: 3 }),
    submittedBy: text(),
    /**
     * Where the candidate is in the QTI route: time spent per time-limited scope, attempts and closed
     * items (itemSessionControl), items skipped by preconditions or branch rules (see delivery/route-state.ts).
     */
    progress: jsonb().notNull().default({}),
    deviceChangeAllowed: boolean().notNull().default(false),
    terminatedReason: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.sittingCandidateId),
    index().on(t.sittingId, t.state),
    // The deadline sweeper scans only running sessions.
    index('candidate_sessions_due_idx')
      .on(t.deadlineAt)
      .where(sql`state = 'in_progress'`),
  ],
);

/** Every state change and notable action of a session, append-only, with actor and time. */
export const sessionEvents = pgTable(
  'session_events',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => candidateSessions.id),
    type: text().notNull(),
    actorType: text().notNull(),
    actorId: text(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    data: jsonb().notNull().default({}),
  },
  (t) => [index().on(t.sessionId, t.seq)],
);

/** Append-only responses: every version of every answer; the highest client sequence of an item wins. */
export const responses = pgTable(
  'responses',
  {
    sessionId: uuid()
      .notNull()
      .references(() => candidateSessions.id),
    itemRef: text().notNull(),
    clientSeq: integer().notNull(),
    value: jsonb().notNull(),
    clientTime: timestamp({ withTimezone: true, precision: 3 }),
    savedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.itemRef, t.clientSeq] })],
);

export const sessionResults = pgTable(
  'session_results',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => candidateSessions.id),
    /** A re-score after a key correction adds a version; the highest is current. */
    version: integer().notNull(),
    outcomes: jsonb().notNull(),
    rawScore: real().notNull(),
    maxScore: real().notNull(),
    /** Score on the 10-point scale, rounded as the sitting's scale says. */
    scaledScore: real(),
    /** `final`, or `pending` while manual or code grading is outstanding. */
    status: text().notNull(),
    /** The Thông tư 22 rating (Tốt, Khá, Đạt, Chưa đạt) under the sitting's thresholds when scored. */
    rating: text(),
    /** A delivered QTI test: its outcome variables after outcome processing over the final item outcomes, and totals. */
    testOutcomes: jsonb(),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.sessionId, t.version)],
);
