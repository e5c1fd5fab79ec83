/**
 * Score reports. `GET /api/reports/verify/{token}` (public: whoever holds the paper may check it)
 * answers whether a printed report is genuine and still the current result version.
 * `GET /api/reports/sittings/{id}/summary.pdf` and `/candidates.zip` (staff with `results:read` in
 * the sitting's organisation) render the sitting summary and every candidate report, the zip
 * streamed as the reports are drawn. `GET /api/reports/sittings/{id}/forms` gives the results form by
 * form (which parallel form each candidate sat).
 */
import { timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import {
  normaliseCode,
  ratingOf,
  renderCandidateReport,
  renderSittingSummary,
  verificationCode,
  zipReports,
} from '../../../../grading/index.ts';
import { sessionResults, sittingCandidates, candidateSessions, sittings } from '../../../delivery/tables.ts';
import { students } from '../../../schema.ts';
import { access, target } from '../../../policies/access.ts';
import { publicOrigin } from '../../public-url.ts';
import type { AppEnv } from '../../env.ts';
import { IdParam, security, staffErrors } from '../../common-schemas.ts';
import { loadFormComparison } from './form-comparison.ts';
import { loadSittingReports } from './load-reports.ts';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function reportRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.get('/verify/:token', async (c) => {
    const [resultId = '', typed = ''] = c.req.param('token').split('.');
    const code = normaliseCode(typed);
    const invalid = () => c.json({ valid: false as const }, 404);
    if (!UUID.test(resultId) || !code) return invalid();
    const { db, config } = c.var.deps;
    const [row] = await db
      .select({
        result: sessionResults,
        sittingName: sittings.name,
        subject: sittings.subject,
        fullName: students.fullName,
        candidateNumber: sittingCandidates.candidateNumber,
      })
      .from(sessionResults)
      .innerJoin(candidateSessions, eq(candidateSessions.id, sessionResults.sessionId))
      .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
      .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
      .innerJoin(students, eq(students.id, sittingCandidates.studentId))
      .where(eq(sessionResults.id, resultId));
    if (!row) return invalid();
    const expected = Buffer.from(verificationCode(config.jwtSecret, row.result.id, row.result.version));
    if (!timingSafeEqual(expected, Buffer.from(code))) return invalid();
    const [latest] = await db
      .select({ version: sessionResults.version })
      .from(sessionResults)
      .where(eq(sessionResults.sessionId, row.result.sessionId))
      .orderBy(desc(sessionResults.version))
      .limit(1);
    const tenPoint = row.result.scaledScore ?? 0;
    return c.json({
      valid: true as const,
      current: latest?.version === row.result.version,
      version: row.result.version,
      candidate: { fullName: row.fullName, candidateNumber: row.candidateNumber },
      sitting: { name: row.sittingName, subject: row.subject },
      score: { raw: row.result.rawScore, max: row.result.maxScore, tenPoint },
      rating: ratingOf(tenPoint),
      issuedFor: row.result.createdAt.toISOString(),
    });
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sittings/{id}/forms',
      summary: "Results form by form: the parallel form each candidate sat and each form's statistics",
      security,
      middleware: [access('results:read', target.sitting())] as const,
      request: { params: IdParam },
      responses: { 200: { description: 'The forms', ...json(FormComparison) }, ...staffErrors },
    }),
    async (c) => c.json({ forms: await loadFormComparison(c.var.deps.db, c.req.valid('param').id) }, 200),
  );

  app.get('/sittings/:id/summary.pdf', access('results:read', target.sitting()), async (c) => {
    const loaded = await loadSittingReports(c.var.deps.db, c.req.param('id'), {
      secret: c.var.deps.config.jwtSecret,
      baseUrl: publicOrigin(c),
    });
    const pdf = await renderSittingSummary(loaded.summary);
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf' });
  });

  app.get('/sittings/:id/candidates.zip', access('results:read', target.sitting()), async (c) => {
    const loaded = await loadSittingReports(c.var.deps.db, c.req.param('id'), {
      secret: c.var.deps.config.jwtSecret,
      baseUrl: publicOrigin(c),
    });
    const zip = zipReports(
      loaded.candidates.map((data) => ({
        name: `${data.candidate.candidateNumber}.pdf`,
        render: () => renderCandidateReport(data),
      })),
    );
    return c.body(Readable.toWeb(zip) as ReadableStream, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="phieu-bao-diem-${c.req.param('id')}.zip"`,
      'x-report-count': String(loaded.candidates.length),
    });
  });

  return app;
}
