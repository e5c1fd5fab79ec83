/** The access target of a stored assessment test: the organisation of its bank, shared down like banks. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { itemBankTables } from '../../../../item-bank/index.ts';
import { organisationOfItemBank } from '../../../people/organisation-ref.ts';
import type { TargetResolver } from '../../../people/access.ts';

const { assessmentTests } = itemBankTables;

export const storedTest = (): TargetResolver => ({
  what: 'The test',
  required: true,
  sharedDown: true,
  async resolve(c) {
    const id = c.req.param('id');
    if (!z.uuid().safeParse(id).success) return { given: true, org: undefined };
    const db = c.var.deps.db;
    const [row] = await db
      .select({ bankId: assessmentTests.bankId })
      .from(assessmentTests)
      .where(eq(assessmentTests.id, id!));
    return { given: true, org: row ? await organisationOfItemBank(db, row.bankId) : undefined };
  },
});

/**
 * The bank blueprint forms are saved into: `targetBankId`, or the bank drawn from (`bankId`) when the
 * body names none. Checked for writing: a bank shared down from above is refused in Vietnamese with
 * what to do (choose a bank of your own school).
 */
export const savingBank = (): TargetResolver => ({
  what: 'The item bank',
  required: true,
  sharedDown: false,
  async resolve(c) {
    const body = (await c.req.json().catch(() => undefined)) as
      { targetBankId?: unknown; bankId?: unknown } | undefined;
    const id = body?.targetBankId ?? body?.bankId;
    if (id === undefined || id === '') return { given: false };
    return { given: true, org: await organisationOfItemBank(c.var.deps.db, id) };
  },
});
