import { useEffect, useState } from 'react';
import { api, ok, type ItemStatistics, type ResponseOf } from '../api.ts';
import { useT, type AuthorMessageKey } from '../i18n.tsx';
import { describeRefusal } from './refusals.ts';

type SittingUse = ResponseOf<'/api/item-statistics/items/{id}', 'get'>['sittings'][number];

/** Number and date formats of the page language (Vietnamese writes 0,75). */
export function useStatFormat() {
  const { lang } = useT();
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  return {
    decimal: (x: number) => x.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    percent: (x: number) => x.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 }),
    date: (iso: string) => new Date(iso).toLocaleDateString(locale),
  };
}

/** Flags shown to authors: hard, easy and weakly or negatively discriminating items. */
export const SHOWN_FLAGS = ['too_hard', 'too_easy', 'low_discrimination', 'negative_discrimination'];

/** One item's statistics: pooled, then sitting by sitting with the parallel forms that carried it. */
export function ItemStatisticsPanel({
  itemId,
  title,
  onClose,
}: {
  itemId: string;
  title: string;
  onClose(): void;
}) {
  const { t, lang } = useT();
  const f = useStatFormat();
  const [data, setData] = useState<{ overall: ItemStatistics | null; sittings: SittingUse[] }>();
  const [error, setError] = useState('');
  useEffect(() => {
    ok(api.GET('/api/item-statistics/items/{id}', { params: { path: { id: itemId } } }))
      .then(setData)
      .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [itemId, t]);

  return (
    <section aria-labelledby="stats-title" className="card">
      <div className="row-head">
        <h3 id="stats-title">{t('stats.title', { title })}</h3>
        <button type="button" className="secondary small" onClick={onClose}>
          {t('stats.close')}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      {data && !data.overall && <p className="muted">{t('stats.none')}</p>}
      {data?.overall && (
        <>
          <p>
            {t('stats.overall', { candidates: data.overall.candidates, sittings: data.overall.sittings })}{' '}
            {data.overall.flags
              .filter((flag) => SHOWN_FLAGS.includes(flag))
              .map((flag) => (
                <span key={flag} className="badge bad">
                  {t(`stats.flag.${flag}` as AuthorMessageKey)}
                </span>
              ))}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('stats.col.sitting')}</th>
                <th scope="col">{t('stats.col.date')}</th>
                <th scope="col">{t('stats.col.forms')}</th>
                <th scope="col">{t('stats.col.candidates')}</th>
                <th scope="col">{t('stats.p')}</th>
                <th scope="col">{t('stats.discrimination')}</th>
                <th scope="col">{t('stats.mean')}</th>
                <th scope="col">{t('stats.omit')}</th>
              </tr>
            </thead>
            <tbody>
              {data.sittings.map((s) => (
                <tr key={s.sittingId}>
                  <th scope="row">{s.name}</th>
                  <td>{f.date(s.usedAt)}</td>
                  <td>{s.forms.join(', ') || '–'}</td>
                  <td>{s.candidates}</td>
                  <td>{f.decimal(s.p)}</td>
                  <td>{f.decimal(s.discrimination)}</td>
                  <td>
                    {f.decimal(s.meanScore)} / {data.overall!.maxScore}
                  </td>
                  <td>{f.percent(s.omitRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
