/** Small helpers for in-process HTTP requests against the app. */
import type { StaffActor } from '../../people/actor.ts';
import type { Engine } from '../../engine.ts';

export async function tokenFor(engine: Engine, actor: StaffActor): Promise<string> {
  return engine.deps.tokens.issueAccessToken(actor);
}

export function api(engine: Engine) {
  const call = async (
    method: string,
    path: string,
    options: { token?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await engine.app.request(path, { method, headers, body });
    const text = await response.text();
    let data: unknown = text;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: response.status, headers: response.headers, data: data as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return {
    get: (path: string, token?: string) => call('GET', path, { token }),
    post: (path: string, json: unknown, token?: string) => call('POST', path, { token, json }),
    patch: (path: string, json: unknown, token?: string) => call('PATCH', path, { token, json }),
    call,
  };
}
