/**
 * Score reports. `GET /api/reports/verify/{token}` (public: whoever holds the paper may check it)
 * answers whether a printed report is genuine and still the current result version.
 * `GET /api/reports/sittings/{id}/summary.pdf` and `/candidates.zip` (staff with `results:read` in
 * the sitting's organisation) render the sitting summary and every candidate report, the zip
 * streamed as the reports are drawn (in the render pool's worker threads, off the event loop).
 * `GET /api/reports/verify/{token}/report.pdf` is the printed report itself, for whoever holds the
 * token (the e-records service gets the link with each result). `GET .../sittings/{id}/analysis`
 * gives the item analysis as JSON, flagged by the thresholds the board sets with
 * `PUT .../sittings/{id}/flag-thresholds` (`results:write`). `GET /api/reports/sittings/{id}/forms`
 * gives the results form by form (which parallel form each candidate sat).
 */
import { timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import {
  createRenderPool,
  DEFAULT_FLAG_THRESHOLDS,
  normaliseCode,
  renderCandidateReport,
  renderSittingSummary,
  verificationCode,
  zipReports,
  type FlagThresholds,
} from '../../../../grading/index.ts';
import { errors } from '../../../platform/errors.ts';
import { sessionResults, candidateSessions } from '../../../delivery/tables.ts';
import { sittingCandidates, sittings } from '../../../sittings/tables.ts';
import { students } from '../../../people/tables.ts';
import { access } from '../../../people/access.ts';
import { sittingTarget } from '../../../sittings/organisation-of-sitting.ts';
import { publicOrigin } from '../../../platform/http/public-url.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { IdParam, security, staffErrors } from '../../../platform/http/common-schemas.ts';
import { loadFormComparison } from './form-comparison.ts';
import { loadSittingReports, ratingOfResult } from './load-reports.ts';
import { analyseResults, type StoredItem } from './sitting-analysis.ts';
import { loadSittingResults } from '../../sitting-results.ts';
import { setFlagThresholds } from '../../commands/set-flag-thresholds.ts';
import type { AssembledForm } from '../../../sittings/form.ts';
import {
  FlagThresholds as FlagThresholdsSchema,
  FlagThresholdsBody,
  SittingAnalysis,
} from '../../schemas.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const FormComparison = z
  .object({
    forms: z.array(
      z.object({
        /** The parallel form (mã đề); null for a sitting of one form. */
        label: z.string().nullable(),
        testId: z.string().nullable(),
        candidates: z.array(
          z.object({
            candidateNumber: z.string(),
            fullName: z.string(),
            raw: z.number(),
            max: z.number(),
            tenPoint: z.number(),
          }),
        ),
        mean: z.number(),
        sd: z.number(),
        alpha: z.number(),
        meanTenPoint: z.number(),
      }),
    ),
  })
  .openapi('FormComparison');

/** How many worker threads render a batch: never more than there are reports, nor than cores. */
const poolSize = (reports: number) => Math.max(1, Math.min(reports, availableParallelism()));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function reportRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  /** The result a verification token names, when the token is genuine; undefined otherwise. */
  const resultOfToken = async (deps: AppEnv['Variables']['deps'], token: string) => {
    const [resultId = '', typed = ''] = token.split('.');
    const code = normaliseCode(typed);
    if (!UUID.test(resultId) || !code) return undefined;
    const { db, config } = deps;
    const [row] = await db
      .select({
        result: sessionResults,
        sittingId: sittings.id,
        sittingName: sittings.name,
        subject: sittings.subject,
        ratingThresholds: sittings.ratingThresholds,
        practice: sittings.practice,
        fullName: students.fullName,
        candidateNumber: sittingCandidates.candidateNumber,
      })
      .from(sessionResults)
      .innerJoin(candidateSessions, eq(candidateSessions.id, sessionResults.sessionId))
      .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
      .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
      .innerJoin(students, eq(students.id, sittingCandidates.studentId))
      .where(eq(sessionResults.id, resultId));
    if (!row) return undefined;
    const expected = Buffer.from(verificationCode(config.jwtSecret, row.result.id, row.result.version));
    if (!timingSafeEqual(expected, Buffer.from(code))) return undefined;
    const [latest] = await db
      .select({ version: sessionResults.version })
      .from(sessionResults)
      .where(eq(sessionResults.sessionId, row.result.sessionId))
      .orderBy(desc(sessionResults.version))
      .limit(1);
    return { ...row, current: latest?.version === row.result.version };
  };

  app.get('/verify/:token', async (c) => {
    const row = await resultOfToken(c.var.deps, c.req.param('token'));
    if (!row) return c.json({ valid: false as const }, 404);
    const tenPoint = row.result.scaledScore ?? 0;
    return c.json({
      valid: true as const,
      current: row.current,
      version: row.result.version,
      candidate: { fullName: row.fullName, candidateNumber: row.candidateNumber },
      // A practice sitting's report is genuine, but it is not an official result.
      sitting: { name: row.sittingName, subject: row.subject, practice: row.practice },
      score: { raw: row.result.rawScore, max: row.result.maxScore, tenPoint },
      // The rating stored with the result, under the sitting's own thresholds.
      rating: ratingOfResult(row.result, row.ratingThresholds),
      issuedFor: row.result.createdAt.toISOString(),
    });
  });

  app.get('/verify/:token/report.pdf', async (c) => {
    const row = await resultOfToken(c.var.deps, c.req.param('token'));
    if (!row) throw errors.notFound('The score report');
    if (!row.current)
      throw errors.conflict(
        'This result version has been replaced by a newer one; its report is no longer issued.',
      );
    const { candidates } = await loadSittingReports(c.var.deps.db, row.sittingId, {
      secret: c.var.deps.config.jwtSecret,
      baseUrl: publicOrigin(c),
      sessionId: row.result.sessionId,
    });
    // Only a final result has a report (a pending one is not issued).
    if (!candidates[0]) throw errors.notFound('The score report');
    const pdf = await renderCandidateReport(candidates[0]);
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="phieu-bao-diem-${candidates[0].candidate.candidateNumber}.pdf"`,
      'cache-control': 'no-store',
    });
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sittings/{id}/analysis',
      summary:
        "A sitting's item analysis over its final results: test statistics (KR-20/alpha, SEM), per item facility, point-biserial, upper-lower 27 %, distractors and flags, IRT when calibrated; an adaptive section's items apart (exposure and mean θ, classical figures not applicable)",
      security,
      middleware: [access('results:read', sittingTarget())] as const,
      request: { params: IdParam },
      responses: { 200: { description: 'The analysis', ...json(SittingAnalysis) }, ...staffErrors },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const { sitting, candidates } = await loadSittingResults(db, c.req.valid('param').id);
      const final = candidates.filter((s) => s.result?.status === 'final');
      const thresholds = sitting.flagThresholds as Partial<FlagThresholds> | null;
      const { analysis, titles } = await analyseResults(
        db,
        final.map((s) => ({
          sessionId: s.session.id,
          form: s.session.form as AssembledForm,
          items: s.result!.outcomes as Record<string, StoredItem>,
        })),
        thresholds,
      );
      return c.json(
        {
          candidates: final.length,
          pending: candidates.filter((s) => s.result && s.result.status !== 'final').length,
          thresholds: { ...DEFAULT_FLAG_THRESHOLDS, ...thresholds },
          itemTitles: titles,
          test: analysis.test,
          items: analysis.items,
          irt: analysis.irt ?? null,
          histogram: analysis.histogram,
          adaptive: analysis.adaptive ?? [],
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/sittings/{id}/flag-thresholds',
      summary: "Set the sitting's item-flag thresholds (any subset; the rest take their defaults); audited",
      security,
      middleware: [access('results:write', sittingTarget())] as const,
      request: { params: IdParam, body: { required: true, ...json(FlagThresholdsBody) } },
      responses: {
        200: {
          description: 'The thresholds now in force',
          ...json(z.object({ thresholds: FlagThresholdsSchema })),
        },
        ...staffErrors,
      },
    }),
    async (c) => {
      const thresholds = c.req.valid('json');
      await setFlagThresholds(
        c.var.deps.db,
        c.var.actor,
        { sittingId: c.req.valid('param').id, organisationId: c.var.target?.id, thresholds },
        { ip: c.var.clientIp },
      );
      return c.json({ thresholds: { ...DEFAULT_FLAG_THRESHOLDS, ...thresholds } }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sittings/{id}/forms',
      summary: "Results form by form: the parallel form each candidate sat and each form's statistics",
      security,
      middleware: [access('results:read', sittingTarget())] as const,
      request: { params: IdParam },
      responses: { 200: { description: 'The forms', ...json(FormComparison) }, ...staffErrors },
    }),
    async (c) => c.json({ forms: await loadFormComparison(c.var.deps.db, c.req.valid('param').id) }, 200),
  );

  app.get('/sittings/:id/summary.pdf', access('results:read', sittingTarget()), async (c) => {
    const loaded = await loadSittingReports(c.var.deps.db, c.req.param('id'), {
      secret: c.var.deps.config.jwtSecret,
      baseUrl: publicOrigin(c),
    });
    const pdf = await renderSittingSummary(loaded.summary);
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf' });
  });

  app.get('/sittings/:id/candidates.zip', access('results:read', sittingTarget()), async (c) => {
    const loaded = await loadSittingReports(c.var.deps.db, c.req.param('id'), {
      secret: c.var.deps.config.jwtSecret,
      baseUrl: publicOrigin(c),
    });
    // Reports are drawn in worker threads, a few ahead of the zip, so the event loop stays free.
    const pool = createRenderPool(poolSize(loaded.candidates.length));
    const zip = zipReports(
      loaded.candidates.map((data) => ({
        name: `${data.candidate.candidateNumber}.pdf`,
        render: () => pool.render(data),
      })),
      undefined,
      { concurrency: poolSize(loaded.candidates.length) * 2 },
    );
    zip.once('close', () => void pool.close());
    return c.body(Readable.toWeb(zip) as ReadableStream, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="phieu-bao-diem-${c.req.param('id')}.zip"`,
      'x-report-count': String(loaded.candidates.length),
    });
  });

  return app;
}
