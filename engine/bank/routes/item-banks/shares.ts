/**
 * Sharing an item bank with another organisation (a sister school, a district office), read-only or
 * writable, and withdrawing the share. Only the bank's managers may (engine/bank/policy.ts).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { asc, eq, like } from 'drizzle-orm';
import { foldVietnamese, itemBankTables } from '../../../../item-bank/index.ts';
import { access } from '../../../people/access.ts';
import type { StaffActor } from '../../../people/actor.ts';
import type { Database } from '../../../platform/db/database.ts';
import { findOrganisation } from '../../../people/organisation-ref.ts';
import { organisations } from '../../../people/tables.ts';
import { errors } from '../../../platform/errors.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { sharingBank } from '../../bank-target.ts';
import { shareItemBank } from '../../commands/share-item-bank.ts';
import { unshareItemBank } from '../../commands/unshare-item-bank.ts';
import { sharesOf } from '../../policy.ts';
import { presentBank } from './present-bank.ts';
import { ItemBank, ShareItemBank, ShareTarget, ShareTargetQuery } from './schema.ts';
import { refusalDetails } from '../../refusal-codes.ts';

const { itemBanks } = itemBankTables;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

/** The bank after a change of its shares, as its manager sees it. */
async function presentAfter(db: Database, actor: StaffActor, bankId: string) {
  const [row] = await db
    .select({ bank: itemBanks, orgName: organisations.name, orgPath: organisations.path })
    .from(itemBanks)
    .innerJoin(organisations, eq(organisations.id, itemBanks.organisationId))
    .where(eq(itemBanks.id, bankId));
  return presentBank(actor, row!, await sharesOf(db, [bankId]));
}

export function itemBankShareRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/share-targets',
        summary:
          'Organisations a bank may be shared with: every organisation of your tree (sister schools too)',
        description:
          'With `q`, only organisations whose name has a word starting with each word of it, diacritics optional ("thcs le loi" finds "THCS Lê Lợi").',
        security,
        middleware: [access('banks:write')] as const,
        request: { query: ShareTargetQuery },
        responses: {
          200: { description: 'Organisations', ...json(z.object({ items: z.array(ShareTarget) })) },
          ...staffErrors,
        },
      }),
      async (c) => {
        const root = `/${c.var.actor.scopePath.split('/').filter(Boolean)[0] ?? ''}/`;
        const rows = await c.var.deps.db
          .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
          .from(organisations)
          .where(like(organisations.path, `${root}%`))
          .orderBy(asc(organisations.path));
        const words = foldVietnamese(c.req.valid('query').q ?? '')
          .split(' ')
          .filter(Boolean);
        const items = words.length
          ? rows.filter((row) => {
              const name = ` ${foldVietnamese(row.name)} `;
              return words.every((word) => name.includes(` ${word}`));
            })
          : rows;
        return c.json({ items }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/shares',
        summary: 'Share a bank with another organisation (read-only or writable), or change the share',
        description:
          "Staff of that organisation and everyone below it may then read the bank (and write it when writable). Only the bank's managers (its organisation and those above it) may share.",
        security,
        middleware: [access('banks:write', sharingBank())] as const,
        request: { params: IdParam, body: { ...json(ShareItemBank), required: true } },
        responses: { 200: { description: 'The bank with its shares', ...json(ItemBank) }, ...staffErrors },
      }),
      async (c) => {
        const owner = c.var.target!;
        const body = c.req.valid('json');
        const org = await findOrganisation(c.var.deps.db, body.organisationId);
        if (!org) throw errors.notFound('The organisation');
        if (owner.path.startsWith(org.path))
          throw errors.badRequest(
            `${org.name} quản lý ngân hàng này rồi (đơn vị sở hữu hoặc cấp trên): không cần chia sẻ. Hãy chọn một đơn vị khác.`,
            refusalDetails('share_not_needed', { organisation: org.name }),
          );
        const bankId = c.req.valid('param').id;
        await shareItemBank(
          c.var.deps.db,
          c.var.actor,
          { id: bankId, organisationId: owner.id },
          { organisationId: org.id, writable: body.writable },
          { ip: c.var.clientIp },
        );
        return c.json(await presentAfter(c.var.deps.db, c.var.actor, bankId), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}/shares/{organisationId}',
        summary: "Withdraw a bank's share with an organisation",
        security,
        middleware: [access('banks:write', sharingBank())] as const,
        request: { params: IdParam.extend({ organisationId: z.uuid() }) },
        responses: { 200: { description: 'The bank with its shares', ...json(ItemBank) }, ...staffErrors },
      }),
      async (c) => {
        const { id, organisationId } = c.req.valid('param');
        const withdrawn = await unshareItemBank(
          c.var.deps.db,
          c.var.actor,
          { id, organisationId: c.var.target!.id },
          organisationId,
          { ip: c.var.clientIp },
        );
        if (!withdrawn) throw errors.notFound('The share');
        return c.json(await presentAfter(c.var.deps.db, c.var.actor, id), 200);
      },
    );
}
