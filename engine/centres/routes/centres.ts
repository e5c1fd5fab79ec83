/**
 * Test centres for the exam board (mounted at /api/centres): register a centre with the public key
 * it made, and download a sealed package of a sitting for one or more centres. Thin adapters: the
 * access middleware decides who may (sittings:write in the organisation's subtree), commands write.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { access, target } from '../../people/access.ts';
import { security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { sittingTarget } from '../../sittings/organisation-of-sitting.ts';
import { registerCentre } from '../commands/register-centre.ts';
import { MAX_KEY_RELEASE_LEAD_MINUTES, sealSittingPackage } from '../commands/seal-sitting-package.ts';
import { DOWNTIME_RULES } from '../package-file.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

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
    );
}
