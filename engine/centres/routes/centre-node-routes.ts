/**
 * The centre's staff on a centre node (mounted at /api/centre-node; a staff token with
 * sittings:write): import a package file days ahead, open it with a room code read out by the exam
 * board when the line is down, see what is held and opened, and push the result log now. In the
 * OpenAPI document on every engine; an engine that is not a centre node answers 404
 * `not_a_centre_node`. A package upload may be up to 512 MB: its body is streamed to a file in the
 * data folder as it arrives, counted on the way (413 past the limit), never gathered in memory by the
 * body limit; the signature check then reads the whole file (Ed25519 signs the package as one message).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { access } from '../../people/access.ts';
import { errors } from '../../platform/errors.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { streamBodyToFile } from '../../platform/http/stream-to-file.ts';
import { centreErrors } from '../centre-errors.ts';
import type { CentreNode } from '../node/centre-node.ts';

/** The largest package file a centre node takes over HTTP (the body limit's rule names the same). */
export const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const errorResponse = (description: string) => ({ description, ...json(ErrorSchema) });

const HeldPackage = z
  .object({
    packageId: z.uuid(),
    sittingId: z.uuid(),
    /** From when the sitting key may be used (the sitting's start, less the key release lead). */
    notBefore: z.string(),
    /** The same package was held already (nothing changed). */
    alreadyHeld: z.boolean(),
  })
  .openapi('CentreHeldPackage');

const OpenWithCode = z
  .strictObject({
    roomId: z.uuid(),
    /** The room code the exam board reads out, `XXXX-XXXX-XXXX-XXXX-C`. */
    code: z.string().min(1).max(40),
  })
  .openapi('CentreOpenWithCode');

const OpenedRooms = z
  .object({ packageId: z.uuid(), rooms: z.array(z.object({ id: z.uuid(), name: z.string() })) })
  .openapi('CentreOpenedRooms');

const NodeStatus = z
  .object({
    packages: z.array(
      z.object({
        packageId: z.uuid(),
        sittingId: z.uuid(),
        sittingName: z.string(),
        rooms: z.array(z.object({ id: z.uuid(), name: z.string(), candidates: z.number().int() })),
        /** The last log entry the central engine is known to hold (null: not asked yet). */
        centralSeq: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('CentreNodeStatus');

const SyncReport = z
  .object({
    sent: z.number().int(),
    imported: z.number().int(),
    /** Session opens logged again because the central engine held entries of them waiting for it. */
    reopened: z.number().int(),
    chains: z.array(
      z.object({ sittingId: z.uuid(), centralSeq: z.number().int(), localSeq: z.number().int() }),
    ),
  })
  .openapi('CentreSyncReport');

const nodeErrors = {
  ...staffErrors,
  403: errorResponse(
    'The role does not allow this, the key is not due yet, or the code is for another package',
  ),
  404: errorResponse('Not found, or this engine is not a centre node'),
};

export function centreNodeRoutes(node: CentreNode | undefined) {
  const centre = () => {
    if (!node) throw centreErrors.notACentreNode();
    return node;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/packages',
        summary:
          'Import a sealed sitting package (verified, kept sealed until its key); up to 512 MB, streamed',
        security,
        middleware: [access('sittings:write')] as const,
        request: {
          body: {
            required: true,
            content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
          },
        },
        responses: {
          200: { description: 'Held already', ...json(HeldPackage) },
          201: { description: 'Imported', ...json(HeldPackage) },
          413: errorResponse('The package file is larger than 512 MB'),
          422: errorResponse('The package is tampered with, or for another centre'),
          ...nodeErrors,
        },
      }),
      async (c) => {
        const target = centre();
        const dir = path.join(c.var.deps.config.dataDir, 'uploads');
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const file = path.join(dir, `centre-package-${randomUUID()}`);
        try {
          const bytes = await streamBodyToFile(c.req.raw.body, file, {
            maxBytes: MAX_PACKAGE_BYTES,
            what: 'A package file',
          });
          if (!bytes) throw errors.badRequest('The body must be the package file.');
          const { header, alreadyHeld } = await target.importFile(await readFile(file));
          const held = {
            packageId: header.packageId,
            sittingId: header.sittingId,
            notBefore: header.notBefore,
            alreadyHeld,
          };
          return alreadyHeld ? c.json(held, 200) : c.json(held, 201);
        } finally {
          await rm(file, { force: true });
        }
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/packages/{id}/open',
        summary: 'Open a held package for one room with the room code the exam board reads out',
        security,
        middleware: [access('sittings:write')] as const,
        request: { params: IdParam, body: { ...json(OpenWithCode), required: true } },
        responses: {
          200: { description: 'Opened: the rooms this node can now run', ...json(OpenedRooms) },
          422: errorResponse('The code is mistyped (its check character) or wrong'),
          ...nodeErrors,
        },
      }),
      async (c) => {
        const target = centre();
        const { id: packageId } = c.req.valid('param');
        const { roomId, code } = c.req.valid('json');
        const opened = await target.open(packageId, { roomId, roomCode: code });
        return c.json(
          { packageId, rooms: opened.rooms.map((r) => ({ id: r.room.id, name: r.room.name })) },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/status',
        summary:
          'The packages this centre node has opened, their rooms and how far the central engine holds the log',
        security,
        middleware: [access('sittings:write')] as const,
        responses: { 200: { description: 'Status', ...json(NodeStatus) }, ...nodeErrors },
      }),
      (c) => c.json({ packages: centre().status() }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sync',
        summary: 'Push the result log to the central engine now (as the sync loop does)',
        security,
        middleware: [access('sittings:write')] as const,
        responses: {
          200: { description: 'What was sent and imported, per chain', ...json(SyncReport) },
          503: errorResponse('The central engine cannot be reached'),
          ...nodeErrors,
        },
      }),
      async (c) => c.json(await centre().sync(), 200),
    );
}
