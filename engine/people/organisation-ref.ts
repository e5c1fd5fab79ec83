/** Finding organisations and the organisation that owns a class or student, for scope checks. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../platform/db/database.ts';
import { itemBankTables } from '../../item-bank/index.ts';
import { classes, organisations, students, users } from './tables.ts';

const { itemBanks, items } = itemBankTables;

export interface OrganisationRef {
  id: string;
  kind: 'department' | 'district_office' | 'school';
  path: string;
  name: string;
}

const uuid = z.uuid();
export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;

/** The columns of an `OrganisationRef`, for queries that join their way to an organisation. */
export const refColumns = {
  id: organisations.id,
  kind: organisations.kind,
  path: organisations.path,
  name: organisations.name,
};

export async function findOrganisation(db: Executor, id: unknown): Promise<OrganisationRef | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select(refColumns).from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function organisationOfClass(
  db: Executor,
  classId: unknown,
): Promise<OrganisationRef | undefined> {
  if (!isUuid(classId)) return undefined;
  const [row] = await db
    .select(refColumns)
    .from(classes)
    .innerJoin(organisations, eq(organisations.id, classes.schoolId))
    .where(eq(classes.id, classId));
  return row;
}

export async function organisationOfStudent(
  db: Executor,
  studentId: unknown,
): Promise<OrganisationRef | undefined> {
  if (!isUuid(studentId)) return undefined;
  const [row] = await db
    .select(refColumns)
    .from(students)
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .where(eq(students.id, studentId));
  return row;
}

export async function organisationOfUser(
  db: Executor,
  userId: unknown,
): Promise<OrganisationRef | undefined> {
  if (!isUuid(userId)) return undefined;
  const [row] = await db
    .select(refColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  return row;
}

export async function organisationOfItemBank(
  db: Executor,
  bankId: unknown,
): Promise<OrganisationRef | undefined> {
  if (!isUuid(bankId)) return undefined;
  const [row] = await db
    .select(refColumns)
    .from(itemBanks)
    .innerJoin(organisations, eq(organisations.id, itemBanks.organisationId))
    .where(eq(itemBanks.id, bankId));
  return row;
}

export async function organisationOfItem(
  db: Executor,
  itemId: unknown,
): Promise<OrganisationRef | undefined> {
  if (!isUuid(itemId)) return undefined;
  const [row] = await db
    .select(refColumns)
    .from(items)
    .innerJoin(itemBanks, eq(itemBanks.id, items.bankId))
    .innerJoin(organisations, eq(organisations.id, itemBanks.organisationId))
    .where(eq(items.id, itemId));
  return row;
}
