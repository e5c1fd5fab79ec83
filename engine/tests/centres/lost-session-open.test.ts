/**
 * A session's `session_open` log entry that fails to write must never leave a save of that session
 * in the log without it (the central engine cannot rebuild a session it was never told of), and a
 * log that lacks one all the same (written by a node before the open shared the first save's
 * transaction) must not block the sync: the central engine keeps such entries waiting with their
 * reason, applies the rest of the log, names the sessions it waits for, and applies what waited once
 * the node logs their open again. Both engines in this process, on their own databases; the failure
 * is provoked with a trigger on the centre's result log that refuses every `session_open` row.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateKeyOf } from '../../centres/ed25519.ts';
import { appendLogEntry } from '../../centres/result-log-store.ts';
import { signCentreRequest } from '../../centres/signed-request.ts';
import { deferredLogEntries, resultLogEntries } from '../../centres/tables.ts';
import { readLogEntries } from '../../centres/result-log-store.ts';
import { candidateSessions, responses } from '../../delivery/tables.ts';
import { auditLog } from '../../people/tables.ts';
import {
  checkInCandidate,
  connectCandidate,
  qtiAnswersOf,
  request,
  type CandidateClient,
} from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { startCentreEngine } from './support/centre-engine.ts';
import { prepareCentralSitting } from './support/centre-engines.ts';

let central: TestEngine;
let centre: TestEngine;
let centrePort: number;
let centralUrl: string;
let prepared: Awaited<ReturnType<typeof prepareCentralSitting>>;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  central = await createTestEngine();
  centralUrl = `http://127.0.0.1:${await central.listen(0, '127.0.0.1')}`;
  prepared = await prepareCentralSitting(central, { students: 3, items: 3 });
  centre = await startCentreEngine({ centralUrl, credentialFile: prepared.credentialFile });
  centrePort = await centre.listen(0, '127.0.0.1');
  await centre.centre!.importFile(prepared.packageFile);
  expect(await centre.centre!.fetchDueKeys()).toBe(1);
}, 60_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await centre?.dispose();
  await central?.dispose();
});

async function startCandidate(index: number) {
  const { sessionToken, sessionId } = await checkInCandidate(
    centre,
    prepared.sitting.accessCode,
    prepared.sitting.candidates[index]!,
  );
  const socket = await connectCandidate(centrePort, sessionToken);
  sockets.push(socket);
  const started = await request(socket, 'session:start', {});
  if (!started.ok) throw new Error(JSON.stringify(started));
  return { socket, sessionId, itemRefs: started.snapshot.form.map((e) => e.itemRef) };
}

const save = (socket: CandidateClient, itemRef: string) =>
  request(socket, 'response:save', { itemRef, seq: 1, responses: { RESPONSE: qtiAnswersOf(itemRef)[0]! } });

async function centreLog() {
  return readLogEntries(centre.deps.db, {
    centreId: prepared.credential.centreId,
    sittingId: prepared.sitting.sittingId,
    limit: 10_000,
  });
}

/** Every save and submit in the centre's log comes after its session's open. */
function savesWithoutOpen(log: Awaited<ReturnType<typeof centreLog>>) {
  const opened = new Set<unknown>();
  const orphans: number[] = [];
  for (const e of log) {
    if (e.kind === 'event' && e.payload.type === 'session_open') opened.add(e.payload.sessionId);
    else if (!opened.has(e.payload.sessionId)) orphans.push(e.seq);
  }
  return orphans;
}

describe('a session_open that fails to write', () => {
  it('takes the first saves with it: none is acknowledged or logged, and the resent saves are logged after the open', async () => {
    const a = await startCandidate(0);
    await centre.deps.db.execute(`
      create function test_refuse_session_open() returns trigger language plpgsql as $$
      begin
        if new.kind = 'event' and new.payload->>'type' = 'session_open' then
          perform pg_sleep(0.3);
          raise exception 'provoked: the session_open entry is not written';
        end if;
        return new;
      end $$`);
    await centre.deps.db.execute(`
      create trigger test_refuse_session_open before insert on result_log_entries
      for each row execute function test_refuse_session_open()`);
    try {
      // The second save comes while the first one's write group (the open with it) is failing slowly:
      // the race that once logged the second save, alone, after the open had failed (on PostgreSQL; the
      // embedded database's one connection makes the second save wait for the first write anyway).
      const first = save(a.socket, a.itemRefs[0]!);
      await new Promise((r) => setTimeout(r, 100));
      const second = save(a.socket, a.itemRefs[1]!);
      expect(await first).toMatchObject({ ok: false, error: { id: 'save_failed' } });
      expect(await second).toMatchObject({ ok: false, error: { id: 'save_failed' } });
      expect((await centreLog()).filter((e) => e.payload.sessionId === a.sessionId)).toEqual([]);
    } finally {
      await centre.deps.db.execute('drop trigger test_refuse_session_open on result_log_entries');
      await centre.deps.db.execute('drop function test_refuse_session_open()');
    }
    // The client sends the unacknowledged saves again (replays of stored answers): now logged, open first.
    expect(await save(a.socket, a.itemRefs[0]!)).toMatchObject({ ok: true });
    expect(await save(a.socket, a.itemRefs[1]!)).toMatchObject({ ok: true });
    expect(await request(a.socket, 'submit', { confirm: true })).toMatchObject({ ok: true });
    // The submit's entry is written just after its acknowledgement (onSubmitted).
    let log = await centreLog();
    for (let i = 0; i < 100 && !log.some((e) => e.kind === 'submit'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      log = await centreLog();
    }
    const mine = log.filter((e) => e.payload.sessionId === a.sessionId);
    expect(mine.map((e) => (e.kind === 'event' ? e.payload.type : e.kind))).toEqual([
      'session_open',
      'save',
      'save',
      'submit',
    ]);
    expect(savesWithoutOpen(log)).toEqual([]);

    const report = await centre.centre!.sync();
    expect(report.chains[0]).toMatchObject({ centralSeq: log.length, localSeq: log.length });
    const answers = await central.deps.db
      .select()
      .from(responses)
      .where(eq(responses.sessionId, a.sessionId));
    expect(answers).toHaveLength(2);
  }, 60_000);
});

describe('a log that lacks a session_open all the same', () => {
  it('is accepted: the entries wait with their reason, the rest applies, and they apply once the node logs the open again', async () => {
    const b = await startCandidate(1);
    // As a node before the open shared the first save's transaction could leave it: a save and a submit
    // of B signed into the chain, with no open before them.
    const key = privateKeyOf(Buffer.from(prepared.credential.privateKey, 'base64'));
    const chain = { centreId: prepared.credential.centreId, sittingId: prepared.sitting.sittingId };
    const orphanSave = await appendLogEntry(
      centre.deps.db,
      {
        ...chain,
        kind: 'save',
        payload: {
          sessionId: b.sessionId,
          itemRef: b.itemRefs[0]!,
          seq: 1,
          value: qtiAnswersOf(b.itemRefs[0]!)[0]! as never,
          clientTime: null,
          savedAt: new Date().toISOString(),
        },
      },
      key,
    );
    await appendLogEntry(
      centre.deps.db,
      {
        ...chain,
        kind: 'submit',
        payload: { sessionId: b.sessionId, submittedAt: new Date().toISOString(), submittedBy: null },
      },
      key,
    );
    // Candidate C answers after that, through the node as usual.
    const c = await startCandidate(2);
    for (const ref of c.itemRefs) expect(await save(c.socket, ref)).toMatchObject({ ok: true });
    expect(await request(c.socket, 'submit', { confirm: true })).toMatchObject({ ok: true });
    const log = await centreLog();
    expect(savesWithoutOpen(log)).toEqual([orphanSave.seq, orphanSave.seq + 1]);

    // Pushed as it is (what a node holding this log sends): accepted, not refused.
    const centralHead = (await centralLogHead()) ?? 0;
    const pushed = await postLog(log.filter((e) => e.seq > centralHead));
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({
      imported: log.length - centralHead,
      deferred: 2,
      recovered: 0,
      awaitingOpen: [b.sessionId],
      head: { seq: log.length },
    });
    const waiting = await central.deps.db
      .select()
      .from(deferredLogEntries)
      .where(eq(deferredLogEntries.sessionId, b.sessionId));
    expect(waiting.map((w) => [w.seq, w.reason, w.appliedAt])).toEqual([
      [orphanSave.seq, 'session_not_opened', null],
      [orphanSave.seq + 1, 'session_not_opened', null],
    ]);
    // The rest of the log applied: C's answers and submit are there; B's wait.
    const stored = await central.deps.db
      .select()
      .from(responses)
      .where(inArray(responses.sessionId, [b.sessionId, c.sessionId]));
    expect(stored.filter((r) => r.sessionId === c.sessionId)).toHaveLength(c.itemRefs.length);
    expect(stored.filter((r) => r.sessionId === b.sessionId)).toHaveLength(0);
    const [audit] = await central.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'centre.log_import'), eq(auditLog.subjectId, chain.centreId)))
      .orderBy(auditLog.seq)
      .then((rows) => rows.slice(-1));
    expect(audit!.details).toMatchObject({
      deferred: 2,
      deferredReason: 'session_not_opened',
      awaitingOpen: 1,
    });

    // The node's next sync hears which session the central engine waits for and logs its open again.
    const report = await centre.centre!.sync();
    expect(report.reopened).toBe(1);
    const after = await centreLog();
    const reopen = after.at(-1)!;
    expect(reopen).toMatchObject({
      kind: 'event',
      payload: { type: 'session_open', sessionId: b.sessionId, late: true, reason: 'central_awaits_open' },
    });
    expect(report.chains[0]).toMatchObject({ centralSeq: after.length, localSeq: after.length });
    const applied = await central.deps.db
      .select()
      .from(deferredLogEntries)
      .where(eq(deferredLogEntries.sessionId, b.sessionId));
    expect(applied.every((w) => w.appliedAt !== null)).toBe(true);
    const bAnswers = await central.deps.db
      .select()
      .from(responses)
      .where(eq(responses.sessionId, b.sessionId));
    expect(bAnswers.map((r) => r.itemRef)).toEqual([b.itemRefs[0]]);
    const [bSession] = await central.deps.db
      .select({ state: candidateSessions.state })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, b.sessionId));
    expect(['submitted', 'scored']).toContain(bSession!.state);

    // Nothing waits any more, and a replay of the whole log changes nothing.
    const again = await postLog(after);
    expect(again.body).toMatchObject({ imported: 0, skipped: after.length, awaitingOpen: [] });
    expect(await centre.centre!.sync()).toMatchObject({ sent: 0, reopened: 0 });
  }, 60_000);
});

async function centralLogHead() {
  const rows = await central.deps.db
    .select({ seq: resultLogEntries.seq })
    .from(resultLogEntries)
    .where(
      and(
        eq(resultLogEntries.centreId, prepared.credential.centreId),
        eq(resultLogEntries.sittingId, prepared.sitting.sittingId),
      ),
    );
  return rows.length ? Math.max(...rows.map((r) => r.seq)) : undefined;
}

async function postLog(entries: unknown[]) {
  const path = '/api/centre-sync/log';
  const body = JSON.stringify({ sittingId: prepared.sitting.sittingId, entries });
  const headers = signCentreRequest(
    prepared.credential.centreId,
    privateKeyOf(Buffer.from(prepared.credential.privateKey, 'base64')),
    { method: 'POST', path, body },
  );
  const res = await fetch(`${centralUrl}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
