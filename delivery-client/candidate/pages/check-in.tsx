/** Check-in: room access code, candidate number and date of birth. */
import { useState, type FormEvent } from 'react';
import type { CheckInResponse } from '../../../engine/client.ts';
import { useI18n, type MessageKey } from '../../shared/i18n.tsx';
import { ProctoringNotice } from '../use-proctoring.tsx';
import { sebKeys } from '../seb-keys.ts';

export function CheckInPage({ onCheckedIn }: { onCheckedIn(result: CheckInResponse): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const seb = await sebKeys();
      const res = await fetch('/api/candidate/check-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          accessCode: String(form.get('accessCode') ?? ''),
          candidateNumber: String(form.get('candidateNumber') ?? ''),
          dateOfBirth: String(form.get('dateOfBirth') ?? ''),
          ...(seb ? { seb } : {}),
        }),
      });
      const body = await res.json();
      if (!res.ok) {
        const key = `error.${body?.error?.id}` as MessageKey;
        setError(t(key) === key ? t('error.generic') : t(key));
        return;
      }
      onCheckedIn(body as CheckInResponse);
    } catch {
      setError(t('error.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page">
      <h1>{t('checkin.title')}</h1>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="accessCode">{t('checkin.accessCode')}</label>
          <input
            id="accessCode"
            name="accessCode"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            required
          />
        </div>
        <div className="field">
          <label htmlFor="candidateNumber">{t('checkin.candidateNumber')}</label>
          <input id="candidateNumber" name="candidateNumber" type="text" autoComplete="off" required />
        </div>
        <div className="field">
          <label htmlFor="dateOfBirth">{t('checkin.dateOfBirth')}</label>
          <input
            id="dateOfBirth"
            name="dateOfBirth"
            type="text"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            required
          />
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit" disabled={busy}>
          {t('checkin.submit')}
        </button>
      </form>
      <ProctoringNotice />
      <p>{t('checkin.privacy')}</p>
    </main>
  );
}
