/**
 * The rostering half of the OneRoster export: the rows the gradebook files point at, so a
 * receiver can resolve every reference from the zip alone. The school year of the sitting
 * (academicSessions), the school (orgs), one course for the sitting's subject (courses), the
 * candidates' classes (classes), the candidates (users, with a student role at the school in
 * roles) and their class memberships (enrollments). Bulk files leave status and
 * dateLastModified empty, as the binding asks.
 */
import type { CsvCell } from './csv.ts';
import type { GradebookData } from './gradebook-data.ts';
import { ONEROSTER_COLUMNS, type OneRosterFile } from './oneroster-columns.ts';
import { schoolYearOf } from './school-year.ts';

type Row<F extends OneRosterFile> = Partial<Record<(typeof ONEROSTER_COLUMNS)[F][number], CsvCell>>;

/** Cells in the binding's column order; absent fields are empty. */
export function cellsOf<F extends OneRosterFile>(file: F, row: Row<F>): CsvCell[] {
  return ONEROSTER_COLUMNS[file].map((c: string) => (row as Record<string, CsvCell>)[c] ?? '');
}

/**
 * A Vietnamese full name is written family name first, then middle names, then the given name:
 * "Nguyễn Thị Minh Anh" is family "Nguyễn", middle "Thị Minh", given "Anh".
 */
export function splitVietnameseName(fullName: string): {
  familyName: string;
  middleName: string;
  givenName: string;
} {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return { familyName: parts[0] ?? '', middleName: '', givenName: parts[0] ?? '' };
  return {
    familyName: parts[0]!,
    middleName: parts.slice(1, -1).join(' '),
    givenName: parts.at(-1)!,
  };
}

/** Identifiers the gradebook files share with the roster files. */
export function rosterIds(data: GradebookData) {
  const year = schoolYearOf(data.sitting.opensAt);
  return {
    year,
    academicSession: `school-year-${year.label}`,
    course: `${data.sitting.id}-course`,
    school: data.school.id,
  };
}

/** The roster rows by file, each row already in column order. */
export function rosterRows(
  data: GradebookData,
): Record<
  'academicSessions' | 'orgs' | 'courses' | 'classes' | 'users' | 'roles' | 'enrollments',
  CsvCell[][]
> {
  const ids = rosterIds(data);
  const subject = data.sitting.subject ?? '';
  const classes = new Map<string, string>();
  for (const c of data.candidates) if (c.classId) classes.set(c.classId, c.className ?? c.classId);
  const candidates = [...new Map(data.candidates.map((c) => [c.studentId, c])).values()];
  return {
    academicSessions: [
      cellsOf('academicSessions', {
        sourcedId: ids.academicSession,
        title: `Năm học ${ids.year.label}`,
        type: 'schoolYear',
        startDate: ids.year.startDate,
        endDate: ids.year.endDate,
        schoolYear: ids.year.endYear,
      }),
    ],
    orgs: [cellsOf('orgs', { sourcedId: ids.school, name: data.school.name, type: 'school' })],
    courses: [
      cellsOf('courses', {
        sourcedId: ids.course,
        schoolYearSourcedId: ids.academicSession,
        title: subject || data.sitting.name,
        orgSourcedId: ids.school,
        subjects: subject,
      }),
    ],
    // The engine's classes are the students' own classes (lớp), hence homeroom.
    classes: [...classes].map(([classId, className]) =>
      cellsOf('classes', {
        sourcedId: classId,
        title: className,
        courseSourcedId: ids.course,
        classCode: className,
        classType: 'homeroom',
        schoolSourcedId: ids.school,
        termSourcedIds: ids.academicSession,
        subjects: subject,
      }),
    ),
    users: candidates.map((c) =>
      cellsOf('users', {
        sourcedId: c.studentId,
        enabledUser: 'true',
        // The national identifier (mã định danh) is the one every system in the city shares.
        username: c.nationalId,
        ...splitVietnameseName(c.fullName),
        identifier: c.nationalId,
        userMasterIdentifier: c.nationalId,
        primaryOrgSourcedId: ids.school,
      }),
    ),
    roles: candidates.map((c) =>
      cellsOf('roles', {
        sourcedId: `${c.studentId}-student`,
        userSourcedId: c.studentId,
        roleType: 'primary',
        role: 'student',
        orgSourcedId: ids.school,
      }),
    ),
    enrollments: candidates
      .filter((c) => c.classId)
      .map((c) =>
        cellsOf('enrollments', {
          sourcedId: `${c.classId}-${c.studentId}`,
          classSourcedId: c.classId,
          schoolSourcedId: ids.school,
          userSourcedId: c.studentId,
          role: 'student',
        }),
      ),
  };
}
