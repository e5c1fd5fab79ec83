/**
 * The authoring app's client of the engine's staff API, with the staff session kept for this tab
 * (tokens renewed silently; a session that has ended asks to sign in again in place). Requests and
 * answers are typed by the engine's OpenAPI document (shared/api/schema.d.ts).
 */
import { ApiError, ok, rawBody, type components, type ResponseOf } from '../shared/api/client.ts';
import { createStaffApi, createStaffSession } from '../shared/api/staff-session.ts';

export { ApiError, ok, rawBody };
export type { components, ResponseOf, RequestOf } from '../shared/api/client.ts';

export const session = createStaffSession('author');
export const api = createStaffApi(session);

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
