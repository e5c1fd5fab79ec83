/**
 * Access targets of the bank's routes: an item bank, an item (through its bank), a stored test and the
 * bank blueprint forms are saved into. Each loads the bank's owner and asks the bank rule (`policy.ts`)
 * whether the actor may read or write it, so shares count on every route alike. Refusals are in
 * Vietnamese with what to do next and carry `details.code` (and the names) for the pages to word them
 * in their own language.
 */
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { itemBankTables } from '../../item-bank/index.ts';
import { readField, type Source, type TargetResolver, type Verdict } from '../people/access.ts';
import type { StaffActor } from '../people/actor.ts';
import { isUuid, type OrganisationRef } from '../people/organisation-ref.ts';
import { roleCan, type Permission } from '../people/permissions.ts';
import type { Executor } from '../platform/db/database.ts';
import { errors } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http/env.ts';
import { loadBankAccess, mayShareBank, type BankAccess } from './policy.ts';
import { refusalDetails } from './refusal-codes.ts';

const { items, assessmentTests } = itemBankTables;

/** What a route needs of the bank: reading (search, preview, try scoring) or writing (save, import, review). */
export type BankNeed = 'read' | 'write';

/** The verdict of the bank rule for a need, with the refusal a teacher reads in the editor. */
export function bankVerdict(
  access: BankAccess,
  need: BankNeed,
  names: { bank: string; organisation: string },
  how: { isItem?: boolean; viaShare?: boolean } = {},
): Verdict {
  if (access === 'write' || (access === 'read' && need === 'read')) return { allowed: true };
  const thing = how.isItem ? 'Câu hỏi này nằm trong ngân hàng' : 'Ngân hàng này';
  const details = refusalDetails(access === 'read' ? 'bank_read_only' : 'bank_outside', names);
  if (access !== 'read')
    return {
      allowed: false,
      message: `${thing} của ${names.organisation}, ngoài đơn vị của bạn. Hãy chọn ngân hàng của đơn vị mình.`,
      details,
    };
  const why = how.viaShare ? 'chỉ được chia sẻ với đơn vị bạn để xem' : 'cấp trên của đơn vị bạn';
  return {
    allowed: false,
    message: `${thing} của ${names.organisation} (“${names.bank}”), ${why}: bạn chỉ được xem và dùng câu hỏi, không được thêm hay sửa. Hãy chọn ngân hàng của trường mình (hoặc tạo ngân hàng mới) rồi lưu lại.`,
    details,
  };
}

/** A target found through a bank id: `bankIdOf` reads the id from the request (`given: false` when absent). */
function throughBank(
  what: string,
  need: BankNeed,
  bankIdOf: (c: Context<AppEnv>) => Promise<{ given: boolean; bankId?: unknown }>,
): TargetResolver {
  return {
    what,
    required: true,
    async resolve(c) {
      const { given, bankId } = await bankIdOf(c);
      if (!given) return { given: false };
      const checked =
        bankId === undefined
          ? undefined
          : await checkBank(c.var.deps.db, c.var.actor, bankId, need, { isItem: what === 'The item' });
      return { given: true, ...checked };
    },
  };
}

/**
 * The bank rule on one bank for a need: its owner and the verdict, or `undefined` when there is no such
 * bank. Every route (through `bankTarget`) and the import command line (`requireBank`) ask it.
 */
export async function checkBank(
  db: Executor,
  actor: Pick<StaffActor, 'scopePath'>,
  bankId: unknown,
  need: BankNeed,
  how: { isItem?: boolean } = {},
): Promise<{ org: OrganisationRef; verdict: Verdict } | undefined> {
  const found = await loadBankAccess(db, actor, bankId);
  if (!found) return undefined;
  const names = { bank: found.bankName, organisation: found.org.name };
  return {
    org: found.org,
    verdict: bankVerdict(found.access, need, names, {
      isItem: how.isItem,
      viaShare: !actor.scopePath.startsWith(found.org.path),
    }),
  };
}

/**
 * Outside HTTP (the `npm run qti -- import` command line): the refusals the access middleware sends for
 * a bank route, thrown as the same AppError — the role's permission, a missing bank, then the bank rule.
 */
export async function requireBank(
  db: Executor,
  actor: StaffActor,
  bankId: unknown,
  need: BankNeed,
  permission: Permission,
): Promise<OrganisationRef> {
  if (!roleCan(actor.role, permission))
    throw errors.forbidden(`The ${actor.role} role may not do this (${permission}).`);
  const checked = await checkBank(db, actor, bankId, need);
  if (!checked) throw errors.notFound('The item bank');
  if (!checked.verdict.allowed) throw errors.forbidden(checked.verdict.message, checked.verdict.details);
  return checked.org;
}

/** Resolvers of the kinds of bank target the API has; each checks the bank rule for its need. */
export const bankTarget = {
  /** An item bank named by a request field. */
  itemBank: (need: BankNeed, field = 'id', source: Source = 'param') =>
    throughBank('The item bank', need, async (c) => {
      const value = await readField(c, source, field);
      return value === undefined || value === '' ? { given: false } : { given: true, bankId: value };
    }),
  /** An item, through its bank. */
  item: (need: BankNeed, field = 'id', source: Source = 'param') =>
    throughBank('The item', need, async (c) => {
      const value = await readField(c, source, field);
      if (value === undefined || value === '') return { given: false };
      if (!isUuid(value)) return { given: true };
      const [row] = await c.var.deps.db
        .select({ bankId: items.bankId })
        .from(items)
        .where(eq(items.id, value));
      return { given: true, bankId: row?.bankId };
    }),
  /** A stored assessment test (path `id`), through its bank; read to use it. */
  storedTest: () =>
    throughBank('The test', 'read', async (c) => {
      const id = c.req.param('id');
      if (!isUuid(id)) return { given: true };
      const [row] = await c.var.deps.db
        .select({ bankId: assessmentTests.bankId })
        .from(assessmentTests)
        .where(eq(assessmentTests.id, id));
      return { given: true, bankId: row?.bankId };
    }),
  /**
   * The bank blueprint forms are saved into: `targetBankId`, or the bank drawn from (`bankId`) when the
   * body names none. Checked for writing.
   */
  savingBank: () =>
    throughBank('The item bank', 'write', async (c) => {
      const body = (await c.req.json().catch(() => undefined)) as
        { targetBankId?: unknown; bankId?: unknown } | undefined;
      const id = body?.targetBankId ?? body?.bankId;
      return id === undefined || id === '' ? { given: false } : { given: true, bankId: id };
    }),
};

/**
 * A bank (path `id`) the actor wants to share or stop sharing: only its managers may (the bank rule's
 * `mayShareBank`); a receiver of a share is told whom to ask.
 */
export const sharingBank = (): TargetResolver => ({
  what: 'The item bank',
  required: true,
  async resolve(c) {
    const found = await loadBankAccess(c.var.deps.db, c.var.actor, c.req.param('id'));
    if (!found) return { given: true };
    if (mayShareBank(c.var.actor, { ownerPath: found.org.path }))
      return { given: true, org: found.org, verdict: { allowed: true } };
    const names = { bank: found.bankName, organisation: found.org.name };
    return {
      given: true,
      org: found.org,
      verdict:
        found.access === 'none'
          ? bankVerdict('none', 'read', names)
          : {
              allowed: false,
              message: `Chỉ ${names.organisation}, đơn vị sở hữu ngân hàng “${names.bank}”, mới chia sẻ hay thôi chia sẻ được ngân hàng này. Hãy nhờ giáo viên hoặc cán bộ khảo thí của ${names.organisation}.`,
              details: refusalDetails('bank_share_owner_only', names),
            },
    };
  },
});
