/**
 * The calibration page (issue 23): staff who may write the selected bank calibrate its items, or
 * (exam board, admin: results:write) the items one sitting's sessions were presented, pretest items
 * included. They choose the models and the linking, see each item's estimates with fit and flags, and
 * store them as new parameter versions: the engine's route runs the same command as `npm run calibrate`.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, ok, type Bank, type Me, type RequestOf, type ResponseOf } from '../api.ts';
import { useT, type AuthorMessageKey } from '../i18n.tsx';

type Run = ResponseOf<'/api/item-banks/{id}/calibration', 'post'>;
type Body = RequestOf<'/api/item-banks/{id}/calibration', 'post'>;
const LINKS = ['fixed', 'mean-sigma', 'stocking-lord', 'none'] as const;

const num = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');

export function CalibrationPage({ bank, me }: { bank: Bank; me: Me }) {
  const { t } = useT();
  const canSitting = me.abilities.includes('results:write');
  const [scope, setScope] = useState<'bank' | 'sitting'>('bank');
  const [sittings, setSittings] = useState<{ id: string; name: string }[]>([]);
  const [sittingId, setSittingId] = useState('');
  const [model, setModel] = useState<Body['model']>('2pl');
  const [poly, setPoly] = useState<Body['poly']>('gpcm');
  const [link, setLink] = useState<(typeof LINKS)[number]>('fixed');
  const [includeFlagged, setIncludeFlagged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<Run>();
  const [error, setError] = useState('');

  useEffect(() => {
    if (!canSitting) return;
    ok(api.GET('/api/sittings'))
      .then((list) => {
        const items = (list as { items: { id: string; name: string }[] }).items;
        setSittings(items);
        setSittingId((current) => current || items[0]?.id || '');
      })
      .catch(() => setSittings([]));
  }, [canSitting]);

  const calibrate = async (store: boolean) => {
    setBusy(true);
    setError('');
    const body: Body = { model, poly, link, store, includeFlagged };
    try {
      const result =
        scope === 'sitting'
          ? await ok(
              api.POST('/api/results/sittings/{id}/calibration', {
                params: { path: { id: sittingId } },
                body,
              }),
            )
          : await ok(
              api.POST('/api/item-banks/{id}/calibration', { params: { path: { id: bank.id } }, body }),
            );
      setRun(result);
    } catch (e) {
      setRun(undefined);
      const code = e instanceof ApiError ? ((e.details as { code?: string } | undefined)?.code ?? e.id) : '';
      const key = `cal.err.${code}` as AuthorMessageKey;
      if (code === 'calibration_no_responses' || code === 'calibration_too_few_anchors') setError(t(key));
      else if (e instanceof ApiError && e.status === 403) setError(`${t('cal.err.forbidden')} ${e.message}`);
      else setError(t('cal.err.other', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void calibrate(false);
  };

  return (
    <section aria-labelledby="calibration-title" className="calibration">
      <h2 id="calibration-title">{t('cal.title')}</h2>
      <p>{t('cal.help')}</p>
      <form onSubmit={submit} className="calibration-form">
        <fieldset>
          <legend>{t('cal.scope')}</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'bank'} onChange={() => setScope('bank')} />{' '}
            {t('cal.scope.bank', { name: bank.name })}
          </label>
          {canSitting && (
            <label>
              <input
                type="radio"
                name="scope"
                checked={scope === 'sitting'}
                onChange={() => setScope('sitting')}
              />{' '}
              {t('cal.scope.sitting')}
            </label>
          )}
          {canSitting && scope === 'sitting' && (
            <label>
              {t('cal.sitting')}{' '}
              <select value={sittingId} onChange={(e) => setSittingId(e.target.value)}>
                {sittings.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
        <label>
          {t('cal.model')}{' '}
          <select value={model} onChange={(e) => setModel(e.target.value as Body['model'])}>
            {(['rasch', '1pl', '2pl', '3pl'] as const).map((m) => (
              <option key={m} value={m}>
                {m === 'rasch' ? 'Rasch' : m.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cal.poly')}{' '}
          <select value={poly} onChange={(e) => setPoly(e.target.value as Body['poly'])}>
            <option value="gpcm">GPCM</option>
            <option value="grm">GRM</option>
          </select>
        </label>
        <label>
          {t('cal.link')}{' '}
          <select value={link} onChange={(e) => setLink(e.target.value as (typeof LINKS)[number])}>
            {LINKS.map((l) => (
              <option key={l} value={l}>
                {t(`cal.link.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={includeFlagged}
            onChange={(e) => setIncludeFlagged(e.target.checked)}
          />{' '}
          {t('cal.includeFlagged')}
        </label>
        <div className="actions">
          <button type="submit" disabled={busy || (scope === 'sitting' && !sittingId)}>
            {t('cal.preview')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy || !run || (scope === 'sitting' && !sittingId)}
            onClick={() => void calibrate(true)}
          >
            {t('cal.store')}
          </button>
        </div>
      </form>
      <p role="status">{busy ? t('cal.running') : ''}</p>
      {error && <p role="alert">{error}</p>}
      {run && (
        <>
          <p>
            {t('cal.summary', {
              n: String(run.sampleSize),
              estimated: String(run.estimated),
              anchors: String(run.anchors),
              converged: t(run.converged ? 'cal.converged' : 'cal.notConverged', {
                iterations: String(run.iterations),
              }),
              link: t(`cal.link.${run.linking.method}`),
            })}
          </p>
          {run.stored > 0 && <p role="status">{t('cal.stored', { stored: String(run.stored) })}</p>}
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('cal.col.item')}</th>
                  <th scope="col">{t('cal.col.model')}</th>
                  <th scope="col">{t('cal.col.n')}</th>
                  <th scope="col">a</th>
                  <th scope="col">b</th>
                  <th scope="col">c</th>
                  <th scope="col">{t('cal.col.fit')}</th>
                  <th scope="col">{t('cal.col.p')}</th>
                  <th scope="col">{t('cal.col.flags')}</th>
                  <th scope="col">{t('cal.col.version')}</th>
                </tr>
              </thead>
              <tbody>
                {run.items.map((item) => {
                  const b = item.params.b;
                  const c = (item.params as { c?: number }).c;
                  return (
                    <tr key={item.itemId}>
                      <th scope="row">{item.identifier}</th>
                      <td>
                        {item.model.toUpperCase()}
                        {item.anchor ? ` (${t('cal.anchor')})` : ''}
                      </td>
                      <td>{Math.round(item.n)}</td>
                      <td>{num(item.params.a)}</td>
                      <td>{Array.isArray(b) ? b.map((x) => num(x)).join(' ') : num(b)}</td>
                      <td>{c === undefined ? '' : num(c)}</td>
                      <td>
                        {num(item.fit.infit)} / {num(item.fit.outfit)}
                      </td>
                      <td>{num(item.fit.p, 3)}</td>
                      <td>{item.flags.map((f) => t(`cal.flag.${f}` as AuthorMessageKey)).join('; ')}</td>
                      <td>{item.storedVersion ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
