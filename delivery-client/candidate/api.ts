/**
 * The candidate app's REST client, typed by the engine's OpenAPI document (shared/api/schema.d.ts).
 * Check-in asks without a token; after it, the candidate's session token (kept by session-storage.ts)
 * is sent as the bearer token, e.g. `candidateApi(session.token)` for the released result.
 */
import { createApi, type Api } from '../shared/api/client.ts';

export { ApiError, ok } from '../shared/api/client.ts';

/** Routes open before check-in (the check-in itself). */
export const publicApi = createApi(() => null);

/** Routes of a checked-in candidate, asked with their session token. */
export const candidateApi = (token: string): Api => createApi(() => token);
