import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ok, type Bank, type ItemStatistics, type ItemSummary, type Me } from '../api.ts';
import { useT, type AuthorMessageKey } from '../i18n.tsx';
import { interactionTypeNames } from './interaction-names.ts';
import { ItemStatisticsPanel, SHOWN_FLAGS, useStatFormat } from './item-statistics-panel.tsx';
import { VersionHistory } from './version-history.tsx';
import { describeRefusal } from './refusals.ts';

const STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
const LEVELS = ['nhan_biet', 'thong_hieu', 'van_dung', 'van_dung_cao'] as const;
/** Review actions: the route, the status it applies to and the permission it needs. */
const ACTIONS = [
  { path: 'submit', from: 'draft', needs: 'items:write' },
  { path: 'publish', from: 'in_review', needs: 'items:review' },
  { path: 'return', from: 'in_review', needs: 'items:review' },
  { path: 'retire', from: 'published', needs: 'items:review' },
] as const;

/** Statistics columns the table sorts by; unused items sort last. */
const SORTS = {
  used: (s: ItemStatistics) => s.candidates,
  p: (s: ItemStatistics) => s.p,
  discrimination: (s: ItemStatistics) => s.discrimination,
  omit: (s: ItemStatistics) => s.omitRate,
  lastUsed: (s: ItemStatistics) => Date.parse(s.lastUsed),
} as const;
type SortKey = keyof typeof SORTS;
const SORT_LABELS: Record<SortKey, AuthorMessageKey> = {
  used: 'stats.used',
  p: 'stats.p',
  discrimination: 'stats.discrimination',
  omit: 'stats.omit',
  lastUsed: 'stats.lastUsed',
};
/** What the authors are told to look at: hard items and weakly (or negatively) discriminating ones. */
const needsReview = (s: ItemStatistics | undefined) => Boolean(s && (s.p < 0.2 || s.discrimination < 0.2));

/** The bank browser: diacritics-insensitive search, filters, the review workflow actions and version history. */
export function Browse({ bank, me }: { bank: Bank; me: Me }) {
  const { t, lang } = useT();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [grade, setGrade] = useState('');
  const [level, setLevel] = useState('');
  const [result, setResult] = useState<{ items: ItemSummary[]; total: number }>();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [historyOf, setHistoryOf] = useState<string>();
  const [stats, setStats] = useState<Map<string, ItemStatistics>>(new Map());
  const [statsOf, setStatsOf] = useState<ItemSummary>();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>();
  const [reviewOnly, setReviewOnly] = useState(false);
  const format = useStatFormat();

  const loadStatistics = useCallback(() => {
    ok(api.GET('/api/item-statistics', { params: { query: { bankId: bank.id } } }))
      .then((r) => setStats(new Map(r.items.map((s) => [s.itemId, s]))))
      // Staff who may not read results (no results:read) browse without statistics.
      .catch(() => setStats(new Map()));
  }, [bank.id]);

  /** The latest search asked for: an earlier one answering later (the list the page opened with, on a busy
   * server) must not replace what the teacher searched for. */
  const latestSearch = useRef(0);
  const search = useCallback(async () => {
    const asked = ++latestSearch.current;
    const query = {
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(status ? { status } : {}),
      ...(grade ? { grade: Number(grade) } : {}),
      ...(level ? { cognitiveLevel: level } : {}),
    };
    try {
      const found = await ok(
        api.GET('/api/item-banks/{id}/items', { params: { path: { id: bank.id }, query } }),
      );
      if (asked === latestSearch.current) setResult(found);
    } catch (e) {
      if (asked === latestSearch.current) setError(describeRefusal(t, e, lang));
    }
  }, [bank.id, q, status, grade, level, t]);

  useEffect(() => {
    void search();
    loadStatistics();
    // Only when the bank changes; later searches run from the form.
  }, [bank.id]);

  const rows = useMemo(() => {
    const list = (result?.items ?? []).filter((i) => !reviewOnly || needsReview(stats.get(i.id)));
    if (!sort) return list;
    const value = SORTS[sort.key];
    return [...list].sort((a, b) => {
      const x = stats.get(a.id);
      const y = stats.get(b.id);
      if (!x || !y) return x ? -1 : y ? 1 : 0;
      return (value(x) - value(y)) * (sort.descending ? -1 : 1);
    });
  }, [result, stats, sort, reviewOnly]);
  const flaggedCount = (result?.items ?? []).filter((i) => needsReview(stats.get(i.id))).length;
  const sortHeader = (key: SortKey) => {
    const active = sort?.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
        <button
          type="button"
          className="secondary small"
          aria-label={t('stats.sortBy', { column: t(SORT_LABELS[key]) })}
          onClick={() => setSort({ key, descending: active ? !sort.descending : false })}
        >
          {t(SORT_LABELS[key])}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  async function act(item: ItemSummary, path: (typeof ACTIONS)[number]['path']) {
    setError('');
    try {
      const done = await ok(
        api.POST(`/api/items/{id}/${path}`, { params: { path: { id: item.id } }, body: {} }),
      );
      const to = done.to;
      setNotice(t('action.done', { title: item.title, status: to ? t(`status.${to}`) : '' }));
      await search();
    } catch (e) {
      setError(describeRefusal(t, e, lang));
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
          loadStatistics();
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
        <label className="field">
          <span>
            <input type="checkbox" checked={reviewOnly} onChange={(e) => setReviewOnly(e.target.checked)} />{' '}
            {t('stats.flaggedOnly')}
          </span>
        </label>
      </form>
      <div aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {error && <p className="error">{error}</p>}
        {result && <p>{t('browse.results', { n: result.total })}</p>}
        {flaggedCount > 0 && <p className="muted">{t('stats.flagged', { n: flaggedCount })}</p>}
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
              {sortHeader('used')}
              {sortHeader('p')}
              {sortHeader('discrimination')}
              {sortHeader('omit')}
              {sortHeader('lastUsed')}
              <th scope="col">{t('browse.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => {
              const s = stats.get(item.id);
              return (
                <tr key={item.id}>
                  <td>
                    {item.title}
                    {s && s.flags.some((flag) => SHOWN_FLAGS.includes(flag)) && (
                      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem', marginTop: '0.3rem' }}>
                        {s.flags
                          .filter((flag) => SHOWN_FLAGS.includes(flag))
                          .map((flag) => (
                            <span key={flag} className="badge bad">
                              {t(`stats.flag.${flag}` as AuthorMessageKey)}
                            </span>
                          ))}
                      </div>
                    )}
                  </td>
                  <td>{interactionTypeNames(t, item.interactionTypes)}</td>
                  <td>{t(`status.${item.status}`)}</td>
                  <td>{item.currentVersion}</td>
                  {s ? (
                    <>
                      <td>{t('stats.usedValue', { sittings: s.sittings, candidates: s.candidates })}</td>
                      <td className={s.p < 0.2 ? 'warn' : undefined}>{format.decimal(s.p)}</td>
                      <td className={s.discrimination < 0.2 ? 'warn' : undefined}>
                        {format.decimal(s.discrimination)}
                      </td>
                      <td>{format.percent(s.omitRate)}</td>
                      <td>{format.date(s.lastUsed)}</td>
                    </>
                  ) : (
                    <>
                      <td className="muted">{t('stats.never')}</td>
                      <td>–</td>
                      <td>–</td>
                      <td>–</td>
                      <td>–</td>
                    </>
                  )}
                  <td>
                    <a
                      href={`#/items/${item.id}/edit`}
                      aria-label={t('item.editLabel', { title: item.title })}
                    >
                      {t('item.edit')}
                    </a>{' '}
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
                    {s && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('stats.openLabel', { title: item.title })}
                        onClick={() => setStatsOf(item)}
                      >
                        {t('stats.open')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {statsOf && (
        <ItemStatisticsPanel
          key={statsOf.id}
          itemId={statsOf.id}
          title={statsOf.title}
          onClose={() => setStatsOf(undefined)}
        />
      )}
      {historyOf && (
        <VersionHistory key={historyOf} itemId={historyOf} onClose={() => setHistoryOf(undefined)} />
      )}
    </section>
  );
}
