/**
 * The item editor's API over the JSON authoring model: preview an unsaved item as a candidate
 * sees it and score a test answer on it, save it (a new item, or a new version of the item with
 * that identifier), and load a stored item's authoring JSON, metadata and media for editing.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import {
  AuthoringItem,
  getItemVersion,
  itemBankTables,
  ItemMetadata,
  parseItemXml,
  serialiseAuthoringItem,
  toAuthoringItem,
  toCandidateItem,
  type AssessmentItem,
} from '../../../../item-bank/index.ts';
import { compileItem } from '../../../../grading/index.ts';
import { errors } from '../../../platform/errors.ts';
import { access } from '../../../people/access.ts';
import { bankTarget } from '../../bank-target.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { saveAuthoredItem } from '../../commands/save-authored-item.ts';
import { checkCodeReferences } from '../../check-code-references.ts';
import { tryCodeTasks } from '../../try-code-tasks.ts';
import { refusalDetails } from '../../refusal-codes.ts';

const { items, itemVersionMedia, media } = itemBankTables;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
const MediaUpload = z.object({
  href: z.string().regex(/^media\/[\w.-]{1,120}$/, 'a media path like media/hinh-1.png'),
  contentType: z.string().regex(/^(image|audio|video)\/[\w.+-]+$/),
  /** Base64 bytes. */
  data: z.string().max(Math.ceil((MAX_MEDIA_BYTES * 4) / 3) + 4),
});
const EditorMetadata = ItemMetadata.partial().pick({
  subject: true,
  grade: true,
  topic: true,
  competencies: true,
  cognitiveLevel: true,
});
const Problem = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
type Problem = z.infer<typeof Problem>;

const PreviewBody = z.object({
  bankId: z.uuid(),
  item: z.unknown(),
  /** A test answer by response identifier, in the scorer's JSON forms; absent = preview only. */
  responses: z.record(z.string(), z.unknown()).optional(),
});
const SaveBody = z.object({
  bankId: z.uuid(),
  /**
   * The stored item and version this edit started from; absent for a new item. A new item may not
   * take an identifier the bank holds, and an edit of an older version than the current one is
   * refused (409 identifier_taken / edited_elsewhere): nobody's save is overwritten unseen.
   */
  basedOn: z.object({ itemId: z.uuid(), version: z.number().int().min(1) }).optional(),
  item: z.unknown(),
  metadata: EditorMetadata.optional(),
  media: z.array(MediaUpload).max(50).default([]),
  /**
   * Code tasks: the teacher's reference solution by response identifier. It is graded before saving
   * and must score full marks (the starter code must not); it is not stored.
   */
  codeReferences: z.record(z.string(), z.string().max(200_000)).optional(),
});

/** The reference-solution check of a code task on save (engine/bank/check-code-references.ts). */
const CodeReferenceCheck = z
  .object({
    responseIdentifier: z.string(),
    reference: z.object({
      score: z.number(),
      maxScore: z.number(),
      failing: z.array(z.object({ name: z.string(), verdict: z.string(), message: z.string().optional() })),
    }),
    starter: z.object({ score: z.number(), maxScore: z.number() }),
    teacherError: z.string().optional(),
    practiceOnly: z.boolean(),
    ok: z.boolean(),
  })
  .openapi('CodeReferenceCheck');

/** Checks authoring JSON and builds its QTI and model, or the problems found. */
function build(input: unknown): { xml?: string; model?: AssessmentItem; problems: Problem[] } {
  const checked = AuthoringItem.safeParse(input);
  if (!checked.success) {
    return {
      problems: checked.error.issues.map((i) => {
        const text = `${i.path.join('.')}: ${i.message}`;
        return { severity: 'error', code: 'invalid_item', message: text, messageEn: text };
      }),
    };
  }
  const xml = serialiseAuthoringItem(checked.data);
  const parsed = parseItemXml(xml);
  const problems = parsed.problems.map((p): Problem => ({
    severity: p.severity,
    code: p.code,
    message: p.message,
    messageEn: p.message,
  }));
  if (!parsed.item || problems.some((p) => p.severity === 'error')) return { problems };
  return { xml, model: parsed.item, problems };
}

const VERDICTS = [
  'passed',
  'wrong_answer',
  'runtime_error',
  'time_limit',
  'memory_limit',
  'output_limit',
  'not_gradable',
] as const;

/** A code task's trial run: every test (hidden ones too) with its verdict. */
const TriedCodeTask = z
  .object({
    responseIdentifier: z.string(),
    score: z.number(),
    maxScore: z.number(),
    notGradable: z.boolean(),
    teacherError: z.boolean(),
    message: z.string().optional(),
    tests: z.array(
      z.object({
        name: z.string(),
        verdict: z.enum(VERDICTS),
        visible: z.boolean(),
        score: z.number(),
        expected: z.string().optional(),
        actual: z.string().optional(),
        message: z.string().optional(),
      }),
    ),
  })
  .openapi('TriedCodeTask');

export function authoringRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/authoring/preview',
        summary:
          'Preview an unsaved item (authoring JSON) as a candidate sees it, and score a test answer on it; nothing is stored',
        security,
        // Nothing is stored: reading the bank is enough (a shared, read-only bank can be tried too).
        middleware: [access('items:write', bankTarget.itemBank('read', 'bankId', 'json'))] as const,
        request: { body: { ...json(PreviewBody), required: true } },
        responses: {
          200: {
            description: 'The candidate view, the outcomes of the test answer and any warnings',
            ...json(
              z.object({
                candidate: z.unknown(),
                outcomes: z.record(z.string(), z.unknown()).optional(),
                /** Code tasks: the trial code run on every test in the engine's sandboxes. */
                codeTasks: z.array(TriedCodeTask).optional(),
                problems: z.array(Problem),
              }),
            ),
          },
          ...staffErrors,
          409: staffErrors[400],
          422: staffErrors[400],
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const built = build(body.item);
        if (!built.model)
          throw errors.validation(
            'The item has errors.',
            refusalDetails('item_has_errors', { problems: built.problems }),
          );
        let outcomes: Record<string, unknown> | undefined;
        let codeTasks: Awaited<ReturnType<typeof tryCodeTasks>>;
        const grader = c.var.deps.codeGrader;
        if (body.responses && built.model.codeTasks?.length && grader) {
          // A code task is scored by running its tests, as a session's code is (not by response processing).
          codeTasks = await tryCodeTasks(grader, built.model, body.responses);
          outcomes = { SCORE: codeTasks!.score, MAXSCORE: codeTasks!.maxScore };
        } else if (body.responses) {
          try {
            outcomes = compileItem(built.model).scoreJson(body.responses);
          } catch (error) {
            throw errors.validation(
              `The answer cannot be scored: ${(error as Error).message}`,
              refusalDetails('answer_not_scorable', { reason: (error as Error).message }),
            );
          }
        }
        return c.json(
          {
            candidate: toCandidateItem(built.model),
            ...(outcomes ? { outcomes } : {}),
            ...(codeTasks ? { codeTasks: codeTasks.tasks } : {}),
            problems: built.problems,
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/authoring',
        summary:
          'Save an item written in the item editor (authoring JSON, metadata, media): a new item, or a new version of the item with its identifier',
        security,
        middleware: [access('items:write', bankTarget.itemBank('write', 'bankId', 'json'))] as const,
        request: { body: { ...json(SaveBody), required: true } },
        responses: {
          200: {
            description: 'Saved',
            ...json(
              z.object({
                itemId: z.string(),
                version: z.number().int(),
                created: z.boolean(),
                /** Code tasks whose reference solution was sent: each passed the check. */
                codeChecks: z.array(CodeReferenceCheck).optional(),
              }),
            ),
          },
          ...staffErrors,
          409: staffErrors[400],
          422: staffErrors[400],
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const built = build(body.item);
        if (!built.model)
          throw errors.validation(
            'The item has errors.',
            refusalDetails('item_has_errors', { problems: built.problems }),
          );
        const model = built.model;
        // A code task is saved only when its reference solution scores full marks and its starter
        // does not: the teacher sees the failing tests instead of a task that grades wrongly.
        const grader = c.var.deps.codeGrader;
        const codeChecks =
          body.codeReferences && grader
            ? await checkCodeReferences(grader, model, body.codeReferences)
            : undefined;
        if (codeChecks?.some((check) => !check.ok))
          throw errors.validation(
            'The reference solution of a code task does not pass its tests.',
            refusalDetails('code_reference_fails', { problems: [], codeChecks }),
          );
        const files = body.media.map((m) => ({
          href: m.href,
          contentType: m.contentType,
          data: new Uint8Array(Buffer.from(m.data, 'base64')),
        }));
        if (files.some((f) => f.data.byteLength > MAX_MEDIA_BYTES))
          throw errors.validation(
            'A media file is larger than 5 MB.',
            refusalDetails('media_too_large', { limitMb: 5 }),
          );
        const saved = await saveAuthoredItem(
          c.var.deps.db,
          c.var.actor,
          {
            bankId: body.bankId,
            organisationId: c.var.target!.id,
            model,
            qtiXml: built.xml!,
            media: files,
            metadata: body.metadata,
            basedOn: body.basedOn,
          },
          { ip: c.var.clientIp },
        );
        return c.json(
          {
            itemId: saved.itemId,
            version: saved.version,
            created: saved.created,
            ...(codeChecks ? { codeChecks } : {}),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/authoring',
        summary:
          "An item's current version as authoring JSON, with its metadata and media, for the item editor (staff only: holds the key)",
        security,
        middleware: [access('items:read', bankTarget.item('read', 'id', 'param'))] as const,
        request: { params: IdParam },
        responses: {
          200: {
            description: 'The item for editing',
            ...json(
              z.object({
                id: z.string(),
                bankId: z.string(),
                version: z.number().int(),
                item: z.unknown(),
                metadata: z.record(z.string(), z.unknown()),
                media: z.array(MediaUpload),
              }),
            ),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const db = c.var.deps.db;
        const [item] = await db.select().from(items).where(eq(items.id, id));
        const version = item ? await getItemVersion(db, id) : undefined;
        if (!item || !version) throw errors.notFound('The item');
        const parsed = parseItemXml(version.qtiXml);
        if (!parsed.item)
          throw errors.validation(
            'The stored item cannot be read.',
            refusalDetails('stored_item_unreadable', { problems: parsed.problems }),
          );
        const files = await db
          .select({ href: itemVersionMedia.href, contentType: media.contentType, data: media.data })
          .from(itemVersionMedia)
          .innerJoin(media, eq(media.sha256, itemVersionMedia.sha256))
          .where(eq(itemVersionMedia.versionId, version.id));
        return c.json(
          {
            id: item.id,
            bankId: item.bankId,
            version: version.version,
            item: toAuthoringItem(parsed.item),
            metadata: {
              subject: item.subject,
              grade: item.grade,
              topic: item.topic,
              competencies: item.competencies,
              cognitiveLevel: item.cognitiveLevel,
            },
            media: files.map((f) => ({
              href: f.href,
              contentType: f.contentType,
              data: Buffer.from(f.data).toString('base64'),
            })),
          },
          200,
        );
      },
    );
}
