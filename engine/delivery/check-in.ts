/**
 * Candidate check-in: access code of the room (or the sitting-wide code, which seats the candidate
 * in their enrolled room) plus candidate number (số báo danh) and date of birth. A candidate with a
 * separate-room accommodation checks in only with that room's code. Indexed lookups and constant-time comparisons only (no password hashing: a check-in
 * storm of thousands a minute must stay cheap). Creates the session and its form on first check-in.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { CheckInRequest } from '../protocol/candidate.ts';
import { parseVietnameseDate } from '../people/roster/roster-row.ts';
import { classes, organisations, students } from '../people/tables.ts';
import { deliveryErrors } from './delivery-errors.ts';
import { sittingFormSpec } from './form-spec-cache.ts';
import { openSession } from './open-session.ts';
import { separateRoomCodeRequired, SITTING_CODE_LENGTH } from '../sittings/sitting-access-code.ts';
import { assembleCandidateForm, seatInRoom } from '../sittings/parallel-forms.ts';
import { sittingCandidates, sittingRooms, sittings } from '../sittings/tables.ts';

/** Check-in opens this long before the sitting, so candidates can read the instructions. */
export const CHECK_IN_LEAD_MS = 60 * 60 * 1000;

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export interface CheckInResult {
  sessionId: string;
  tokenExpiresAt: Date;
  candidate: {
    fullName: string;
    candidateNumber: string;
    dateOfBirth: string;
    className: string | null;
    schoolName: string;
  };
  sitting: {
    id: string;
    name: string;
    opensAt: Date;
    closesAt: Date;
    durationSeconds: number;
    itemCount: number;
    /** A practice sitting (sittings.practice): the candidate is told the score counts for no grade. */
    practice: boolean;
  };
}

/** Called with the sitting before a session is created or resumed; throws to refuse (Safe Exam Browser checks). */
export type SittingGate = (sitting: Omit<typeof sittings.$inferSelect, 'formSpec'>) => void;

/** The sitting without its form spec (tens of kilobytes with an adaptive pool): `sittingFormSpec` keeps it parsed. */
const { formSpec: _formSpec, ...sittingColumns } = getTableColumns(sittings);

function lookupQuery(db: Database) {
  return db
    .select({
      candidate: sittingCandidates,
      room: sittingRooms,
      sitting: sittingColumns,
      student: { fullName: students.fullName, dateOfBirth: students.dateOfBirth },
      className: classes.name,
      schoolName: organisations.name,
    })
    .from(sittingCandidates)
    .innerJoin(sittingRooms, eq(sittingRooms.id, sittingCandidates.roomId))
    .innerJoin(sittings, eq(sittings.id, sittingCandidates.sittingId))
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .leftJoin(classes, eq(classes.id, students.classId));
}

function prepareLookups(db: Database) {
  // Case-insensitive ("p010001" finds P010001); the access code narrows the rows to one room or sitting first.
  const candidateNumber = sql`upper(${sittingCandidates.candidateNumber}) = ${sql.placeholder('candidateNumber')}`;
  return {
    byRoomCode: lookupQuery(db)
      .where(and(eq(sittingRooms.accessCode, sql.placeholder('accessCode')), candidateNumber))
      .prepare('check_in_lookup'),
    // Sitting codes are longer than room codes, so one code never means both.
    bySittingCode: lookupQuery(db)
      .where(and(eq(sittings.accessCode, sql.placeholder('accessCode')), candidateNumber))
      .prepare('check_in_lookup_sitting_code'),
  };
}

/** Prepared once per database: a check-in storm should not rebuild the same SQL thousands of times. */
const lookups = new WeakMap<Database, ReturnType<typeof prepareLookups>>();

export async function checkIn(
  db: Database,
  request: CheckInRequest,
  gate?: SittingGate,
  now = new Date(),
): Promise<CheckInResult> {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookups(db)));
  const wanted = {
    accessCode: request.accessCode.toUpperCase(),
    candidateNumber: request.candidateNumber.toUpperCase(),
  };
  let [found] = await lookup.byRoomCode.execute(wanted);
  const withSittingCode = !found && wanted.accessCode.length === SITTING_CODE_LENGTH;
  if (withSittingCode) [found] = await lookup.bySittingCode.execute(wanted);
  const dob = parseVietnameseDate(request.dateOfBirth);
  if (!found || !dob || !sameText(found.student.dateOfBirth, dob)) throw deliveryErrors.badCredentials();
  // Told only after the date of birth matched, so it reveals nothing to someone guessing numbers.
  if (withSittingCode && found.candidate.separateRoom) throw separateRoomCodeRequired(found.room.name);

  const { sitting } = found;
  if (sitting.cancelledAt) throw deliveryErrors.sittingCancelled();
  gate?.(sitting);
  if (now.getTime() < sitting.opensAt.getTime() - CHECK_IN_LEAD_MS)
    throw deliveryErrors.sittingNotOpen(sitting.opensAt);

  const seed = randomInt(0, 2 ** 31 - 1);
  const spec = await sittingFormSpec(db, sitting.id);
  // Only a sitting of parallel forms needs the seat (one indexed count); a resume keeps its stored form.
  const seat = spec.parallelForms ? await seatInRoom(db, found.candidate) : 0;
  const form = assembleCandidateForm(spec, seed, seat);
  const session = await openSession(db, {
    sittingCandidateId: found.candidate.id,
    sittingId: sitting.id,
    seed,
    form,
    mayCreate: now <= sitting.closesAt,
  });
  return {
    sessionId: session.id,
    tokenExpiresAt: new Date(sitting.closesAt.getTime() + 6 * 3600 * 1000),
    candidate: {
      fullName: found.student.fullName,
      candidateNumber: found.candidate.candidateNumber,
      dateOfBirth: found.student.dateOfBirth,
      className: found.className,
      schoolName: found.schoolName,
    },
    sitting: {
      id: sitting.id,
      name: sitting.name,
      opensAt: sitting.opensAt,
      closesAt: sitting.closesAt,
      durationSeconds: sitting.durationSeconds,
      itemCount: session.itemCount,
      practice: sitting.practice,
    },
  };
}
