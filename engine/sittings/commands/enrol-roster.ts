/**
 * Enrols a sitting roster: every row is checked first (student, room, candidate number,
 * accommodations), then all rows are written in one transaction or none are, with every bad row
 * reported by its line in the file.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { foldVietnamese } from '../../../item-bank/index.ts';
import { appendAudit } from '../../people/audit-log.ts';
import type { StaffActor } from '../../people/actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { candidateNumber } from '../access-codes.ts';
import { errors } from '../../platform/errors.ts';
import {
  issueFromZod,
  rowProblem,
  type DescribedIssue,
  type RowProblem,
} from '../enrolment/enrolment-issue.ts';
import { EnrolmentRow } from '../enrolment/enrolment-row.ts';
import type { RawEnrolmentRow } from '../enrolment/read-enrolment-file.ts';
import { organisations, students } from '../../people/tables.ts';
import { sittingCandidates, sittingRooms } from '../tables.ts';

export const MAX_ROSTER_ROWS = 5000;

export interface EnrolRosterProps {
  db: Database;
  actor: StaffActor;
  sittingId: string;
  /** The sitting's organisation: students must belong to its subtree. */
  sittingOrg: { id: string; path: string };
  rows: RawEnrolmentRow[];
  ip?: string;
  /** Check everything and report what would happen, writing nothing. */
  dryRun?: boolean;
}

export async function enrolRoster(props: EnrolRosterProps) {
  const { db, actor, sittingId, sittingOrg, rows } = props;
  if (rows.length === 0)
    throw errors.validation('The roster has no candidate rows.', {
      rows: [],
      code: 'no_candidate_rows',
      params: {},
    });
  if (rows.length > MAX_ROSTER_ROWS)
    throw errors.validation(`A sitting roster may hold at most ${MAX_ROSTER_ROWS} rows.`, {
      rows: [],
      code: 'too_many_rows',
      params: { max: MAX_ROSTER_ROWS },
    });

  const problems: RowProblem[] = [];
  const parsed: Array<{ line: number; row: EnrolmentRow }> = [];
  for (const raw of rows) {
    const result = EnrolmentRow.safeParse(raw.values);
    if (result.success) parsed.push({ line: raw.line, row: result.data });
    else
      problems.push(
        rowProblem(
          raw.line,
          result.error.issues.map((issue) => issueFromZod(issue, raw.values)),
        ),
      );
  }

  return db.transaction(async (tx) => {
    const rooms = await tx
      .select({ id: sittingRooms.id, name: sittingRooms.name })
      .from(sittingRooms)
      .where(eq(sittingRooms.sittingId, sittingId))
      .orderBy(asc(sittingRooms.name));
    const roomByName = new Map(rooms.map((r) => [foldVietnamese(r.name), r]));
    const enrolled = await tx
      .select({
        studentId: sittingCandidates.studentId,
        candidateNumber: sittingCandidates.candidateNumber,
        roomId: sittingCandidates.roomId,
        separateRoom: sittingCandidates.separateRoom,
      })
      .from(sittingCandidates)
      .where(eq(sittingCandidates.sittingId, sittingId));
    const found = parsed.length
      ? await tx
          .select({ id: students.id, nationalId: students.nationalId, path: organisations.path })
          .from(students)
          .innerJoin(organisations, eq(organisations.id, students.schoolId))
          .where(
            inArray(
              students.nationalId,
              parsed.map((p) => p.row.nationalId),
            ),
          )
      : [];
    const studentByNationalId = new Map(found.map((s) => [s.nationalId, s]));
    const enrolledStudents = new Map(enrolled.map((e) => [e.studentId, e.candidateNumber]));
    /** Where each candidate number is used: `undefined` for a candidate already in the sitting, else the line. */
    const usedNumbers = new Map<string, number | undefined>(
      enrolled.map((e) => [e.candidateNumber, undefined]),
    );
    /** Whether each room seats separate-room candidates (from those enrolled, then the file's first row for it). */
    const roomSeparation = new Map<string, { separate: boolean; line?: number }>();
    for (const e of enrolled)
      if (!roomSeparation.has(e.roomId)) roomSeparation.set(e.roomId, { separate: e.separateRoom });
    const seenIds = new Map<string, number>();

    const accepted: Array<{
      line: number;
      row: EnrolmentRow;
      studentId: string;
      room: { id: string; name: string };
    }> = [];
    for (const { line, row } of parsed) {
      const issues: DescribedIssue[] = [];
      const { nationalId } = row;
      const earlier = seenIds.get(nationalId);
      if (earlier !== undefined)
        issues.push({
          code: 'national_id_repeated',
          params: { nationalId, line: earlier },
          message: `Mã định danh ${nationalId} repeats line ${earlier}`,
        });
      else seenIds.set(nationalId, line);
      const student = studentByNationalId.get(nationalId);
      const enrolledAs = student && enrolledStudents.get(student.id);
      if (!student || !student.path.startsWith(sittingOrg.path) || !student.path.startsWith(actor.scopePath))
        issues.push({
          code: 'student_not_found',
          params: { nationalId },
          message: `no student with Mã định danh ${nationalId} in this sitting's organisation`,
        });
      else if (enrolledAs !== undefined)
        issues.push({
          code: 'student_already_enrolled',
          params: { candidateNumber: enrolledAs },
          message: `the student is already enrolled as ${enrolledAs}`,
        });
      const room = roomByName.get(foldVietnamese(row.room));
      if (!room) {
        const names = rooms.map((r) => r.name).join(', ');
        issues.push({
          code: 'room_not_found',
          params: { room: row.room, rooms: names },
          message: `no room "${row.room}" in this sitting (rooms: ${names || 'none'})`,
        });
      }
      const number = row.candidateNumber;
      if (number) {
        if (!usedNumbers.has(number)) usedNumbers.set(number, line);
        else {
          const takenOn = usedNumbers.get(number);
          issues.push(
            takenOn === undefined
              ? {
                  code: 'candidate_number_taken',
                  params: { candidateNumber: number },
                  message: `Số báo danh ${number} is already in this sitting`,
                }
              : {
                  code: 'candidate_number_repeated',
                  params: { candidateNumber: number, line: takenOn },
                  message: `Số báo danh ${number} is already on line ${takenOn}`,
                },
          );
        }
      }
      if (room) {
        const separation = roomSeparation.get(room.id);
        if (!separation) roomSeparation.set(room.id, { separate: row.separateRoom, line });
        else if (separation.separate !== row.separateRoom)
          issues.push({
            code: 'room_would_mix',
            params: {
              room: room.name,
              roomKind: separation.separate ? 'separate' : 'ordinary',
              ...(separation.line === undefined
                ? { decidedBy: 'enrolled_candidates' }
                : { decidedBy: 'line', line: separation.line }),
            },
            message: `room ${room.name} ${separation.separate ? 'is a separate room' : 'is not a separate room'} (${separation.line === undefined ? 'candidates already enrolled' : `line ${separation.line}`}); a room may not mix candidates with and without Phòng riêng`,
          });
      }
      if (issues.length) problems.push(rowProblem(line, issues));
      else accepted.push({ line, row, studentId: student!.id, room: room! });
    }
    if (problems.length) {
      problems.sort((a, b) => a.line - b.line);
      throw errors.validation(
        `${problems.length} row(s) have problems; no one was enrolled. Fix them and send the file again.`,
        { rows: problems },
      );
    }

    // Numbers not given in the file run on from the room's count, skipping any already taken.
    const inRoom = new Map<string, number>();
    for (const e of enrolled) inRoom.set(e.roomId, (inRoom.get(e.roomId) ?? 0) + 1);
    const candidates = accepted.map(({ line, row, studentId, room }) => {
      let number = row.candidateNumber;
      if (!number) {
        const roomIndex = rooms.findIndex((r) => r.id === room.id) + 1;
        do {
          const n = (inRoom.get(room.id) ?? 0) + 1;
          inRoom.set(room.id, n);
          number = candidateNumber(roomIndex, n);
        } while (usedNumbers.has(number));
        usedNumbers.set(number, line);
      }
      return {
        line,
        nationalId: row.nationalId,
        studentId,
        candidateNumber: number,
        room,
        extraTimePercent: row.extraTimePercent,
        separateRoom: row.separateRoom,
      };
    });
    if (!props.dryRun) {
      await tx.insert(sittingCandidates).values(
        candidates.map((c) => ({
          sittingId,
          studentId: c.studentId,
          roomId: c.room.id,
          candidateNumber: c.candidateNumber,
          extraTimePercent: c.extraTimePercent,
          separateRoom: c.separateRoom,
        })),
      );
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'sitting.roster_import',
        subjectType: 'sitting',
        subjectId: sittingId,
        organisationId: sittingOrg.id,
        ip: props.ip,
        details: {
          enrolled: candidates.length,
          withExtraTime: candidates.filter((c) => c.extraTimePercent > 0).length,
          inSeparateRooms: candidates.filter((c) => c.separateRoom).length,
        },
      });
    }
    return {
      total: rows.length,
      enrolled: props.dryRun ? 0 : candidates.length,
      dryRun: Boolean(props.dryRun),
      candidates: candidates.map((c) => ({
        line: c.line,
        nationalId: c.nationalId,
        candidateNumber: c.candidateNumber,
        room: c.room.name,
        extraTimePercent: c.extraTimePercent,
        separateRoom: c.separateRoom,
      })),
    };
  });
}
