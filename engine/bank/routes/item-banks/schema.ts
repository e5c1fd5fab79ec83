import { z } from '@hono/zod-openapi';
import { COGNITIVE_LEVELS, ITEM_STATUSES } from '../../../../item-bank/index.ts';
import { Pagination } from '../../../platform/http/common-schemas.ts';

export const ItemBank = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    /** Whether the caller may add or change items (the bank is in their own subtree). */
    writable: z.boolean(),
  })
  .openapi('ItemBank');

export const CreateItemBank = z
  .object({
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(2000).optional(),
    organisationId: z.uuid(),
  })
  .openapi('CreateItemBank');

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
