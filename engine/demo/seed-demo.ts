/**
 * Demo data for a first start: a department, a district office, two schools with classes of
 * students, and one staff user of each role. Deterministic, and only on an empty database.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { maxScoreOfItem, seededRandom, vietnameseName } from '../../grading/index.ts';
import {
  Blueprint,
  formToTest,
  itemBankTables,
  loadDemoBank,
  plainText,
  saveItemVersion,
  writeTestXml,
  type CognitiveLevel,
  type FormItem,
} from '../../item-bank/index.ts';
import { candidateNumber, newAccessCode } from '../sittings/access-codes.ts';
import { FormSpec } from '../sittings/form.ts';
import { roomProctors, sittingCandidates, sittingRooms, sittings } from '../sittings/tables.ts';
import { appendAudit } from '../people/audit-log.ts';
import type { StaffRole } from '../people/actor.ts';
import { hashPassword } from '../people/password.ts';
import type { Database, Transaction } from '../platform/db/database.ts';
import { classes, organisations, students, users } from '../people/tables.ts';

export const DEMO_PASSWORD = 'ThiThu@2026';

export interface DemoLogin {
  username: string;
  password: string;
  role: StaffRole;
  organisation: string;
}

export interface DemoSitting {
  name: string;
  accessCode: string;
  candidate: { candidateNumber: string; dateOfBirth: string; fullName: string };
}

export interface DemoSeedResult {
  seeded: boolean;
  logins: DemoLogin[];
  sitting?: DemoSitting;
}

export const DEMO_SITTING_NAME = 'Kiểm tra thử - Đề tổng hợp';
/** The stored test seeded in the demo bank, so the exam board's "Đề thi" list is not empty. */
export const DEMO_TEST_TITLE = 'Đề kiểm tra tổng hợp mẫu';
/** A bank of school A that its teachers can write in (the department's demo bank is read-only to them). */
export const DEMO_SCHOOL_BANK_NAME = 'Ngân hàng câu hỏi Trường THCS Lê Quý Đôn';

const DEMO_USERS: Array<{
  username: string;
  fullName: string;
  role: StaffRole;
  at: 'department' | 'office' | 'schoolA';
}> = [
  { username: 'admin', fullName: 'Trần Quốc Bảo', role: 'admin', at: 'department' },
  { username: 'khaothi', fullName: 'Lê Thị Mai Hương', role: 'exam_board', at: 'office' },
  { username: 'giaovien', fullName: 'Nguyễn Văn Thành', role: 'teacher', at: 'schoolA' },
  { username: 'giamthi', fullName: 'Phạm Ngọc Lan', role: 'proctor', at: 'schoolA' },
];

export const DEMO_LOGINS: DemoLogin[] = DEMO_USERS.map((u) => ({
  username: u.username,
  password: DEMO_PASSWORD,
  role: u.role,
  organisation: { department: 'Sở GD&ĐT', office: 'Phòng GD&ĐT', schoolA: 'Trường THCS Lê Quý Đôn' }[u.at],
}));

export async function seedDemo(db: Database): Promise<DemoSeedResult> {
  const [existing] = await db.select({ n: count() }).from(organisations);
  if ((existing?.n ?? 0) > 0) return { seeded: false, logins: DEMO_LOGINS, sitting: await demoSitting(db) };

  const random = seededRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const dept = crypto.randomUUID();
    const office = crypto.randomUUID();
    const schoolA = crypto.randomUUID();
    const schoolB = crypto.randomUUID();
    await tx.insert(organisations).values([
      {
        id: dept,
        kind: 'department',
        name: 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh',
        code: '79',
        path: `/${dept}/`,
      },
      {
        id: office,
        kind: 'district_office',
        name: 'Phòng Giáo dục và Đào tạo Quận 3',
        code: '79-770',
        parentId: dept,
        path: `/${dept}/${office}/`,
      },
      {
        id: schoolA,
        kind: 'school',
        name: 'Trường THCS Lê Quý Đôn',
        code: '79770401',
        parentId: office,
        path: `/${dept}/${office}/${schoolA}/`,
      },
      {
        id: schoolB,
        kind: 'school',
        name: 'Trường THCS Bàn Cờ',
        code: '79770402',
        parentId: office,
        path: `/${dept}/${office}/${schoolB}/`,
      },
    ]);
    const orgOf = { department: dept, office, schoolA };
    await tx.insert(users).values(
      DEMO_USERS.map((u) => ({
        username: u.username,
        fullName: u.fullName,
        role: u.role,
        organisationId: orgOf[u.at],
        passwordHash,
        email: `${u.username}@demo.edu.vn`,
      })),
    );

    let serial = 0;
    for (const schoolId of [schoolA, schoolB]) {
      for (const [name, grade] of [
        ['9A1', '9'],
        ['9A2', '9'],
        ['8A1', '8'],
      ] as const) {
        const [cls] = await tx
          .insert(classes)
          .values({ schoolId, name, grade, schoolYear: '2026-2027' })
          .returning();
        const birthYear = 2026 - Number(grade) - 6;
        const rows = Array.from({ length: 30 }, () => {
          const female = random() < 0.5;
          const fullName = vietnameseName(pick, female);
          const month = 1 + Math.floor(random() * 12);
          const day = 1 + Math.floor(random() * 28);
          serial++;
          // 079 = Hồ Chí Minh City; then the century-and-sex digit (2 male / 3 female for 2000-2099), the year, a serial.
          const nationalId = `079${female ? 3 : 2}${String(birthYear % 100).padStart(2, '0')}${String(100000 + serial * 7919).slice(-6)}`;
          return {
            nationalId,
            fullName,
            dateOfBirth: `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            gender: female ? ('female' as const) : ('male' as const),
            schoolId,
            classId: cls!.id,
          };
        });
        await tx.insert(students).values(rows);
      }
    }
    await seedDemoSitting(tx, { department: dept, office, schoolA });
    await appendAudit(tx, {
      action: 'demo.seed',
      subjectType: 'system',
      organisationId: dept,
      details: { students: serial },
    });
  });
  return { seeded: true, logins: DEMO_LOGINS, sitting: await demoSitting(db) };
}

/**
 * A bank of the demo items at the department, all published, with one stored test of them (one
 * point an item); an empty bank of school A its teachers write in; and a sitting open now for
 * class 9A1 of school A.
 */
async function seedDemoSitting(
  tx: Transaction,
  orgs: { department: string; office: string; schoolA: string },
) {
  const [bank] = await tx
    .insert(itemBankTables.itemBanks)
    .values({
      name: 'Ngân hàng câu hỏi mẫu',
      description: 'Câu hỏi mẫu của hệ thống (QTI 3.0)',
      organisationId: orgs.department,
    })
    .returning();
  await tx.insert(itemBankTables.itemBanks).values({
    name: DEMO_SCHOOL_BANK_NAME,
    description: 'Ngân hàng của trường: giáo viên soạn, nhập và chấm thử câu hỏi tại đây',
    organisationId: orgs.schoolA,
  });
  const entries = [];
  const formItems: Array<FormItem & { identifier: string; versionId: string; maxScore: number }> = [];
  for (const demo of loadDemoBank()) {
    const saved = await saveItemVersion(tx, bank!.id, {
      identifier: demo.item.identifier,
      title: demo.item.title,
      sourceFormat: 'qti3.0',
      sourceFile: demo.file,
      qtiXml: demo.xml,
      model: demo.item,
      text: plainText([demo.item.body]),
      interactionTypes: [...new Set(demo.item.interactions.map((i) => i.type))],
      metadata: demo.metadata,
    });
    await tx
      .update(itemBankTables.items)
      .set({ status: 'published', statusChangedAt: new Date() })
      .where(eq(itemBankTables.items.id, saved.itemId));
    await tx
      .insert(itemBankTables.itemStatusEvents)
      .values({ itemId: saved.itemId, fromStatus: 'draft', toStatus: 'published', comment: 'Demo' });
    entries.push({ itemRef: demo.item.identifier, itemVersionId: saved.versionId, title: demo.item.title });
    formItems.push({
      itemId: saved.itemId,
      identifier: demo.item.identifier,
      versionId: saved.versionId,
      topic: demo.metadata.topic ?? 'Tổng hợp',
      level: (demo.metadata.cognitiveLevel ?? 'nhan_biet') as CognitiveLevel,
      points: 1,
      maxScore: maxScoreOfItem(demo.item),
    });
  }
  await seedDemoTest(tx, bank!.id, formItems);
  const now = Date.now();
  const [sitting] = await tx
    .insert(sittings)
    .values({
      // School A runs it for its own class, so its teachers can mark the essay (the district board still sees it).
      organisationId: orgs.schoolA,
      name: DEMO_SITTING_NAME,
      subject: 'Tổng hợp', // shown as is in reports, the grade book and OneRoster: a name, not a code
      formSpec: FormSpec.parse({
        navigationMode: 'nonlinear',
        sections: [{ identifier: 'S1', title: 'Phần 1', items: entries }],
      }),
      opensAt: new Date(now - 10 * 60_000),
      closesAt: new Date(now + 30 * 24 * 3600_000),
      durationSeconds: 45 * 60,
    })
    .returning();
  const [room] = await tx
    .insert(sittingRooms)
    .values({ sittingId: sitting!.id, name: 'Phòng 01', accessCode: newAccessCode() })
    .returning();
  const [proctor] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'giamthi'));
  if (proctor) await tx.insert(roomProctors).values({ roomId: room!.id, userId: proctor.id });
  const [cls] = await tx
    .select()
    .from(classes)
    .where(and(eq(classes.schoolId, orgs.schoolA), eq(classes.name, '9A1')));
  const roster = await tx
    .select()
    .from(students)
    .where(eq(students.classId, cls!.id))
    .orderBy(asc(students.fullName));
  await tx.insert(sittingCandidates).values(
    roster.map((s, i) => ({
      sittingId: sitting!.id,
      studentId: s.id,
      roomId: room!.id,
      candidateNumber: candidateNumber(1, i + 1),
    })),
  );
}

/** One stored test of every demo item, written as the blueprint builder writes its forms. */
async function seedDemoTest(
  tx: Transaction,
  bankId: string,
  formItems: Array<FormItem & { identifier: string; versionId: string; maxScore: number }>,
) {
  const topics = [...new Set(formItems.map((i) => i.topic))];
  const cells = new Map<string, { topic: string; level: CognitiveLevel; count: number; points: number }>();
  for (const i of formItems) {
    const key = `${i.topic}\u0000${i.level}`;
    const cell = cells.get(key) ?? { topic: i.topic, level: i.level, count: 0, points: 0 };
    cell.count++;
    cell.points += i.points;
    cells.set(key, cell);
  }
  const blueprint = Blueprint.parse({ title: DEMO_TEST_TITLE, topics, cells: [...cells.values()] });
  const identifier = 'DE-TONG-HOP-MAU';
  // Each item is worth 1 point on the form; its weight turns its own maximum into that point.
  const test = formToTest(
    blueprint,
    { label: 'A', items: formItems },
    identifier,
    new Map(formItems.map((i) => [i.itemId, { identifier: i.identifier, maxScore: i.maxScore }])),
  );
  const [row] = await tx
    .insert(itemBankTables.assessmentTests)
    .values({ bankId, identifier, title: DEMO_TEST_TITLE, currentVersion: 1 })
    .returning();
  await tx.insert(itemBankTables.assessmentTestVersions).values({
    testId: row!.id,
    version: 1,
    sourceFormat: 'blueprint',
    qtiXml: writeTestXml({ ...test, title: DEMO_TEST_TITLE }),
    model: {
      ...test,
      title: DEMO_TEST_TITLE,
      blueprint: { spec: blueprint, formLabel: 'A', group: 'demo', points: formItems.length },
    },
    itemVersionIds: Object.fromEntries(formItems.map((i) => [i.identifier, i.versionId])),
  });
}

/** How to enter the demo sitting: its access code and the first candidate's credentials. */
export async function demoSitting(db: Database): Promise<DemoSitting | undefined> {
  const [row] = await db
    .select({
      accessCode: sittingRooms.accessCode,
      candidateNumber: sittingCandidates.candidateNumber,
      dateOfBirth: students.dateOfBirth,
      fullName: students.fullName,
    })
    .from(sittings)
    .innerJoin(sittingRooms, eq(sittingRooms.sittingId, sittings.id))
    .innerJoin(sittingCandidates, eq(sittingCandidates.roomId, sittingRooms.id))
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .where(eq(sittings.name, DEMO_SITTING_NAME))
    .orderBy(asc(sittingCandidates.candidateNumber))
    .limit(1);
  if (!row) return undefined;
  const [y, m, d] = row.dateOfBirth.split('-');
  return {
    name: DEMO_SITTING_NAME,
    accessCode: row.accessCode,
    candidate: {
      candidateNumber: row.candidateNumber,
      dateOfBirth: `${d}/${m}/${y}`,
      fullName: row.fullName,
    },
  };
}
