/** Check-in: room access code, candidate number and date of birth. */
import { useState, type FormEvent } from 'react';
import type { CheckInResponse } from '../../../engine/client.ts';
import { useI18n, type MessageKey } from '../../shared/i18n.tsx';
import { publicApi } from '../api.ts';
import { ProctoringNotice } from '../use-proctoring.tsx';
import { sebKeys } from '../seb-keys.ts';
import { missingCheckInFields } from '../check-in-fields.ts';

/** About ten minutes of automatic retries before the page gives up and shows an error. */
const MAX_ATTEMPTS = 60;

/** The engine's Retry-After, or a growing wait (1 s, 2 s, ... 15 s) when the network failed. */
function retryAfterSeconds(res: Response | undefined, attempt: number) {
  const header = Number(res?.headers.get('retry-after'));
  const seconds = Number.isFinite(header) && header > 0 ? header : Math.min(15, attempt);
  return Math.min(30, seconds);
}

export function CheckInPage({ onCheckedIn }: { onCheckedIn(result: CheckInResponse): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [waiting, setWaiting] = useState<number>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      accessCode: String(form.get('accessCode') ?? ''),
      candidateNumber: String(form.get('candidateNumber') ?? ''),
      dateOfBirth: String(form.get('dateOfBirth') ?? ''),
    };
    // An empty form says what is missing instead of asking the engine and showing "Có lỗi xảy ra".
    const missing = missingCheckInFields(values);
    if (missing.length) {
      setError(
        t('checkin.missing', {
          fields: missing.map((f) => t(`checkin.${f}`).replace(/\s*\(.*\)$/, '')).join(', '),
        }),
      );
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const seb = await sebKeys();
      const body = { ...values, ...(seb ? { seb } : {}) };
      // When thousands check in at once the engine asks some to come back (503 + Retry-After):
      // the page waits and tries again by itself, saying so, instead of showing an error.
      for (let attempt = 1; ; attempt++) {
        const reply = await publicApi.POST('/api/candidate/check-in', { body }).catch(() => undefined);
        const res = reply?.response;
        if ((!res || res.status === 503) && attempt < MAX_ATTEMPTS) {
          const seconds = retryAfterSeconds(res, attempt);
          setWaiting(seconds);
          await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
          setWaiting(undefined);
          continue;
        }
        if (!reply?.data) {
          const key = `error.${reply?.error?.error.id}` as MessageKey;
          setError(t(key) === key ? t('error.generic') : t(key));
          return;
        }
        onCheckedIn(reply.data);
        return;
      }
    } catch {
      setError(t('error.generic'));
    } finally {
      setWaiting(undefined);
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
        {waiting !== undefined && (
          <p className="notice" role="status">
            {t('checkin.busy', { seconds: waiting })}
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
