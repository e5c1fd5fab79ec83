/** Before the exam: confirm identity, check the computer, read the instructions, start when the sitting opens. */
import { useEffect, useState } from 'react';
import type { CandidateProctoring, CheckInResponse } from '../../../engine/client.ts';
import { useI18n, type MessageKey } from '../../shared/i18n.tsx';
import type { ExamConnection, ExamState } from '../exam-connection.ts';
import { CameraCheck } from '../components/camera-check.tsx';

const formatDate = (iso: string) => iso.split('-').reverse().join('/');

export function LobbyPage({
  checkIn,
  exam,
  state,
}: {
  checkIn: CheckInResponse;
  exam: ExamConnection;
  state: ExamState;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  // Sittings that use the camera: the candidate starts once the camera check sees their face.
  const camera = Boolean(state.snapshot?.proctoring?.camera);
  const [faceSeen, setFaceSeen] = useState(false);
  const opensAt = Date.parse(checkIn.sitting.opensAt);
  const open = now >= opensAt;
  const checks: Array<[MessageKey, boolean]> = [
    ['lobby.check.storage', typeof indexedDB !== 'undefined'],
    ['lobby.check.connection', state.connection === 'online'],
    ['lobby.check.fullscreen', Boolean(document.fullscreenEnabled)],
  ];

  async function start() {
    setError(undefined);
    // Full screen can only be asked for in answer to the candidate's own click.
    if (state.snapshot?.security?.fullscreen && !document.fullscreenElement)
      await document.documentElement.requestFullscreen().catch(() => {});
    const failure = await exam.start();
    if (failure) {
      const key = `error.${failure}` as MessageKey;
      setError(t(key) === key ? t('error.generic') : t(key));
    }
  }

  const c = checkIn.candidate;
  // The engine's word (sittings.practice): the live snapshot, else what check-in said.
  const practice = state.snapshot?.sitting.practice ?? checkIn.sitting.practice ?? false;
  return (
    <main className="page">
      <h1>{t('lobby.title')}</h1>
      {practice && (
        <p className="practice-note" role="note">
          {t('practice.lobby')}
        </p>
      )}
      <dl>
        <dt>{t('lobby.name')}</dt>
        <dd>{c.fullName}</dd>
        <dt>{t('lobby.candidateNumber')}</dt>
        <dd>{c.candidateNumber}</dd>
        <dt>{t('lobby.dateOfBirth')}</dt>
        <dd>{formatDate(c.dateOfBirth)}</dd>
        {c.className && (
          <>
            <dt>{t('lobby.class')}</dt>
            <dd>{c.className}</dd>
          </>
        )}
        <dt>{t('lobby.school')}</dt>
        <dd>{c.schoolName}</dd>
        <dt>{t('lobby.sitting')}</dt>
        <dd>
          {checkIn.sitting.name}
          {practice && (
            <>
              {' '}
              <span className="practice-tag">{t('practice.exam')}</span>
            </>
          )}
        </dd>
      </dl>
      <p>
        {t('lobby.duration', { minutes: checkIn.sitting.durationMinutes, items: checkIn.sitting.itemCount })}
      </p>
      <h2>{t('lobby.systemCheck')}</h2>
      <ul>
        {checks.map(([key, ok]) => (
          <li key={key}>
            {t(key)}: <strong>{ok ? t('lobby.check.ok') : t('lobby.check.failed')}</strong>
          </li>
        ))}
      </ul>
      <p>{t('lobby.instructions')}</p>
      {state.snapshot?.proctoring && <MonitoringFacts proctoring={state.snapshot.proctoring} />}
      {camera && <CameraCheck onReady={() => setFaceSeen(true)} />}
      {!open && <p>{t('lobby.notYet', { time: new Date(opensAt).toLocaleString() })}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button
        className="primary"
        type="button"
        onClick={start}
        disabled={!open || state.connection !== 'online' || (camera && !faceSeen)}
      >
        {t('lobby.start')}
      </button>
    </main>
  );
}

/** The sitting's own privacy facts (the check-in page's notice is general): camera or not, and for how long pictures are kept. */
function MonitoringFacts({ proctoring }: { proctoring: CandidateProctoring }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="lobby-monitoring">
      <h2 id="lobby-monitoring">{t('lobby.monitoring')}</h2>
      {proctoring.camera ? (
        <ul>
          <li>{t('lobby.monitoring.camera')}</li>
          {proctoring.identityCheck && <li>{t('lobby.monitoring.identity')}</li>}
          <li>
            {proctoring.snapshots
              ? t('lobby.monitoring.snapshots', { days: proctoring.snapshotRetentionDays })
              : t('lobby.monitoring.noSnapshots')}
          </li>
        </ul>
      ) : (
        <p>{t('lobby.monitoring.none')}</p>
      )}
    </section>
  );
}
