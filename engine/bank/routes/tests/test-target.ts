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
