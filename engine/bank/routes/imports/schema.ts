import { z } from '@hono/zod-openapi';
import { IMPORT_FORMATS, ItemMetadata, QuestionDraft } from '../../../../item-bank/index.ts';

export const ImportQuery = z.object({
  /** The file's format; guessed from `filename` when absent. */
  format: z.enum(IMPORT_FORMATS).optional(),
  filename: z.string().max(200).optional(),
  /** Question numbers to leave out (raw-body uploads; multipart sends `decisions`). */
  skip: z.string().max(2000).optional(),
});

export const ImportProblemSchema = z
  .object({
    number: z.number().int().optional(),
    line: z.number().int().optional(),
    paragraph: z.number().int().optional(),
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    /** Vietnamese sentence. */
    message: z.string(),
    messageEn: z.string(),
  })
  .openapi('ImportProblem');

export const ImportPreviewSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    filename: z.string().nullable(),
    ok: z.boolean(),
    problems: z.array(ImportProblemSchema),
    questions: z.array(
      z.object({
        number: z.number().int(),
        label: z.string(),
        identifier: z.string(),
        draft: QuestionDraft,
        /** Whether the question became a valid item. */
        valid: z.boolean(),
        skipped: z.boolean(),
        problems: z.array(ImportProblemSchema),
      }),
    ),
  })
  .openapi('ImportPreview');

/** Sent as the multipart field `decisions` (JSON). */
export const ImportDecisionsSchema = z.object({
  skip: z.array(z.number().int()).max(5000).default([]),
  fixes: z.record(z.string(), QuestionDraft).default({}),
});

/** Sent as the multipart field `metadata` (JSON): applied to every saved item. */
export const ImportMetadata = ItemMetadata.partial().pick({
  subject: true,
  grade: true,
  topic: true,
  cognitiveLevel: true,
  competencies: true,
});

export const DraftBody = z.object({ draft: QuestionDraft, metadata: ImportMetadata.optional() });
export const TryScoreBody = z.object({
  /** Responses by identifier in their JSON forms: "B", ["A","C"], "0,5". */
  responses: z.record(z.string(), z.unknown()),
});
