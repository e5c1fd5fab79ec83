/** The candidate app: check-in, lobby, exam, review, done — chosen from the engine's session state. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CheckInResponse } from '../../engine/client.ts';
import { useI18n, type MessageKey } from '../shared/i18n.tsx';
import { AnswerStore } from './answer-store.ts';
import { SettingsBar } from './components/settings-bar.tsx';
import { ExamConnection } from './exam-connection.ts';
import { CheckInPage } from './pages/check-in.tsx';
import { DonePage } from './pages/done.tsx';
import { ExamPage } from './pages/exam.tsx';
import { LobbyPage } from './pages/lobby.tsx';
import { ReviewPage } from './pages/review.tsx';
import { ResultsPage, useResultsRoute } from './pages/results.tsx';
import { SecureMode } from './secure-mode.tsx';
import { clearSession, loadSession, saveSession } from './session-storage.ts';

function ExamFlow({
  exam,
  checkIn,
  onLeave,
}: {
  exam: ExamConnection;
  checkIn: CheckInResponse;
  onLeave(): void;
}) {
  const { t } = useI18n();
  const state = useSyncExternalStore(exam.subscribe, exam.getState);
  const [reviewing, setReviewing] = useState(false);
  if (state.connection === 'refused') {
    const key = `error.${state.refusal}` as MessageKey;
    return (
      <main className="page">
        <p className="error" role="alert">
          {t(key) === key ? t('error.generic') : t(key)}
        </p>
        <button type="button" onClick={onLeave}>
          {t('checkin.title')}
        </button>
      </main>
    );
  }
  if (state.ended) return <DonePage ended={state.ended} />;
  if (!state.snapshot) return <main className="page">{t('exam.loadingItem')}</main>;
  if (state.snapshot.state === 'checked_in') return <LobbyPage checkIn={checkIn} exam={exam} state={state} />;
  return (
    <SecureMode exam={exam} policy={state.snapshot.security}>
      {reviewing ? (
        <ReviewPage exam={exam} state={state} onBack={() => setReviewing(false)} />
      ) : (
        <ExamPage exam={exam} state={state} onReview={() => setReviewing(true)} />
      )}
    </SecureMode>
  );
}

function ResultsNoSession() {
  const { t } = useI18n();
  return (
    <main className="page">
      <h1>{t('results.title')}</h1>
      <p role="status">{t('results.noSession')}</p>
    </main>
  );
}

export function App() {
  const [session, setSession] = useState(loadSession);
  const [exam, setExam] = useState<ExamConnection>();
  const resultsRoute = useResultsRoute();
  useEffect(() => {
    // The results page reads over HTTP only: no exam connection.
    if (!session || resultsRoute) return;
    let live: ExamConnection | undefined;
    let cancelled = false;
    void AnswerStore.open().then((store) => {
      if (cancelled) return;
      live = new ExamConnection(session.sessionId, session.token, store);
      setExam(live);
    });
    return () => {
      cancelled = true;
      live?.close();
    };
  }, [session, resultsRoute]);

  return (
    <>
      <SettingsBar />
      {resultsRoute ? (
        session ? (
          <ResultsPage token={session.token} />
        ) : (
          <ResultsNoSession />
        )
      ) : !session ? (
        <CheckInPage
          onCheckedIn={(result) => {
            const stored = { token: result.sessionToken, sessionId: result.sessionId, checkIn: result };
            saveSession(stored);
            setSession(stored);
          }}
        />
      ) : exam ? (
        <ExamFlow
          exam={exam}
          checkIn={session.checkIn as CheckInResponse}
          onLeave={() => {
            clearSession();
            setExam(undefined);
            setSession(undefined);
          }}
        />
      ) : null}
    </>
  );
}
