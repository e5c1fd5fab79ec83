/**
 * What a centre node asks of the central engine (mounted at /api/centre-sync), each request signed
 * with the centre's key (signed-request.ts: `x-centre-id`, `x-centre-time`, `x-centre-signature`)
 * instead of a staff token; the signature is checked over the body's exact bytes before anything
 * else, so an unsigned request is refused (401) before it is parsed:
 * - `POST /key` `{ sittingId }`: the sitting key, at or after the package's not-before time by the
 *   central clock (`key_too_early` before it), to a centre a package was sealed for;
 * - `POST /log` `{ sittingId, entries }`: a batch of the centre's result log, verified and imported
 *   exactly once with its sessions, answers and submits (apply-log-entries.ts); answers with the
 *   chain's head, so a centre resumes after it, and with the sessions whose entries wait for their
 *   open. An empty batch asks for the head. Held to the 1 MB every /api body is (the node sends
 *   batches under 900 KB).
 */
import { eq } from 'drizzle-orm';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ErrorSchema } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { importAndApplyResultLog } from '../commands/import-result-log.ts';
import { releaseSittingKey } from '../commands/release-sitting-key.ts';
import { publicKeyOf } from '../ed25519.ts';
import { verifyCentreRequest } from '../signed-request.ts';
import { centres } from '../tables.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const errorResponse = (description: string) => ({ description, ...json(ErrorSchema) });

const CentreHeaders = z.object({
  'x-centre-id': z.uuid().openapi({ description: 'The centre (its registered id)' }),
  'x-centre-time': z
    .string()
    .openapi({ description: 'Centre time, ISO 8601; refused more than 5 minutes off' }),
  'x-centre-signature': z.string().openapi({
    description:
      'Ed25519 (base64) over `exam-centre-request/v1\\n<METHOD>\\n<path>\\n<time>\\n<sha256 of the body>` with the centre key',
  }),
});

const KeyRequest = z.strictObject({ sittingId: z.uuid() }).openapi('CentreKeyRequest');
const ReleasedKey = z.object({ sittingKey: z.base64(), keyId: z.string() }).openapi('CentreReleasedKey');

const LogRequest = z
  .strictObject({
    sittingId: z.uuid(),
    /** Entries of the chain in order, from anywhere at or after the central head (engine/centres/README.md). */
    entries: z.array(z.unknown()).max(2000),
  })
  .openapi('CentreLogBatch');
const ImportedBatch = z
  .object({
    imported: z.number().int(),
    skipped: z.number().int(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).optional(),
    /** Entries of this batch kept waiting for their session's open (reason `session_not_opened`). */
    deferred: z.number().int(),
    /** Entries that had waited and were applied by this batch. */
    recovered: z.number().int(),
    /** Sessions of the chain with entries waiting for their open: the centre logs it again. */
    awaitingOpen: z.array(z.uuid()),
  })
  .openapi('CentreLogImported');

const syncErrors = {
  400: errorResponse('The body is not a valid request'),
  401: errorResponse('Not signed by a registered centre (centre_unauthenticated)'),
  403: errorResponse('Refused to this centre (a package not sealed for it, an early key, a foreign log)'),
  404: errorResponse('Not found'),
  422: errorResponse('A log entry is tampered with, out of chain, or cannot be applied'),
};

/** The centre a request is signed by, by request (set by `signedByCentre` before the body is parsed). */
const signers = new WeakMap<Request, string>();

const signedByCentre: MiddlewareHandler<AppEnv> = async function signedByCentre(c, next) {
  // The exact bytes the centre signed; the JSON validator then parses the same text (Hono caches it).
  const body = await c.req.text();
  const centreId = await verifyCentreRequest(
    (name) => c.req.header(name),
    { method: c.req.method, path: new URL(c.req.url).pathname, body },
    async (id) => {
      const [row] = await c.var.deps.db
        .select({ publicKey: centres.publicKey })
        .from(centres)
        .where(eq(centres.id, id));
      return row ? publicKeyOf(row.publicKey) : undefined;
    },
  );
  signers.set(c.req.raw, centreId);
  await next();
};

const signerOf = (raw: Request) => {
  const centreId = signers.get(raw);
  if (!centreId) throw new Error('centre request reached its handler unsigned');
  return centreId;
};

export function centreSyncRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/key',
        summary: "A sitting's key, released to a centre it was sealed for from the package's not-before time",
        middleware: [signedByCentre] as const,
        request: { headers: CentreHeaders, body: { ...json(KeyRequest), required: true } },
        responses: { 200: { description: 'The sitting key', ...json(ReleasedKey) }, ...syncErrors },
      }),
      async (c) => {
        const key = await releaseSittingKey(
          c.var.deps.db,
          { sittingId: c.req.valid('json').sittingId, centreId: signerOf(c.req.raw) },
          { keySecret: c.var.deps.config.auditKey },
          { ip: c.var.clientIp },
        );
        return c.json({ sittingKey: key.sittingKey.toString('base64'), keyId: key.keyId }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/log',
        summary:
          "Import a batch of a centre's signed result log, each entry exactly once (empty: ask for the head)",
        middleware: [signedByCentre] as const,
        request: { headers: CentreHeaders, body: { ...json(LogRequest), required: true } },
        responses: { 200: { description: 'Imported', ...json(ImportedBatch) }, ...syncErrors },
      }),
      async (c) => {
        const input = c.req.valid('json');
        const batch = await importAndApplyResultLog(
          c.var.deps.db,
          { centreId: signerOf(c.req.raw), sittingId: input.sittingId, entries: input.entries },
          { ip: c.var.clientIp },
          (sessionId) => c.var.deps.onSubmitted?.(sessionId),
        );
        return c.json(batch, 200);
      },
    );
}
