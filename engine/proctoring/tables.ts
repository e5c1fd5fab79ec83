/**
 * Tables of proctoring pictures, the only pictures the engine keeps: the roster photo of a sitting candidate
 * (sent for the on-device identity check to that candidate's own session only) and the small JPEG an incident may
 * carry where the sitting allows it, deleted when it expires.
 */
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../platform/db/columns.ts';
import { candidateSessions } from '../delivery/tables.ts';
import { sittingCandidates } from '../sittings/tables.ts';
import { users } from '../people/tables.ts';

/** One roster photo per sitting candidate (JPEG or PNG, validated on upload). */
export const rosterPhotos = pgTable('roster_photos', {
  sittingCandidateId: uuid()
    .primaryKey()
    .references(() => sittingCandidates.id, { onDelete: 'cascade' }),
  contentType: text().notNull(),
  data: bytea().notNull(),
  sha256: text().notNull(),
  width: integer().notNull(),
  height: integer().notNull(),
  uploadedBy: uuid().references(() => users.id),
  uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A snapshot the device took when it reported an incident-worthy event. `incidentSeq` (the incident's
 * session_events seq) is set once the rules raise the incident; snapshots no incident claims are deleted soon.
 */
export const incidentSnapshots = pgTable(
  'incident_snapshots',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => candidateSessions.id, { onDelete: 'cascade' }),
    incidentSeq: bigint({ mode: 'number' }),
    /** Device time of the frame (epoch ms). */
    takenAt: bigint({ mode: 'number' }).notNull(),
    contentType: text().notNull(),
    data: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.sessionId), index().on(t.expiresAt), uniqueIndex().on(t.incidentSeq)],
);
