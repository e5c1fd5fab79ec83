/** During the exam: navigation panel, the item, timer, flags, offline/pause banners, messages. */
import { useEffect } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { ItemView } from '../components/item-view.tsx';
import { openPciFrame } from '../components/interactions/pci-frame-request.ts';
import { Timer } from '../components/timer.tsx';
import { ToolsBar } from '../components/tools/tools-bar.tsx';
import { ItemSubmit, RouteBar } from '../components/route-panel.tsx';
import type { ExamConnection, ExamState } from '../exam-connection.ts';
import { CameraIndicator, useProctoring } from '../use-proctoring.tsx';

export function ExamPage({
  exam,
  state,
  onReview,
}: {
  exam: ExamConnection;
  state: ExamState;
  onReview(): void;
}) {
  const { t } = useI18n();
  const camera = useProctoring(exam);
  const snapshot = state.snapshot!;
  const form = snapshot.form;
  const entry = form[state.position] ?? form[0]!;
  // Each test part has its own navigation mode; earlier parts are over, later ones start at their first item.
  const part = snapshot.route?.parts.find((p) => state.position >= p.start && state.position < p.end);
  const linear = (part?.navigationMode ?? snapshot.sitting.navigationMode) === 'linear';
  const reachable = (position: number) =>
    !part || (position >= part.start && position < part.end) || (position === part.end && !state.routeEnded);
  useEffect(() => {
    void exam.loadItem(state.position);
  }, [exam, state.position]);
  const flagged = state.flags.includes(entry.itemRef);
  const answered = (ref: string) =>
    Boolean(
      state.answers[ref] &&
      Object.values(state.answers[ref]!).some(
        (v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
      ),
    );

  return (
    <div className="exam">
      <header>
        <strong>
          {snapshot.sitting.name}
          {snapshot.sitting.practice && (
            <>
              {' '}
              <span className="practice-tag">{t('practice.exam')}</span>
            </>
          )}
        </strong>
        <span aria-live="polite">
          {state.pending > 0 ? t('exam.pendingSaves', { n: state.pending }) : t('exam.saved')}
        </span>
        <Timer deadline={state.localDeadline} pausedRemainingMs={state.pausedRemainingMs} />
        <CameraIndicator status={camera} />
        <ToolsBar snapshot={snapshot} />
        <button type="button" onClick={onReview}>
          {t('exam.review')}
        </button>
      </header>
      <nav className="nav-panel" aria-label={t('exam.nav')}>
        <h2 className="sr-only">{t('exam.nav')}</h2>
        <ol className="nav-grid">
          {form.map((e) => (
            <li key={e.itemRef}>
              <button
                type="button"
                className={[
                  answered(e.itemRef) ? 'answered' : '',
                  state.flags.includes(e.itemRef) ? 'flagged' : '',
                  e.position === state.position ? 'current' : '',
                ].join(' ')}
                aria-current={e.position === state.position ? 'step' : undefined}
                aria-label={`${t('exam.question', { n: e.position + 1 })}${answered(e.itemRef) ? ' ✓' : ''}${state.flags.includes(e.itemRef) ? ' ⚑' : ''}`}
                disabled={
                  !reachable(e.position) ||
                  (linear && e.position !== state.position + 1 && e.position !== state.position)
                }
                onClick={() => void exam.navigate(e.position)}
              >
                {e.position + 1}
              </button>
            </li>
          ))}
        </ol>
        <p className="legend">{t('exam.legend')}</p>
        {linear && <p className="legend">{t('exam.linear')}</p>}
      </nav>
      <section className="item-area" aria-labelledby="item-heading">
        <RouteBar state={state} />
        {state.connection !== 'online' && (
          <div className="banner offline" role="status">
            {t('exam.offline')}
          </div>
        )}
        {state.paused && (
          <div className="banner paused" role="alert">
            {t('exam.paused')}
          </div>
        )}
        {state.warning && (
          <div className="banner message" role="alert">
            {t('exam.warning', { minutes: state.warning })}
          </div>
        )}
        {state.message && (
          <div className="banner message" role="alert">
            {t('exam.message', { text: state.message })}
          </div>
        )}
        <article className="item-card">
          <h1 id="item-heading">{t('exam.of', { n: entry.position + 1, total: form.length })}</h1>
          <fieldset disabled={state.paused} style={{ border: 0, padding: 0, margin: 0 }}>
            {state.connection !== 'online' && state.items[entry.position] === undefined ? (
              <p role="status">{t('exam.itemOffline')}</p>
            ) : (
              <ItemView
                item={state.items[entry.position]}
                responses={state.answers[entry.itemRef]}
                onChange={(responses) => void exam.answer(entry.itemRef, responses)}
                onRunCode={(responseIdentifier, code) =>
                  exam.runCode(entry.itemRef, responseIdentifier, code)
                }
                onOpenPciFrame={(responseIdentifier) => openPciFrame(entry.itemRef, responseIdentifier)}
              />
            )}
          </fieldset>
          <ItemSubmit exam={exam} state={state} itemRef={entry.itemRef} />
          <div className="item-actions">
            <button
              type="button"
              disabled={linear || entry.position === 0 || !reachable(entry.position - 1)}
              onClick={() => void exam.navigate(entry.position - 1)}
            >
              {t('exam.previous')}
            </button>
            <button
              type="button"
              aria-pressed={flagged}
              onClick={() => void exam.flag(entry.itemRef, !flagged)}
            >
              {flagged ? t('exam.unflag') : t('exam.flag')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={entry.position >= form.length - 1 || state.routeEnded}
              onClick={() => void exam.navigate(entry.position + 1)}
            >
              {t('exam.next')}
            </button>
          </div>
        </article>
      </section>
    </div>
  );
}
