/**
 * Who may read or write an item bank: the one rule every bank, item and stored-test route (through
 * `bankTarget`), the bank list and the share commands use.
 *
 * - The bank's owner and everything below it read the bank; staff whose scope holds the owner write it.
 * - A share with an organisation lets its staff and everyone below them read the bank, and write it
 *   when the share is writable.
 * - Staff above the owner (the department) manage it: they write it and share it; a share never lets
 *   its receiver share the bank on.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { itemBankTables } from '../../item-bank/index.ts';
import { inScope, type StaffActor } from '../people/actor.ts';
import { refColumns, isUuid, type OrganisationRef } from '../people/organisation-ref.ts';
import { organisations } from '../people/tables.ts';
import type { Executor } from '../platform/db/database.ts';

const { itemBanks, itemBankShares } = itemBankTables;

/** What an actor may do with a bank: write (add and change items, build tests in it), read, or nothing. */
export type BankAccess = 'write' | 'read' | 'none';

/** A bank as the rule sees it: the owner's path and the paths of the organisations it is shared with. */
export interface BankGrants {
  ownerPath: string;
  shares: ReadonlyArray<{ path: string; writable: boolean }>;
}

type Scope = Pick<StaffActor, 'scopePath'>;

/** The rule itself (pure): see the module comment. */
export function bankAccess(actor: Scope, bank: BankGrants): BankAccess {
  if (inScope(actor, bank.ownerPath)) return 'write';
  const received = bank.shares.filter((s) => actor.scopePath.startsWith(s.path));
  if (received.some((s) => s.writable)) return 'write';
  if (received.length > 0 || actor.scopePath.startsWith(bank.ownerPath)) return 'read';
  return 'none';
}

/** Whether the actor may share the bank or withdraw its shares: only its managers, never a receiver. */
export function mayShareBank(actor: Scope, bank: Pick<BankGrants, 'ownerPath'>): boolean {
  return inScope(actor, bank.ownerPath);
}

/** Why an actor may not use a bank as asked, for the refusal (the client words it by `code`). */
export type { BankRefusalCode } from './refusal-codes.ts';

/** Organisations an actor's scope lies in (its own and every one above), from its path. */
export function ancestorPaths(scopePath: string): string[] {
  const parts = scopePath.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/**
 * A filter on `item_banks` joined with the owner's `organisations` row: the banks the actor reads at all
 * (owner below, owner above, or shared with the actor's organisation or one above it).
 */
export function readableBanks(actor: Scope): SQL {
  const sharedWithMe = sql`exists (select 1 from ${itemBankShares} s join ${organisations} so on so.id = s.organisation_id
    where s.bank_id = ${itemBanks.id} and ${actor.scopePath} like so.path || '%')`;
  return or(
    sql`${organisations.path} like ${`${actor.scopePath}%`}`,
    sql`${actor.scopePath} like ${organisations.path} || '%'`,
    sharedWithMe,
  )!;
}

/** The shares of some banks with the organisations' paths and names. */
export async function sharesOf(db: Executor, bankIds: string[]) {
  if (bankIds.length === 0) return [];
  return db
    .select({
      bankId: itemBankShares.bankId,
      organisationId: itemBankShares.organisationId,
      organisationName: organisations.name,
      path: organisations.path,
      writable: itemBankShares.writable,
      sharedAt: itemBankShares.sharedAt,
    })
    .from(itemBankShares)
    .innerJoin(organisations, eq(organisations.id, itemBankShares.organisationId))
    .where(inArray(itemBankShares.bankId, bankIds))
    .orderBy(organisations.path);
}

/** A bank's owner and the actor's access to it, or `undefined` when there is no such bank. */
export async function loadBankAccess(
  db: Executor,
  actor: Scope,
  bankId: unknown,
): Promise<{ bankId: string; bankName: string; org: OrganisationRef; access: BankAccess } | undefined> {
  if (!isUuid(bankId)) return undefined;
  const [row] = await db
    .select({ bankId: itemBanks.id, bankName: itemBanks.name, org: refColumns })
    .from(itemBanks)
    .innerJoin(organisations, eq(organisations.id, itemBanks.organisationId))
    .where(eq(itemBanks.id, bankId));
  if (!row) return undefined;
  const shares = await db
    .select({ path: organisations.path, writable: itemBankShares.writable })
    .from(itemBankShares)
    .innerJoin(organisations, eq(organisations.id, itemBankShares.organisationId))
    .where(
      and(eq(itemBankShares.bankId, bankId), inArray(organisations.path, ancestorPaths(actor.scopePath))),
    );
  return { ...row, access: bankAccess(actor, { ownerPath: row.org.path, shares }) };
}
