/**
 * Enrolment of a sitting as delivery sees it, mounted under `/api/sittings`: the sitting-wide
 * access code, one candidate's accommodations (extra time, separate room, refused once the
 * candidate has started), a roster CSV enrolled all-or-nothing, and the candidates with their
 * session state. It lives in delivery because its rules read the candidates' sessions.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { asc, eq, sql } from 'drizzle-orm';
import { students } from '../../people/tables.ts';
import { access } from '../../people/access.ts';
import { sittingTarget } from '../../sittings/organisation-of-sitting.ts';
import { readEnrolmentFile } from '../../sittings/enrolment/read-enrolment-file.ts';
import { candidateSessions } from '../tables.ts';
import { sittingCandidates } from '../../sittings/tables.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { readRosterRows, readUploadedRoster, rosterBodyLimit } from '../../people/roster/roster-upload.ts';
import { enrolRoster } from '../../sittings/commands/enrol-roster.ts';
import { issueSittingAccessCode } from '../../sittings/commands/issue-sitting-access-code.ts';
import { withdrawSittingAccessCode } from '../../sittings/commands/withdraw-sitting-access-code.ts';
import {
  CandidateParam,
  ChangeAccommodations,
  RosterImportQuery,
  RosterImportResult,
  SittingCandidate,
} from '../../sittings/schemas.ts';
import { changeAccommodations } from '../commands/change-accommodations.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

export function sittingEnrolmentRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/access-code',
        summary: 'Issue (or replace) the sitting-wide access code; room codes keep working',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam },
        responses: {
          200: { description: 'Issued', ...json(z.object({ accessCode: z.string() })) },
          ...staffErrors,
        },
      }),
      async (c) => {
        const issued = await issueSittingAccessCode(
          c.var.deps.db,
          c.var.actor,
          { sittingId: c.req.valid('param').id, organisationId: c.var.target!.id },
          { ip: c.var.clientIp },
        );
        return c.json(issued, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}/access-code',
        summary: 'Withdraw the sitting-wide access code; candidates then need their room code',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: { params: IdParam },
        responses: { 204: { description: 'Withdrawn' }, ...staffErrors },
      }),
      async (c) => {
        await withdrawSittingAccessCode(
          c.var.deps.db,
          c.var.actor,
          { sittingId: c.req.valid('param').id, organisationId: c.var.target!.id },
          { ip: c.var.clientIp },
        );
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}/candidates/{candidateNumber}',
        summary: "Change one candidate's accommodations: extra time and separate room",
        description:
          'Allowed until the candidate starts; after that, a proctor gives a time extension instead. A separate room seats only candidates with that accommodation.',
        security,
        middleware: [access('sittings:write', sittingTarget())] as const,
        request: {
          params: CandidateParam,
          body: { ...json(ChangeAccommodations), required: true },
        },
        responses: {
          200: { description: 'Changed', ...json(SittingCandidate) },
          ...staffErrors,
          409: {
            description:
              'Started already, or the room would mix. details.reason: candidate_started (params candidateNumber, state), room_has_ordinary_candidates or room_is_separate (params room, count).',
            ...json(ErrorSchema),
          },
        },
      }),
      async (c) => {
        const { id: sittingId, candidateNumber } = c.req.valid('param');
        const changed = await changeAccommodations(
          c.var.deps,
          c.var.actor,
          { sittingId, organisationId: c.var.target!.id, candidateNumber, change: c.req.valid('json') },
          { ip: c.var.clientIp },
        );
        return c.json(changed, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/roster',
        summary: 'Enrol candidates from a roster CSV (all rows or none)',
        description:
          'Raw body (Content-Type text/csv) or multipart field `file`. Columns: Mã định danh (required), Phòng thi (room name, required), Số báo danh (empty: numbered in the room), Thời gian cộng thêm (%) and Phòng riêng (Có/Không); English headers work too. A 422 lists every bad row in details.rows as { line, reason (English), issues: [{ code, params }] }; a file that cannot be read at all gives details.code and details.params instead.',
        security,
        middleware: [access('sittings:write', sittingTarget()), rosterBodyLimit()] as const,
        request: {
          params: IdParam,
          query: RosterImportQuery,
          body: { required: true, content: { 'text/csv': { schema: z.string() } } },
        },
        responses: {
          200: { description: 'Enrolled (or checked, with dryRun=true)', ...json(RosterImportResult) },
          ...staffErrors,
          413: { description: 'File too large', ...json(ErrorSchema) },
          422: { description: 'Rows with problems; no one enrolled', ...json(ErrorSchema) },
        },
      }),
      async (c) => {
        const { bytes } = await readUploadedRoster(c);
        const rows = await readRosterRows(() => readEnrolmentFile(bytes));
        const result = await enrolRoster({
          db: c.var.deps.db,
          actor: c.var.actor,
          sittingId: c.req.valid('param').id,
          sittingOrg: c.var.target!,
          rows,
          ip: c.var.clientIp,
          dryRun: c.req.valid('query').dryRun === 'true',
        });
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/sessions',
        summary: 'Candidates of a sitting with their session state',
        security,
        middleware: [access('sittings:read', sittingTarget())] as const,
        request: { params: IdParam },
        responses: {
          200: {
            description: 'Candidates',
            ...json(
              z.object({
                items: z.array(
                  z.object({
                    candidateNumber: z.string(),
                    fullName: z.string(),
                    dateOfBirth: z.string(),
                    roomId: z.uuid(),
                    sessionId: z.string().nullable(),
                    state: z.string(),
                    extraTimePercent: z.number().int(),
                    separateRoom: z.boolean(),
                    /** The parallel form the candidate was given (null: one form, or not checked in). */
                    form: z.string().nullable(),
                  }),
                ),
              }),
            ),
          },
          ...staffErrors,
        },
      }),
      async (c) => {
        const rows = await c.var.deps.db
          .select({
            candidateNumber: sittingCandidates.candidateNumber,
            fullName: students.fullName,
            dateOfBirth: students.dateOfBirth,
            roomId: sittingCandidates.roomId,
            sessionId: candidateSessions.id,
            state: sql<string>`coalesce(${candidateSessions.state}::text, 'scheduled')`,
            extraTimePercent: sittingCandidates.extraTimePercent,
            separateRoom: sittingCandidates.separateRoom,
            form: sql<string | null>`${candidateSessions.form} -> 'parallelForm' ->> 'label'`,
          })
          .from(sittingCandidates)
          .innerJoin(students, eq(students.id, sittingCandidates.studentId))
          .leftJoin(candidateSessions, eq(candidateSessions.sittingCandidateId, sittingCandidates.id))
          .where(eq(sittingCandidates.sittingId, c.req.valid('param').id))
          .orderBy(asc(sittingCandidates.candidateNumber));
        return c.json({ items: rows }, 200);
      },
    );
}
