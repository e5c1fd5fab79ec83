/**
 * Calibration from the author page (issue 23): the same engine command as `npm run calibrate`
 * (../../commands/calibrate-items.ts). Staff who may write a bank's items (`items:write` and the bank
 * rule's write access: admin, exam board, teacher of the owning school) calibrate the bank
 * (`POST /api/item-banks/{id}/calibration`); staff with `results:write` on a sitting (admin, exam board)
 * calibrate the items its scored sessions were presented, pretest items included
 * (`POST /api/results/sittings/{id}/calibration`). `store: false` (default) is a preview that writes
 * nothing; `store: true` writes the unflagged estimates (all with `includeFlagged`) as new parameter
 * versions with the audit row `items.calibrate`, in one transaction. Refusals carry `details.code`.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { calibration } from '../../../../grading/index.ts';
import { bankTarget } from '../../../bank/bank-target.ts';
import { access } from '../../../people/access.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import { validationHook } from '../../../platform/http/validation-hook.ts';
import { sittingTarget } from '../../../sittings/organisation-of-sitting.ts';
import { CALIBRATION_MODELS, calibrateItemsCommand } from '../../commands/calibrate-items.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

export const CalibrationRequest = z
  .object({
    model: z.enum(['rasch', '1pl', '2pl', '3pl']).default('2pl').describe('Dichotomous items'),
    poly: z.enum(['gpcm', 'grm']).default('gpcm').describe('Polytomous items'),
    models: z
      .record(z.string(), z.enum(CALIBRATION_MODELS))
      .optional()
      .describe('Per-item models by item id or identifier'),
    link: z
      .enum(calibration.LINK_METHODS)
      .default('fixed')
      .describe('Linking to the bank scale through anchors'),
    recalibrate: z
      .boolean()
      .default(false)
      .describe(
        'Re-estimate the items with stored parameters too, linked through those parameters (mean-sigma or stocking-lord)',
      ),
    store: z
      .boolean()
      .default(false)
      .describe('Write the estimates as new parameter versions (else a preview)'),
    includeFlagged: z.boolean().default(false),
    minResponses: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('The few_responses flag threshold'),
  })
  .strict()
  .openapi('CalibrationRequest');

const Params = z
  .object({ model: z.string(), a: z.number(), b: z.union([z.number(), z.array(z.number())]) })
  .passthrough();

export const CalibrationRun = z
  .object({
    source: z.string(),
    items: z.array(
      z.object({
        identifier: z.string(),
        itemId: z.string(),
        model: z.string(),
        anchor: z.boolean(),
        n: z.number(),
        params: Params,
        fit: z.object({
          infit: z.number(),
          outfit: z.number(),
          x2: z.number(),
          df: z.number(),
          p: z.number(),
        }),
        flags: z.array(z.string()),
        itemVersionId: z.string().nullable(),
        storedVersion: z.number().int().nullable(),
      }),
    ),
    estimated: z.number().int(),
    anchors: z.number().int(),
    sampleSize: z.number(),
    converged: z.boolean(),
    iterations: z.number().int(),
    logLikelihood: z.number(),
    latent: z.object({ mean: z.number(), sd: z.number() }),
    linking: z
      .object({
        method: z.enum(calibration.LINK_METHODS),
        anchors: z.number().int(),
        mean: z.number().optional(),
        sd: z.number().optional(),
        A: z.number().optional(),
        B: z.number().optional(),
        recalibrated: z.boolean().optional(),
      })
      .describe('How the estimates reached the bank scale'),
    flagged: z.number().int(),
    stored: z.number().int(),
  })
  .openapi('CalibrationRun');

const errorsOf = {
  ...staffErrors,
  400: {
    description:
      'Invalid options, or calibration_too_few_anchors (mean/sigma and Stocking–Lord need two anchors)',
    ...json(ErrorSchema),
  },
  409: {
    description: 'No scored responses to calibrate from (calibration_no_responses)',
    ...json(ErrorSchema),
  },
};

type Scope = { bankId: string } | { sittingId: string };

/** One calibration route: the body checked, the command run in the route's scope, its outcome the reply. */
function calibrationRoute(
  path: string,
  summary: string,
  middleware: MiddlewareHandler<AppEnv>,
  scopeOf: (id: string) => Scope,
) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(
    createRoute({
      method: 'post',
      path,
      summary,
      security,
      middleware: [middleware] as const,
      request: { params: IdParam, body: { required: true, ...json(CalibrationRequest) } },
      responses: { 200: { description: 'The estimates', ...json(CalibrationRun) }, ...errorsOf },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const outcome = await calibrateItemsCommand(
        c.var.deps.db,
        c.var.actor,
        {
          scope: scopeOf(c.req.valid('param').id),
          byItem: body.models,
          organisationId: c.var.target?.id,
          ...body,
        },
        { ip: c.var.clientIp },
      );
      return c.json(outcome, 200);
    },
  );
  return app;
}

/** Mounted at /api/item-banks. */
export function bankCalibrationRoutes() {
  return calibrationRoute(
    '/{id}/calibration',
    "Calibrate a bank's items from every scored session that was presented them (IRT, fit, flags, linking); store: new parameter versions, audited",
    access('items:write', bankTarget.itemBank('write')),
    (bankId) => ({ bankId }),
  );
}

/** Mounted at /api/results. */
export function sittingCalibrationRoutes() {
  return calibrationRoute(
    '/sittings/{id}/calibration',
    "Calibrate the items a sitting's scored sessions were presented, pretest items included (IRT, fit, flags, linking); store: new parameter versions, audited",
    access('results:write', sittingTarget()),
    (sittingId) => ({ sittingId }),
  );
}
