/**
 * The centre's staff on a centre node (mounted at /api/centre-node; a staff token with
 * sittings:write): import a package file days ahead, open it with a room code read out by the exam
 * board when the line is down, see what is held and opened, and push the result log now. Not in the
 * OpenAPI document yet (mounted only on a centre node), so a package sent here is held to the 1 MB
 * every /api body is; larger packages go through `npm run centre -- import`.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { access } from '../../people/access.ts';
import { errors } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import type { CentreNode } from '../node/centre-node.ts';

const OpenWithCode = z.strictObject({ roomId: z.uuid(), code: z.string().min(1).max(40) });

export function centreNodeRoutes(node: CentreNode) {
  return new Hono<AppEnv>()
    .use('*', access('sittings:write'))
    .post('/packages', async (c) => {
      const file = Buffer.from(await c.req.arrayBuffer());
      if (!file.length) throw errors.badRequest('The body must be the package file.');
      const { header, alreadyHeld } = await node.importFile(file);
      return c.json(
        {
          packageId: header.packageId,
          sittingId: header.sittingId,
          notBefore: header.notBefore,
          alreadyHeld,
        },
        alreadyHeld ? 200 : 201,
      );
    })
    .post('/packages/:id/open', async (c) => {
      const packageId = c.req.param('id');
      if (!z.uuid().safeParse(packageId).success) throw errors.badRequest('id: must be a package id (uuid).');
      const parsed = OpenWithCode.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw errors.badRequest(`${issue.path.join('.') || 'body'}: ${issue.message}`);
      }
      const opened = await node.open(packageId, { roomId: parsed.data.roomId, roomCode: parsed.data.code });
      return c.json({ packageId, rooms: opened.rooms.map((r) => ({ id: r.room.id, name: r.room.name })) });
    })
    .get('/status', (c) => c.json({ packages: node.status() }))
    .post('/sync', async (c) => c.json(await node.sync()));
}
