/**
 * Staff sign-in for the dashboard: the access token is kept for this tab only. Calls are typed by the
 * engine's OpenAPI document (shared/api/schema.d.ts).
 */
import { createApi, ok, type components } from '../shared/api/client.ts';

const TOKEN = 'proctor.token';

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN);
  },
  set(token: string | null) {
    if (token) sessionStorage.setItem(TOKEN, token);
    else sessionStorage.removeItem(TOKEN);
  },
};

export type Me = components['schemas']['Me'];

const api = createApi(() => session.token);

export const login = (username: string, password: string) =>
  ok(api.POST('/api/auth/login', { body: { username, password } }));
export const me = () => ok(api.GET('/api/auth/me'));
