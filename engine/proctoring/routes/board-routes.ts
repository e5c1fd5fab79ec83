/**
 * Exam board views of sittings: the overview of open sittings (candidates by session state and
 * proctoring incidents) and the printed papers (access-code slips, room lists) as PDF. The papers
 * carry access codes, so they need `sittings:write` in the sitting's organisation.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { renderAccessSlips, renderRoomLists, type SittingPapersData } from '../../../grading/index.ts';
import { access } from '../../people/access.ts';
import { sittingTarget } from '../../sittings/organisation-of-sitting.ts';
import { withinSubtree } from '../../people/scope.ts';
import { candidateSessions, sessionEvents } from '../../delivery/tables.ts';
import { organisations, students, users } from '../../people/tables.ts';
import { roomProctors, sittingCandidates, sittingRooms, sittings } from '../../sittings/tables.ts';
import { security, staffErrors } from '../../platform/http/common-schemas.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { publicOrigin } from '../../platform/http/public-url.ts';
import type { Context } from 'hono';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
/** Sittings stay on the overview for a day after they close (late submissions, incidents to review). */
const KEEP_AFTER_CLOSE_MS = 24 * 3600_000;

const OverviewRow = z
  .object({
    id: z.uuid(),
    name: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    /** A practice sitting (luyện tập): scores are feedback, not grades (sittings.practice). */
    practice: z.boolean(),
    /** Candidates by session state; "scheduled" = enrolled, not checked in. */
    counts: z.record(z.string(), z.number().int()),
    incidents: z.number().int(),
  })
  .openapi('SittingOverviewRow');

async function papersData(c: Context<AppEnv>, sittingId: string): Promise<SittingPapersData> {
  const db = c.var.deps.db;
  const [row] = await db
    .select({ sitting: sittings, org: organisations })
    .from(sittings)
    .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
    .where(eq(sittings.id, sittingId));
  const { sitting, org } = row!;
  const [parent] = org.parentId
    ? await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, org.parentId))
    : [];
  const rooms = await db
    .select()
    .from(sittingRooms)
    .where(eq(sittingRooms.sittingId, sittingId))
    .orderBy(asc(sittingRooms.name));
  const roomIds = rooms.map((r) => r.id);
  const proctors = roomIds.length
    ? await db
        .select({ roomId: roomProctors.roomId, name: users.fullName })
        .from(roomProctors)
        .innerJoin(users, eq(users.id, roomProctors.userId))
        .where(inArray(roomProctors.roomId, roomIds))
    : [];
  const candidates = await db
    .select({
      roomId: sittingCandidates.roomId,
      candidateNumber: sittingCandidates.candidateNumber,
      extraTimePercent: sittingCandidates.extraTimePercent,
      fullName: students.fullName,
      dateOfBirth: students.dateOfBirth,
    })
    .from(sittingCandidates)
    .innerJoin(students, eq(students.id, sittingCandidates.studentId))
    .where(eq(sittingCandidates.sittingId, sittingId))
    .orderBy(asc(sittingCandidates.candidateNumber));
  return {
    sitting: {
      name: sitting.name,
      subject: sitting.subject,
      opensAt: sitting.opensAt,
      closesAt: sitting.closesAt,
      durationMinutes: sitting.durationSeconds / 60,
    },
    school: { name: org.name, ...(parent ? { parent: parent.name } : {}) },
    checkInUrl: `${publicOrigin(c)}/candidate/`,
    rooms: rooms.map((r) => ({
      name: r.name,
      accessCode: r.accessCode,
      proctors: proctors.filter((p) => p.roomId === r.id).map((p) => p.name),
      candidates: candidates
        .filter((k) => k.roomId === r.id)
        .map((k) => ({
          candidateNumber: k.candidateNumber,
          fullName: k.fullName,
          dateOfBirth: String(k.dateOfBirth),
          extraTimePercent: k.extraTimePercent,
        })),
    })),
  };
}

const pdf = (c: Context<AppEnv>, bytes: Buffer, name: string) =>
  c.body(new Uint8Array(bytes), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });

export function boardRoutes() {
  const app = new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/sittings',
      summary: 'Open sittings of your subtree with candidates by session state and incident counts',
      security,
      middleware: [access('sittings:read')] as const,
      responses: {
        200: { description: 'Overview', ...json(z.object({ items: z.array(OverviewRow) })) },
        ...staffErrors,
      },
    }),
    async (c) => {
      const db = c.var.deps.db;
      const open = await db
        .select({
          id: sittings.id,
          name: sittings.name,
          opensAt: sittings.opensAt,
          closesAt: sittings.closesAt,
          practice: sittings.practice,
        })
        .from(sittings)
        .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
        .where(
          and(withinSubtree(c.var.actor), gt(sittings.closesAt, new Date(Date.now() - KEEP_AFTER_CLOSE_MS))),
        )
        .orderBy(asc(sittings.opensAt));
      const ids = open.map((s) => s.id);
      const states = ids.length
        ? await db
            .select({
              sittingId: sittingCandidates.sittingId,
              state: sql<string>`coalesce(${candidateSessions.state}::text, 'scheduled')`,
              n: count(),
            })
            .from(sittingCandidates)
            .leftJoin(candidateSessions, eq(candidateSessions.sittingCandidateId, sittingCandidates.id))
            .where(inArray(sittingCandidates.sittingId, ids))
            .groupBy(sittingCandidates.sittingId, sql`2`)
        : [];
      const incidents = ids.length
        ? await db
            .select({ sittingId: sittingCandidates.sittingId, n: count() })
            .from(sessionEvents)
            .innerJoin(candidateSessions, eq(candidateSessions.id, sessionEvents.sessionId))
            .innerJoin(sittingCandidates, eq(sittingCandidates.id, candidateSessions.sittingCandidateId))
            .where(and(inArray(sittingCandidates.sittingId, ids), eq(sessionEvents.type, 'incident')))
            .groupBy(sittingCandidates.sittingId)
        : [];
      return c.json(
        {
          items: open.map((s) => ({
            id: s.id,
            name: s.name,
            opensAt: s.opensAt.toISOString(),
            closesAt: s.closesAt.toISOString(),
            practice: s.practice,
            counts: Object.fromEntries(
              states.filter((r) => r.sittingId === s.id).map((r) => [r.state, Number(r.n)]),
            ),
            incidents: Number(incidents.find((r) => r.sittingId === s.id)?.n ?? 0),
          })),
        },
        200,
      );
    },
  );
  app.get('/sittings/:id/slips.pdf', access('sittings:write', sittingTarget()), async (c) =>
    pdf(c, await renderAccessSlips(await papersData(c, c.req.param('id'))), 'phieu-du-thi.pdf'),
  );
  app.get('/sittings/:id/room-lists.pdf', access('sittings:write', sittingTarget()), async (c) =>
    pdf(c, await renderRoomLists(await papersData(c, c.req.param('id'))), 'danh-sach-phong-thi.pdf'),
  );
  return app;
}
