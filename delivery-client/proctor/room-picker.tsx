import { useEffect, useState } from 'react';
import type { WatchableRoom } from '../../engine/client.ts';
import { useT } from './i18n.tsx';
import { listRooms, type ProctorSocket } from './live-room.ts';

/** The rooms this staff member may watch; choosing one opens its live view. */
export function RoomPicker({ socket, onPick }: { socket: ProctorSocket; onPick(room: WatchableRoom): void }) {
  const { t, lang } = useT();
  const [rooms, setRooms] = useState<WatchableRoom[]>();
  const [error, setError] = useState('');
  useEffect(() => {
    const load = () =>
      listRooms(socket)
        .then(setRooms)
        .catch((e: Error) => setError(e.message));
    if (socket.connected) void load();
    socket.on('connect', load);
    return () => void socket.off('connect', load);
  }, [socket]);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
  return (
    <section className="card" aria-labelledby="rooms-title">
      <h1 id="rooms-title">{t('rooms.title')}</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {rooms?.length === 0 && <p>{t('rooms.none')}</p>}
      <ul className="room-list">
        {rooms?.map((room) => (
          <li key={room.roomId}>
            <span>
              <strong>{room.sittingName}</strong> — {room.roomName}
              {room.assigned && <span className="tag">{t('rooms.assigned')}</span>}
              <br />
              <small>{t('rooms.when', { opens: when(room.opensAt), closes: when(room.closesAt) })}</small>
            </span>
            <button
              type="button"
              className="primary"
              aria-label={`${t('rooms.open')}: ${room.sittingName} — ${room.roomName}`}
              onClick={() => onPick(room)}
            >
              {t('rooms.open')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
