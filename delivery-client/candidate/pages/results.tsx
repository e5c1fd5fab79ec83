/**
 * The candidate's released result (`/candidate/#ket-qua`), read with the session token stored at
 * check-in: the parallel form (mã đề) sat when there were several, the 10-point score, the raw
 * score, the rating, an adaptive test's ability (θ) with its standard error and the number of items
 * taken, and the score report as a PDF download. A practice sitting's result says it counts for no grade.
 * Before release (or while marks are still missing) it says so; nothing else is shown.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { components } from '../../shared/api/client.ts';
import { useI18n, type MessageKey } from '../../shared/i18n.tsx';
import { ratingLabel } from '../../shared/rating.ts';
import { ApiError, candidateApi, ok } from '../api.ts';

export const RESULTS_HASH = '#ket-qua';

/** Whether the address asks for the results page (follows hash changes). */
export function useResultsRoute(): boolean {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('hashchange', notify);
      return () => window.removeEventListener('hashchange', notify);
    },
    () => window.location.hash === RESULTS_HASH,
  );
}

type CandidateResult = components['schemas']['CandidateResult'];

type Loaded =
  { state: 'loading' } | { state: 'shown'; result: CandidateResult } | { state: 'refused'; key: MessageKey };

/** Vietnamese decimals, to two places at most: weighted points add up to 10,000003 in floating point. */
const decimal = (n: number | null) =>
  n === null ? '-' : String(Math.round(n * 100) / 100).replace('.', ',');

export function ResultsPage({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [downloadError, setDownloadError] = useState(false);
  const api = useMemo(() => candidateApi(token), [token]);

  useEffect(() => {
    let cancelled = false;
    ok(api.GET('/api/results/candidate'))
      .then((result) => !cancelled && setLoaded({ state: 'shown', result }))
      .catch((e: unknown) => {
        if (cancelled) return;
        const id = e instanceof ApiError ? e.id : undefined;
        const key: MessageKey =
          id === 'results_not_released'
            ? 'results.notReleased'
            : id === 'result_not_final'
              ? 'results.notFinal'
              : 'error.generic';
        setLoaded({ state: 'refused', key });
      });
    return () => {
      cancelled = true;
    };
  }, [api]);

  async function download() {
    setDownloadError(false);
    try {
      const { data, response } = await api.GET('/api/results/candidate/report.pdf', { parseAs: 'blob' });
      if (!response.ok || !data) throw new Error(String(response.status));
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = name ?? 'phieu-bao-diem.pdf';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setDownloadError(true);
    }
  }

  return (
    <main className="page">
      <h1>{t('results.title')}</h1>
      {loaded.state === 'loading' && <p>{t('results.loading')}</p>}
      {loaded.state === 'refused' && <p role="status">{t(loaded.key)}</p>}
      {loaded.state === 'shown' && (
        <>
          <p>
            {loaded.result.sitting.name}
            {loaded.result.sitting.subject ? ` - ${loaded.result.sitting.subject}` : ''}
          </p>
          {loaded.result.practice && (
            <p className="practice-note" role="note">
              {t('practice.results')}
            </p>
          )}
          <dl className="result-scores">
            {loaded.result.form && (
              <>
                <dt>{t('results.form')}</dt>
                <dd>{loaded.result.form}</dd>
              </>
            )}
            <dt>{t('results.tenPoint')}</dt>
            <dd>{decimal(loaded.result.score.tenPoint)}</dd>
            <dt>{t('results.raw')}</dt>
            <dd>
              {decimal(loaded.result.score.raw)} / {decimal(loaded.result.score.max)}
            </dd>
            <dt>{t('results.rating')}</dt>
            <dd>{loaded.result.rating ? ratingLabel(loaded.result.rating, lang) : '-'}</dd>
            {loaded.result.adaptive && (
              <>
                <dt>{t('results.ability')}</dt>
                <dd data-testid="ability">{decimal(loaded.result.adaptive.theta)}</dd>
                <dt>{t('results.abilitySe')}</dt>
                <dd data-testid="ability-se">{decimal(loaded.result.adaptive.se)}</dd>
                <dt>{t('results.adaptiveItems')}</dt>
                <dd>{loaded.result.adaptive.items}</dd>
              </>
            )}
          </dl>
          <button type="button" onClick={() => void download()}>
            {t('results.download')}
          </button>
          {downloadError && (
            <p className="error" role="alert">
              {t('error.generic')}
            </p>
          )}
        </>
      )}
    </main>
  );
}
