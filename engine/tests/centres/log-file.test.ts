/**
 * The USB fallback of the result log (issue 22): a centre node exports a sitting's signed log to a
 * file (`npm run centre -- export-log`), and the central engine imports it (`import-log`) through
 * the same verifier and exactly-once import as the network sync. Both engines in this process on
 * their own databases. Half the log goes over the line first (a cut sync); the file brings the rest:
 * every acknowledged answer is held once and scored as if delivered centrally, the central chain is
 * the centre's entry for entry, and a later sync has nothing to send. Importing the file again
 * changes nothing; a tampered file, another centre's file, a log re-signed by another centre's key
 * and a file that is not a log are refused with their error and change nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCentreArgs, runCentreCommand, type CentreCommand } from '../../centres/centre-cli.ts';
import { registerCentre } from '../../centres/commands/register-centre.ts';
import { generateSigningKeyPair, privateKeyOf } from '../../centres/ed25519.ts';
import type { LogFile } from '../../centres/log-file.ts';
import { signLogEntry, type LogEntry } from '../../centres/result-log.ts';
import { readLogEntries } from '../../centres/result-log-store.ts';
import { signCentreRequest } from '../../centres/signed-request.ts';
import { resultLogEntries } from '../../centres/tables.ts';
import { candidateSessions, responses, sessionResults } from '../../delivery/tables.ts';
import {
  checkInCandidate,
  connectCandidate,
  qtiAnswersOf,
  request,
  type CandidateClient,
} from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { prepareCentralSitting } from './support/centre-engines.ts';
import { startCentreEngine } from './support/centre-engine.ts';

const CANDIDATES = 4;
const FULL_MARKS = [1, 2, 1, 1, 1.5];
const WRONG = ['C', ['B', 'D'], 'Huế', ['W3', 'W2', 'W1'], ['VN PP']];
let central: TestEngine;
let centre: TestEngine;
let centrePort: number;
let centralUrl: string;
let prepared: Awaited<ReturnType<typeof prepareCentralSitting>>;
const sockets: CandidateClient[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'exam-centre-log-file-'));
const logFile = path.join(dir, 'sitting.log.json');
const expectedScore = new Map<string, number>();
let acknowledged = 0;

const cli = async (engine: TestEngine, args: string[], onNode = false) => {
  const parsed = parseCentreArgs(args);
  if ('exitCode' in parsed) throw new Error(parsed.output);
  return runCentreCommand(
    engine.deps.db,
    { keySecret: engine.config.auditKey },
    parsed as CentreCommand,
    onNode ? engine.centre : undefined,
    (sessionId) => engine.deps.onSubmitted(sessionId),
  );
};

beforeAll(async () => {
  central = await createTestEngine();
  const centralPort = await central.listen(0, '127.0.0.1');
  centralUrl = `http://127.0.0.1:${centralPort}`;
  prepared = await prepareCentralSitting(central, { students: CANDIDATES, items: 5 });
  centre = await startCentreEngine({ centralUrl, credentialFile: prepared.credentialFile });
  centrePort = await centre.listen(0, '127.0.0.1');
}, 60_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await centre?.dispose();
  await central?.dispose();
});

async function centralState() {
  const sessionIds = [...expectedScore.keys()];
  const [log, answers, sessions] = await Promise.all([
    central.deps.db
      .select({ seq: resultLogEntries.seq, hash: resultLogEntries.hash })
      .from(resultLogEntries)
      .where(eq(resultLogEntries.sittingId, prepared.sitting.sittingId))
      .orderBy(asc(resultLogEntries.seq)),
    central.deps.db.select().from(responses).where(inArray(responses.sessionId, sessionIds)),
    central.deps.db
      .select({ id: candidateSessions.id, state: candidateSessions.state })
      .from(candidateSessions)
      .where(inArray(candidateSessions.id, sessionIds)),
  ]);
  return { log, answers: answers.length, sessions: sessions.length };
}

async function postLog(entries: unknown[]) {
  const body = JSON.stringify({ sittingId: prepared.sitting.sittingId, entries });
  const apiPath = '/api/centre-sync/log';
  const headers = signCentreRequest(
    prepared.credential.centreId,
    privateKeyOf(Buffer.from(prepared.credential.privateKey, 'base64')),
    { method: 'POST', path: apiPath, body },
  );
  const res = await fetch(`${centralUrl}${apiPath}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, data: (await res.json()) as { imported: number } };
}

describe('the result log on a USB stick', () => {
  it('a sitting runs on the centre and its log is exported to a file', async () => {
    await centre.centre!.importFile(prepared.packageFile);
    expect(await centre.centre!.fetchDueKeys()).toBe(1);
    for (const [i, c] of prepared.sitting.candidates.entries()) {
      const { sessionToken, sessionId } = await checkInCandidate(centre, prepared.sitting.accessCode, c);
      const socket = await connectCandidate(centrePort, sessionToken);
      sockets.push(socket);
      const started = await request(socket, 'session:start', {});
      if (!started.ok) throw new Error(JSON.stringify(started));
      let right = 0;
      for (const entry of started.snapshot.form) {
        const kind = (Number(entry.itemRef.slice(1)) - 1) % FULL_MARKS.length;
        const correct = entry.position <= i;
        if (correct) right += FULL_MARKS[kind]!;
        const saved = await request(socket, 'response:save', {
          itemRef: entry.itemRef,
          seq: 1,
          responses: { RESPONSE: correct ? qtiAnswersOf(entry.itemRef)[0]! : WRONG[kind]! },
        });
        expect(saved).toMatchObject({ ok: true });
        acknowledged++;
      }
      expectedScore.set(sessionId, right);
      expect(await request(socket, 'submit', { confirm: true })).toMatchObject({ ok: true });
    }
    const exported = await cli(
      centre,
      ['export-log', '--sitting', prepared.sitting.sittingId, '--out', logFile],
      true,
    );
    expect(exported.exitCode, exported.output).toBe(0);
    const file = JSON.parse(readFileSync(logFile, 'utf8')) as LogFile;
    const local = await readLogEntries(centre.deps.db, {
      centreId: prepared.credential.centreId,
      sittingId: prepared.sitting.sittingId,
      limit: 100_000,
    });
    expect(file).toMatchObject({
      format: 'exam-centre-log',
      centreId: prepared.credential.centreId,
      sittingId: prepared.sitting.sittingId,
      head: { seq: local.length, hash: local.at(-1)!.hash },
    });
    expect(file.entries).toEqual(local);
    expect(exported.output).toContain(`${local.length} entries`);
    // A sitting with no log on this centre has nothing to export.
    const none = await cli(
      centre,
      ['export-log', '--sitting', '00000000-0000-4000-8000-000000000000', '--out', path.join(dir, 'x')],
      true,
    );
    expect(none).toMatchObject({ exitCode: 1, output: expect.stringContaining('error not_found') });
  });

  it('imported centrally after a cut sync: the same state as the sync, every answer once, scored', async () => {
    const file = JSON.parse(readFileSync(logFile, 'utf8')) as LogFile;
    const half = Math.floor(file.entries.length / 2);
    expect(await postLog(file.entries.slice(0, half))).toMatchObject({
      status: 200,
      data: { imported: half },
    });
    const imported = await cli(central, ['import-log', '--file', logFile]);
    expect(imported.exitCode, imported.output).toBe(0);
    expect(imported.output).toContain(
      `${file.entries.length - half} new entries imported, ${half} already held, of ${file.entries.length}`,
    );
    const state = await centralState();
    expect(state.log).toEqual(
      file.entries.map((e) => ({ seq: (e as LogEntry).seq, hash: (e as LogEntry).hash })),
    );
    expect(state.answers).toBe(acknowledged);
    const sessionIds = [...expectedScore.keys()];
    const results = await waitFor(async () => {
      const rows = await central.deps.db
        .select()
        .from(sessionResults)
        .where(inArray(sessionResults.sessionId, sessionIds));
      return rows.length === sessionIds.length ? rows : undefined;
    });
    for (const r of results) expect(r.rawScore).toBe(expectedScore.get(r.sessionId));
    // The line comes back: the sync finds the central chain complete and sends nothing.
    const synced = await centre.centre!.sync();
    expect(synced.sent).toBe(0);
    expect(synced.chains).toEqual([
      {
        sittingId: prepared.sitting.sittingId,
        centralSeq: file.entries.length,
        localSeq: file.entries.length,
      },
    ]);
  });

  it('importing the file twice changes nothing', async () => {
    const before = await centralState();
    const again = await cli(central, [
      'import-log',
      '--file',
      logFile,
      '--centre',
      prepared.credential.centreId,
    ]);
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toMatch(/: 0 new entries imported, (\d+) already held, of \1 in the file/);
    expect(await centralState()).toEqual(before);
  });

  it('refuses a tampered file, another centre’s file, a log signed with another key, and a file that is no log', async () => {
    const before = await centralState();
    const file = JSON.parse(readFileSync(logFile, 'utf8')) as LogFile;
    const entries = file.entries as LogEntry[];
    const write = (name: string, content: unknown) => {
      const p = path.join(dir, name);
      writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
      return p;
    };
    // An answer changed on the stick.
    const saveAt = entries.findIndex((e) => e.kind === 'save');
    const tampered = write('tampered.json', {
      ...file,
      entries: entries.map((e, i) =>
        i === saveAt ? { ...e, payload: { ...e.payload, value: { RESPONSE: 'A' } } } : e,
      ),
    });
    const t = await cli(central, ['import-log', '--file', tampered]);
    expect(t.exitCode).toBe(1);
    expect(t.output).toContain(`error log_entry_tampered: Log entry ${entries[saveAt]!.seq} was altered`);

    // Centre B's exam board imports centre A's stick.
    const other = generateSigningKeyPair();
    const { centreId: otherCentre } = await registerCentre(
      central.deps.db,
      null,
      { organisationId: prepared.tree.schoolA.id, name: 'Điểm thi B', publicKey: other.publicKey },
      { keySecret: central.config.auditKey },
    );
    const foreign = await cli(central, ['import-log', '--file', logFile, '--centre', otherCentre]);
    expect(foreign.exitCode).toBe(1);
    expect(foreign.output).toContain(
      `error log_foreign_centre: Log entry 1 is from centre ${prepared.credential.centreId}, not from centre ${otherCentre}.`,
    );

    // Centre B writes a log in centre A's name with its own key (hashes recomputed).
    const forged = write('forged.json', {
      ...file,
      entries: entries.map(({ hash: _h, signature: _s, ...content }) =>
        signLogEntry(content, privateKeyOf(other.privateKeyDer)),
      ),
    });
    const f = await cli(central, ['import-log', '--file', forged]);
    expect(f.exitCode).toBe(1);
    expect(f.output).toContain('error log_bad_signature: Log entry 1 is not signed by centre');

    const notJson = await cli(central, [
      'import-log',
      '--file',
      write('truncated.json', readFileSync(logFile, 'utf8').slice(0, 500)),
    ]);
    expect(notJson).toMatchObject({
      exitCode: 1,
      output: expect.stringContaining('error log_file_malformed'),
    });
    const notLog = await cli(central, [
      'import-log',
      '--file',
      write('package.json', { format: 'something' }),
    ]);
    expect(notLog).toMatchObject({
      exitCode: 1,
      output: expect.stringContaining('error log_file_malformed'),
    });

    expect(await centralState()).toEqual(before);
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
