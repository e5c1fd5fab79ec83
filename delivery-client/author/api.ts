/**
 * The authoring app's client of the engine's staff API, with the bearer token kept for this tab. Requests
 * and answers are typed by the engine's OpenAPI document (shared/api/schema.d.ts).
 */
import { ApiError, createApi, ok, rawBody, type components, type ResponseOf } from '../shared/api/client.ts';

export { ApiError, ok, rawBody };
export type { components, ResponseOf, RequestOf } from '../shared/api/client.ts';

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

export const api = createApi(() => session.token);

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
