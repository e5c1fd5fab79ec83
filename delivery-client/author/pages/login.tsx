import { useState, type FormEvent } from 'react';
import { call, session } from '../api.ts';
import { useT } from '../i18n.tsx';

/** Staff sign-in: POST /api/auth/login; the access token is kept for this tab. */
export function Login({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const result = await call<{ accessToken: string }>('POST', '/auth/login', { username, password });
      session.set(result.accessToken);
      onSignedIn();
    } catch {
      setError(t('login.failed'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>{t('login.title')}</h1>
      <label className="field">
        {t('login.username')}
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          required
        />
      </label>
      <label className="field">
        {t('login.password')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
