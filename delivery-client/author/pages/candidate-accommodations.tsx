/**
 * One candidate's accommodations (`PATCH /api/sittings/{id}/candidates/{candidateNumber}`): extra
 * time, a separate room and the room. A small form opened from the candidate's row; the engine
 * refuses (409) once the candidate has started or when the room would mix candidates with and
 * without a separate room, and its message is shown in the form.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api, ok, type components, type ResponseOf } from '../api.ts';
import { describeConflict } from './sitting-refusals.ts';
import { useT } from '../i18n.tsx';

/** A candidate of the sitting (`GET /api/sittings/{id}/sessions`), as far as this form needs them. */
export type AccommodatedCandidate = Pick<
  ResponseOf<'/api/sittings/{id}/sessions', 'get'>['items'][number],
  'candidateNumber' | 'fullName' | 'roomId' | 'extraTimePercent' | 'separateRoom'
>;
/** A room of the sitting; `separateRoom`: it already seats separate-room candidates. */
export type RoomChoice = Pick<components['schemas']['Sitting']['rooms'][number], 'id' | 'name'> &
  Partial<Pick<components['schemas']['Sitting']['rooms'][number], 'separateRoom'>>;

export function CandidateAccommodations({
  sittingId,
  candidate,
  rooms,
  onSaved,
  onClose,
}: {
  sittingId: string;
  candidate: AccommodatedCandidate;
  rooms: RoomChoice[];
  onSaved(message: string): void;
  onClose(): void;
}) {
  const { t } = useT();
  const titleId = useId();
  const [extra, setExtra] = useState(String(candidate.extraTimePercent));
  const [separate, setSeparate] = useState(candidate.separateRoom);
  const [roomId, setRoomId] = useState(candidate.roomId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function save() {
    setBusy(true);
    setError('');
    try {
      await ok(
        api.PATCH('/api/sittings/{id}/candidates/{candidateNumber}', {
          params: { path: { id: sittingId, candidateNumber: candidate.candidateNumber } },
          body: { extraTimePercent: Number(extra), separateRoom: separate, roomId },
        }),
      );
      onSaved(t('sit.acc.saved', { number: candidate.candidateNumber }));
    } catch (e) {
      setError(t('sit.acc.refused', { message: describeConflict(t, e) }));
    } finally {
      setBusy(false);
    }
  }

  const extraValid = /^\d{1,3}$/.test(extra) && Number(extra) <= 200;
  return (
    <form
      className="accommodations"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h5 id={titleId}>
        {t('sit.acc.title', { number: candidate.candidateNumber, name: candidate.fullName })}
      </h5>
      <p className="muted small-text">{t('sit.acc.help')}</p>
      <div className="inline-fields">
        <label className="field">
          {t('sit.acc.extra')}
          <input
            ref={first}
            type="number"
            min={0}
            max={200}
            step={5}
            required
            value={extra}
            aria-invalid={!extraValid}
            onChange={(e) => setExtra(e.target.value)}
          />
        </label>
        <label className="checkbox-inline">
          <input type="checkbox" checked={separate} onChange={(e) => setSeparate(e.target.checked)} />{' '}
          {t('sit.acc.separate')}
        </label>
        <label className="field">
          {t('sit.acc.room')}
          <select value={roomId} onChange={(e) => setRoomId(e.target.value)}>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.separateRoom ? t('sit.acc.roomSeparate', { room: r.name }) : r.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || !extraValid}>
          {t('sit.acc.save')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('sit.acc.cancel')}
        </button>
      </div>
      <div aria-live="assertive">{error && <p className="error">{error}</p>}</div>
    </form>
  );
}
