import { useEffect, useState } from 'react';
import type { WatchableRoom } from '../../engine/client.ts';
import { me as fetchMe, session, type Me } from './api.ts';
import { useT } from './i18n.tsx';
import { connectProctor, type ProctorSocket } from './live-room.ts';
import { Login } from './login.tsx';
import { SignInAgain } from '../shared/sign-in-again.tsx';
import { RoomPicker } from './room-picker.tsx';
import { RoomView } from './room-view.tsx';

const ROOM_KEY = 'proctor.room';

/** The proctor dashboard: sign-in, a choice of room, then the room live. */
export function App() {
  const { t, lang, setLang } = useT();
  const [signedIn, setSignedIn] = useState(!!session.token);
  const [me, setMe] = useState<Me>();
  const [socket, setSocket] = useState<ProctorSocket>();
  const [room, setRoom] = useState<WatchableRoom | undefined>(() => {
    const saved = sessionStorage.getItem(ROOM_KEY);
    return saved ? (JSON.parse(saved) as WatchableRoom) : undefined;
  });

  useEffect(() => {
    if (!signedIn || !session.token) return;
    let cancelled = false;
    fetchMe()
      .then((user) => !cancelled && setMe(user))
      .catch(() => {
        void session.signOut();
        setSignedIn(false);
      });
    const s = connectProctor(() => session.token);
    s.on('connect_error', (error) => {
      const id = (error as { data?: { id?: string } }).data?.id;
      if (id === 'forbidden') {
        s.disconnect();
        void session.signOut();
        setSignedIn(false);
      } else if (id === 'invalid_token' || id === 'unauthenticated') {
        // An expired token: renew it (or wait for a new sign-in over the page), then connect again.
        const stale = session.token;
        s.disconnect();
        void session.renew(stale).then(() => !cancelled && s.connect());
      }
    });
    setSocket(s);
    return () => {
      cancelled = true;
      s.disconnect();
    };
  }, [signedIn]);

  const pick = (next: WatchableRoom | undefined) => {
    if (next) sessionStorage.setItem(ROOM_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(ROOM_KEY);
    setRoom(next);
  };
  const signOut = () => {
    void session.signOut();
    pick(undefined);
    setMe(undefined);
    setSignedIn(false);
  };

  return (
    <>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        {room && signedIn && (
          <span className="where">
            {room.sittingName} — {room.roomName}
          </span>
        )}
        <span className="spacer" />
        {room && signedIn && (
          <button type="button" className="secondary" onClick={() => pick(undefined)}>
            {t('rooms.back')}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          lang={lang === 'vi' ? 'en' : 'vi'}
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
        >
          {t('app.lang')}
        </button>
        {me && (
          <button type="button" className="secondary" onClick={signOut}>
            {t('app.logout')} ({me.fullName})
          </button>
        )}
      </header>
      <main className="proctor">
        {signedIn && <SignInAgain session={session} lang={lang} username={me?.username} />}
        {!signedIn && <Login onSignedIn={() => setSignedIn(true)} />}
        {signedIn && socket && !room && <RoomPicker socket={socket} onPick={pick} />}
        {signedIn && socket && room && <RoomView socket={socket} room={room} />}
      </main>
    </>
  );
}
