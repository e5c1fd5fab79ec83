/** POST /api/candidate/check-in: access code + candidate number + date of birth -> session token. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import { itemBankTables } from '../../../item-bank/index.ts';
import { checkIn } from '../check-in.ts';
import { checkInTarget } from '../check-in-throttle.ts';
import { deliveryErrors } from '../delivery-errors.ts';
import { sebRequestAllowed, sebRequired } from '../../sittings/seb/sitting-seb.ts';
import { publicOrigin, publicRequestUrl } from '../../platform/http/public-url.ts';
import type { AssembledForm } from '../../sittings/form.ts';
import { formSpecOf } from '../form-spec-cache.ts';
import { visiblePositions } from '../item-access.ts';
import { loadSessionForAccess } from '../session-for-access.ts';
import { errors } from '../../platform/errors.ts';
import { CheckInRequest, CheckInResponse } from '../../protocol/candidate.ts';
import { ErrorSchema, Sha256Param } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const err = (description: string) => ({ description, ...json(ErrorSchema) });

const { itemVersionMedia, media } = itemBankTables;

const mediaRoute = createRoute({
  method: 'get',
  path: '/media/{sha256}',
  summary:
    'A media file of an item the candidate may see now: started, not paused or over, where the navigation allows (Authorization: Bearer <session token>)',
  request: {
    params: z.object({
      sha256: Sha256Param,
    }),
  },
  responses: {
    200: { description: 'The file' },
    401: err('No valid session token'),
    404: err('Not in this form'),
  },
});

export function candidateRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(mediaRoute, async (c) => {
      const header = c.req.header('authorization');
      const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (!token) throw errors.unauthenticated('A session token is needed.');
      const sessionId = await c.var.deps.candidateTokens.verify(token);
      const db = c.var.deps.db;
      const session = await loadSessionForAccess(db, sessionId);
      // The same rule as item:fetch: files of the items the session may see now, and no others.
      const form = session.form as AssembledForm;
      const visible = visiblePositions(session, formSpecOf(session.sittingId, session.formSpec));
      const versionIds = [...new Set(visible.map((position) => form.entries[position]!.itemVersionId))];
      if (!versionIds.length) throw errors.notFound('The file');
      const { sha256 } = c.req.valid('param');
      // Only media of items in this candidate's form are served to them.
      const [file] = await db
        .select({ contentType: media.contentType, data: media.data })
        .from(itemVersionMedia)
        .innerJoin(media, eq(media.sha256, itemVersionMedia.sha256))
        .where(and(eq(itemVersionMedia.sha256, sha256), inArray(itemVersionMedia.versionId, versionIds)))
        .limit(1);
      if (!file) throw errors.notFound('The file');
      return c.body(new Uint8Array(file.data), 200, {
        'content-type': file.contentType,
        'cache-control': 'private, max-age=86400, immutable',
      });
    })
    .openapi(
      createRoute({
        method: 'post',
        path: '/check-in',
        summary: 'Candidate check-in; the token opens the /candidate realtime namespace',
        request: { body: { ...json(CheckInRequest), required: true } },
        responses: {
          200: { description: 'Checked in', ...json(CheckInResponse) },
          400: err('Malformed request'),
          401: err('Wrong access code, candidate number or date of birth'),
          403: err('The sitting is not open, closed or cancelled'),
          429: err('Too many failed attempts'),
          503: err('Too many check-ins at once; retry after the Retry-After header'),
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const deps = c.var.deps;
        // Check-ins' own throttle, keyed by the credentials being guessed and by the address.
        const key = checkInTarget(body.accessCode, body.candidateNumber);
        const wait = await deps.checkInThrottle.retryAfter(key, c.var.clientIp);
        if (wait > 0) throw errors.rateLimited(wait);
        let result;
        try {
          result = await deps.checkInAdmission.run(() =>
            checkIn(deps.db, body, (sitting) => {
              if (!sebRequired(sitting)) return;
              const headers = {
                configKeyHash: c.req.header('x-safeexambrowser-configkeyhash'),
                requestHash: c.req.header('x-safeexambrowser-requesthash'),
              };
              const origin = publicOrigin(c);
              if (headers.configKeyHash || headers.requestHash || !body.seb) {
                if (!sebRequestAllowed(sitting, origin, publicRequestUrl(c), headers))
                  throw deliveryErrors.sebRequired();
                return;
              }
              // The JavaScript API: keys salted with the page's URL, which must be one of this engine's pages.
              const { url, configKey, browserExamKey } = body.seb;
              if (!url.startsWith(`${origin}/`)) throw deliveryErrors.sebRequired();
              const keys = { configKeyHash: configKey, requestHash: browserExamKey };
              if (!sebRequestAllowed(sitting, origin, url.split('#')[0]!, keys))
                throw deliveryErrors.sebRequired();
            }),
          );
        } catch (error) {
          if ((error as { id?: string }).id === 'invalid_candidate_credentials')
            await deps.checkInThrottle.recordFailure(key, c.var.clientIp);
          throw error;
        }
        await deps.checkInThrottle.recordSuccess(key, c.var.clientIp);
        const sessionToken = await deps.candidateTokens.issue(result.sessionId, result.tokenExpiresAt);
        return c.json(
          {
            sessionToken,
            sessionId: result.sessionId,
            candidate: result.candidate,
            sitting: {
              name: result.sitting.name,
              opensAt: result.sitting.opensAt.toISOString(),
              closesAt: result.sitting.closesAt.toISOString(),
              durationMinutes: Math.round(result.sitting.durationSeconds / 60),
              itemCount: result.sitting.itemCount,
              practice: result.sitting.practice,
            },
          },
          200,
        );
      },
    );
}
