import { useState, type FormEvent } from 'react';
import type {
  CandidateStatus,
  IncidentRecord,
  RiskSummary,
  SessionActionRequest,
} from '../../engine/client.ts';
import { useT, type ProctorMessageKey } from './i18n.tsx';
import type { LiveRoom } from './live-room.ts';
import { SnapshotThumb } from './snapshot-thumb.tsx';

/** One candidate: the incident timeline (newest first), what makes up the risk, and the proctor's actions. */
export function CandidatePanel(props: {
  live: LiveRoom;
  candidate: CandidateStatus;
  incidents: IncidentRecord[];
  risk: RiskSummary | undefined;
  onClose(): void;
}) {
  const { t, lang } = useT();
  const c = props.candidate;
  const kindLabel = (kind: string) => {
    const key = `incident.${kind}` as ProctorMessageKey;
    return t(key) === key ? kind : t(key);
  };
  const time = (ms: number) => new Date(ms).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <aside className="candidate-panel" aria-labelledby="panel-title">
      <header>
        <h2 id="panel-title">
          {c.candidateNumber} — {c.fullName}
        </h2>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('panel.close')}
        </button>
      </header>
      {c.sessionId ? (
        <Actions live={props.live} sessionId={c.sessionId} candidate={c} />
      ) : (
        <p>{t('action.noSession')}</p>
      )}
      {props.risk && props.risk.reasons.length > 0 && (
        <section aria-labelledby="reasons-title">
          <h3 id="reasons-title">{t('panel.reasons')}</h3>
          <ul className="reasons">
            {props.risk.reasons.map((r) => (
              <li key={r.kind}>
                {kindLabel(r.kind)} ×{r.count}: +{r.points}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="timeline-title">
        <h3 id="timeline-title">{t('panel.timeline')}</h3>
        {props.incidents.length === 0 && <p>{t('panel.noIncidents')}</p>}
        <ol className="timeline">
          {[...props.incidents].reverse().map((i) => (
            <li key={i.id} className={`incident ${i.severity}`}>
              <time dateTime={new Date(i.at).toISOString()}>{time(i.at)}</time>{' '}
              <strong>{kindLabel(i.kind)}</strong>{' '}
              <span className="severity">({t(`risk.${i.severity}`)})</span>
              {typeof i.details.seconds === 'number' && (
                <span> — {t('incident.duration', { seconds: i.details.seconds })}</span>
              )}
              {typeof i.details.similarity === 'number' && typeof i.details.distance === 'number' && (
                <span>
                  {' '}
                  —{' '}
                  {t('incident.similarity', {
                    similarity: i.details.similarity,
                    distance: i.details.distance,
                  })}
                </span>
              )}
              {typeof i.details.snapshotUrl === 'string' &&
                i.details.snapshotUrl.startsWith('/api/proctoring/snapshots/') && (
                  <SnapshotThumb url={i.details.snapshotUrl} />
                )}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}

function Actions({
  live,
  sessionId,
  candidate,
}: {
  live: LiveRoom;
  sessionId: string;
  candidate: CandidateStatus;
}) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [pauseReason, setPauseReason] = useState('');
  const [minutes, setMinutes] = useState(5);
  const [reason, setReason] = useState('');
  // Kept as a message key, so the feedback follows a language switch.
  const [feedback, setFeedback] = useState<{ done: ProctorMessageKey } | { failed: string }>();
  const [busy, setBusy] = useState(false);
  const ended = ['submitted', 'expired', 'terminated'].includes(candidate.state);

  async function run(action: SessionActionRequest, label: ProctorMessageKey, after?: () => void) {
    setBusy(true);
    try {
      await live.act(action);
      setFeedback({ done: label });
      after?.();
    } catch (error) {
      setFeedback({ failed: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }
  const submit = (handler: () => void) => (e: FormEvent) => {
    e.preventDefault();
    handler();
  };

  return (
    <section className="actions" aria-labelledby="actions-title">
      <h3 id="actions-title">{t('panel.actions')}</h3>
      <form
        onSubmit={submit(() =>
          run({ action: 'message', sessionId, text }, 'action.message', () => setText('')),
        )}
      >
        <label className="field">
          {t('action.messageLabel')}
          <input value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} required />
        </label>
        <button type="submit" disabled={busy || ended}>
          {t('action.message')}
        </button>
      </form>
      {candidate.state === 'paused' ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => run({ action: 'resume', sessionId }, 'action.resume')}
        >
          {t('action.resume')}
        </button>
      ) : (
        <form
          onSubmit={submit(() =>
            run(
              { action: 'pause', sessionId, ...(pauseReason.trim() ? { reason: pauseReason.trim() } : {}) },
              'action.pause',
            ),
          )}
        >
          <label className="field">
            {t('action.pauseReason')}
            <input value={pauseReason} onChange={(e) => setPauseReason(e.target.value)} maxLength={500} />
          </label>
          <button type="submit" disabled={busy || ended}>
            {t('action.pause')}
          </button>
        </form>
      )}
      <form onSubmit={submit(() => run({ action: 'extend', sessionId, minutes }, 'action.extend'))}>
        <label className="field">
          {t('action.extendMinutes')}
          <input
            type="number"
            min={1}
            max={240}
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
            required
          />
        </label>
        <button type="submit" disabled={busy || ended}>
          {t('action.extend')}
        </button>
      </form>
      <button
        type="button"
        disabled={busy || ended}
        onClick={() => run({ action: 'allow_device_change', sessionId }, 'action.allowDevice')}
      >
        {t('action.allowDevice')}
      </button>
      <form
        onSubmit={submit(() => {
          if (!window.confirm(t('action.confirmTerminate', { name: candidate.fullName }))) return;
          void run({ action: 'terminate', sessionId, reason: reason.trim() }, 'action.terminate', () =>
            setReason(''),
          );
        })}
      >
        <label className="field">
          {t('action.terminateReason')}
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            minLength={3}
            maxLength={500}
            required
          />
        </label>
        <button type="submit" className="danger" disabled={busy || ended}>
          {t('action.terminate')}
        </button>
      </form>
      <p role="status" className="feedback">
        {feedback &&
          ('done' in feedback
            ? t('action.done', { action: t(feedback.done) })
            : t('action.failed', { reason: feedback.failed }))}
      </p>
    </section>
  );
}
