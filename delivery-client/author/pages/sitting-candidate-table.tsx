/**
 * The candidates of a sitting: number, name, room, state, extra time, separate room, a button per
 * row that opens the accommodations form beneath it (focus returns to the button), and the parallel
 * form, kept the last column as before.
 */
import { useRef, useState } from 'react';
import type { ResponseOf } from '../api.ts';
import { useT, type AuthorMessageKey } from '../i18n.tsx';
import { CandidateAccommodations, type RoomChoice } from './candidate-accommodations.tsx';
import { LiveStatus } from './live-status.tsx';

/** A candidate of the sitting with their session state and the parallel form given at check-in. */
export type SittingCandidateRow = ResponseOf<'/api/sittings/{id}/sessions', 'get'>['items'][number];

export function SittingCandidateTable({
  sittingId,
  candidates,
  rooms,
  parallel,
  onChanged,
}: {
  sittingId: string;
  candidates: SittingCandidateRow[];
  rooms: RoomChoice[];
  /** Show the parallel form column. */
  parallel: boolean;
  /** A candidate's accommodations changed: reload. */
  onChanged(): void;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const roomOf = (id: string) => rooms.find((r) => r.id === id)?.name ?? '';
  const close = (number: string) => {
    setEditing(undefined);
    requestAnimationFrame(() => buttons.current.get(number)?.focus());
  };
  const columns = parallel ? 8 : 7;
  if (candidates.length === 0) return null;
  return (
    <section aria-labelledby="sitting-candidates-title">
      <h4 id="sitting-candidates-title">
        {t('board.candidates')} ({candidates.length})
      </h4>
      <LiveStatus notice={notice} />
      <table className="sitting-candidates">
        <thead>
          <tr>
            <th scope="col">{t('board.col.number')}</th>
            <th scope="col">{t('board.col.name')}</th>
            <th scope="col">{t('board.room')}</th>
            <th scope="col">{t('board.col.state')}</th>
            <th scope="col">{t('board.col.extra')}</th>
            <th scope="col">{t('sit.col.separate')}</th>
            <th scope="col">
              <span className="sr-only">{t('sit.col.actions')}</span>
            </th>
            {parallel && <th scope="col">{t('board.col.form')}</th>}
          </tr>
        </thead>
        <tbody>
          {candidates.flatMap((c) => {
            const open = editing === c.candidateNumber;
            const formId = `accommodations-${c.candidateNumber}`;
            const row = (
              <tr key={c.candidateNumber} className={open ? 'selected' : undefined}>
                <td>{c.candidateNumber}</td>
                <td>{c.fullName}</td>
                <td>{roomOf(c.roomId)}</td>
                <td>{t(`state.${c.state}` as AuthorMessageKey)}</td>
                <td>{c.extraTimePercent ? `+${c.extraTimePercent} %` : '–'}</td>
                <td>{c.separateRoom ? t('sit.yes') : '–'}</td>
                <td>
                  <button
                    type="button"
                    className="small secondary"
                    ref={(el) => {
                      if (el) buttons.current.set(c.candidateNumber, el);
                      else buttons.current.delete(c.candidateNumber);
                    }}
                    aria-expanded={open}
                    aria-controls={open ? formId : undefined}
                    onClick={() => {
                      setNotice('');
                      if (open) close(c.candidateNumber);
                      else setEditing(c.candidateNumber);
                    }}
                  >
                    {t('sit.acc.edit')}
                    <span className="sr-only"> {c.candidateNumber}</span>
                  </button>
                </td>
                {parallel && <td>{c.form ?? '–'}</td>}
              </tr>
            );
            if (!open) return [row];
            return [
              row,
              <tr key={`${c.candidateNumber}-edit`} id={formId} className="accommodations-row">
                <td colSpan={columns}>
                  <CandidateAccommodations
                    sittingId={sittingId}
                    candidate={c}
                    rooms={rooms}
                    onClose={() => close(c.candidateNumber)}
                    onSaved={(message) => {
                      close(c.candidateNumber);
                      setNotice(message);
                      onChanged();
                    }}
                  />
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </section>
  );
}
