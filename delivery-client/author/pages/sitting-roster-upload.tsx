/**
 * Enrolment from a sitting roster CSV (`POST /api/sittings/{id}/roster?dryRun=`): "Kiểm tra" checks
 * every row and says how many candidates go to which room, "Ghi danh" enrols them. The engine takes
 * all rows or none; a 422 lists every bad row with its line, shown here as a list.
 */
import { useId, useState } from 'react';
import { api, ok, rawBody, type components } from '../api.ts';
import { useT } from '../i18n.tsx';
import { LiveStatus } from './live-status.tsx';
import { describeRefusal } from './refusals.ts';
import { describeRowProblem, rosterRefusal, type RowProblem } from './sitting-refusals.ts';

type RosterResult = components['schemas']['SittingRosterImportResult'];
export function SittingRosterUpload({ sittingId, onEnrolled }: { sittingId: string; onEnrolled(): void }) {
  const { t } = useT();
  const helpId = useId();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RosterResult>();
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [error, setError] = useState('');

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setResult(undefined);
    setProblems([]);
    setError('');
    try {
      const outcome = await ok(
        api.POST('/api/sittings/{id}/roster', {
          params: { path: { id: sittingId }, query: { dryRun: dryRun ? 'true' : 'false' } },
          ...rawBody(file, 'text/csv'),
        }),
      );
      setResult(outcome);
      if (!outcome.dryRun) onEnrolled();
    } catch (e) {
      const refusal = rosterRefusal(t, e);
      if (refusal?.rows.length) {
        setError(t('sit.roster.problems', { n: refusal.rows.length }));
        setProblems(refusal.rows);
      } else setError(t('sit.roster.refused', { message: refusal?.message ?? describeRefusal(t, e) }));
    } finally {
      setBusy(false);
    }
  }

  const rooms = new Map<string, number>();
  for (const c of result?.candidates ?? []) rooms.set(c.room, (rooms.get(c.room) ?? 0) + 1);
  const withExtra = result?.candidates.filter((c) => c.extraTimePercent > 0).length ?? 0;
  const separate = result?.candidates.filter((c) => c.separateRoom).length ?? 0;
  return (
    <section aria-labelledby="sitting-roster-title" className="sitting-roster">
      <h4 id="sitting-roster-title">{t('sit.roster.title')}</h4>
      <p id={helpId} className="muted small-text">
        {t('sit.roster.help')}
      </p>
      <div className="filters">
        <label className="field grow">
          {t('sit.roster.file')}
          <input
            type="file"
            accept=".csv,text/csv"
            aria-describedby={helpId}
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setResult(undefined);
              setProblems([]);
              setError('');
            }}
          />
        </label>
        <button type="button" className="secondary" disabled={!file || busy} onClick={() => void send(true)}>
          {t('sit.roster.check')}
        </button>
        <button type="button" disabled={!file || busy} onClick={() => void send(false)}>
          {t('sit.roster.enrol')}
        </button>
      </div>
      <LiveStatus
        notice={
          result &&
          (result.dryRun
            ? t('sit.roster.checked', { n: result.total })
            : t('sit.roster.enrolled', { n: result.enrolled }))
        }
        error={error}
      >
        {problems.length > 0 && (
          <ul className="problems roster-problems">
            {problems.map((p) => (
              <li key={p.line}>
                <strong>{t('sit.roster.line', { line: p.line })}</strong>: {describeRowProblem(t, p)}
              </li>
            ))}
          </ul>
        )}
        {result && (
          <ul className="roster-rooms">
            {[...rooms].map(([room, n]) => (
              <li key={room}>{t('sit.roster.byRoom', { room, n })}</li>
            ))}
            {withExtra > 0 && <li>{t('sit.roster.extra', { n: withExtra })}</li>}
            {separate > 0 && <li>{t('sit.roster.separate', { n: separate })}</li>}
          </ul>
        )}
      </LiveStatus>
      {result && result.candidates.length > 0 && (
        <details>
          <summary>{t('sit.roster.rows')}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sit.col.line')}</th>
                <th scope="col">{t('sit.col.nationalId')}</th>
                <th scope="col">{t('board.col.number')}</th>
                <th scope="col">{t('board.room')}</th>
                <th scope="col">{t('board.col.extra')}</th>
                <th scope="col">{t('sit.col.separate')}</th>
              </tr>
            </thead>
            <tbody>
              {result.candidates.map((c) => (
                <tr key={c.line}>
                  <td>{c.line}</td>
                  <td>{c.nationalId}</td>
                  <td>{c.candidateNumber}</td>
                  <td>{c.room}</td>
                  <td>{c.extraTimePercent ? `+${c.extraTimePercent} %` : '–'}</td>
                  <td>{c.separateRoom ? t('sit.yes') : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
