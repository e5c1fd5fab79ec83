/**
 * The sitting-wide access code beside the rooms table: issue one (`POST /api/sittings/{id}/access-code`),
 * replace it or withdraw it (`DELETE`), each of the last two after a confirmation.
 */
import { useRef, useState } from 'react';
import { api, ok } from '../api.ts';
import { useT } from '../i18n.tsx';
import { ConfirmBox } from './confirm-box.tsx';
import { LiveStatus } from './live-status.tsx';
import { describeRefusal } from './refusals.ts';

export function SittingAccessCode({
  sittingId,
  code,
  onChanged,
}: {
  sittingId: string;
  /** The code now in force; null when none was issued. */
  code: string | null;
  onChanged(): void;
}) {
  const { t, lang } = useT();
  const [confirming, setConfirming] = useState<'replace' | 'withdraw'>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const issueButton = useRef<HTMLButtonElement>(null);

  async function run(kind: 'issue' | 'replace' | 'withdraw') {
    setBusy(true);
    setNotice('');
    setError('');
    try {
      if (kind === 'withdraw') {
        await ok(api.DELETE('/api/sittings/{id}/access-code', { params: { path: { id: sittingId } } }));
        setNotice(t('sit.code.withdrawn'));
      } else {
        const issued = await ok(
          api.POST('/api/sittings/{id}/access-code', { params: { path: { id: sittingId } } }),
        );
        setNotice(t('sit.code.issued', { code: issued.accessCode }));
      }
      onChanged();
    } catch (e) {
      setError(describeRefusal(t, e, lang));
    } finally {
      setBusy(false);
      setConfirming(undefined);
      // The confirmation is gone: give focus back to the control that stays.
      requestAnimationFrame(() => issueButton.current?.focus());
    }
  }

  return (
    <section aria-labelledby="sitting-code-title" className="sitting-code">
      <h5 id="sitting-code-title">{t('sit.code.title')}</h5>
      <p className="muted small-text">{t('sit.code.help')}</p>
      <p>
        {code ? (
          <>
            {t('sit.code.current')} <code className="access-code">{code}</code>
          </>
        ) : (
          t('sit.code.none')
        )}
      </p>
      {confirming ? (
        <ConfirmBox
          question={t(confirming === 'replace' ? 'sit.code.confirmReplace' : 'sit.code.confirmWithdraw', {
            code: code ?? '',
          })}
          confirmLabel={t('sit.code.yes')}
          cancelLabel={t('sit.code.cancel')}
          busy={busy}
          onConfirm={() => void run(confirming)}
          onCancel={() => {
            setConfirming(undefined);
            requestAnimationFrame(() => issueButton.current?.focus());
          }}
        />
      ) : (
        <div className="actions">
          <button
            ref={issueButton}
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => (code ? setConfirming('replace') : void run('issue'))}
          >
            {t(code ? 'sit.code.replace' : 'sit.code.issue')}
          </button>
          {code && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => setConfirming('withdraw')}
            >
              {t('sit.code.withdraw')}
            </button>
          )}
        </div>
      )}
      <LiveStatus notice={notice} error={error} />
    </section>
  );
}
