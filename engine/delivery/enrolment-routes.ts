/**
 * Enrolment of a sitting as delivery sees it, mounted under `/api/sittings`: the sitting-wide
 * access code, one candidate's accommodations (extra time, separate room, refused once the
 * candidate has started), a roster CSV enrolled all-or-nothing, and the candidates with their
 * session state. It lives in delivery because its rules read the candidates' sessions.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import { students } from '../people/tables.ts';
import { appendAudit } from '../people/audit-log.ts';
import { newSittingAccessCode } from '../sittings/sitting-access-code.ts';
import { errors } from '../platform/errors.ts';
import { access } from '../people/access.ts';
import { sittingTarget } from '../sittings/organisation-of-sitting.ts';
import { readEnrolmentCsv } from '../sittings/enrolment/read-enrolment-file.ts';
import { candidateSessions } from './tables.ts';
import { sittingCandidates, sittingRooms, sittings } from '../sittings/tables.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../platform/http/common-schemas.ts';
import type { AppEnv } from '../platform/http/env.ts';
import { readRosterRows, readUploadedRoster, rosterBodyLimit } from '../people/roster/roster-upload.ts';
import { isUniqueViolation } from '../platform/db/unique-violation.ts';
import { enrolRoster } from '../sittings/routes/enrol-roster.ts';
import {
  CandidateParam,
  ChangeAccommodations,
  RosterImportQuery,
  RosterImportResult,
  SittingCandidate,
} from '../sittings/routes/schema.ts';
import { assertRoomKeepsSeparation } from '../sittings/routes/separate-rooms.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
/** Session states in which the candidate has not started: accommodations may still change. */
const NOT_STARTED = new Set(['scheduled', 'checked_in']);

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
        const sittingId = c.req.valid('param').id;
        const actor = c.var.actor;
        for (let attempt = 0; ; attempt++) {
          const accessCode = newSittingAccessCode();
          try {
            await c.var.deps.db.transaction(async (tx) => {
              await tx.update(sittings).set({ accessCode }).where(eq(sittings.id, sittingId));
              await appendAudit(tx, {
                actorId: actor.userId,
                actorRole: actor.role,
                action: 'sitting.access_code_issue',
                subjectType: 'sitting',
                subjectId: sittingId,
                organisationId: c.var.target!.id,
                ip: c.var.clientIp,
                details: {},
              });
            });
            return c.json({ accessCode }, 200);
          } catch (error) {
            // 32^8 codes: a clash is rare, and another draw resolves it.
            if (!isUniqueViolation(error) || attempt >= 4) throw error;
          }
        }
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
        const sittingId = c.req.valid('param').id;
        const actor = c.var.actor;
        await c.var.deps.db.transaction(async (tx) => {
          await tx.update(sittings).set({ accessCode: null }).where(eq(sittings.id, sittingId));
          await appendAudit(tx, {
            actorId: actor.userId,
            actorRole: actor.role,
            action: 'sitting.access_code_withdraw',
            subjectType: 'sitting',
            subjectId: sittingId,
            organisationId: c.var.target!.id,
            ip: c.var.clientIp,
            details: {},
          });
        });
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
        const body = c.req.valid('json');
        const actor = c.var.actor;
        const changed = await c.var.deps.db.transaction(async (tx) => {
          const [found] = await tx
            .select({ candidate: sittingCandidates, state: candidateSessions.state })
            .from(sittingCandidates)
            .leftJoin(candidateSessions, eq(candidateSessions.sittingCandidateId, sittingCandidates.id))
            .where(
              and(
                eq(sittingCandidates.sittingId, sittingId),
                eq(sittingCandidates.candidateNumber, candidateNumber.toUpperCase()),
              ),
            )
            .for('update', { of: sittingCandidates });
          if (!found) throw errors.notFound(`Candidate ${candidateNumber} of this sitting`);
          const before = found.candidate;
          if (found.state && !NOT_STARTED.has(found.state))
            throw errors.conflict(
              `Candidate ${before.candidateNumber} has started (${found.state}); give a time extension from the proctor screen instead.`,
              {
                state: found.state,
                reason: 'candidate_started',
                params: { candidateNumber: before.candidateNumber, state: found.state },
              },
            );
          const roomId = body.roomId ?? before.roomId;
          const [room] = await tx
            .select({ id: sittingRooms.id, name: sittingRooms.name })
            .from(sittingRooms)
            .where(and(eq(sittingRooms.id, roomId), eq(sittingRooms.sittingId, sittingId)));
          if (!room) throw errors.badRequest('roomId: the room is not part of this sitting.');
          const separateRoom = body.separateRoom ?? before.separateRoom;
          await assertRoomKeepsSeparation(tx, room, separateRoom, before.id);
          const extraTimePercent = body.extraTimePercent ?? before.extraTimePercent;
          await tx
            .update(sittingCandidates)
            .set({ roomId, separateRoom, extraTimePercent })
            .where(eq(sittingCandidates.id, before.id));
          await appendAudit(tx, {
            actorId: actor.userId,
            actorRole: actor.role,
            action: 'sitting.accommodations_change',
            subjectType: 'sitting',
            subjectId: sittingId,
            organisationId: c.var.target!.id,
            ip: c.var.clientIp,
            details: {
              candidateNumber: before.candidateNumber,
              before: {
                roomId: before.roomId,
                separateRoom: before.separateRoom,
                extraTimePercent: before.extraTimePercent,
              },
              after: { roomId, separateRoom, extraTimePercent },
            },
          });
          return {
            candidateNumber: before.candidateNumber,
            studentId: before.studentId,
            roomId,
            extraTimePercent,
            separateRoom,
          };
        });
        await c.var.deps.caches.publish({ kind: 'sitting', id: sittingId });
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
        const rows = await readRosterRows(() => readEnrolmentCsv(bytes));
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
