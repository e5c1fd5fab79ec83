/**
 * Proctoring pictures over HTTP (`/api/proctoring`):
 * - roster photos: an exam board or admin over the sitting sets, reads or removes the photo of a sitting candidate
 *   (JPEG or PNG, at most 2 MB, checked against its own header);
 * - `GET /candidate/photo`: the candidate's own session (session token) fetches its own photo, and only while the
 *   session is open and the sitting asks for the identity check; the roster photo, else the student's photo;
 * - `GET /snapshots/{id}`: an incident snapshot, to staff who may watch the candidate's room (an exam board or admin
 *   over the sitting, or a proctor assigned to the room), until it expires.
 * Each route is a `createRoute` definition, so the OpenAPI document (`/api/openapi.json`) lists it.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq, gt } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { proctoringEnabled, proctoringPolicyOf } from '../../../proctor/index.ts';
import { candidateSessions } from '../../delivery/tables.ts';
import { sittingCandidates, sittings } from '../../sittings/tables.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { ErrorSchema, security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { validationHook } from '../../platform/http/validation-hook.ts';
import { access, authenticate } from '../../people/access.ts';
import { sittingTarget } from '../../sittings/organisation-of-sitting.ts';
import { studentPhotos, students } from '../../people/tables.ts';
import { assertMayProctor, authorize } from '../policy.ts';
import { incidentSnapshots, rosterPhotos } from '../tables.ts';
import { removeRosterPhoto } from '../commands/remove-roster-photo.ts';
import { ROSTER_PHOTO_RULES, setRosterPhoto } from '../commands/set-roster-photo.ts';

/** Session states in which the candidate's device may still fetch its photo. */
const OPEN_STATES = new Set(['checked_in', 'in_progress', 'paused']);
const PRIVATE = { 'cache-control': 'private, no-store' };

const binary = z.string().openapi({ type: 'string', format: 'binary' });
const picture = (types: readonly string[]) =>
  Object.fromEntries(types.map((type) => [type, { schema: binary }])) as Record<
    string,
    { schema: typeof binary }
  >;
const errorJson = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

const PhotoParams = z.object({
  sittingId: z.uuid().openapi({ param: { name: 'sittingId', in: 'path' } }),
  candidateId: z
    .uuid()
    .openapi({ param: { name: 'candidateId', in: 'path' }, description: 'A sitting candidate' }),
});
const SnapshotParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** The sitting candidate of the path, which must belong to the sitting of the path. */
async function candidateOf(
  c: Context<AppEnv>,
  { sittingId, candidateId }: z.infer<typeof PhotoParams>,
): Promise<string> {
  const [row] = await c.var.deps.db
    .select({ id: sittingCandidates.id })
    .from(sittingCandidates)
    .where(and(eq(sittingCandidates.id, candidateId), eq(sittingCandidates.sittingId, sittingId)));
  if (!row) throw errors.notFound('The sitting candidate');
  return row.id;
}

/** Staff who may watch sittings at all; which rooms is decided per snapshot. */
const watcher: MiddlewareHandler<AppEnv> = async (c, next) => {
  await authenticate(c);
  const actor = c.var.actor;
  assertMayProctor(actor);
  await next();
};

const photoPath = '/sittings/{sittingId}/candidates/{candidateId}/photo';
const boardOnly = () => access('sittings:write', sittingTarget('sittingId'));

const putRosterPhoto = createRoute({
  method: 'put',
  path: photoPath,
  tags: ['proctoring'],
  summary:
    "Set a sitting candidate's roster photo for the identity check (JPEG or PNG, 64-4096 px, at most 2 MB)",
  description: 'An exam board or admin over the sitting; audit-logged. Replaces any earlier roster photo.',
  security,
  middleware: [
    boardOnly(),
    bodyLimit({
      maxSize: ROSTER_PHOTO_RULES.maxBytes,
      onError: () => {
        throw errors.tooLarge('A roster photo may be at most 2048 KB.');
      },
    }),
  ] as const,
  request: {
    params: PhotoParams,
    body: { required: true, content: picture(ROSTER_PHOTO_RULES.types) },
  },
  responses: {
    204: { description: 'Stored' },
    ...staffErrors,
    413: errorJson('Larger than 2 MB'),
  },
});

const getRosterPhoto = createRoute({
  method: 'get',
  path: photoPath,
  tags: ['proctoring'],
  summary: "A sitting candidate's roster photo",
  security,
  middleware: [boardOnly()] as const,
  request: { params: PhotoParams },
  responses: {
    200: { description: 'The photo (not cached)', content: picture(ROSTER_PHOTO_RULES.types) },
    ...staffErrors,
  },
});

const deleteRosterPhoto = createRoute({
  method: 'delete',
  path: photoPath,
  tags: ['proctoring'],
  summary: "Remove a sitting candidate's roster photo (audit-logged)",
  security,
  middleware: [boardOnly()] as const,
  request: { params: PhotoParams },
  responses: { 204: { description: 'Removed' }, ...staffErrors },
});

const candidatePhoto = createRoute({
  method: 'get',
  path: '/candidate/photo',
  tags: ['proctoring'],
  summary: "The candidate device's own roster photo, for the identity check on the device",
  description:
    'Authenticated with the candidate session token (not a staff token). Only while the session is open, only in a ' +
    'proctored sitting that checks identity; the roster photo, else the student photo.',
  security,
  responses: {
    200: {
      description: 'The photo (not cached)',
      content: picture(['image/jpeg', 'image/png', 'image/webp']),
    },
    401: errorJson('No session token, or not a valid one'),
    403: errorJson('The session is closed (`session_closed`) or the sitting does not check identity'),
    404: errorJson('No roster or student photo (`no_photo`)'),
  },
});

const snapshot = createRoute({
  method: 'get',
  path: '/snapshots/{id}',
  tags: ['proctoring'],
  summary: "An incident's snapshot (a small JPEG), until its retention ends",
  description:
    "Exam boards and admins over the sitting, or proctors assigned to the candidate's room (as on the /proctor socket).",
  security,
  middleware: [watcher] as const,
  request: { params: SnapshotParams },
  responses: {
    200: { description: 'The snapshot (not cached)', content: picture(['image/jpeg']) },
    ...staffErrors,
  },
});

export function proctoringRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(putRosterPhoto, async (c) => {
    const candidateId = await candidateOf(c, c.req.valid('param'));
    await setRosterPhoto(
      c.var.deps.db,
      c.var.actor,
      {
        sittingCandidateId: candidateId,
        organisationId: c.var.target!.id,
        data: Buffer.from(await c.req.arrayBuffer()),
        contentType: c.req.header('content-type') ?? '',
      },
      { ip: c.var.clientIp },
    );
    return c.body(null, 204);
  });

  app.openapi(getRosterPhoto, async (c) => {
    const candidateId = await candidateOf(c, c.req.valid('param'));
    const [row] = await c.var.deps.db
      .select({ contentType: rosterPhotos.contentType, data: rosterPhotos.data })
      .from(rosterPhotos)
      .where(eq(rosterPhotos.sittingCandidateId, candidateId));
    if (!row) throw errors.notFound('The roster photo');
    return c.body(new Uint8Array(row.data), 200, { 'content-type': row.contentType, ...PRIVATE });
  });

  app.openapi(deleteRosterPhoto, async (c) => {
    const candidateId = await candidateOf(c, c.req.valid('param'));
    await removeRosterPhoto(
      c.var.deps.db,
      c.var.actor,
      { sittingCandidateId: candidateId, organisationId: c.var.target!.id },
      { ip: c.var.clientIp },
    );
    return c.body(null, 204);
  });

  app.openapi(candidatePhoto, async (c) => {
    const token = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw errors.unauthenticated('A session token is needed.');
    const sessionId = await c.var.deps.candidateTokens.verify(token);
    const { db } = c.var.deps;
    const [session] = await db
      .select({
        state: candidateSessions.state,
        sittingCandidateId: candidateSessions.sittingCandidateId,
        studentId: sittingCandidates.studentId,
        securityPolicy: sittings.securityPolicy,
        closesAt: sittings.closesAt,
        cancelledAt: sittings.cancelledAt,
      })
      .from(candidateSessions)
      .innerJoin(sittings, eq(sittings.id, candidateSessions.sittingId))
      .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
      .where(eq(candidateSessions.id, sessionId));
    if (!session) throw errors.unauthenticated();
    if (!OPEN_STATES.has(session.state) || session.cancelledAt || session.closesAt <= new Date())
      throw new AppError(403, 'session_closed', 'The photo is only sent while the exam session is open.');
    if (
      !proctoringEnabled(session.securityPolicy) ||
      !proctoringPolicyOf(session.securityPolicy).identityCheck
    )
      throw new AppError(403, 'identity_check_off', 'This sitting does not check identity.');
    const [roster] = await db
      .select({ contentType: rosterPhotos.contentType, data: rosterPhotos.data })
      .from(rosterPhotos)
      .where(eq(rosterPhotos.sittingCandidateId, session.sittingCandidateId));
    const [student] = roster
      ? []
      : await db
          .select({ contentType: studentPhotos.contentType, data: studentPhotos.data })
          .from(students)
          .innerJoin(studentPhotos, eq(studentPhotos.sha256, students.photoSha256))
          .where(eq(students.id, session.studentId));
    const photo = roster ?? student;
    if (!photo) throw new AppError(404, 'no_photo', 'There is no roster photo for this candidate.');
    return c.body(new Uint8Array(photo.data), 200, { 'content-type': photo.contentType, ...PRIVATE });
  });

  app.openapi(snapshot, async (c) => {
    const actor = c.var.actor;
    const { id } = c.req.valid('param');
    const { db } = c.var.deps;
    const [row] = await db
      .select({
        sessionId: incidentSnapshots.sessionId,
        contentType: incidentSnapshots.contentType,
        data: incidentSnapshots.data,
      })
      .from(incidentSnapshots)
      .where(and(eq(incidentSnapshots.id, id), gt(incidentSnapshots.expiresAt, new Date())));
    if (!row) throw errors.notFound('The snapshot');
    await authorize(db, actor, 'session:watch', { sessionId: row.sessionId });
    return c.body(new Uint8Array(row.data), 200, { 'content-type': row.contentType, ...PRIVATE });
  });

  return app;
}
