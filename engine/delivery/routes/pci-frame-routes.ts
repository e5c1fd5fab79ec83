/**
 * PCI frames (mounted at /api/candidate/pci). The candidate page asks for a frame of one of its
 * items' portable custom interactions (Bearer session token) and gets a URL holding a frame
 * ticket; under that URL the engine serves the frame page, the frame runtime and the item's own
 * package files. Every request checks, as the media route does, that the session may see the item
 * now (delivery/item-access.ts). The page's CSP allows scripts from that path only and no network.
 */
import { readFileSync } from 'node:fs';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { itemBankTables } from '../../../item-bank/index.ts';
import { errors } from '../../platform/errors.ts';
import { ErrorSchema, Sha256Param } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { publicOrigin } from '../../platform/http/public-url.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { formSpecOf } from '../form-spec-cache.ts';
import { itemAccessRefusal, visiblePositions } from '../item-access.ts';
import { itemModels } from '../item-sessions.ts';
import { loadSessionForAccess } from '../session-for-access.ts';
import { framePageHtml, frameCsp, markupHtml, type PciFrameConfig } from '../pci/frame-page.ts';
import { issuePciFrameTicket, verifyPciFrameTicket } from '../pci/frame-ticket.ts';

const { itemVersionMedia, media } = itemBankTables;
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const err = (description: string) => ({ description, ...json(ErrorSchema) });

/** The frame runtime, read once: a plain browser script (frame-runtime.js beside the page builder). */
const RUNTIME = readFileSync(new URL('../pci/frame-runtime.js', import.meta.url), 'utf8');

/** Where every PCI frame lives: the candidate page's CSP allows frames from here only. */
export const PCI_FRAME_ROOT = '/api/candidate/pci/';
/** The path every URL of one frame shares; the frame page's CSP names it. */
export const pciFramePath = (ticket: string) => `${PCI_FRAME_ROOT}${ticket}/`;

const FrameRequest = z.object({
  itemRef: z.string().min(1).max(200),
  responseIdentifier: z.string().min(1).max(200),
});
const FrameResponse = z.object({ src: z.string() });
const TicketParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  .max(2048)
  .openapi({ param: { name: 'ticket', in: 'path' } });

const sessionFor = (c: Context<AppEnv>, sessionId: string) => loadSessionForAccess(c.var.deps.db, sessionId);

/** The ticket's session, item and PCI, when the session may still see that item now. */
async function openTicket(c: Context<AppEnv>, ticketText: string) {
  const ticket = await verifyPciFrameTicket(c.var.deps.config.jwtSecret, ticketText);
  const session = await sessionFor(c, ticket.sessionId);
  const form = session.form as AssembledForm;
  const visible = visiblePositions(session, formSpecOf(session.sittingId, session.formSpec));
  if (!visible.some((position) => form.entries[position]!.itemVersionId === ticket.itemVersionId))
    throw errors.notFound('The interaction');
  const model = (await itemModels(c.var.deps.db, [ticket.itemVersionId])).get(ticket.itemVersionId);
  const pci = model?.portableInteractions?.find((p) => p.responseIdentifier === ticket.responseIdentifier);
  if (!model || !pci) throw errors.notFound('The interaction');
  return { ticket, model, pci };
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  // The URL holds the ticket: never send it on.
  'referrer-policy': 'no-referrer',
};

export function pciFrameRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/frames',
        summary:
          'A frame URL for a portable custom interaction of an item the candidate may see now (Authorization: Bearer <session token>)',
        request: { body: { ...json(FrameRequest), required: true } },
        responses: {
          200: { description: 'The frame URL (relative to the engine)', ...json(FrameResponse) },
          401: err('No valid session token'),
          404: err('No such item in the form, not open now, or no PCI answering that response'),
        },
      }),
      async (c) => {
        const token = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
        if (!token) throw errors.unauthenticated('A session token is needed.');
        const sessionId = await c.var.deps.candidateTokens.verify(token);
        const { itemRef, responseIdentifier } = c.req.valid('json');
        const session = await sessionFor(c, sessionId);
        const form = session.form as AssembledForm;
        const position = form.entries.findIndex((e) => e.itemRef === itemRef);
        if (position < 0) throw errors.notFound('The item');
        const refusal = itemAccessRefusal(session, position, formSpecOf(session.sittingId, session.formSpec));
        if (refusal) throw refusal;
        const itemVersionId = form.entries[position]!.itemVersionId;
        const model = (await itemModels(c.var.deps.db, [itemVersionId])).get(itemVersionId);
        if (!model?.portableInteractions?.some((p) => p.responseIdentifier === responseIdentifier))
          throw errors.notFound('The interaction');
        const ticket = await issuePciFrameTicket(c.var.deps.config.jwtSecret, {
          sessionId,
          itemVersionId,
          responseIdentifier,
        });
        return c.json({ src: pciFramePath(ticket) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{ticket}/',
        summary: "The PCI's frame page: its markup, configuration and the frame runtime, under a strict CSP",
        request: { params: z.object({ ticket: TicketParam }) },
        responses: {
          200: { description: 'The frame page (text/html)' },
          401: err('Invalid or expired ticket'),
          404: err('The item is not open to the session now'),
        },
      }),
      async (c) => {
        const ticketText = c.req.valid('param').ticket;
        const { ticket, model, pci } = await openTicket(c, ticketText);
        const files = await filesOf(c, ticket.itemVersionId);
        const declaration = model.declarations.find(
          (d) => d.kind === 'response' && d.identifier === pci.responseIdentifier,
        );
        const origin = publicOrigin(c);
        const config: PciFrameConfig = {
          responseIdentifier: pci.responseIdentifier,
          typeIdentifier: pci.typeIdentifier,
          ...(pci.entryModule ? { entryModule: pci.entryModule } : {}),
          modules: Object.fromEntries(
            pci.modules.flatMap((m) => {
              const sha = files.get(m.path);
              return sha ? [[m.id, `files/${sha}`]] : [];
            }),
          ),
          properties: pci.properties,
          ...(declaration?.baseType ? { baseType: declaration.baseType } : {}),
          cardinality: declaration?.cardinality ?? 'single',
          parentOrigin: origin,
        };
        const html = framePageHtml({
          config,
          markup: markupHtml(pci.markup, (href) => files.get(href)),
          ...(model.language ? { language: model.language } : {}),
        });
        return c.body(html, 200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': frameCsp(`${origin}${pciFramePath(ticketText)}`, origin),
          ...SECURITY_HEADERS,
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{ticket}/runtime.js',
        summary: 'The PCI frame runtime (AMD loader and PCI host)',
        request: { params: z.object({ ticket: TicketParam }) },
        responses: { 200: { description: 'text/javascript' }, 401: err('Invalid or expired ticket') },
      }),
      async (c) => {
        await verifyPciFrameTicket(c.var.deps.config.jwtSecret, c.req.valid('param').ticket);
        return c.body(RUNTIME, 200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'private, max-age=3600',
          ...SECURITY_HEADERS,
        });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{ticket}/files/{sha256}',
        summary: "A file of the PCI's item package (its modules, pictures, sound) while the item is open",
        request: {
          params: z.object({
            ticket: TicketParam,
            sha256: Sha256Param,
          }),
        },
        responses: {
          200: { description: 'The file' },
          401: err('Invalid or expired ticket'),
          404: err('Not a file of this item, or the item is not open now'),
        },
      }),
      async (c) => {
        const { ticket: ticketText, sha256 } = c.req.valid('param');
        const { ticket } = await openTicket(c, ticketText);
        const [file] = await c.var.deps.db
          .select({ href: itemVersionMedia.href, contentType: media.contentType, data: media.data })
          .from(itemVersionMedia)
          .innerJoin(media, eq(media.sha256, itemVersionMedia.sha256))
          .where(
            and(eq(itemVersionMedia.versionId, ticket.itemVersionId), eq(itemVersionMedia.sha256, sha256)),
          )
          .limit(1);
        if (!file) throw errors.notFound('The file');
        // Packages store .js files untyped; with nosniff a script must say it is one.
        const contentType = /\.m?js$/i.test(file.href) ? 'text/javascript; charset=utf-8' : file.contentType;
        return c.body(new Uint8Array(file.data), 200, {
          'content-type': contentType,
          'cache-control': 'private, max-age=3600',
          ...SECURITY_HEADERS,
        });
      },
    );
}

/** The stored files of an item version: href -> sha256. */
async function filesOf(c: Context<AppEnv>, versionId: string): Promise<Map<string, string>> {
  const rows = await c.var.deps.db
    .select({ href: itemVersionMedia.href, sha256: itemVersionMedia.sha256 })
    .from(itemVersionMedia)
    .where(eq(itemVersionMedia.versionId, versionId));
  return new Map(rows.map((r) => [r.href, r.sha256]));
}
