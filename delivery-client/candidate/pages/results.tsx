/**
 * The candidate's released result (`/candidate/#ket-qua`), read with the session token stored at
 * check-in: the parallel form (mã đề) sat when there were several, the 10-point score, the raw
 * score, the rating and the score report as a PDF download.
 * Before release (or while marks are still missing) it says so; nothing else is shown.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useI18n, type MessageKey } from '../../shared/i18n.tsx';

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

interface CandidateResult {
  sitting: { name: string; subject: string | null };
  /** The parallel form (mã đề) sat; null when the sitting has one form. */
  form: string | null;
  version: number;
  score: { raw: number; max: number; tenPoint: number | null };
  rating: string | null;
}

type Loaded =
  { state: 'loading' } | { state: 'shown'; result: CandidateResult } | { state: 'refused'; key: MessageKey };

const decimal = (n: number | null) => (n === null ? '-' : String(n).replace('.', ','));

export function ResultsPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [downloadError, setDownloadError] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void fetch('/api/results/candidate', { headers: { authorization: `Bearer ${token}` } })
      .then(async (res) => {
        const body = await res.json();
        if (cancelled) return;
        if (res.ok) return setLoaded({ state: 'shown', result: body as CandidateResult });
        const id = body?.error?.id as string | undefined;
        const key: MessageKey =
          id === 'results_not_released'
            ? 'results.notReleased'
            : id === 'result_not_final'
              ? 'results.notFinal'
              : 'error.generic';
        setLoaded({ state: 'refused', key });
      })
      .catch(() => !cancelled && setLoaded({ state: 'refused', key: 'error.generic' }));
    return () => {
      cancelled = true;
    };
  }, [token]);

  async function download() {
    setDownloadError(false);
    try {
      const res = await fetch('/api/results/candidate/report.pdf', {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(String(res.status));
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await res.blob());
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
            <dd>{loaded.result.rating ?? '-'}</dd>
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
