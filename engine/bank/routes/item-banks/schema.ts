import { z } from '@hono/zod-openapi';
import { COGNITIVE_LEVELS, ITEM_STATUSES } from '../../../../item-bank/index.ts';
import { Pagination } from '../../../platform/http/common-schemas.ts';

export const ItemBankShare = z
  .object({
    organisationId: z.uuid(),
    organisationName: z.string(),
    /** Whether staff of that organisation (and below it) may add and change items. */
    writable: z.boolean(),
    sharedAt: z.string(),
  })
  .openapi('ItemBankShare');

export const ItemBank = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    /** The subject the bank is for, when its creator gave one. */
    subject: z.string().nullable().optional(),
    /** Whether the caller may add or change items (the bank rule: owner's subtree, or a writable share). */
    writable: z.boolean(),
    /** Whether the caller reaches the bank through a share with their organisation (or one above it). */
    shared: z.boolean().optional(),
    /** Whether the caller may share the bank and withdraw its shares (its managers only). */
    mayShare: z.boolean().optional(),
    /** The bank's shares, for those who may share it. */
    shares: z.array(ItemBankShare).optional(),
  })
  .openapi('ItemBank');

export const CreateItemBank = z
  .object({
    /** Two to 200 characters, unique within the organisation. */
    name: z.string().trim().min(2, 'Tên ngân hàng cần ít nhất 2 ký tự.').max(200),
    /** The subject (e.g. "Toán"); new items written in the bank start with it. */
    subject: z.string().trim().max(100).optional(),
    description: z.string().trim().max(2000).optional(),
    organisationId: z.uuid(),
  })
  .openapi('CreateItemBank');

export const ShareItemBank = z
  .object({
    /** The organisation to share with: its staff and everyone below it may then read the bank. */
    organisationId: z.uuid(),
    /** Also let them add and change items (default: read-only). */
    writable: z.boolean().default(false),
  })
  .openapi('ShareItemBank');

/** An organisation a bank may be shared with. */
export const ShareTarget = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(['department', 'district_office', 'school']),
  })
  .openapi('ShareTarget');

/** The search of share targets: words of an organisation's name, diacritics optional. */
export const ShareTargetQuery = z.object({ q: z.string().max(100).optional() });

/** A comma-separated query value such as `status=draft,in_review`. */
const csv = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));

export const SearchItemsQuery = Pagination.extend({
  q: z.string().trim().max(200).optional(),
  status: csv(ITEM_STATUSES).optional(),
  subject: z.string().max(100).optional(),
  grade: z.coerce.number().int().min(1).max(12).optional(),
  topic: z.string().max(200).optional(),
  competency: z.string().max(100).optional(),
  cognitiveLevel: csv(COGNITIVE_LEVELS).optional(),
  language: z.string().max(20).optional(),
  interactionType: z.string().max(60).optional(),
  difficultyMin: z.coerce.number().min(0).max(1).optional(),
  difficultyMax: z.coerce.number().min(0).max(1).optional(),
});

export const ItemSummary = z
  .object({
    id: z.uuid(),
    bankId: z.uuid(),
    identifier: z.string(),
    title: z.string(),
    status: z.enum(ITEM_STATUSES),
    currentVersion: z.number().int(),
    subject: z.string().nullable(),
    grade: z.number().int().nullable(),
    topic: z.string().nullable(),
    competencies: z.array(z.string()),
    cognitiveLevel: z.enum(COGNITIVE_LEVELS).nullable(),
    language: z.string(),
    estimatedSeconds: z.number().int().nullable(),
    difficulty: z.number().nullable(),
    interactionTypes: z.array(z.string()),
    updatedAt: z.string(),
  })
  .openapi('ItemSummary');
