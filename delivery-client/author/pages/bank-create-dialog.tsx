/**
 * Creating an item bank: name, subject and the organisation it belongs to (those the teacher may
 * create for: their own and any below it). Refusals are worded in the page's language.
 */
import { useEffect, useState } from 'react';
import { api, ok, type Bank, type Me } from '../api.ts';
import { useT } from '../i18n.tsx';
import { BankDialog } from './bank-dialog.tsx';
import { describeBankError } from './bank-refusals.ts';

export function CreateBankDialog(props: { me: Me; onClose(): void; onCreated(bank: Bank): void }) {
  const { t } = useT();
  const [orgs, setOrgs] = useState<Array<{ id: string; name: string }>>([]);
  const [organisationId, setOrganisationId] = useState(props.me.organisation.id);
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ok(api.GET('/api/organisations'))
      .then((r) => setOrgs(r.items))
      .catch(() => setOrgs([]));
  }, []);

  async function create() {
    setError('');
    if (name.trim().length < 2) return setError(t('bk.err.nameEmpty'));
    setBusy(true);
    try {
      const bank = await ok(
        api.POST('/api/item-banks', {
          body: { name: name.trim(), subject: subject.trim() || undefined, organisationId },
        }),
      );
      props.onCreated(bank);
    } catch (e) {
      setError(
        (e as { status?: number }).status === 403
          ? t('bk.err.createForbidden')
          : describeBankError(t, e, { name: name.trim() }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <BankDialog title={t('bk.create.title')} onClose={props.onClose}>
      <p className="muted">{t('bk.create.help')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="field">
          {t('bk.create.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus />
        </label>
        <label className="field">
          {t('bk.create.subject')}
          <input value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={100} />
        </label>
        <label className="field">
          {t('bk.create.organisation')}
          <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
            {orgs.length === 0 && <option value={props.me.organisation.id}>—</option>}
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="toolbar">
          <button type="submit" disabled={busy}>
            {t('bk.create.submit')}
          </button>
        </div>
      </form>
    </BankDialog>
  );
}
