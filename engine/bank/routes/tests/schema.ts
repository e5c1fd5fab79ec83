import { z } from '@hono/zod-openapi';
import { Blueprint, COGNITIVE_LEVELS } from '../../../../item-bank/index.ts';

export const AssembleBody = z
  .object({
    bankId: z.uuid(),
    blueprint: Blueprint,
    /** How many parallel forms to draw (1 = a single form). */
    formCount: z.number().int().min(1).max(10).default(1),
    /** Same seed, same forms; a new seed draws other items. */
    seed: z.string().max(100).optional(),
    /**
     * Saving only: the bank the forms are stored in, one you can write (the items may come from a bank
     * you can only read, such as the department's); the bank drawn from when omitted.
     */
    targetBankId: z.uuid().optional(),
  })
  .openapi('AssembleTests');

const FormItemOut = z.object({
  itemId: z.uuid(),
  version: z.number().int(),
  identifier: z.string(),
  title: z.string(),
  topic: z.string(),
  level: z.enum(COGNITIVE_LEVELS),
  points: z.number(),
  interactionTypes: z.array(z.string()),
});

export const AssembledForms = z
  .object({
    forms: z.array(
      z.object({
        label: z.string(),
        items: z.array(FormItemOut),
        points: z.number(),
        information: z.array(z.number()).optional(),
      }),
    ),
    informationSpread: z.number().optional(),
  })
  .openapi('AssembledForms');

export const StoredTestSummary = z
  .object({
    id: z.uuid(),
    bankId: z.uuid(),
    identifier: z.string(),
    title: z.string(),
    version: z.number().int(),
    formLabel: z.string().nullable(),
    /** Tests generated together from one blueprint share this group. */
    group: z.string().nullable(),
    itemCount: z.number().int(),
    points: z.number(),
    createdAt: z.string(),
  })
  .openapi('StoredTestSummary');

export const StoredTest = StoredTestSummary.extend({
  items: z.array(FormItemOut),
  blueprint: Blueprint.nullable(),
  /** The test as the `form` of POST /api/sittings. */
  sittingForm: z.object({
    sections: z.array(
      z.object({
        identifier: z.string(),
        title: z.string(),
        items: z.array(
          z.object({ itemId: z.uuid(), version: z.number().int(), itemRef: z.string(), weight: z.number() }),
        ),
      }),
    ),
  }),
}).openapi('StoredTest');

export const BankQuery = z.object({ bankId: z.uuid() });
