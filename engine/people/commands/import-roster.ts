/**
 * Imports a class roster: every row is checked first, and either all rows are written in one
 * transaction or none are, with every bad row reported by line and reason.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { appendAudit } from '../audit-log.ts';
import type { StaffActor } from '../actor.ts';
import type { Database } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import type { RawRosterRow } from '../roster/read-roster-file.ts';
import { RosterStudent } from '../roster/roster-row.ts';
import { organisations, students } from '../tables.ts';

export interface RosterRowProblem {
  line: number;
  reason: string;
}

export interface ImportRosterProps {
  db: Database;
  actor: StaffActor;
  classId: string;
  schoolId: string;
  rows: RawRosterRow[];
  ip?: string;
  /** Check everything and report what would happen, writing nothing. */
  dryRun?: boolean;
}

export interface ImportRosterResult {
  total: number;
  created: number;
  updated: number;
  dryRun: boolean;
}

export async function importRoster(props: ImportRosterProps): Promise<ImportRosterResult> {
  const { db, actor, classId, schoolId, rows } = props;
  if (rows.length === 0) throw errors.validation('The roster has no student rows.', { rows: [] });
  if (rows.length > 5000) throw errors.validation('A class roster may hold at most 5000 rows.', { rows: [] });

  const problems: RosterRowProblem[] = [];
  const valid: Array<{ line: number; student: RosterStudent }> = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const parsed = RosterStudent.safeParse(row.values);
    if (!parsed.success) {
      problems.push({ line: row.line, reason: parsed.error.issues.map((i) => i.message).join('; ') });
      continue;
    }
    const earlier = firstLineOf.get(parsed.data.nationalId);
    if (earlier !== undefined) {
      problems.push({
        line: row.line,
        reason: `Mã định danh ${parsed.data.nationalId} repeats line ${earlier}`,
      });
      continue;
    }
    firstLineOf.set(parsed.data.nationalId, row.line);
    valid.push({ line: row.line, student: parsed.data });
  }

  const ids = valid.map((v) => v.student.nationalId);
  const existing = ids.length
    ? await db
        .select({
          id: students.id,
          nationalId: students.nationalId,
          schoolId: students.schoolId,
          schoolName: organisations.name,
        })
        .from(students)
        .innerJoin(organisations, eq(organisations.id, students.schoolId))
        .where(inArray(students.nationalId, ids))
    : [];
  const existingById = new Map(existing.map((e) => [e.nationalId, e]));
  for (const { line, student } of valid) {
    const known = existingById.get(student.nationalId);
    if (known && known.schoolId !== schoolId) {
      problems.push({
        line,
        reason: `Mã định danh ${student.nationalId} belongs to a student of another school${
          known.schoolName ? ` (${known.schoolName})` : ''
        }; transfer the student first`,
      });
    }
  }

  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    const lines = problems.map((p) => p.line).join(', ');
    throw errors.validation(
      `Nothing was imported: ${problems.length} row(s) have problems (line ${lines}).`,
      {
        rows: problems,
      },
    );
  }

  const toCreate = valid.filter((v) => !existingById.has(v.student.nationalId));
  const toUpdate = valid.filter((v) => existingById.has(v.student.nationalId));
  const result = {
    total: valid.length,
    created: toCreate.length,
    updated: toUpdate.length,
    dryRun: Boolean(props.dryRun),
  };
  if (props.dryRun) return result;

  await db.transaction(async (tx) => {
    if (toCreate.length) {
      await tx.insert(students).values(
        toCreate.map(({ student }) => ({
          nationalId: student.nationalId,
          fullName: student.fullName,
          dateOfBirth: student.dateOfBirth,
          gender: student.gender,
          schoolId,
          classId,
        })),
      );
    }
    for (const { student } of toUpdate) {
      await tx
        .update(students)
        .set({
          fullName: student.fullName,
          dateOfBirth: student.dateOfBirth,
          gender: student.gender ?? sql`${students.gender}`,
          classId,
          updatedAt: new Date(),
        })
        .where(and(eq(students.nationalId, student.nationalId), eq(students.schoolId, schoolId)));
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'roster.import',
      subjectType: 'class',
      subjectId: classId,
      organisationId: schoolId,
      ip: props.ip,
      details: { created: result.created, updated: result.updated },
    });
  });
  return result;
}
