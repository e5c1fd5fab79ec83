import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call, type Bank, type ItemSummary, type Me } from '../api.ts';
import { useT, type AuthorMessageKey } from '../i18n.tsx';
import { VersionHistory } from './version-history.tsx';

const STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
const LEVELS = ['nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao'] as const;
/** Review actions: the route, the status it applies to and the permission it needs. */
const ACTIONS = [
  { path: 'submit', from: 'draft', needs: 'items:write' },
  { path: 'publish', from: 'in_review', needs: 'items:review' },
  { path: 'return', from: 'in_review', needs: 'items:review' },
  { path: 'retire', from: 'published', needs: 'items:review' },
] as const;

/** The bank browser: diacritics-insensitive search, filters, the review workflow actions and version history. */
export function Browse({ bank, me }: { bank: Bank; me: Me }) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [grade, setGrade] = useState('');
  const [level, setLevel] = useState('');
  const [result, setResult] = useState<{ items: ItemSummary[]; total: number }>();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [historyOf, setHistoryOf] = useState<string>();

  const search = useCallback(async () => {
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    if (status) params.set('status', status);
    if (grade) params.set('grade', grade);
    if (level) params.set('cognitiveLevel', level);
    try {
      setResult(await call('GET', `/item-banks/${bank.id}/items?${params}`));
    } catch (e) {
      setError(t('error.generic', { message: (e as Error).message }));
    }
  }, [bank.id, q, status, grade, level, t]);

  useEffect(() => {
    void search();
    // Only when the bank changes; later searches run from the form.
  }, [bank.id]);

  async function act(item: ItemSummary, path: string) {
    setError('');
    try {
      const done = await call<{ to?: string; status?: string }>('POST', `/items/${item.id}/${path}`, {});
      const to = (done.to ?? done.status ?? '') as (typeof STATUSES)[number];
      setNotice(t('action.done', { title: item.title, status: to ? t(`status.${to}`) : '' }));
      await search();
    } catch (e) {
      setError(t('error.generic', { message: (e as Error).message }));
    }
  }

  return (
    <section aria-labelledby="browse-title">
      <h2 id="browse-title">{t('nav.browse')}</h2>
      <form
        className="filters"
        role="search"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void search();
        }}
      >
        <label className="field grow">
          {t('browse.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label className="field">
          {t('browse.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('browse.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('browse.grade')}
          <select value={grade} onChange={(e) => setGrade(e.target.value)}>
            <option value="">{t('browse.all')}</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('browse.level')}
          <select value={level} onChange={(e) => setLevel(e.target.value)}>
            <option value="">{t('browse.all')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('browse.find')}</button>
      </form>
      <div aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {error && <p className="error">{error}</p>}
        {result && <p>{t('browse.results', { n: result.total })}</p>}
      </div>
      {result && result.items.length === 0 && <p>{t('browse.empty')}</p>}
      {result && result.items.length > 0 && (
        <table className="items">
          <thead>
            <tr>
              <th scope="col">{t('browse.col.title')}</th>
              <th scope="col">{t('browse.col.type')}</th>
              <th scope="col">{t('browse.col.status')}</th>
              <th scope="col">{t('browse.col.version')}</th>
              <th scope="col">{t('browse.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item) => (
              <tr key={item.id}>
                <td>{item.title}</td>
                <td>{item.interactionTypes.join(', ')}</td>
                <td>{t(`status.${item.status}`)}</td>
                <td>{item.currentVersion}</td>
                <td>
                  {ACTIONS.filter((a) => a.from === item.status && me.abilities.includes(a.needs)).map(
                    (a) => (
                      <button
                        key={a.path}
                        type="button"
                        className="secondary"
                        aria-label={`${t(`action.${a.path}` as AuthorMessageKey)}: ${item.title}`}
                        onClick={() => void act(item, a.path)}
                      >
                        {t(`action.${a.path}` as AuthorMessageKey)}
                      </button>
                    ),
                  )}
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${t('history.open')}: ${item.title}`}
                    onClick={() => setHistoryOf(item.id)}
                  >
                    {t('history.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {historyOf && (
        <VersionHistory key={historyOf} itemId={historyOf} onClose={() => setHistoryOf(undefined)} />
      )}
    </section>
  );
}
