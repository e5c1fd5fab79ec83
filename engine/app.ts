/**
 * `createApp(deps)` builds the Hono app (HTTP API and health check) without listening,
 * so tests call `app.request()` in-process and the server binds it to a port.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, errors } from './platform/errors.ts';
import type { AppDeps, AppEnv } from './platform/http/env.ts';
import { healthRoutes } from './platform/http/health-routes.ts';
import { authRoutes } from './people/routes/auth/auth.ts';
import { organisationRoutes } from './people/routes/organisations/organisations.ts';
import { userRoutes } from './people/routes/users/users.ts';
import { classRoutes } from './people/routes/classes/classes.ts';
import { studentRoutes } from './people/routes/students/students.ts';
import { auditRoutes } from './people/routes/audit/audit.ts';
import { itemBankRoutes } from './bank/routes/item-banks/item-banks.ts';
import { itemRoutes } from './bank/routes/items/items.ts';
import { importRoutes } from './bank/routes/imports/imports.ts';
import { tryScoreRoutes } from './bank/routes/imports/try-score.ts';
import { candidateRoutes } from './delivery/routes/candidate-routes.ts';
import { pciFrameRoutes } from './delivery/routes/pci-frame-routes.ts';
import { sittingEnrolmentRoutes } from './delivery/routes/enrolment-routes.ts';
import { sittingRoutes } from './sittings/routes/sittings.ts';
import { sessionRoutes } from './proctoring/routes/session-routes.ts';
import { reportRoutes } from './results/routes/reports/reports.ts';
import { markingRoutes } from './results/routes/marking/marking.ts';
import { resultRoutes } from './results/routes/results/results.ts';
import { testRoutes } from './bank/routes/tests/tests.ts';
import { bankCalibrationRoutes, sittingCalibrationRoutes } from './results/routes/calibration/calibration.ts';
import { itemStatisticsRoutes } from './results/routes/items-statistics/items-statistics.ts';
import { boardRoutes } from './proctoring/routes/board-routes.ts';
import { metricsRoutes, type MetricsSources } from './platform/http/metrics-routes.ts';
import { proctoringRoutes } from './proctoring/routes/proctoring-routes.ts';
import { centreRoutes, MAX_LOG_FILE_BYTES } from './centres/routes/centres.ts';
import { centreSyncRoutes } from './centres/routes/centre-sync.ts';
import { centreNodeRoutes, MAX_PACKAGE_BYTES } from './centres/routes/centre-node-routes.ts';
import type { CentreNode } from './centres/node/centre-node.ts';
import { mountClientPages } from './client-pages.ts';
import { validationHook } from './platform/http/validation-hook.ts';
import { clientAddress, trustedProxies } from './platform/client-address.ts';
import { jsonTextGuard } from './platform/http/json-text-guard.ts';
import { sqlStateOf } from './platform/db/unique-violation.ts';
import { apiBodyLimits, type BodyLimitRule } from './platform/http/body-limits.ts';
import { apiResponseHeaders } from './platform/http/api-response-headers.ts';

export type App = OpenAPIHono<AppEnv>;

const MB = 1024 * 1024;
const id = '[^/]+';
const route = (
  method: string,
  path: string,
  maxBytes: number,
  what: string,
  streamed = false,
): BodyLimitRule => ({
  method,
  path: new RegExp(`^${path.replaceAll('{id}', id)}$`),
  maxBytes,
  what,
  streamed,
});
/**
 * Routes that take more than the 1 MB every other /api route is held to (each also keeps its own
 * limit with the same size). Anything not listed here is refused beyond 1 MB with a 413.
 */
export const LARGE_BODY_ROUTES: readonly BodyLimitRule[] = [
  route('POST', '/api/item-banks/{id}/import', 200 * MB, 'A package'),
  route('POST', '/api/item-banks/{id}/imports', 30 * MB, 'An import file'),
  route('POST', '/api/item-banks/{id}/imports/confirm', 30 * MB, 'An import file'),
  // Up to 50 media files of 5 MB each in base64 JSON; the editor's save as a whole stays below this.
  route('POST', '/api/items/authoring', 50 * MB, 'An item with its media'),
  route('POST', '/api/classes/{id}/roster', 5 * MB, 'A roster file'),
  route('POST', '/api/sittings/{id}/roster', 5 * MB, 'A roster file'),
  route('PUT', '/api/students/{id}/photo', 2 * MB, 'A photo'),
  route('PUT', '/api/proctoring/sittings/{id}/candidates/{id}/photo', 2 * MB, 'A roster photo'),
  // Streamed to a file by the route, which counts it (a chunked body is never gathered in memory here).
  route('POST', '/api/centre-node/packages', MAX_PACKAGE_BYTES, 'A package file', true),
  route('POST', '/api/centres/{id}/log-file', MAX_LOG_FILE_BYTES, 'A result log file', true),
];

/** The TCP peer of an HTTP request (in-process requests, as in tests, have none). */
function peerAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c as unknown as Parameters<typeof getConnInfo>[0]).remote.address;
  } catch {
    return undefined;
  }
}

export function createApp(deps: AppDeps, metrics?: MetricsSources, centre?: CentreNode): App {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  const proxies = trustedProxies(deps.config.trustedProxies);
  app.use('*', async function injectDeps(c, next) {
    c.set('deps', deps);
    // One rule with the Socket.IO handshakes (engine.ts): the right-most address no trusted proxy holds.
    const client = clientAddress(peerAddress(c), c.req.header('x-forwarded-for'), proxies);
    c.set('clientIp', client.address);
    c.set('viaTrustedProxy', client.viaTrustedProxy);
    await next();
  });

  app.use('/api/*', apiResponseHeaders);
  app.use('/api/*', apiBodyLimits(LARGE_BODY_ROUTES));
  app.use('/api/*', jsonTextGuard);

  app.onError((error, c) => {
    if (error instanceof AppError) {
      if (error.status === 429 || error.status === 503) {
        const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (retry) c.header('Retry-After', String(retry));
      }
      return c.json(error.toJSON(), error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own refusals (malformed JSON, unsupported body): keep the status, use our error shape.
      const status = error.status as 400;
      return c.json(
        { error: { id: status === 400 ? 'bad_request' : `http_${status}`, message: error.message } },
        status,
      );
    }
    // The database refused a value a route let through: still the client's mistake, with a reason.
    const sqlState = sqlStateOf(error);
    if (sqlState === '23505') {
      deps.logger.warn({ err: error, path: c.req.path }, 'unique violation reached the database');
      return c.json(errors.conflict('That already exists.').toJSON(), 409);
    }
    if (sqlState?.startsWith('22')) {
      deps.logger.warn({ err: error, path: c.req.path }, 'data exception reached the database');
      return c.json(
        errors.badRequest(`A value is not valid for the database (SQLSTATE ${sqlState}).`).toJSON(),
        400,
      );
    }
    deps.logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json({ error: { id: 'internal_error', message: 'Something went wrong on the server.' } }, 500);
  });

  app.notFound((c) => c.json(errors.notFound(`${c.req.method} ${c.req.path}`).toJSON(), 404));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });

  app.route('/', healthRoutes());
  if (metrics) app.route('/', metricsRoutes(metrics));
  app.route('/api/auth', authRoutes());
  app.route('/api/organisations', organisationRoutes());
  app.route('/api/users', userRoutes());
  app.route('/api/classes', classRoutes());
  app.route('/api/students', studentRoutes());
  app.route('/api/audit', auditRoutes());
  app.route('/api/item-banks', itemBankRoutes());
  app.route('/api/items', itemRoutes());
  app.route('/api/item-banks', importRoutes());
  app.route('/api/items', tryScoreRoutes());
  if (centre) {
    // A centre node: candidates of opened packages are matched against the package's keyed date check first.
    app.use('/api/candidate/check-in', async function centreCheckIn(c, next) {
      if (c.req.method === 'POST') await centre.prepareCheckIn(await c.req.json().catch(() => undefined));
      await next();
    });
  }
  // In the OpenAPI document on every engine; one that is not a centre node answers 404 not_a_centre_node.
  app.route('/api/centre-node', centreNodeRoutes(centre));
  app.route('/api/candidate', candidateRoutes());
  app.route('/api/candidate/pci', pciFrameRoutes());
  app.route('/api/sittings', sittingRoutes());
  app.route('/api/sittings', sittingEnrolmentRoutes());
  app.route('/api/sessions', sessionRoutes());
  app.route('/api/reports', reportRoutes());
  app.route('/api/marking', markingRoutes());
  app.route('/api/results', resultRoutes());
  app.route('/api/results', sittingCalibrationRoutes());
  app.route('/api/item-banks', bankCalibrationRoutes());
  app.route('/api/tests', testRoutes());
  app.route('/api/item-statistics', itemStatisticsRoutes());
  app.route('/api/board', boardRoutes());
  app.route('/api/proctoring', proctoringRoutes());
  app.route('/api/centres', centreRoutes());
  app.route('/api/centre-sync', centreSyncRoutes());

  mountClientPages(app);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Exam engine API',
      version: '0.1.0',
      description:
        'Staff API of the exam engine. Authenticate with POST /api/auth/login, then send `Authorization: Bearer <accessToken>`.',
    },
  });

  return app;
}
