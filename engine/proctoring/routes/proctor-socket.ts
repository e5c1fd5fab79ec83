/**
 * The `/proctor` namespace: staff authenticate with their access token, join a sitting (or one
 * room of it) they may watch (a proctor only the rooms assigned to them; an exam board or admin
 * any room or whole sitting of their organisation subtree), receive batched candidate status, and act on sessions. Every
 * payload is parsed with its zod schema; every action goes through the same command as HTTP.
 */
import { and, asc, eq, gt, inArray, like, or } from 'drizzle-orm';
import type { Namespace, Server, Socket } from 'socket.io';
import type { StaffActor } from '../../people/actor.ts';
import { performSessionAction } from '../commands/session-action.ts';
import { candidateStatuses } from '../candidate-status.ts';
import { roomProctors, sittingRooms, sittings } from '../../sittings/tables.ts';
import { organisations } from '../../people/tables.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/http/env.ts';
import { assertMayProctor, authorize } from '../policy.ts';
import {
  IncidentsListRequest,
  JoinRequest,
  RoomsListRequest,
  SessionActionRequest,
  type ProctorClientToServerEvents,
  type ProctorServerToClientEvents,
} from '../../protocol/proctor.ts';
import { sittingRoom } from '../../delivery/socket.ts';
import { proctorRoomRoom, proctorSittingRoom } from '../proctor-feed.ts';
import { createTokenBucket } from '../../platform/realtime/socket-rate-limit.ts';
import { eventBinder } from '../../platform/realtime/socket-handler.ts';
import { listIncidents } from '../incidents.ts';

interface ProctorSocketData {
  actor: StaffActor;
}

type ProctorNamespace = Namespace<
  ProctorClientToServerEvents,
  ProctorServerToClientEvents,
  Record<string, never>,
  ProctorSocketData
>;

export function attachProctorNamespace(io: Server, deps: AppDeps): ProctorNamespace {
  const nsp = io.of('/proctor') as unknown as ProctorNamespace;
  const db = deps.db;

  nsp.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      if (typeof token !== 'string') throw errors.unauthenticated();
      const actor = await deps.tokens.verifyAccessToken(token);
      assertMayProctor(actor);
      socket.data = { actor };
      next();
    } catch (error) {
      const e = error instanceof AppError ? error : errors.unauthenticated();
      next(Object.assign(new Error(e.message), { data: { id: e.id, message: e.message } }));
    }
  });

  nsp.on('connection', (socket) => {
    const { actor } = socket.data;
    const on = eventBinder(socket as unknown as Socket, {
      logger: deps.logger.child({ namespace: 'proctor', userId: actor.userId }),
      allow: createTokenBucket(10, 30),
    });

    on('rooms:list', RoomsListRequest, async () => {
      const assigned = db
        .select({ roomId: roomProctors.roomId })
        .from(roomProctors)
        .where(eq(roomProctors.userId, actor.userId));
      const rows = await db
        .select({
          sittingId: sittings.id,
          sittingName: sittings.name,
          opensAt: sittings.opensAt,
          closesAt: sittings.closesAt,
          roomId: sittingRooms.id,
          roomName: sittingRooms.name,
          assignedRoom: roomProctors.userId,
        })
        .from(sittingRooms)
        .innerJoin(sittings, eq(sittings.id, sittingRooms.sittingId))
        .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
        .leftJoin(
          roomProctors,
          and(eq(roomProctors.roomId, sittingRooms.id), eq(roomProctors.userId, actor.userId)),
        )
        .where(
          and(
            // Sittings closed more than a day ago are history, not live rooms.
            gt(sittings.closesAt, new Date(Date.now() - 86_400_000)),
            actor.role === 'proctor'
              ? inArray(sittingRooms.id, assigned)
              : or(like(organisations.path, `${actor.scopePath}%`), inArray(sittingRooms.id, assigned)),
          ),
        )
        .orderBy(asc(sittings.opensAt), asc(sittingRooms.name))
        .limit(500);
      return {
        rooms: rows.map((r) => ({
          sittingId: r.sittingId,
          sittingName: r.sittingName,
          opensAt: r.opensAt.toISOString(),
          closesAt: r.closesAt.toISOString(),
          roomId: r.roomId,
          roomName: r.roomName,
          assigned: r.assignedRoom !== null,
        })),
      };
    });

    on('room:join', JoinRequest, async ({ sittingId, roomId }) => {
      await authorize(db, actor, roomId ? 'room:watch' : 'sitting:watch', { sittingId, roomId });
      const connected = new Set(
        (await io.of('/candidate').in(sittingRoom(sittingId)).fetchSockets()).map(
          (s) => (s.data as { sessionId: string }).sessionId,
        ),
      );
      await socket.join(roomId ? proctorRoomRoom(roomId) : proctorSittingRoom(sittingId));
      return { candidates: await candidateStatuses(db, sittingId, roomId, connected) };
    });

    // Incidents and risks of a sitting or room this socket has joined (room:join did the access check).
    on('incidents:list', IncidentsListRequest, async ({ sittingId, roomId }) => {
      const joined =
        socket.rooms.has(proctorSittingRoom(sittingId)) ||
        (roomId !== undefined && socket.rooms.has(proctorRoomRoom(roomId)));
      if (!joined) throw errors.forbidden('Join the sitting or room first.');
      return listIncidents(db, sittingId, roomId);
    });

    on('session:action', SessionActionRequest, async (request) => {
      const row = await performSessionAction(deps, actor, request, { ip: socket.handshake.address });
      return { state: row.state };
    });
  });
  return nsp;
}
