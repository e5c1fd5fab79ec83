/**
 * Issue 22's acceptance: a sitting at a test centre that survives the line and the power. The
 * central engine (in this process, its own data folder and port) seals a sitting of real QTI items
 * for a centre and gives the exam board a room code, then stops for the whole sitting. The centre
 * node runs as its own process (`npm start` with CENTRE_MODE, its own data folder): the package is
 * imported and opened with the room code through `npm run centre`, virtual candidates check in and
 * answer over Socket.IO, and the centre is killed with SIGKILL twice mid-answer and restarted;
 * candidates reconnect and send again what was not acknowledged. Then the central engine comes back,
 * a sync cut after half the log is finished by `npm run centre -- sync`, and every acknowledged
 * answer is held centrally exactly once and scored as a central delivery is. Sending a slice again
 * changes nothing. CENTRE_CANDIDATES sets the number of candidates (default 50).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueRoomCode } from '../../centres/commands/issue-room-code.ts';
import { privateKeyOf } from '../../centres/ed25519.ts';
import { readLogEntries } from '../../centres/result-log-store.ts';
import { signCentreRequest } from '../../centres/signed-request.ts';
import { resultLogEntries } from '../../centres/tables.ts';
import { candidateSessions, responses, sessionResults } from '../../delivery/tables.ts';
import type { Engine } from '../../engine.ts';
import {
  connectCandidate,
  qtiAnswersOf,
  request,
  type CandidateClient,
} from '../support/delivery-fixtures.ts';
import { startEngineProcess, type EngineProcess } from '../support/engine-process.ts';
import { createPersistentStore, repoRoot } from '../support/persistent-engine.ts';
import { prepareCentralSitting } from './support/centre-engines.ts';

const CANDIDATES = Number(process.env.CENTRE_CANDIDATES ?? 50);
const ITEMS = 5;
const FULL_MARKS = [1, 2, 1, 1, 1.5];
const WRONG = ['C', ['B', 'D'], 'Huế', ['W3', 'W2', 'W1'], ['VN PP']];
const run = promisify(execFile);

let centralStore: Awaited<ReturnType<typeof createPersistentStore>>;
let centreStore: Awaited<ReturnType<typeof createPersistentStore>>;
let central: Engine | undefined;
let centralPort: number;
let centre: EngineProcess | undefined;
let prepared: Awaited<ReturnType<typeof prepareCentralSitting>>;
let centreEnv: NodeJS.ProcessEnv;

interface Candidate {
  candidateNumber: string;
  dateOfBirth: string;
  token?: string;
  sessionId?: string;
  socket?: CandidateClient;
  form?: Array<{ itemRef: string; position: number }>;
  expected: number;
}
const acknowledged = new Map<string, { sessionId: string; itemRef: string; seq: number; value: unknown }>();

const centreCli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/centre.ts', ...args], {
    cwd: repoRoot,
    env: centreEnv,
    timeout: 120_000,
  });

beforeAll(async () => {
  centralStore = await createPersistentStore();
  centreStore = await createPersistentStore();
  central = await centralStore.open();
  centralPort = await central.listen(0, '127.0.0.1');
  prepared = await prepareCentralSitting(Object.assign(central, { config: centralStore.config }), {
    students: CANDIDATES,
    items: ITEMS,
  });
  centreEnv = {
    ...centreStore.env,
    CENTRE_MODE: 'true',
    CENTRAL_URL: `http://127.0.0.1:${centralPort}`,
    CENTRE_CREDENTIAL: prepared.credentialFile,
  };
}, 180_000);

afterAll(async () => {
  await centre?.kill('SIGKILL');
  await central?.close();
  await centralStore?.remove();
  await centreStore?.remove();
});

async function answerAll(
  candidates: Candidate[],
  position: number,
  onHalf?: () => Promise<void>,
): Promise<void> {
  let sent = 0;
  const half = Math.floor(candidates.length / 2);
  const saves = candidates.map(async (c, i) => {
    const entry = c.form!.find((e) => e.position === position)!;
    const kind = (Number(entry.itemRef.slice(1)) - 1) % FULL_MARKS.length;
    // Candidate i answers item p right when (i + p) is even, wrong (no marks) otherwise.
    const right = (i + position) % 2 === 0;
    const value = right ? qtiAnswersOf(entry.itemRef)[0]! : WRONG[kind]!;
    const key = `${c.sessionId}/${entry.itemRef}`;
    if (acknowledged.has(key)) return;
    const ack = await request(c.socket!, 'response:save', {
      itemRef: entry.itemRef,
      seq: 1,
      responses: { RESPONSE: value },
    }).catch(() => undefined);
    if (ack?.ok) {
      acknowledged.set(key, { sessionId: c.sessionId!, itemRef: entry.itemRef, seq: 1, value });
      if (right) c.expected += FULL_MARKS[kind]!;
    }
    if (++sent === half) await onHalf?.();
  });
  await Promise.all(saves);
}

async function connectAll(candidates: Candidate[]) {
  await Promise.all(
    candidates.map(async (c) => {
      c.socket?.disconnect();
      c.socket = await connectCandidate(centre!.port, c.token!);
      const resumed = await request(c.socket, 'session:resume', {});
      if (!resumed.ok) throw new Error(JSON.stringify(resumed));
    }),
  );
}

async function restartCentre(candidates: Candidate[]) {
  await centre!.kill('SIGKILL');
  candidates.forEach((c) => c.socket?.disconnect());
  centre = await startEngineProcess(centreEnv);
  await connectAll(candidates);
}

async function postLog(entries: unknown[]) {
  const body = JSON.stringify({ sittingId: prepared.sitting.sittingId, entries });
  const path = '/api/centre-sync/log';
  const headers = signCentreRequest(
    prepared.credential.centreId,
    privateKeyOf(Buffer.from(prepared.credential.privateKey, 'base64')),
    { method: 'POST', path, body },
  );
  const res = await fetch(`http://127.0.0.1:${centralPort}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, data: (await res.json()) as { imported: number; skipped: number } };
}

describe(`a sitting at a test centre (${CANDIDATES} candidates, central engine down throughout)`, () => {
  it('runs on the centre through two SIGKILLs, syncs exactly once, and scores as central delivery', async () => {
    const { code } = await issueRoomCode(
      central!.deps.db,
      null,
      { sittingId: prepared.sitting.sittingId, roomId: prepared.sitting.roomId },
      { keySecret: centralStore.config.auditKey },
    );
    await central!.close();
    central = undefined;

    // The centre: the package imported and opened with the room code read out, the line down.
    const packageFile = `${centreStore.env.DATA_DIR}/sitting.examcentre`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(packageFile, prepared.packageFile);
    const imported = await centreCli('import', '--package', packageFile);
    expect(imported.stdout).toContain('Imported');
    const opened = await centreCli(
      'open',
      '--package-id',
      prepared.header.packageId,
      '--room',
      prepared.sitting.roomId,
      '--code',
      code,
    );
    expect(opened.stdout).toContain(`(${CANDIDATES} candidates)`);
    centre = await startEngineProcess(centreEnv);

    const candidates: Candidate[] = prepared.sitting.candidates.map((c) => ({ ...c, expected: 0 }));
    for (const c of candidates) {
      const [y, m, d] = c.dateOfBirth.split('-');
      const res = await fetch(`${centre.url}/api/candidate/check-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          accessCode: prepared.sitting.accessCode,
          candidateNumber: c.candidateNumber,
          dateOfBirth: `${d}/${m}/${y}`,
        }),
      });
      const data = (await res.json()) as { sessionToken: string; sessionId: string };
      expect(res.status, JSON.stringify(data)).toBe(200);
      c.token = data.sessionToken;
      c.sessionId = data.sessionId;
    }
    await connectAll(candidates);
    for (const c of candidates) {
      const started = await request(c.socket!, 'session:start', {});
      if (!started.ok) throw new Error(JSON.stringify(started));
      c.form = started.snapshot.form.map((e) => ({ itemRef: e.itemRef, position: e.position }));
    }

    // Items 0 and 1; the centre is killed while half of item 1's answers are in flight; again at item 3.
    const kills: Array<Promise<void>> = [];
    const killMidway = () => {
      kills.push(restartCentre(candidates));
      return Promise.resolve();
    };
    await answerAll(candidates, 0);
    await answerAll(candidates, 1, killMidway);
    await Promise.all(kills.splice(0));
    await answerAll(candidates, 1);
    await answerAll(candidates, 2);
    await answerAll(candidates, 3, killMidway);
    await Promise.all(kills.splice(0));
    await answerAll(candidates, 3);
    await answerAll(candidates, 4);
    for (const c of candidates) {
      const submitted = await request(c.socket!, 'submit', { confirm: true });
      expect(submitted).toMatchObject({ ok: true, state: 'submitted' });
      c.socket!.disconnect();
    }
    expect(acknowledged.size).toBe(CANDIDATES * ITEMS);
    await centre.kill('SIGTERM');
    centre = undefined;

    // The line comes back: a sync cut after half the log, then finished by `npm run centre -- sync`.
    central = await centralStore.open();
    await central.listen(centralPort, '127.0.0.1');
    const centreDb = await centreStore.open({ auditCheckpoints: false });
    const log = await readLogEntries(centreDb.deps.db, {
      centreId: prepared.credential.centreId,
      sittingId: prepared.sitting.sittingId,
      limit: 1_000_000,
    });
    const saves = log.filter((e) => e.kind === 'save');
    // Every acknowledged answer is in the centre's log (a re-sent one may be there twice).
    for (const a of acknowledged.values())
      expect(saves.some((e) => e.payload.sessionId === a.sessionId && e.payload.itemRef === a.itemRef)).toBe(
        true,
      );
    await centreDb.close();
    const halfway = Math.floor(log.length / 2);
    // The first half in batches of 100 (each request under the 1 MB /api limit), then the line is cut.
    for (let from = 0; from < halfway; from += 100) {
      const cut = await postLog(log.slice(from, Math.min(from + 100, halfway)));
      expect(cut).toMatchObject({ status: 200, data: { imported: Math.min(100, halfway - from) } });
    }
    const synced = await centreCli('sync');
    expect(synced.stdout).toMatch(new RegExp(`central holds ${log.length} of ${log.length}\\b`));

    const sessionIds = candidates.map((c) => c.sessionId!);
    const stored = await central.deps.db
      .select()
      .from(responses)
      .where(inArray(responses.sessionId, sessionIds));
    expect(stored).toHaveLength(acknowledged.size);
    for (const a of acknowledged.values())
      expect(
        stored.filter((r) => r.sessionId === a.sessionId && r.itemRef === a.itemRef).map((r) => r.value),
      ).toEqual([{ RESPONSE: a.value }]);

    const results = await waitFor(async () => {
      const rows = await central!.deps.db
        .select()
        .from(sessionResults)
        .where(inArray(sessionResults.sessionId, sessionIds));
      return rows.length === sessionIds.length ? rows : undefined;
    }, 120_000);
    for (const c of candidates)
      expect(results.find((r) => r.sessionId === c.sessionId)?.rawScore).toBe(c.expected);

    // Sending a slice again (a cut batch re-sent) ends in the same state.
    const before = await central.deps.db
      .select()
      .from(resultLogEntries)
      .where(eq(resultLogEntries.sittingId, prepared.sitting.sittingId));
    const again = await postLog(log.slice(halfway - 10, halfway + 10));
    expect(again).toMatchObject({ status: 200, data: { imported: 0, skipped: 20 } });
    const after = await central.deps.db
      .select()
      .from(resultLogEntries)
      .where(eq(resultLogEntries.sittingId, prepared.sitting.sittingId));
    expect(after).toHaveLength(before.length);
    const storedAgain = await central.deps.db
      .select()
      .from(responses)
      .where(inArray(responses.sessionId, sessionIds));
    expect(storedAgain).toHaveLength(acknowledged.size);
    const states = await central.deps.db
      .select({ state: candidateSessions.state })
      .from(candidateSessions)
      .where(inArray(candidateSessions.id, sessionIds));
    expect(states.every((s) => s.state === 'scored')).toBe(true);
    console.log(
      `centre sitting: ${CANDIDATES} candidates, ${acknowledged.size} answers acknowledged, ${log.length} log entries, 2 SIGKILLs, 0 lost`,
    );
  }, 900_000);
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}
