/**
 * Responses and session events are append-only at the database itself (migration 0010's triggers),
 * so not even a bug in the engine, or someone with the engine's credentials, can rewrite an answer
 * or a state change after the fact.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../platform/db/rows.ts';
import { buildOrganisationTree } from './support/factories.ts';
import {
  buildItems,
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  testProjection,
} from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let sessionId: string;

beforeAll(async () => {
  engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  const port = await engine.listen(0, '127.0.0.1');
  const tree = await buildOrganisationTree(engine.deps.db);
  const sitting = await buildSitting(engine, tree, await buildItems(engine, tree, 1), { students: 1 });
  const checkIn = await checkInCandidate(engine, sitting.accessCode, sitting.candidates[0]!);
  sessionId = checkIn.sessionId;
  const socket = await connectCandidate(port, checkIn.sessionToken);
  await request(socket, 'session:start', {});
  const ack = await request(socket, 'response:save', { itemRef: 'Q1', seq: 1, responses: { RESPONSE: 'B' } });
  expect(ack).toMatchObject({ ok: true });
  socket.disconnect();
});
afterAll(() => engine.dispose());

/** The database's own error message of a refused statement (drizzle wraps it as the cause). */
async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await engine.deps.db.execute(statement);
  } catch (error) {
    const { message, cause } = error as Error & { cause?: Error };
    return `${message} ${cause?.message ?? ''}`;
  }
  throw new Error('the statement was allowed');
}

const count = async (query: ReturnType<typeof sql>) =>
  rowsOf<{ n: number }>(await engine.deps.db.execute(query))[0]!.n;

describe('append-only delivery tables', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of responses; the saved answer stays as it was', async () => {
    expect(
      await refusal(sql`update responses set value = '{"RESPONSE":"A"}' where session_id = ${sessionId}`),
    ).toContain('responses is append-only: UPDATE is not allowed');
    expect(await refusal(sql`delete from responses where session_id = ${sessionId}`)).toContain(
      'responses is append-only: DELETE is not allowed',
    );
    expect(await refusal(sql`truncate responses cascade`)).toContain('TRUNCATE is not allowed');
    const [row] = rowsOf<{ value: unknown }>(
      await engine.deps.db.execute(sql`select value from responses where session_id = ${sessionId}`),
    );
    const value = typeof row!.value === 'string' ? JSON.parse(row!.value) : row!.value;
    expect(value).toEqual({ RESPONSE: 'B' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of session events; new events are still appended', async () => {
    const before = await count(
      sql`select count(*)::int as n from session_events where session_id = ${sessionId}`,
    );
    expect(before).toBeGreaterThan(0);
    expect(
      await refusal(sql`update session_events set type = 'submitted' where session_id = ${sessionId}`),
    ).toContain('session_events is append-only: UPDATE is not allowed');
    expect(await refusal(sql`delete from session_events where session_id = ${sessionId}`)).toContain(
      'session_events is append-only: DELETE is not allowed',
    );
    expect(await refusal(sql`truncate session_events cascade`)).toContain('TRUNCATE is not allowed');
    await engine.deps.db.execute(
      sql`insert into session_events (session_id, type, actor_type) values (${sessionId}, 'note', 'system')`,
    );
    expect(
      await count(sql`select count(*)::int as n from session_events where session_id = ${sessionId}`),
    ).toBe(before + 1);
  });
});
