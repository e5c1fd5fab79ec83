/**
 * Staff sign-in for the dashboard: the staff session is kept for this tab only (tokens renewed
 * silently; a session that has ended asks to sign in again over the room view). Calls are typed by
 * the engine's OpenAPI document (shared/api/schema.d.ts).
 */
import { ok, type components } from '../shared/api/client.ts';
import { createStaffApi, createStaffSession } from '../shared/api/staff-session.ts';

export const session = createStaffSession('proctor');

export type Me = components['schemas']['Me'];

const api = createStaffApi(session);

export const login = (username: string, password: string) =>
  ok(api.POST('/api/auth/login', { body: { username, password } }));
export const me = () => ok(api.GET('/api/auth/me'));
