/**
 * Batches candidate status changes for proctors: patches are merged per session and sent at
 * most every `flushMs` to the sitting's and the room's proctor rooms, so a room of 500
 * candidates answering at once stays a trickle of small messages. Emits go through the
 * Socket.IO adapter, so proctors connected to any engine process receive them.
 */
import type { Server } from 'socket.io';
import type { StatusFeed } from '../delivery/session-notifier.ts';
import type { CandidateStatusPatch } from '../protocol/proctor.ts';

export const proctorSittingRoom = (sittingId: string) => `proctor:sitting:${sittingId}`;
export const proctorRoomRoom = (roomId: string) => `proctor:room:${roomId}`;

export type ProctorFeed = StatusFeed;

export function createProctorFeed(io: Server, flushMs = 300): ProctorFeed {
  const pending = new Map<
    string,
    { sittingId: string; roomId: string; patches: Map<string, CandidateStatusPatch> }
  >();
  const flush = () => {
    const nsp = io.of('/proctor');
    for (const [key, batch] of pending) {
      const patches = [...batch.patches.values()];
      nsp
        .to(proctorSittingRoom(batch.sittingId))
        .to(proctorRoomRoom(batch.roomId))
        .emit('candidates:update', patches);
      pending.delete(key);
    }
  };
  const timer = setInterval(flush, flushMs);
  timer.unref();
  return {
    publish(target, patch) {
      const key = `${target.sittingId}/${target.roomId}`;
      let batch = pending.get(key);
      if (!batch) pending.set(key, (batch = { ...target, patches: new Map() }));
      batch.patches.set(patch.sessionId, { ...batch.patches.get(patch.sessionId), ...patch });
    },
    flush,
    stop: () => clearInterval(timer),
  };
}
