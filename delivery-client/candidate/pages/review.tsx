/** Before submitting: which items are unanswered or flagged; submit with confirmation. */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import type { ExamConnection, ExamState } from '../exam-connection.ts';

export function ReviewPage({
  exam,
  state,
  onBack,
}: {
  exam: ExamConnection;
  state: ExamState;
  onBack(): void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const form = state.snapshot!.form;
  const isAnswered = (ref: string) =>
    Boolean(state.answers[ref] && Object.values(state.answers[ref]!).some((v) => v !== null && v !== ''));
  const unanswered = form.filter((e) => !isAnswered(e.itemRef));
  const flagged = form.filter((e) => state.flags.includes(e.itemRef));
  const list = (entries: typeof form) =>
    entries.length ? (
      <ul>
        {entries.map((e) => (
          <li key={e.itemRef}>
            <button
              type="button"
              onClick={() => {
                void exam.navigate(e.position);
                onBack();
              }}
            >
              {t('exam.question', { n: e.position + 1 })}
            </button>
          </li>
        ))}
      </ul>
    ) : (
      <p>{t('review.none')}</p>
    );

  async function submit() {
    if (!window.confirm(t('review.confirm'))) return;
    const failure = await exam.submit();
    if (failure === 'pending') setError(t('review.pending', { n: state.pending }));
    else if (failure) setError(t('error.generic'));
  }

  return (
    <main className="page">
      <h1>{t('review.title')}</h1>
      <h2>
        {t('review.unanswered')} ({unanswered.length})
      </h2>
      {list(unanswered)}
      <h2>
        {t('review.flagged')} ({flagged.length})
      </h2>
      {list(flagged)}
      {state.pending > 0 && <p className="banner offline">{t('review.pending', { n: state.pending })}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="item-actions">
        <button type="button" onClick={onBack}>
          {t('review.back')}
        </button>
        <button type="button" className="primary" onClick={() => void submit()}>
          {t('review.submit')}
        </button>
      </div>
    </main>
  );
}
