import { memo, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CandidateStatus, RiskSummary, WatchableRoom } from '../../engine/client.ts';
import { CandidatePanel } from './candidate-panel.tsx';
import { useT } from './i18n.tsx';
import { LiveRoom, type ProctorSocket } from './live-room.ts';
import { useRowWindow } from './row-window.ts';

type Filter = 'all' | 'incidents' | 'offline';

/** A room live: summary, the candidates' grid, and the selected candidate's timeline and actions. */
export function RoomView({ socket, room }: { socket: ProctorSocket; room: WatchableRoom }) {
  const [live, setLive] = useState<LiveRoom>();
  useEffect(() => {
    const opened = new LiveRoom(socket, { sittingId: room.sittingId, roomId: room.roomId });
    setLive(opened);
    return () => opened.close();
  }, [socket, room.sittingId, room.roomId]);
  return live ? <LiveRoomView live={live} /> : null;
}

function LiveRoomView({ live }: { live: LiveRoom }) {
  const { t } = useT();
  const snapshot = useSyncExternalStore(live.subscribe, live.getSnapshot);
  const [selected, setSelected] = useState<string>();
  const [filter, setFilter] = useState<Filter>('all');
  // One clock for every row's time left (the deadlines are the server's; the rows only subtract).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  // The roster sent on join counts no incidents; the incidents listed with it (and pushed since) do.
  const incidentCount = (c: CandidateStatus) =>
    Math.max(c.incidents, c.sessionId ? (snapshot.incidents.get(c.sessionId)?.length ?? 0) : 0);
  // Sorted once per roster change, not on every clock tick.
  const rows = useMemo(
    () =>
      [...snapshot.candidates.values()].sort((a, b) =>
        a.candidateNumber < b.candidateNumber ? -1 : a.candidateNumber > b.candidateNumber ? 1 : 0,
      ),
    [snapshot.candidates],
  );
  const shown = rows.filter((c) =>
    filter === 'incidents'
      ? incidentCount(c) > 0
      : filter === 'offline'
        ? !c.connected && c.sessionId !== null
        : true,
  );
  const online = rows.filter((c) => c.connected).length;
  const incidentTotal = rows.reduce((n, c) => n + incidentCount(c), 0);
  const current = selected ? snapshot.candidates.get(selected) : undefined;
  // A big room renders only the rows in view: updates and the clock touch a few dozen rows.
  const view = useRowWindow(shown.length);

  return (
    <div className="room-view">
      <section className="room-head" aria-label={t('grid.title')}>
        <p className={`connection ${snapshot.connection}`} role="status">
          {t(`room.${snapshot.connection}`)}
          {snapshot.error ? ` — ${snapshot.error}` : ''}
        </p>
        <p>{t('room.summary', { total: rows.length, online, incidents: incidentTotal })}</p>
        <label>
          {t('room.filter')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            {(['all', 'incidents', 'offline'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`room.filter.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </section>
      <div className="room-body">
        <div className="grid-scroll" ref={view.ref}>
          <table className="candidate-grid" aria-rowcount={shown.length + 1}>
            <caption>{t('grid.title')}</caption>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">{t('grid.number')}</th>
                <th scope="col">{t('grid.name')}</th>
                <th scope="col">{t('grid.connection')}</th>
                <th scope="col">{t('grid.state')}</th>
                <th scope="col">{t('grid.progress')}</th>
                <th scope="col">{t('grid.timeLeft')}</th>
                <th scope="col">{t('grid.incidents')}</th>
                <th scope="col">{t('grid.risk')}</th>
              </tr>
            </thead>
            <tbody>
              {view.before > 0 && <Spacer height={view.before} />}
              {shown.slice(view.first, view.last).map((c, i) => (
                <CandidateRow
                  key={c.sittingCandidateId}
                  rowIndex={view.first + i + 2}
                  candidate={c}
                  incidents={incidentCount(c)}
                  risk={c.sessionId ? snapshot.risks.get(c.sessionId) : undefined}
                  secondsLeft={secondsLeft(c, now)}
                  selected={c.sittingCandidateId === selected}
                  onSelect={setSelected}
                />
              ))}
              {view.after > 0 && <Spacer height={view.after} />}
            </tbody>
          </table>
        </div>
        {current && (
          <CandidatePanel
            live={live}
            candidate={current}
            incidents={current.sessionId ? (snapshot.incidents.get(current.sessionId) ?? []) : []}
            risk={current.sessionId ? snapshot.risks.get(current.sessionId) : undefined}
            onClose={() => setSelected(undefined)}
          />
        )}
      </div>
    </div>
  );
}

function secondsLeft(c: CandidateStatus, now: number): number | null {
  if (c.state === 'paused' && c.remainingMs !== null) return Math.round(c.remainingMs / 1000);
  if (c.deadline === null) return c.remainingMs === null ? null : Math.round(c.remainingMs / 1000);
  return Math.max(0, Math.round((c.deadline - now) / 1000));
}

export const clock = (seconds: number | null) => {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}:` : ''}${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
};

/** Stands for the rows out of view, so the scroll bar keeps the whole room's length. */
function Spacer({ height }: { height: number }) {
  return (
    <tr className="spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={8} />
    </tr>
  );
}

/** One row; re-renders only when its own candidate, risk or second changes. */
const CandidateRow = memo(function CandidateRow(props: {
  rowIndex: number;
  candidate: CandidateStatus;
  incidents: number;
  risk: RiskSummary | undefined;
  secondsLeft: number | null;
  selected: boolean;
  onSelect(id: string): void;
}) {
  const { t } = useT();
  const c = props.candidate;
  const level = props.risk?.level;
  return (
    <tr
      aria-rowindex={props.rowIndex}
      className={`candidate ${props.selected ? 'selected' : ''} ${props.incidents > 0 ? 'has-incidents' : ''}`}
    >
      <td>{c.candidateNumber}</td>
      <th scope="row">
        <button
          type="button"
          className="link"
          aria-label={t('grid.details', { name: c.fullName })}
          aria-pressed={props.selected}
          onClick={() => props.onSelect(c.sittingCandidateId)}
        >
          {c.fullName}
        </button>
      </th>
      <td>
        <span className={`dot ${c.connected ? 'online' : 'offline'}`} aria-hidden="true" />
        {c.connected ? t('grid.online') : t('grid.offline')}
      </td>
      <td className={`state ${c.state}`}>{t(`state.${c.state}`)}</td>
      <td>
        <progress max={c.itemCount || 1} value={c.answered} aria-label={`${c.answered}/${c.itemCount}`} />{' '}
        {c.answered}/{c.itemCount}
      </td>
      <td className="num">{clock(props.secondsLeft)}</td>
      <td className="num incidents-count">{props.incidents}</td>
      <td className={`risk ${level ?? 'none'}`}>
        {props.risk ? `${props.risk.score} · ${t(`risk.${props.risk.level}`)}` : '—'}
      </td>
    </tr>
  );
});
