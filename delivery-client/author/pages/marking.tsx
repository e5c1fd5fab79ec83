import { useCallback, useEffect, useState } from 'react';
import { api, ok, type components } from '../api.ts';
import { useT } from '../i18n.tsx';
import { MarkingConfigDialog } from './marking-config.tsx';
import { isNotAssignedMarker } from './marking-refusal.ts';
import { MarkingView } from './marking-view.tsx';
import { describeRefusal } from './refusals.ts';

type MarkableSitting = components['schemas']['MarkableSittings']['items'][number];
type MarkedItems = components['schemas']['MarkedItems'];
type MarkedItem = MarkedItems['items'][number];
const COUNTS = [
  'total',
  'pending',
  'markedOnce',
  'awaitingSecond',
  'awaitingModeration',
  'done',
  'forYou',
] as const satisfies ReadonlyArray<keyof MarkedItem['counts']>;

/** `#/marking/<sitting id>` opens a sitting's items (the exam board's sitting panel links there). */
export const MARKING_ROUTE = /^#\/marking(?:\/([0-9a-f-]{36}))?$/i;
const routedSitting = () => MARKING_ROUTE.exec(location.hash)?.[1];

/** How often the lists are read again while the page is in view. */
const REFRESH_MS = 15_000;

/**
 * Teacher marking: the sittings to mark, a sitting's items with where their responses stand, then one item's
 * responses. With `canConfigure` (the exam board: marking:moderate) each item also opens how it is marked.
 */
export function MarkingPage({ canConfigure = false }: { canConfigure?: boolean }) {
  const { t, lang } = useT();
  const [sittings, setSittings] = useState<MarkableSitting[]>();
  const [sittingId, setSittingId] = useState(routedSitting);
  const [items, setItems] = useState<MarkedItems>();
  const [item, setItem] = useState<MarkedItem>();
  const [configuring, setConfiguring] = useState<MarkedItem>();
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    const follow = () => {
      setSittingId(routedSitting());
      setItem(undefined);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const loadItems = useCallback(() => {
    if (!sittingId) return;
    ok(api.GET('/api/marking/sittings/{id}/items', { params: { path: { id: sittingId } } }))
      .then(setItems)
      .catch((e: Error) =>
        setError(isNotAssignedMarker(e) ? t('mark.notAssigned') : describeRefusal(t, e, lang)),
      );
  }, [sittingId, t]);
  const refresh = useCallback(() => {
    setError('');
    if (sittingId) loadItems();
    else
      ok(api.GET('/api/marking/sittings'))
        .then((r) => setSittings(r.items))
        .catch((e: Error) => setError(describeRefusal(t, e, lang)));
  }, [sittingId, loadItems]);
  // Answers reach the queues as candidates submit and are scored: look again while the page is in view.
  useEffect(() => {
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, REFRESH_MS);
    addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      removeEventListener('focus', refresh);
    };
  }, [refresh]);

  const when = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
  const open = (id?: string) => {
    location.hash = id ? `#/marking/${id}` : '#/marking';
  };

  if (sittingId && item)
    return (
      <MarkingView
        sittingId={sittingId}
        itemRef={item.itemRef}
        title={item.title}
        onBack={() => {
          setItem(undefined);
          loadItems();
        }}
      />
    );
  return (
    <section aria-labelledby="marking-title" className="marking">
      <h2 id="marking-title">{t('mark.title')}</h2>
      <p className="muted">{t('mark.help')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="secondary" onClick={refresh}>
        {t('mark.refresh')}
      </button>
      {!sittingId && sittings && (
        <>
          <h3>{t('mark.sittings')}</h3>
          {sittings.length === 0 ? (
            <p>{t('mark.noSittings')}</p>
          ) : (
            <table className="items">
              <thead>
                <tr>
                  <th scope="col">{t('mark.col.sitting')}</th>
                  <th scope="col">{t('mark.col.closes')}</th>
                  <th scope="col">{t('mark.col.waiting')}</th>
                  <th scope="col">{t('mark.col.marks')}</th>
                </tr>
              </thead>
              <tbody>
                {sittings.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <a href={`#/marking/${s.id}`} aria-label={t('mark.open', { name: s.name })}>
                        {s.name}
                      </a>
                    </th>
                    <td>{when(s.closesAt)}</td>
                    <td>{s.waitingCandidates}</td>
                    <td>{s.marksGiven}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {sittingId && configuring && (
        <MarkingConfigDialog
          sittingId={sittingId}
          item={configuring}
          onClose={() => setConfiguring(undefined)}
          onSaved={() => {
            setNotice(t('mc.saved', { title: configuring.title }));
            setConfiguring(undefined);
            loadItems();
          }}
        />
      )}
      {sittingId && items && (
        <>
          <button type="button" className="secondary" onClick={() => open()}>
            {t('mark.backToSittings')}
          </button>
          <h3>{t('mark.items', { name: items.sitting?.name ?? '' })}</h3>
          {items.items.length === 0 ? (
            <p>{t('mark.noItems')}</p>
          ) : (
            <table className="items marking-items">
              <thead>
                <tr>
                  <th scope="col">{t('mark.col.item')}</th>
                  <th scope="col">{t('mark.col.max')}</th>
                  {COUNTS.map((k) => (
                    <th scope="col" key={k}>
                      {t(`mark.col.${k}`)}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="sr-only">{t('nav.marking')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.items.map((i) => (
                  <tr key={i.itemRef}>
                    <th scope="row">
                      {i.title} <span className="muted">({i.itemRef})</span>
                      {i.doubleMarking && <span className="tag">{t('mark.double')}</span>}
                      {i.rubric && <span className="tag">{t('mark.rubric')}</span>}
                    </th>
                    <td>{i.maxScore ?? '–'}</td>
                    {COUNTS.map((k) => (
                      <td key={k}>{i.counts[k]}</td>
                    ))}
                    <td>
                      <button type="button" disabled={i.counts.forYou === 0} onClick={() => setItem(i)}>
                        {t('mark.markItem', { title: i.title })}
                      </button>
                      {canConfigure && (
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('mc.configure', { title: i.title })}
                          onClick={() => {
                            setNotice('');
                            setConfiguring(i);
                          }}
                        >
                          {t('mc.configureShort')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
