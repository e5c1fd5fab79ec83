/**
 * The session of a check-in: created on the first check-in (with its form and a `checked_in`
 * event), found again on later ones (with a `checked_in_again` event). One statement does both,
 * atomically, so a check-in storm costs one round trip here instead of a five-step transaction.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../platform/db/rows.ts';
import type { Database } from '../platform/db/database.ts';
import { deliveryErrors } from './delivery-errors.ts';
import type { AssembledForm } from '../sittings/form.ts';

export interface OpenSessionRequest {
  sittingCandidateId: string;
  sittingId: string;
  seed: number;
  /** The form a new session gets (ignored when the session exists). */
  form: AssembledForm;
  /** False once the sitting has closed: an existing session may still be resumed, none is created. */
  mayCreate: boolean;
}

export interface OpenedSession {
  id: string;
  itemCount: number;
  created: boolean;
}

export async function openSession(
  db: Database,
  request: OpenSessionRequest,
  raced = false,
): Promise<OpenedSession> {
  const { sittingCandidateId, sittingId, seed, form, mayCreate } = request;
  const rows = rowsOf<{ id: string; item_count: number; created: boolean }>(
    await db.execute(sql`
      with created as (
        insert into candidate_sessions (sitting_candidate_id, sitting_id, seed, form, state)
        select ${sittingCandidateId}::uuid, ${sittingId}::uuid, ${seed}, ${JSON.stringify(form)}::jsonb, 'checked_in'
        where ${mayCreate}
        on conflict (sitting_candidate_id) do nothing
        returning id, form
      ), found as (
        select id, form from candidate_sessions
        where sitting_candidate_id = ${sittingCandidateId}::uuid and not exists (select 1 from created)
      ), events as (
        insert into session_events (session_id, type, actor_type, data)
        select id, 'checked_in', 'candidate', jsonb_build_object('seed', ${seed}::int) from created
        union all
        select id, 'checked_in_again', 'candidate', '{}'::jsonb from found
      )
      select id, jsonb_array_length(form->'entries') as item_count, true as created from created
      union all
      select id, jsonb_array_length(form->'entries'), false from found`),
  );
  const [row] = rows;
  if (row) return { id: row.id, itemCount: Number(row.item_count), created: Boolean(row.created) };
  if (!mayCreate || raced) throw deliveryErrors.sittingClosed();
  // A concurrent first check-in of the same candidate committed between our snapshot and our
  // insert: its session exists now, so take it (a new statement sees committed rows afresh).
  return openSession(db, { ...request, mayCreate: false }, true);
}
