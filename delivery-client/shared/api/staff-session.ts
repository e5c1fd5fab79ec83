/**
 * A staff member's session in one browser tab: the short-lived access token and the refresh token
 * (POST /api/auth/refresh rotates it), kept in sessionStorage so a reload stays signed in.
 *
 * The access token is renewed silently a minute before it expires, and again whenever a request is
 * refused with 401. Only when the refresh token is refused too has the session really ended: then
 * every waiting request is held, `onEnded` listeners ask the person to sign in again in place (the
 * page and its unsaved work stay), and the held requests are sent again once they have.
 */
import createClient from 'openapi-fetch';
import type { Api, paths } from './client.ts';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

export interface StaffSession {
  /** The access token to send, or null when signed out. */
  readonly token: string | null;
  readonly signedIn: boolean;
  /** Keeps the tokens of a sign-in (or a refresh) and releases requests held for a new sign-in. */
  start(tokens: SessionTokens): void;
  /** Forgets the tokens (and revokes the refresh token with the engine). */
  signOut(): Promise<void>;
  /**
   * A valid access token after a refusal of `stale`: refreshed once for every request refused at the
   * same time; when the session has ended, resolves after the person signs in again.
   */
  renew(stale: string | null): Promise<string>;
  /** Called when the session has ended and a new sign-in is needed; returns the unsubscribe. */
  onEnded(listener: () => void): () => void;
}

const isAuthPath = (url: string) =>
  /\/api\/auth\/(login|refresh|logout)$/.test(new URL(url, location.href).pathname);

export function createStaffSession(prefix: string, given?: Storage): StaffSession {
  // Read when used, not when the module loads: pages' modules are imported by Node tests too.
  const storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
    getItem: (key) => (given ?? globalThis.sessionStorage)?.getItem(key) ?? null,
    setItem: (key, value) => (given ?? globalThis.sessionStorage).setItem(key, value),
    removeItem: (key) => (given ?? globalThis.sessionStorage)?.removeItem(key),
  };
  const ACCESS = `${prefix}.token`;
  const REFRESH = `${prefix}.refresh`;
  const EXPIRES = `${prefix}.expires`;
  const listeners = new Set<() => void>();
  let refreshing: Promise<string | null> | undefined;
  let waiters: Array<(token: string) => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    clearTimeout(timer);
    const expires = Number(storage.getItem(EXPIRES) ?? 0);
    if (!expires || !storage.getItem(REFRESH)) return;
    // A minute early (or halfway for very short tokens), so a request never meets an expired token.
    const lead = Math.min(60_000, (expires - Date.now()) / 2);
    timer = setTimeout(() => void refresh(), Math.max(1_000, expires - Date.now() - lead));
  };

  const keep = (tokens: SessionTokens) => {
    storage.setItem(ACCESS, tokens.accessToken);
    storage.setItem(REFRESH, tokens.refreshToken);
    storage.setItem(EXPIRES, String(Date.now() + tokens.expiresIn * 1000));
    schedule();
  };

  const forget = () => {
    clearTimeout(timer);
    for (const key of [ACCESS, REFRESH, EXPIRES]) storage.removeItem(key);
  };

  /** Spends the refresh token once for all callers; null when the engine refuses it. */
  const refresh = (): Promise<string | null> => {
    refreshing ??= (async () => {
      const refreshToken = storage.getItem(REFRESH);
      if (!refreshToken) return null;
      try {
        const response = await fetch('/api/auth/refresh', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        });
        if (response.status === 401) return null;
        if (!response.ok) throw new Error(`refresh: ${response.status}`);
        const tokens = (await response.json()) as SessionTokens;
        keep(tokens);
        return tokens.accessToken;
      } catch {
        // The line is down or the engine busy: keep the session and try again shortly.
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(), 5_000);
        return storage.getItem(ACCESS);
      }
    })().finally(() => (refreshing = undefined));
    return refreshing;
  };

  const session: StaffSession = {
    get token() {
      return storage.getItem(ACCESS);
    },
    get signedIn() {
      return storage.getItem(ACCESS) !== null;
    },
    start(tokens) {
      keep(tokens);
      const held = waiters;
      waiters = [];
      held.forEach((release) => release(tokens.accessToken));
    },
    async signOut() {
      const refreshToken = storage.getItem(REFRESH);
      forget();
      if (refreshToken)
        await fetch('/api/auth/logout', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ refreshToken }),
        }).catch(() => undefined);
    },
    async renew(stale) {
      const current = storage.getItem(ACCESS);
      // Another request already renewed it while this one was on its way.
      if (current && current !== stale) return current;
      const fresh = await refresh();
      if (fresh && fresh !== stale) return fresh;
      storage.removeItem(ACCESS);
      storage.removeItem(EXPIRES);
      const next = new Promise<string>((resolve) => waiters.push(resolve));
      listeners.forEach((listener) => listener());
      return next;
    },
    onEnded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  schedule();
  return session;
}

/**
 * Sends a request with the session's token; a 401 renews the token (or waits for a new sign-in) and
 * sends the request once more. `request` must not have been sent (its body is still unread).
 */
export async function fetchWithSession(session: StaffSession, request: Request): Promise<Response> {
  const retry = request.clone();
  const token = session.token;
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(request);
  if (response.status !== 401 || isAuthPath(request.url)) return response;
  const fresh = await session.renew(token);
  retry.headers.set('authorization', `Bearer ${fresh}`);
  return fetch(retry);
}

/** The engine's typed API for staff pages, through the session (silent renewal, re-sign-in in place). */
export function createStaffApi(session: StaffSession): Api {
  return createClient<paths>({
    baseUrl: '',
    fetch: (request: Request) => fetchWithSession(session, request),
  });
}
