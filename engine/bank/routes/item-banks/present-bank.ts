/** An item bank as the API shows it to one actor: the bank rule's verdict, and its shares for its managers. */
import type { z } from '@hono/zod-openapi';
import type { StaffActor } from '../../../people/actor.ts';
import { roleCan } from '../../../people/permissions.ts';
import type { ItemBankRow } from '../../commands/create-item-bank.ts';
import { bankAccess, mayShareBank } from '../../policy.ts';
import type { ItemBank } from './schema.ts';

interface ShareWithPath {
  bankId: string;
  organisationId: string;
  organisationName: string;
  path: string;
  writable: boolean;
  sharedAt: Date;
}

export function presentBank(
  actor: StaffActor,
  row: { bank: ItemBankRow; orgName: string; orgPath: string },
  shares: readonly ShareWithPath[],
): z.infer<typeof ItemBank> {
  const own = shares.filter((s) => s.bankId === row.bank.id);
  const access = bankAccess(actor, { ownerPath: row.orgPath, shares: own });
  const mayShare = mayShareBank(actor, { ownerPath: row.orgPath }) && roleCan(actor.role, 'banks:write');
  return {
    id: row.bank.id,
    name: row.bank.name,
    description: row.bank.description,
    subject: row.bank.subject,
    organisationId: row.bank.organisationId,
    organisationName: row.orgName,
    writable: access === 'write' && roleCan(actor.role, 'items:write'),
    shared: !row.orgPath.startsWith(actor.scopePath) && !actor.scopePath.startsWith(row.orgPath),
    mayShare,
    ...(mayShare
      ? {
          shares: own.map((s) => ({
            organisationId: s.organisationId,
            organisationName: s.organisationName,
            writable: s.writable,
            sharedAt: s.sharedAt.toISOString(),
          })),
        }
      : {}),
  };
}
