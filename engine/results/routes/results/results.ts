/**
 * Results of a sitting. Staff with `results:read` in the sitting's organisation export them:
 * `GET /api/results/sittings/{id}/oneroster.zip` (OneRoster 1.2 gradebook CSV) and
 * `/gradebook.xlsx` (the class grade book, sổ điểm); both refuse a practice sitting (409
 * `practice_not_graded`: practice scores are feedback, not grades). Staff with `results:write` release an
 * `after_review` sitting (`POST .../release`) and re-score a sitting after a key correction (`POST .../rescore` with the
 * corrected item version and a reason: new result versions, audited, sent to e-records). A candidate reads their own result with their session token
 * (`GET /api/results/candidate`) and their score report (`GET /api/results/candidate/report.pdf`),
 * only once the sitting's release policy allows it. Calibrating a sitting's items is
 * `POST .../calibration` (../calibration/calibration.ts, the calibration command); the older
 * `POST .../irt`, which wrote item rows by a rule of its own, is retired (404).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { gradeBookXlsx, oneRosterZip, renderCandidateReport } from '../../../../grading/index.ts';
import type { AssembledForm } from '../../../sittings/form.ts';
import { candidateSessions, sessionResults } from '../../../delivery/tables.ts';
import { sittings } from '../../../sittings/tables.ts';
import { AppError, errors } from '../../../platform/errors.ts';
import { access } from '../../../people/access.ts';
import { sittingTarget } from '../../../sittings/organisation-of-sitting.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { publicOrigin } from '../../../platform/http/public-url.ts';
import { adaptiveOfResult, loadSittingReports } from '../reports/load-reports.ts';
import { releaseResults } from '../../commands/release-results.ts';
import { rescoreSitting } from '../../commands/rescore-sitting.ts';
import { loadGradebook } from './load-gradebook.ts';
import { createQtiScorer } from '../../qti-scorer.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import { CandidateResult, FileResponse, RescoreBody, RescoreOutcome } from '../../schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

// Used only when the engine was built without its own scorer (it always has one).
const fallbackScorer = createQtiScorer();

/** Whether a sitting's results may be shown to its candidates now. */
export function resultsReleased(
  sitting: { releasePolicy: string; closesAt: Date; resultsReleasedAt: Date | null },
  now = new Date(),
): boolean {
  if (sitting.releasePolicy === 'immediately') return true;
  if (sitting.releasePolicy === 'after_close') return now >= sitting.closesAt;
  // after_review and with_items (which also shows items one by one): once staff release them.
  return sitting.resultsReleasedAt !== null;
}

const notReleased = () =>
  new AppError(403, 'results_not_released', 'The results of this sitting have not been released yet.');

export function resultRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.get('/sittings/:id/oneroster.zip', access('results:read', sittingTarget()), async (c) => {
    const zip = await oneRosterZip(await loadGradebook(c.var.deps.db, c.req.param('id')));
    return c.body(new Uint8Array(zip), 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="oneroster-${c.req.param('id')}.zip"`,
    });
  });

  app.get('/sittings/:id/gradebook.xlsx', access('results:read', sittingTarget()), async (c) => {
    const xlsx = await gradeBookXlsx(await loadGradebook(c.var.deps.db, c.req.param('id')));
    return c.body(new Uint8Array(xlsx), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="so-diem-${c.req.param('id')}.xlsx"`,
    });
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/sittings/{id}/release',
      summary: "Release an after-review sitting's results to its candidates; audited",
      security,
      middleware: [access('results:write', sittingTarget())] as const,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'Released (`practice`: a practice sitting, whose scores are feedback, not grades)',
          ...json(z.object({ releasedAt: z.string(), practice: z.boolean() })),
        },
        ...staffErrors,
      },
    }),
    async (c) => {
      const { releasedAt, practice } = await releaseResults(
        c.var.deps.db,
        c.var.actor,
        { sittingId: c.req.valid('param').id, organisationId: c.var.target?.id },
        { ip: c.var.clientIp },
      );
      return c.json({ releasedAt: releasedAt.toISOString(), practice }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/sittings/{id}/rescore',
      summary:
        'Re-score a sitting with a corrected item version: new result versions, audited, sent to e-records',
      security,
      middleware: [access('results:write', sittingTarget())] as const,
      request: { params: IdParam, body: { required: true, ...json(RescoreBody) } },
      responses: { 200: { description: 'What changed', ...json(RescoreOutcome) }, ...staffErrors },
    }),
    async (c) => {
      const outcome = await rescoreSitting(
        c.var.deps.db,
        c.var.deps.scorer ?? fallbackScorer,
        c.var.actor,
        { sittingId: c.req.valid('param').id, organisationId: c.var.target?.id, ...c.req.valid('json') },
        { ip: c.var.clientIp },
      );
      return c.json(outcome, 200);
    },
  );

  /** The candidate's own released, final result (session token), or the reason there is none yet. */
  const candidateResult = async (c: Context<AppEnv>) => {
    const token = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw errors.unauthenticated('A session token is needed.');
    const sessionId = await c.var.deps.candidateTokens.verify(token);
    const { db } = c.var.deps;
    const [row] = await db
      .select({ session: candidateSessions, sitting: sittings })
      .from(candidateSessions)
      .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
      .where(eq(candidateSessions.id, sessionId));
    if (!row) throw errors.unauthenticated();
    if (!resultsReleased(row.sitting)) throw notReleased();
    const [result] = await db
      .select()
      .from(sessionResults)
      .where(eq(sessionResults.sessionId, sessionId))
      .orderBy(desc(sessionResults.version))
      .limit(1);
    // Until every mark is in, there is nothing final to show.
    if (!result || result.status !== 'final')
      throw new AppError(409, 'result_not_final', 'Your result is not final yet.');
    return { row, result, sessionId };
  };

  const candidateErrors = {
    401: staffErrors[401],
    403: { description: 'The results are not released yet (results_not_released)', ...json(ErrorSchema) },
    409: { description: 'The result is not final yet (result_not_final)', ...json(ErrorSchema) },
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/candidate/report.pdf',
      summary: "The candidate's own score report (candidate session token), once released",
      security,
      responses: { 200: FileResponse('application/pdf', 'The report'), ...candidateErrors },
    }),
    async (c) => {
      const { row, sessionId } = await candidateResult(c);
      const { candidates } = await loadSittingReports(c.var.deps.db, row.sitting.id, {
        secret: c.var.deps.config.jwtSecret,
        baseUrl: publicOrigin(c),
        sessionId,
      });
      if (!candidates[0]) throw errors.notFound('Your score report');
      const pdf = await renderCandidateReport(candidates[0]);
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="phieu-bao-diem-${candidates[0].candidate.candidateNumber}.pdf"`,
        'cache-control': 'no-store',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/candidate',
      summary: "The candidate's own released, final result (candidate session token)",
      security,
      responses: { 200: { description: 'The result', ...json(CandidateResult) }, ...candidateErrors },
    }),
    async (c) => {
      const { row, result } = await candidateResult(c);
      return c.json(
        {
          sitting: { id: row.sitting.id, name: row.sitting.name, subject: row.sitting.subject },
          /** The parallel form (mã đề) sat; null when the sitting has one form. */
          form: (row.session.form as AssembledForm).parallelForm?.label ?? null,
          version: result.version,
          score: { raw: result.rawScore, max: result.maxScore, tenPoint: result.scaledScore },
          rating: result.rating,
          adaptive: adaptiveOfResult(result.testOutcomes).adaptive ?? null,
          scoredAt: result.createdAt.toISOString(),
          practice: row.sitting.practice,
        },
        200,
      );
    },
  );

  return app;
}
