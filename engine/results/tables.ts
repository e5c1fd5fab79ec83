/**
 * The results' outbox: one row per finalised result, written in the same transaction that
 * finalises it (scoring owns the table it publishes to); `records/` delivers the rows to the
 * city's e-records service.
 */
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const erecordsOutbox = pgTable(
  'erecords_outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** Deliveries of one student are made in order. */
    studentId: uuid().notNull(),
    sessionId: uuid().notNull(),
    resultVersion: integer().notNull(),
    /** Sent as the Idempotency-Key header: the receiver stores each key once. */
    idempotencyKey: text().notNull(),
    payload: jsonb().notNull(),
    /**
     * pending, delivered or dead (gave up after the configured number of tries). A dead row keeps
     * the same student's later rows waiting (blocked) until it is replayed and delivered.
     */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastError: text(),
    /**
     * A deliverer that claimed the row holds it until then (several engine processes deliver
     * from one outbox); after that lease, another may take it over.
     */
    claimedUntil: timestamp({ withTimezone: true, precision: 3 }),
    /** Which claim holds the row, so a deliverer whose lease ran out cannot overwrite the next one. */
    claimToken: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex().on(t.idempotencyKey),
    index().on(t.status, t.nextAttemptAt),
    index().on(t.studentId, t.id),
  ],
);
