/** The modal frame of the bank dialogs: a titled panel over the page, closed with its button or Escape. */
import type { ReactNode } from 'react';
import { useT } from '../i18n.tsx';

export function BankDialog(props: { title: string; onClose(): void; children: ReactNode }) {
  const { t } = useT();
  return (
    <div
      className="bank-dialog-backdrop"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <div className="bank-dialog" role="dialog" aria-modal="true" aria-labelledby="bank-dialog-title">
        <h2 id="bank-dialog-title">{props.title}</h2>
        {props.children}
        <div className="toolbar">
          <button type="button" className="secondary" onClick={props.onClose}>
            {t('bk.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
