/**
 * The header's bank select, with each bank's organisation and whether the teacher may write it, and
 * the buttons that open the dialogs to create a bank and to share the selected one. What a teacher
 * may do with a bank comes from the engine (`writable`, `mayShare`): the page never re-codes the rule.
 */
import { useState } from 'react';
import type { Bank, Me } from '../api.ts';
import { useT } from '../i18n.tsx';
import { CreateBankDialog } from './bank-create-dialog.tsx';
import { ShareBankDialog } from './bank-share-dialog.tsx';

/** A bank's label in the select: name, organisation, and "(chỉ xem)" / "(được chia sẻ)". */
export function useBankLabel() {
  const { t } = useT();
  return (b: Bank) =>
    [
      t('bk.option', { name: b.name, organisation: b.organisationName }),
      b.shared ? t('bk.shared') : '',
      b.writable ? '' : t('bk.readOnly'),
    ]
      .filter(Boolean)
      .join(' ');
}

export function BankBar(props: {
  me: Me;
  banks: Bank[];
  bankId: string;
  onSelect(bankId: string): void;
  /** A bank created or whose shares changed: the app puts it in its list (and selects a new one). */
  onChanged(bank: Bank, created: boolean): void;
}) {
  const { t } = useT();
  const label = useBankLabel();
  const [dialog, setDialog] = useState<'create' | 'share'>();
  const bank = props.banks.find((b) => b.id === props.bankId);
  const mayCreate = props.me.abilities.includes('banks:write');
  return (
    <>
      {props.banks.length > 0 && (
        <label className="bank-select">
          {t('bank.choose')}{' '}
          <select value={props.bankId} onChange={(e) => props.onSelect(e.target.value)}>
            {props.banks.map((b) => (
              <option key={b.id} value={b.id}>
                {label(b)}
              </option>
            ))}
          </select>
        </label>
      )}
      {mayCreate && (
        <button type="button" className="secondary" onClick={() => setDialog('create')}>
          {t('bk.create')}
        </button>
      )}
      {bank?.mayShare && (
        <button type="button" className="secondary" onClick={() => setDialog('share')}>
          {t('bk.share')}
        </button>
      )}
      {dialog === 'create' && (
        <CreateBankDialog
          me={props.me}
          onClose={() => setDialog(undefined)}
          onCreated={(created) => {
            props.onChanged(created, true);
            setDialog(undefined);
          }}
        />
      )}
      {dialog === 'share' && bank && (
        <ShareBankDialog
          bank={bank}
          onClose={() => setDialog(undefined)}
          onChanged={(changed) => props.onChanged(changed, false)}
        />
      )}
    </>
  );
}

/**
 * Shown beside a write button when the selected bank is read-only for the teacher: says why and what
 * to do, and the button is disabled instead of failing on the engine.
 */
export function ReadOnlyBankNote({ bank, id }: { bank: Bank; id?: string }) {
  const { t } = useT();
  if (bank.writable) return null;
  return (
    <p className="notice read-only-bank" role="note" id={id}>
      {t('bk.readOnlyNote', { bank: bank.name, organisation: bank.organisationName })}
    </p>
  );
}
