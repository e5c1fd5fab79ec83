/**
 * The item analysis of a sitting from its final results (`GET /api/reports/sittings/{id}/analysis`):
 * test statistics (alpha/KR-20, SEM...), the item table with its flags, and the flag thresholds,
 * which re-load the analysis when saved. Without final results it says so.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ok } from '../api.ts';
import { useT } from '../i18n.tsx';
import { AnalysisItemTable } from './analysis-item-table.tsx';
import type { AnalysisReport, FlagThresholds } from './analysis-report.ts';
import { AnalysisThresholds } from './analysis-thresholds.tsx';
import { useStatFormat } from './item-statistics-panel.tsx';
import { LiveStatus } from './live-status.tsx';
import { describeRefusal } from './refusals.ts';

export function SittingAnalysis({ sittingId }: { sittingId: string }) {
  const { t, lang } = useT();
  const f = useStatFormat();
  const [report, setReport] = useState<AnalysisReport>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    const next = await ok(
      api.GET('/api/reports/sittings/{id}/analysis', { params: { path: { id: sittingId } } }),
    );
    setReport(next);
    return next;
  }, [sittingId]);
  useEffect(() => {
    load().catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [load, t]);

  async function saveThresholds(thresholds: FlagThresholds) {
    setBusy(true);
    setNotice('');
    setError('');
    try {
      await ok(
        api.PUT('/api/reports/sittings/{id}/flag-thresholds', {
          params: { path: { id: sittingId } },
          body: thresholds,
        }),
      );
      const next = await load();
      setNotice(t('sit.an.thresholdsSaved', { n: next.items.filter((i) => i.flags.length).length }));
    } catch (e) {
      setError(describeRefusal(t, e, lang));
    } finally {
      setBusy(false);
    }
  }

  const num = (x: number | null | undefined) =>
    typeof x === 'number' && Number.isFinite(x) ? f.decimal(x) : '–';
  const flagged = report?.items.filter((i) => i.flags.length).length ?? 0;
  return (
    <section aria-labelledby="sitting-analysis-title" className="sitting-analysis">
      <div className="row-head">
        <h4 id="sitting-analysis-title">{t('sit.an.title')}</h4>
        <button
          type="button"
          className="secondary small"
          disabled={busy}
          onClick={() => {
            setNotice('');
            setError('');
            load().catch((e: Error) => setError(describeRefusal(t, e, lang)));
          }}
        >
          {t('sit.an.refresh')}
        </button>
      </div>
      <LiveStatus notice={notice} error={error} />
      {report && report.pending > 0 && <p className="muted">{t('sit.an.pending', { n: report.pending })}</p>}
      {report && report.candidates === 0 && <p>{t('sit.an.none')}</p>}
      {report && report.candidates > 0 && (
        <>
          {report.candidates < report.thresholds.minSample && (
            <p className="muted">
              {t('sit.an.few', { n: report.candidates, min: report.thresholds.minSample })}
            </p>
          )}
          <h5>{t('sit.an.test')}</h5>
          <dl className="stat-grid">
            <div>
              <dt>{t('sit.an.candidates')}</dt>
              <dd>{report.candidates}</dd>
            </div>
            <div>
              <dt>{t('sit.an.items')}</dt>
              <dd>{report.test.items}</dd>
            </div>
            <div>
              <dt>{t('sit.an.mean')}</dt>
              <dd>{num(report.test.mean)}</dd>
            </div>
            <div>
              <dt>{t('sit.an.sd')}</dt>
              <dd>{num(report.test.sd)}</dd>
            </div>
            <div>
              <dt>{t('sit.an.range')}</dt>
              <dd>
                {num(report.test.min)} – {num(report.test.max)}
              </dd>
            </div>
            <div>
              <dt>{t('sit.an.median')}</dt>
              <dd>{num(report.test.median)}</dd>
            </div>
            <div>
              <dt>{t('sit.an.alpha')}</dt>
              <dd>{num(report.test.alpha)}</dd>
            </div>
            <div>
              <dt>{t('sit.an.sem')}</dt>
              <dd>{num(report.test.sem)}</dd>
            </div>
          </dl>
          <h5>{t('sit.an.itemsTitle')}</h5>
          <p className={flagged ? 'warn-text' : 'muted'}>{t('sit.an.flaggedCount', { n: flagged })}</p>
          <AnalysisItemTable report={report} />
          <AnalysisThresholds
            thresholds={report.thresholds}
            busy={busy}
            onSave={(next) => void saveThresholds(next)}
          />
        </>
      )}
    </section>
  );
}
