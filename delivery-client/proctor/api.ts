/** Staff sign-in for the dashboard: the access token is kept for this tab only. */
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

export interface Me {
  fullName: string;
  role: string;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(data.error?.message ?? response.statusText);
  return data;
}

export const login = (username: string, password: string) =>
  call<{ accessToken: string }>('POST', '/auth/login', { username, password });
export const me = () => call<Me>('GET', '/auth/me');
