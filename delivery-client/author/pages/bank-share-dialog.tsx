/**
 * Sharing the selected bank with another organisation (read-only or with the right to edit), and
 * withdrawing shares. Only offered when the engine says the teacher may share (`mayShare`).
 */
import { useEffect, useState } from 'react';
import { api, ok, type Bank } from '../api.ts';
import { useT } from '../i18n.tsx';
import { BankDialog } from './bank-dialog.tsx';
import { describeBankError } from './bank-refusals.ts';

export function ShareBankDialog(props: { bank: Bank; onClose(): void; onChanged(bank: Bank): void }) {
  const { t } = useT();
  const { bank } = props;
  const [targets, setTargets] = useState<Array<{ id: string; name: string }>>([]);
  const [organisationId, setOrganisationId] = useState('');
  const [writable, setWritable] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [search, setSearch] = useState('');
  const [searched, setSearched] = useState<string>();

  // The engine filters by name (diacritics optional); a short pause after typing keeps one request per word.
  useEffect(() => {
    let current = true;
    const q = search.trim();
    const timer = setTimeout(
      () => {
        ok(api.GET('/api/item-banks/share-targets', { params: { query: q ? { q } : {} } }))
          .then((r) => {
            if (!current) return;
            const found = r.items.filter((o) => o.id !== bank.organisationId);
            setTargets(found);
            setSearched(q);
            if (q && found.length === 1) setOrganisationId(found[0]!.id);
            else if (!found.some((o) => o.id === organisationId)) setOrganisationId('');
          })
          .catch((e) => current && setError(describeBankError(t, e)));
      },
      q ? 250 : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // organisationId is read to keep a still-listed choice, not to search again when it changes.
  }, [bank.organisationId, search, t]);

  async function run(change: () => Promise<Bank>, done: string) {
    setError('');
    setNotice('');
    try {
      props.onChanged(await change());
      setNotice(done);
    } catch (e) {
      setError(describeBankError(t, e));
    }
  }

  const share = () => {
    if (!organisationId) return setError(t('bk.share.pick'));
    const organisation = targets.find((o) => o.id === organisationId)?.name ?? '';
    return run(
      () =>
        ok(
          api.POST('/api/item-banks/{id}/shares', {
            params: { path: { id: bank.id } },
            body: { organisationId, writable },
          }),
        ),
      t('bk.share.done', { organisation, level: t(writable ? 'bk.share.write' : 'bk.share.read') }),
    );
  };
  const withdraw = (organisationId: string, organisation: string) =>
    run(
      () =>
        ok(
          api.DELETE('/api/item-banks/{id}/shares/{organisationId}', {
            params: { path: { id: bank.id, organisationId } },
          }),
        ),
      t('bk.share.withdrawn', { organisation }),
    );

  const shares = bank.shares ?? [];
  return (
    <BankDialog title={t('bk.share.title', { name: bank.name })} onClose={props.onClose}>
      <p className="muted">{t('bk.share.help')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void share();
        }}
      >
        <label className="field">
          {t('bk.share.search')}
          <input
            type="search"
            value={search}
            placeholder={t('bk.share.searchHint')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        {searched && (
          <p className="muted" role="status">
            {targets.length === 0
              ? t('bk.share.searchNone', { q: searched })
              : t('bk.share.searchFound', { n: targets.length, q: searched })}
          </p>
        )}
        <label className="field">
          {t('bk.share.organisation')}
          <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            <option value="">—</option>
            {targets.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>{t('bk.share.level')}</legend>
          <label>
            <input type="radio" name="share-level" checked={!writable} onChange={() => setWritable(false)} />{' '}
            {t('bk.share.read')}
          </label>{' '}
          <label>
            <input type="radio" name="share-level" checked={writable} onChange={() => setWritable(true)} />{' '}
            {t('bk.share.write')}
          </label>
        </fieldset>
        <div className="toolbar">
          <button type="submit">{t('bk.share.submit')}</button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <h3>{t('bk.share.current')}</h3>
      {shares.length === 0 ? (
        <p className="muted">{t('bk.share.none')}</p>
      ) : (
        <ul className="bank-shares">
          {shares.map((s) => (
            <li key={s.organisationId}>
              {s.organisationName} — {t(s.writable ? 'bk.share.write' : 'bk.share.read')}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => void withdraw(s.organisationId, s.organisationName)}
              >
                {t('bk.share.withdraw', { organisation: s.organisationName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </BankDialog>
  );
}
