import { z } from '@hono/zod-openapi';
import { CLASH_POLICIES, IMPORT_FORMATS, ItemMetadata, QuestionDraft } from '../../../../item-bank/index.ts';

/** An item or test of an import whose identifier the bank already holds with other content. */
export const ImportClash = z
  .object({
    kind: z.enum(['item', 'test']),
    identifier: z.string(),
    /** The upload's file (or question) that holds it. */
    file: z.string(),
    existingVersion: z.number().int(),
    existingVersionId: z.string(),
    existingSourceFile: z.string().nullable(),
    /** What the import does, or in a preview would do, with it. */
    resolution: z.enum(CLASH_POLICIES),
    newIdentifier: z.string().optional(),
  })
  .openapi('ImportClash');

export const ImportQuery = z.object({
  /** The file's format; guessed from `filename` when absent. */
  format: z.enum(IMPORT_FORMATS).optional(),
  filename: z.string().max(200).optional(),
  /** Question numbers to leave out (raw-body uploads; multipart sends `decisions`). */
  skip: z.string().max(2000).optional(),
  /**
   * Questions whose identifier the bank holds with other content (QTI 1.2 keeps its own
   * identifiers): refuse (default), new-version, rename or skip.
   */
  clash: z.enum(CLASH_POLICIES).optional(),
});

/** A clash of the import preview: the question it concerns, by number. */
export const QuestionClash = ImportClash.extend({ number: z.number().int() });

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
    /** Questions whose identifier the bank holds with other content, and what the chosen policy does. */
    clashes: z.array(QuestionClash),
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
