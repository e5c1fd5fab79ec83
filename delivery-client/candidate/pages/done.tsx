/** After submission. */
import { useI18n } from '../../shared/i18n.tsx';
import type { ExamState } from '../exam-connection.ts';
import { RESULTS_HASH } from './results.tsx';

export function DonePage({ ended }: { ended: NonNullable<ExamState['ended']> }) {
  const { t } = useI18n();
  return (
    <main className="page">
      <h1>{t('done.title')}</h1>
      {ended.by === 'server' && <p>{t('done.byServer')}</p>}
      {ended.by === 'proctor' && <p>{t('done.terminated', { reason: ended.reason ?? '' })}</p>}
      <p>{t('done.body')}</p>
      <p>
        <a href={RESULTS_HASH}>{t('results.title')}</a>
      </p>
    </main>
  );
}
