/**
 * The authoring app's client of the engine's staff API, with the bearer token kept for this tab. Requests
 * and answers are typed by the engine's OpenAPI document (shared/api/schema.d.ts); `legacy` reaches the
 * few routes the document does not list yet (see shared/api/client.ts).
 */
import { ApiError, createApi, ok, untyped, type components, type ResponseOf } from '../shared/api/client.ts';

export { ApiError, ok };
export type { ResponseOf, RequestOf } from '../shared/api/client.ts';

const TOKEN = 'author.token';
export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN);
  },
  set(token: string | null) {
    if (token) sessionStorage.setItem(TOKEN, token);
    else sessionStorage.removeItem(TOKEN);
  },
};

const token = () => session.token;
export const api = createApi(token);

/** A route not yet in the OpenAPI document (engine/results/routes/{marking,results}); `path` is below /api. */
export const legacy = <T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
) => untyped<T>(token, method, path, body);

export type Preview = ResponseOf<'/api/item-banks/{id}/imports', 'post'>;
export type PreviewQuestion = Preview['questions'][number];
export type Draft = PreviewQuestion['draft'];
export type Kind = Draft['kind'];
export type Problem = Preview['problems'][number];
export type Bank = components['schemas']['ItemBank'];
export type ItemSummary = ResponseOf<'/api/item-banks/{id}/items', 'get'>['items'][number];
export type Me = components['schemas']['Me'];
/** An item's figures pooled over the scored sittings that used it. */
export type ItemStatistics = ResponseOf<'/api/item-statistics', 'get'>['items'][number];
