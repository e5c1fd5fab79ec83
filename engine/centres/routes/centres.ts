/**
 * Test centres for the exam board (mounted at /api/centres): register a centre with the public key
 * it made, download a sealed package of a sitting for one or more centres, list the centres with
 * their status, read a centre's reconciliation of a sitting, issue a room code for a centre's room,
 * and upload a centre's USB log file. Thin adapters: the access middleware decides who may
 * (sittings:write: admin and exam board, in the organisation's subtree; another organisation's
 * centre is not found), commands write and centre-board.ts reads.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { access, resolver, target } from '../../people/access.ts';
import { errors } from '../../platform/errors.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { streamBodyToFile } from '../../platform/http/stream-to-file.ts';
import { sittingTarget } from '../../sittings/organisation-of-sitting.ts';
import { centreInScope, centreReconciliation, listCentres } from '../centre-board.ts';
import { importCentreLogFile } from '../import-log-file.ts';
import { issueRoomCode } from '../commands/issue-room-code.ts';
import { registerCentre } from '../commands/register-centre.ts';
import { MAX_KEY_RELEASE_LEAD_MINUTES, sealSittingPackage } from '../commands/seal-sitting-package.ts';
import { DOWNTIME_RULES } from '../package-file.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const errorResponse = (description: string) => ({ description, ...json(ErrorSchema) });

/** The largest USB log file the exam board uploads (the body limit's rule names the same). */
export const MAX_LOG_FILE_BYTES = 256 * 1024 * 1024;

/** The centre named in the path, if it is in the actor's subtree (else 404, as if it did not exist). */
const centreTarget = resolver(
  'The centre',
  async (c, id) => {
    const centre = await centreInScope(c.var.deps.db, c.var.actor, id);
    return (
      centre && {
        id: centre.organisationId,
        kind: centre.organisationKind,
        path: centre.path,
        name: centre.organisationName,
      }
    );
  },
  'param',
  'id',
  true,
);

const LogStatus = z
  .object({
    entries: z.number().int(),
    headSeq: z.number().int(),
    lastImportAt: z.string(),
    /** Every entry from 1 to the head is held, each verified on import (hash, signature, chain). */
    verified: z.boolean(),
    /** Entries held but waiting for their session's open. */
    deferredWaiting: z.number().int(),
  })
  .openapi('CentreLogStatus');

const CentreStatus = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    registeredAt: z.string(),
    sittings: z.array(
      z.object({
        sittingId: z.uuid(),
        sittingName: z.string(),
        opensAt: z.string(),
        packages: z.array(
          z.object({
            packageId: z.uuid(),
            sealedAt: z.string(),
            notBefore: z.string(),
            bytes: z.number().int(),
            rooms: z.array(z.object({ id: z.uuid(), name: z.string() })),
          }),
        ),
        key: z.object({
          /** First released to the centre over the line (null: not yet). */
          onlineAt: z.string().nullable(),
          /** Room codes issued for the centre's rooms. */
          roomCodes: z.array(z.object({ roomId: z.uuid(), roomName: z.string(), at: z.string() })),
        }),
        log: LogStatus.nullable(),
        /** The last refused import of this log (its error id and message). */
        lastRefusal: z
          .object({ error: z.string(), message: z.string(), at: z.string(), via: z.enum(['sync', 'file']) })
          .nullable(),
      }),
    ),
  })
  .openapi('CentreStatus');

const Reconciliation = z
  .object({
    centre: z.object({ id: z.uuid(), name: z.string() }),
    sitting: z.object({ id: z.uuid(), name: z.string(), opensAt: z.string() }),
    packages: z.array(z.object({ packageId: z.uuid(), sealedAt: z.string() })),
    log: LogStatus.nullable(),
    candidates: z.array(
      z.object({
        sittingCandidateId: z.uuid(),
        candidateNumber: z.string(),
        fullName: z.string(),
        roomId: z.uuid(),
        roomName: z.string(),
        sessionId: z.uuid().nullable(),
        opened: z.boolean(),
        savesReceived: z.number().int(),
        answersHeld: z.number().int(),
        submitted: z.boolean(),
        centralState: z.string().nullable(),
        scored: z.boolean(),
        rawScore: z.number().nullable(),
        maxScore: z.number().nullable(),
        deferred: z.number().int(),
      }),
    ),
    totals: z.object({
      rostered: z.number().int(),
      opened: z.number().int(),
      savesReceived: z.number().int(),
      answersHeld: z.number().int(),
      submitted: z.number().int(),
      scored: z.number().int(),
      deferred: z.number().int(),
    }),
    missing: z.object({
      notOpened: z.array(z.string()),
      openedNotSubmitted: z.array(z.string()),
      deferred: z.array(z.string()),
      sessionsAwaitingOpen: z.array(z.uuid()),
    }),
  })
  .openapi('CentreReconciliation');

const IssueRoomCode = z
  .strictObject({ sittingId: z.uuid(), roomId: z.uuid() })
  .openapi('CentreIssueRoomCode');
const IssuedRoomCode = z
  .object({
    /** `XXXX-XXXX-XXXX-XXXX-C`: Crockford base32, the last symbol its check. */
    code: z.string(),
    roomName: z.string(),
    opensAt: z.string(),
  })
  .openapi('CentreRoomCode');

const ImportedLogFile = z
  .object({
    centreId: z.uuid(),
    sittingId: z.uuid(),
    entries: z.number().int(),
    imported: z.number().int(),
    skipped: z.number().int(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).optional(),
    awaitingOpen: z.array(z.uuid()),
  })
  .openapi('CentreLogFileImported');

const RegisterCentre = z
  .object({
    /** The organisation (a school) that runs the centre. */
    organisationId: z.uuid(),
    name: z.string().trim().min(1).max(200),
    /** The Ed25519 public key the centre made for itself (SPKI DER, base64); it signs the centre's result log. */
    publicKey: z.base64().max(200),
  })
  .openapi('RegisterCentre');

const RegisteredCentre = z
  .object({
    centreId: z.uuid(),
    /** The central package-signing key the centre must trust. */
    central: z.object({ keyId: z.string(), publicKey: z.string() }),
  })
  .openapi('RegisteredCentre');

const SealPackage = z
  .object({
    sittingId: z.uuid(),
    centreIds: z.array(z.uuid()).min(1).max(50),
    /** The rooms to include (default: every room of the sitting). */
    roomIds: z.array(z.uuid()).min(1).max(500).optional(),
    /** Minutes before the sitting opens from which the key may be used (default 0). */
    keyReleaseLeadMinutes: z.number().int().min(0).max(MAX_KEY_RELEASE_LEAD_MINUTES).optional(),
    /** After a power loss at the centre: the candidates' clocks stand still for the downtime (pause, default) or run on. */
    downtime: z.enum(DOWNTIME_RULES).optional(),
  })
  .openapi('SealPackage');

export function centreRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        summary:
          'Register a test centre with the public key it made; answers with the central key it must trust',
        security,
        middleware: [access('sittings:write', target.organisation('organisationId', 'json'))] as const,
        request: { body: { ...json(RegisterCentre), required: true } },
        responses: { 201: { description: 'Registered', ...json(RegisteredCentre) }, ...staffErrors },
      }),
      async (c) => {
        const registered = await registerCentre(
          c.var.deps.db,
          c.var.actor,
          c.req.valid('json'),
          { keySecret: c.var.deps.config.auditKey },
          { ip: c.var.clientIp },
        );
        return c.json(registered, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/packages',
        summary:
          'Seal a sitting into a signed, encrypted package for centres and download it (the key stays central until the start time)',
        security,
        middleware: [access('sittings:write', sittingTarget('sittingId', 'json'))] as const,
        request: { body: { ...json(SealPackage), required: true } },
        responses: {
          200: {
            description: 'The package file',
            content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const { file, header } = await sealSittingPackage(
          c.var.deps.db,
          c.var.actor,
          c.req.valid('json'),
          { keySecret: c.var.deps.config.auditKey },
          { ip: c.var.clientIp },
        );
        return c.body(new Uint8Array(file), 200, {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename="sitting-${header.sittingId.slice(0, 8)}-${header.packageId.slice(0, 8)}.examcentre"`,
          'x-package-id': header.packageId,
          'cache-control': 'no-store',
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        summary:
          "The centres of the caller's organisation with their status: packages sealed, keys released, result logs received",
        security,
        middleware: [access('sittings:write')] as const,
        responses: {
          200: { description: 'Centres', ...json(z.object({ items: z.array(CentreStatus) })) },
          ...staffErrors,
        },
      }),
      async (c) => c.json({ items: await listCentres(c.var.deps.db, c.var.actor) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/reconciliation',
        summary:
          "A centre's reconciliation of a sitting: per rostered candidate, session opened, saves, submit, central score, deferred entries",
        security,
        middleware: [access('sittings:write', centreTarget)] as const,
        request: { params: IdParam, query: z.object({ sittingId: z.uuid() }) },
        responses: { 200: { description: 'The report', ...json(Reconciliation) }, ...staffErrors },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { sittingId } = c.req.valid('query');
        return c.json(await centreReconciliation(c.var.deps.db, c.var.actor, id, sittingId), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/room-codes',
        summary:
          "Issue a room's key release code for a centre whose line is down (a room of a package sealed for it)",
        security,
        middleware: [access('sittings:write', centreTarget)] as const,
        request: { params: IdParam, body: { ...json(IssueRoomCode), required: true } },
        responses: {
          200: { description: 'The code to read out', ...json(IssuedRoomCode) },
          409: errorResponse('The sitting has no package key yet (no package sealed)'),
          ...staffErrors,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const issued = await issueRoomCode(
          c.var.deps.db,
          c.var.actor,
          { ...c.req.valid('json'), centreId: id },
          { keySecret: c.var.deps.config.auditKey },
          { ip: c.var.clientIp },
        );
        return c.json({ ...issued, opensAt: issued.opensAt.toISOString() }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/log-file',
        summary:
          "Import a centre's result log file (npm run centre -- export-log), as the sync imports it; up to 256 MB, streamed",
        security,
        middleware: [access('sittings:write', centreTarget)] as const,
        request: {
          params: IdParam,
          body: {
            required: true,
            content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
          },
        },
        responses: {
          200: { description: 'Imported (entries new and already held)', ...json(ImportedLogFile) },
          409: errorResponse('The log does not follow the chain held (log_gap, log_seq_conflict)'),
          413: errorResponse('The file is larger than 256 MB'),
          422: errorResponse('An entry is tampered with, out of chain, or cannot be applied'),
          ...staffErrors,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const dir = path.join(c.var.deps.config.dataDir, 'uploads');
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const file = path.join(dir, `centre-log-${randomUUID()}`);
        try {
          const bytes = await streamBodyToFile(c.req.raw.body, file, {
            maxBytes: MAX_LOG_FILE_BYTES,
            what: 'A result log file',
          });
          if (!bytes) throw errors.badRequest('The body must be the result log file.');
          const imported = await importCentreLogFile(
            c.var.deps.db,
            c.var.actor,
            id,
            await readFile(file, 'utf8'),
            { ip: c.var.clientIp },
            (sessionId) => c.var.deps.onSubmitted?.(sessionId),
          );
          return c.json(imported, 200);
        } finally {
          await rm(file, { force: true });
        }
      },
    );
}
