/**
 * Imports of the formats teachers already have (Moodle XML, GIFT, Aiken, CSV/XLSX, Word): a
 * preview that stores nothing, then a confirmation that re-reads the file with the teacher's
 * decisions and saves every question or none. Also the editor's drafts: try scoring and saving.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import {
  buildItem,
  draftIdentifier,
  draftText,
  formatFromFilename,
  parseItemXml,
  previewImport,
  type ImportDecisions,
  type ImportFormat,
  type ImportPreview,
} from '../../../../item-bank/index.ts';
import { compileItem } from '../../../../grading/index.ts';
import { AppError, errors } from '../../../platform/errors.ts';
import { uploadParsers } from '../../../platform/workers/upload-parsers.ts';
import { access } from '../../../people/access.ts';
import { bankTarget } from '../../bank-target.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { resolveQuestionClashes } from '../../question-clashes.ts';
import { saveQuestions } from '../../commands/save-questions.ts';
import {
  DraftBody,
  ImportDecisionsSchema,
  ImportMetadata,
  ImportPreviewSchema,
  ImportQuery,
  QuestionClash,
  TryScoreBody,
} from './schema.ts';
import { refusalDetails } from '../../refusal-codes.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const MAX_BYTES = 30 * 2 ** 20;
const limit = bodyLimit({
  maxSize: MAX_BYTES,
  onError: () => {
    throw new AppError(
      413,
      'payload_too_large',
      'An import file may be at most 30 MB.',
      refusalDetails('upload_too_large', { limitMb: 30 }),
    );
  },
});

interface Upload {
  bytes: Uint8Array;
  format: ImportFormat;
  filename?: string;
  decisions: ImportDecisions;
  metadata?: z.infer<typeof ImportMetadata>;
}

const parseJsonField = <T extends z.ZodType>(
  schema: T,
  value: unknown,
  name: string,
): z.output<T> | undefined => {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    throw errors.badRequest(
      `The ${name} field is not JSON.`,
      refusalDetails('upload_field_invalid', { field: name }),
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw errors.badRequest(
      `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      refusalDetails('upload_field_invalid', { field: name }),
    );
  return parsed.data;
};

/** The file from a multipart form (`file`, `decisions`, `metadata`) or the raw body. */
async function readUpload(c: Context<AppEnv>, query: z.infer<typeof ImportQuery>): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  let bytes: Uint8Array;
  let filename = query.filename;
  let decisions: ImportDecisions = {
    skip: query.skip ? query.skip.split(',').map(Number).filter(Number.isInteger) : [],
  };
  let metadata: Upload['metadata'];
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw errors.badRequest('The form has no file field.', refusalDetails('upload_no_file'));
    bytes = new Uint8Array(await file.arrayBuffer());
    filename ??= file.name;
    decisions = parseJsonField(ImportDecisionsSchema, form.decisions, 'decisions') ?? decisions;
    metadata = parseJsonField(ImportMetadata, form.metadata, 'metadata');
  } else bytes = new Uint8Array(await c.req.arrayBuffer());
  if (!bytes.length) throw errors.badRequest('The upload is empty.', refusalDetails('upload_empty'));
  const format = query.format ?? (filename ? formatFromFilename(filename, bytes) : undefined);
  if (!format)
    throw errors.badRequest(
      'Say the format (?format=moodle|gift|aiken|csv|xlsx|docx) or send a file name with a known extension.',
      refusalDetails('upload_format_unknown'),
    );
  return { bytes, format, filename, decisions, metadata };
}

/**
 * Reads the file in an upload-parser worker (heap ceiling, time budget): a hostile file costs a
 * worker, never the engine's event loop. previewImport is item-bank's own, loaded in the worker.
 */
const previewInWorker = (upload: Upload): Promise<ImportPreview> =>
  uploadParsers().run({
    reader: previewImport,
    module: new URL('../../../../item-bank/index.ts', import.meta.url),
    args: [upload.format, upload.bytes, upload.decisions],
    file: upload.filename ? `"${upload.filename}"` : 'The uploaded file',
  });

const present = (
  preview: ImportPreview,
  filename?: string,
  clashes: Array<z.infer<typeof QuestionClash>> = [],
) => ({
  format: preview.format,
  filename: filename ?? null,
  ok: preview.ok,
  problems: preview.problems,
  clashes,
  questions: preview.questions.map((q) => ({
    number: q.number,
    label: q.label,
    identifier: q.identifier,
    draft: q.draft,
    valid: !!q.item,
    skipped: q.skipped,
    problems: q.problems,
  })),
});

const Saved = z.object({
  items: z.array(
    z.object({
      number: z.number().int(),
      identifier: z.string(),
      itemId: z.string(),
      version: z.number().int(),
      created: z.boolean(),
    }),
  ),
  created: z.number().int(),
  unchanged: z.number().int(),
  clashes: z.array(QuestionClash).optional(),
});

export function importRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/imports',
        summary:
          'Preview an import (Moodle XML, GIFT, Aiken, CSV/XLSX, Word): parsed questions and problems; nothing is stored',
        description:
          'Send multipart/form-data with `file` (and optionally `decisions` JSON: {skip, fixes}) or the raw file with `?format=`.',
        security,
        middleware: [access('items:write', bankTarget.itemBank('write')), limit] as const,
        request: { params: IdParam, query: ImportQuery },
        responses: { 200: { description: 'The preview', ...json(ImportPreviewSchema) }, ...staffErrors },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const upload = await readUpload(c, query);
        const preview = await previewInWorker(upload);
        const { clashes } = await resolveQuestionClashes(c.var.deps.db, {
          bankId: c.req.valid('param').id,
          policy: query.clash ?? 'refuse',
          questions: preview.questions,
          sourceFormat: `import:${upload.format}`,
          filename: upload.filename,
          metadata: upload.metadata,
          dryRun: true,
        });
        return c.json(present(preview, upload.filename, clashes), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/imports/confirm',
        summary:
          'Save an import: every question not left out, or none (422 with the preview while any has an error)',
        security,
        middleware: [access('items:write', bankTarget.itemBank('write')), limit] as const,
        request: { params: IdParam, query: ImportQuery },
        responses: {
          200: { description: 'Saved', ...json(Saved) },
          ...staffErrors,
          409: staffErrors[400],
          422: staffErrors[400],
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const upload = await readUpload(c, query);
        const preview = await previewInWorker(upload);
        if (!preview.ok) {
          const bad = preview.questions.filter((q) => !q.skipped && !q.item).length;
          throw errors.validation(
            bad
              ? `Nothing was saved: ${bad} question(s) still have errors; fix them or leave them out.`
              : 'Nothing was saved: the file has errors or no questions.',
            refusalDetails(bad ? 'import_questions_bad' : 'import_nothing_to_save', {
              ...present(preview, upload.filename),
              bad,
            }),
          );
        }
        // Refused (409 naming each clash) unless the teacher chose what to do with them.
        const { questions, clashes } = await resolveQuestionClashes(c.var.deps.db, {
          bankId: c.req.valid('param').id,
          policy: query.clash ?? 'refuse',
          questions: preview.questions.filter((q) => !q.skipped),
          sourceFormat: `import:${upload.format}`,
          filename: upload.filename,
          metadata: upload.metadata,
        });
        const saved = await saveQuestions(
          c.var.deps.db,
          c.var.actor,
          {
            bankId: c.req.valid('param').id,
            organisationId: c.var.target!.id,
            questions,
            sourceFormat: `import:${upload.format}`,
            filename: upload.filename,
            metadata: upload.metadata,
            action: 'item_bank.import',
          },
          { ip: c.var.clientIp },
        );
        const created = saved.filter((s) => s.created).length;
        return c.json({ items: saved, created, unchanged: saved.length - created, clashes }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/drafts/try-score',
        summary: "Score a test answer on an editor's draft question (nothing is stored)",
        security,
        // Nothing is stored: reading the bank is enough (a shared, read-only bank can be tried too).
        middleware: [access('items:write', bankTarget.itemBank('read'))] as const,
        request: {
          params: IdParam,
          body: { ...json(DraftBody.extend(TryScoreBody.shape)), required: true },
        },
        responses: {
          200: {
            description: 'Outcomes',
            ...json(z.object({ outcomes: z.record(z.string(), z.unknown()), identifier: z.string() })),
          },
          ...staffErrors,
          422: staffErrors[400],
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const built = buildItem(body.draft);
        if (!built.item)
          throw errors.validation(
            'The question has errors.',
            refusalDetails('item_has_errors', { problems: built.problems }),
          );
        const outcomes = compileItem(parseItemXml(built.qtiXml!).item!).scoreJson(body.responses);
        return c.json({ outcomes, identifier: draftIdentifier(body.draft) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/drafts',
        summary: 'Save a question written in the editor as a new item (or a new version when it exists)',
        security,
        middleware: [access('items:write', bankTarget.itemBank('write'))] as const,
        request: { params: IdParam, body: { ...json(DraftBody), required: true } },
        responses: {
          200: { description: 'Saved', ...json(Saved) },
          ...staffErrors,
          422: staffErrors[400],
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const built = buildItem(body.draft);
        if (!built.item)
          throw errors.validation(
            'The question has errors.',
            refusalDetails('item_has_errors', { problems: built.problems }),
          );
        const saved = await saveQuestions(
          c.var.deps.db,
          c.var.actor,
          {
            bankId: c.req.valid('param').id,
            organisationId: c.var.target!.id,
            questions: [
              {
                number: 1,
                label: body.draft.label,
                draft: body.draft,
                item: built.item,
                qtiXml: built.qtiXml,
                identifier: draftIdentifier(body.draft),
                text: draftText(body.draft),
                problems: built.problems,
                skipped: false,
              },
            ],
            sourceFormat: 'authoring',
            metadata: body.metadata,
            action: 'item.author',
          },
          { ip: c.var.clientIp },
        );
        const created = saved.filter((s) => s.created).length;
        return c.json({ items: saved, created, unchanged: saved.length - created }, 200);
      },
    );
}
