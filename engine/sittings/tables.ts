/**
 * Tables of scheduling: sittings with their rooms, the proctors and markers assigned to them, and
 * the candidates enrolled in a room (số báo danh, accommodations).
 */
import {
  boolean,
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
import { organisations, students, users } from '../people/tables.ts';

export const sessionState = pgEnum('session_state', [
  'scheduled',
  'checked_in',
  'in_progress',
  'paused',
  'submitted',
  'scored',
]);

export const sittings = pgTable(
  'sittings',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    subject: text(),
    /** The delivered form definition: sections of item version ids with navigation rules (see delivery/form.ts). */
    formSpec: jsonb().notNull(),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    durationSeconds: integer().notNull(),
    /** Candidates may not start later than this many seconds after opening; null = until closing. */
    lateStartSeconds: integer(),
    /** Seconds after the deadline in which saves are still accepted (network latency), then auto-submit. */
    graceSeconds: integer().notNull().default(10),
    securityPolicy: jsonb().notNull().default({}),
    /** When candidates may read their results: `immediately`, `after_close` or `after_review` (once released). */
    releasePolicy: text().notNull().default('after_review'),
    /** Set when the exam board releases the results of an `after_review` sitting. */
    resultsReleasedAt: timestamp({ withTimezone: true }),
    /** Thông tư 22 rating thresholds on the 10-point scale ({ tot, kha, dat }); null = 8, 6.5, 5. */
    ratingThresholds: jsonb(),
    /** Item-analysis flag thresholds ({ minP, maxP, minPointBiserial, minUpperLower }, any subset); null = the defaults. */
    flagThresholds: jsonb(),
    /** `school` rounds the 10-point score to one decimal, `exam_board` to two. */
    scale: text().notNull().default('school'),
    /**
     * A practice sitting: what candidates score is feedback, not a grade. It may carry code tasks whose
     * verdicts the submission's own code could decide (engine/sittings/code-task-trust.ts), which a graded
     * sitting refuses.
     */
    practice: boolean().notNull().default(false),
    cancelledAt: timestamp({ withTimezone: true }),
    /** Optional sitting-wide access code (longer than room codes); seats a candidate in their enrolled room. */
    accessCode: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId), index().on(t.opensAt), uniqueIndex().on(t.accessCode)],
);

export const sittingRooms = pgTable(
  'sitting_rooms',
  {
    id: uuid().primaryKey().defaultRandom(),
    sittingId: uuid()
      .notNull()
      .references(() => sittings.id),
    name: text().notNull(),
    /** Access code read out in the room; stored as given (it is shown to proctors), compared in constant time. */
    accessCode: text().notNull(),
  },
  (t) => [uniqueIndex().on(t.sittingId, t.name), uniqueIndex().on(t.sittingId, t.accessCode)],
);

export const roomProctors = pgTable(
  'room_proctors',
  {
    roomId: uuid()
      .notNull()
      .references(() => sittingRooms.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] })],
);

/** `marker` gives first and second marks; `moderator` also decides between two marks too far apart. */
export const sittingMarkerRole = pgEnum('sitting_marker_role', ['marker', 'moderator']);

/**
 * The marking team an exam board assigned to a sitting. A sitting with no rows here is marked by any
 * marker whose scope covers it; once it has rows, only these users mark it (engine/policies/marking-team.ts).
 */
export const sittingMarkers = pgTable(
  'sitting_markers',
  {
    sittingId: uuid()
      .notNull()
      .references(() => sittings.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: sittingMarkerRole().notNull(),
    assignedBy: uuid()
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The marking list looks sittings up by marker.
  (t) => [primaryKey({ columns: [t.sittingId, t.userId] }), index().on(t.userId)],
);

export const sittingCandidates = pgTable(
  'sitting_candidates',
  {
    id: uuid().primaryKey().defaultRandom(),
    sittingId: uuid()
      .notNull()
      .references(() => sittings.id),
    studentId: uuid()
      .notNull()
      .references(() => students.id),
    roomId: uuid()
      .notNull()
      .references(() => sittingRooms.id),
    /** Số báo danh. */
    candidateNumber: text().notNull(),
    extraTimePercent: integer().notNull().default(0),
    separateRoom: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.sittingId, t.studentId),
    uniqueIndex().on(t.sittingId, t.candidateNumber),
    index().on(t.roomId),
  ],
);
