import { useState, type FormEvent } from 'react';

export interface StaffLoginText {
  title: string;
  username: string;
  password: string;
  submit: string;
  failed: string;
  /** A line under the title (why the form is shown). */
  lead?: string;
}

/**
 * The staff sign-in form of the authoring and proctor pages. `signIn` posts the credentials
 * (POST /api/auth/login) and keeps the token its app's way; any failure shows `text.failed`.
 */
export function StaffLogin({
  text,
  signIn,
  onSignedIn,
  submitClassName,
  fixedUsername,
}: {
  text: StaffLoginText;
  signIn(username: string, password: string): Promise<void>;
  onSignedIn(): void;
  submitClassName?: string;
  /** Signing in again as the same person: the name is shown and cannot be changed. */
  fixedUsername?: string;
}) {
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signIn(username, password);
      onSignedIn();
    } catch {
      setError(text.failed);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>{text.title}</h1>
      {text.lead && <p>{text.lead}</p>}
      <label className="field">
        {text.username}
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          readOnly={fixedUsername !== undefined}
          required
        />
      </label>
      <label className="field">
        {text.password}
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
      <button type="submit" className={submitClassName} disabled={busy}>
        {text.submit}
      </button>
    </form>
  );
}
