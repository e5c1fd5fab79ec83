/** Factories that insert real rows: an organisation tree with staff of every role, classes and students. */
import { randomUUID } from 'node:crypto';
import type { StaffActor, StaffRole } from '../../people/actor.ts';
import { hashPassword } from '../../people/password.ts';
import type { Database } from '../../platform/db/database.ts';
import { classes, organisations, students, users } from '../../people/tables.ts';

export const TEST_PASSWORD = 'correct horse battery';

let passwordHash: Promise<string> | undefined;
const unique = () => randomUUID().slice(0, 8);
let nationalSerial = Math.floor(Math.random() * 1e8);
export const nextNationalId = () => `0792${String(++nationalSerial).padStart(8, '0').slice(-8)}`;

export interface TestOrg {
  id: string;
  path: string;
  name: string;
}

async function buildOrg(
  db: Database,
  kind: 'department' | 'district_office' | 'school',
  name: string,
  parent?: TestOrg,
) {
  const id = randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  await db.insert(organisations).values({ id, kind, name, parentId: parent?.id, path });
  return { id, path, name };
}

export async function buildStaff(
  db: Database,
  role: StaffRole,
  org: TestOrg,
): Promise<StaffActor & { password: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = `${role}-${unique()}`;
  const [row] = await db
    .insert(users)
    .values({
      username,
      fullName: `Người dùng ${role}`,
      role,
      organisationId: org.id,
      passwordHash: await passwordHash,
    })
    .returning();
  return {
    userId: row!.id,
    username,
    role,
    organisationId: org.id,
    scopePath: org.path,
    password: TEST_PASSWORD,
  };
}

export async function buildClass(db: Database, school: TestOrg, name = `9A-${unique()}`) {
  const [row] = await db
    .insert(classes)
    .values({ schoolId: school.id, name, grade: '9', schoolYear: '2026-2027' })
    .returning();
  return row!;
}

export async function buildStudent(
  db: Database,
  school: TestOrg,
  classId?: string,
  fullName = 'Nguyễn Văn An',
) {
  const [row] = await db
    .insert(students)
    .values({
      nationalId: nextNationalId(),
      fullName,
      dateOfBirth: '2011-05-17',
      schoolId: school.id,
      classId,
    })
    .returning();
  return row!;
}

/** Sở -> Phòng -> two schools, each with a class and a student, and staff of every role at each level. */
export async function buildOrganisationTree(db: Database) {
  const department = await buildOrg(db, 'department', `Sở GD&ĐT ${unique()}`);
  const office = await buildOrg(db, 'district_office', `Phòng GD&ĐT ${unique()}`, department);
  const schoolA = await buildOrg(db, 'school', `Trường THCS A ${unique()}`, office);
  const schoolB = await buildOrg(db, 'school', `Trường THCS B ${unique()}`, office);
  const classA = await buildClass(db, schoolA);
  const classB = await buildClass(db, schoolB);
  const studentA = await buildStudent(db, schoolA, classA.id, 'Trần Thị Bích');
  const studentB = await buildStudent(db, schoolB, classB.id, 'Lê Hoàng Nam');
  return {
    department,
    office,
    schoolA,
    schoolB,
    classA,
    classB,
    studentA,
    studentB,
    admin: await buildStaff(db, 'admin', department),
    examBoard: await buildStaff(db, 'exam_board', office),
    teacherA: await buildStaff(db, 'teacher', schoolA),
    proctorA: await buildStaff(db, 'proctor', schoolA),
    teacherB: await buildStaff(db, 'teacher', schoolB),
  };
}
