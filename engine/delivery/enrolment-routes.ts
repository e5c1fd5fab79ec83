/**
 * Enrolment of a sitting beyond single classes: the sitting-wide access code, one candidate's
 * accommodations (extra time, separate room), and a roster CSV enrolled all-or-nothing.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../audit/audit-log.ts';
import { newSittingAccessCode } from '../../../delivery/sitting-access-code.ts';
import { errors } from '../../../errors.ts';
import { access, target } from '../../../policies/access.ts';
import { readEnrolmentCsv } from '../../../roster/read-enrolment-file.ts';
import { candidateSessions, sittingCandidates, sittingRooms, sittings } from '../../../schema.ts';
import { ErrorSchema, IdParam, security, staffErrors } from '../../common-schemas.ts';
import type { AppEnv } from '../../env.ts';
import { readRosterRows, readUploadedRoster, rosterBodyLimit } from '../../roster-upload.ts';
import { isUniqueViolation } from '../marking/unique-violation.ts';
import { enrolRoster } from './enrol-roster.ts';
import {
  CandidateParam,
  ChangeAccommodations,
  RosterImportQuery,
  RosterImportResult,
  SittingCandidate,
} from './schema.ts';
import { assertRoomKeepsSeparation } from './separate-rooms.ts';

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
        middleware: [access('sittings:write', target.sitting())] as const,
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
        middleware: [access('sittings:write', target.sitting())] as const,
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
        middleware: [access('sittings:write', target.sitting())] as const,
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
        middleware: [access('sittings:write', target.sitting()), rosterBodyLimit()] as const,
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
    );
}
