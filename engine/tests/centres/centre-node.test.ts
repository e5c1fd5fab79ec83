/**
 * The centre node running a sitting (issue 22, steps 1 and 2), both engines in this process on
 * their own ports and databases: the central engine seals a sitting of real QTI items for a
 * centre; the centre node (CENTRE_MODE) imports the package, fetches the key from the central
 * engine at the start time and opens the package into its own tables; candidates check in on the
 * centre and answer over Socket.IO with the same protocol; every acknowledged answer is in the
 * centre's signed result log; the sync pushes it upward and the central engine scores the sessions
 * as if they had been delivered there. A second sync changes nothing.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions, responses, sessionResults } from '../../delivery/tables.ts';
import { resultLogEntries } from '../../centres/tables.ts';
import { sittingCandidates } from '../../sittings/tables.ts';
import { itemBankTables } from '../../../item-bank/index.ts';
import { registerCentre } from '../../centres/commands/register-centre.ts';
import { sealSittingPackage } from '../../centres/commands/seal-sitting-package.ts';
import { generateSigningKeyPair, privateKeyOf } from '../../centres/ed25519.ts';
import { readLogEntries } from '../../centres/result-log-store.ts';
import { signCentreRequest } from '../../centres/signed-request.ts';
import {
  buildSitting,
  checkInCandidate,
  connectCandidate,
  qtiAnswersOf,
  request,
  type CandidateClient,
} from '../support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { prepareCentralSitting } from './support/centre-engines.ts';
import { startCentreEngine } from './support/centre-engine.ts';

const CANDIDATES = 6;
/** By QTI_ITEM_KINDS: marks of the right answer (mapped items up to their upper bound), and an answer worth none. */
const FULL_MARKS = [1, 2, 1, 1, 1.5];
const WRONG = ['C', ['B', 'D'], 'Huế', ['W3', 'W2', 'W1'], ['VN PP']];
let central: TestEngine;
let centre: TestEngine;
let centrePort: number;
let centralUrl: string;
let prepared: Awaited<ReturnType<typeof prepareCentralSitting>>;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  central = await createTestEngine();
  const centralPort = await central.listen(0, '127.0.0.1');
  centralUrl = `http://127.0.0.1:${centralPort}`;
  prepared = await prepareCentralSitting(central, { students: CANDIDATES, items: 5 });
  centre = await startCentreEngine({
    centralUrl: `http://127.0.0.1:${centralPort}`,
    credentialFile: prepared.credentialFile,
  });
  centrePort = await centre.listen(0, '127.0.0.1');
}, 60_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await centre?.dispose();
  await central?.dispose();
});

describe('a centre node runs a sitting from its package', () => {
  it('imports the package, fetches the key at the start time and opens it into its own tables', async () => {
    const imported = await centre.centre!.importFile(prepared.packageFile);
    expect(imported.alreadyHeld).toBe(false);
    expect(await centre.centre!.fetchDueKeys()).toBe(1);
    const [status] = centre.centre!.status();
    expect(status).toMatchObject({ sittingId: prepared.sitting.sittingId });
    const rows = await centre.deps.db
      .select()
      .from(sittingCandidates)
      .where(eq(sittingCandidates.sittingId, prepared.sitting.sittingId));
    expect(rows).toHaveLength(CANDIDATES);
    // Candidate-safe only: the item versions on the centre carry no keys or processing.
    const versions = await centre.deps.db.select().from(itemBankTables.itemVersions);
    const text = JSON.stringify(versions.map((v) => v.model));
    expect(text).not.toContain('correctResponse');
    expect(text).not.toContain('responseProcessing');
    expect(text).not.toContain('mapping');
  });

  it('refuses a wrong date of birth and checks the right one in (the package holds only its keyed hash)', async () => {
    const c = prepared.sitting.candidates[0]!;
    const wrong = await fetch(`http://127.0.0.1:${centrePort}/api/candidate/check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accessCode: prepared.sitting.accessCode,
        candidateNumber: c.candidateNumber,
        dateOfBirth: '01/01/2001',
      }),
    });
    expect(wrong.status).toBe(401);
    const ok = await checkInCandidate(centre, prepared.sitting.accessCode, c);
    expect(ok.sessionId).toBeTruthy();
  });

  it('logs every acknowledged answer, syncs it upward once, and the central engine scores it', async () => {
    const acknowledged: Array<{ sessionId: string; itemRef: string; seq: number }> = [];
    const expectedScore = new Map<string, number>();
    for (const [i, c] of prepared.sitting.candidates.entries()) {
      const { sessionToken, sessionId } = await checkInCandidate(centre, prepared.sitting.accessCode, c);
      const socket = await connectCandidate(centrePort, sessionToken);
      sockets.push(socket);
      const started = await request(socket, 'session:start', {});
      if (!started.ok) throw new Error(JSON.stringify(started));
      let right = 0;
      for (const entry of started.snapshot.form) {
        const ref = entry.itemRef;
        // Candidate i answers the first i items right (full marks), the others wrong (no marks).
        const kind = (Number(ref.slice(1)) - 1) % FULL_MARKS.length;
        const correct = entry.position < i;
        const value = correct ? qtiAnswersOf(ref)[0]! : WRONG[kind]!;
        if (correct) right += FULL_MARKS[kind]!;
        const saved = await request(socket, 'response:save', {
          itemRef: ref,
          seq: 1,
          responses: { RESPONSE: value },
        });
        expect(saved).toMatchObject({ ok: true });
        acknowledged.push({ sessionId, itemRef: ref, seq: 1 });
      }
      expectedScore.set(sessionId, right);
      const submitted = await request(socket, 'submit', { confirm: true });
      expect(submitted).toMatchObject({ ok: true, state: 'submitted' });
    }
    // On the centre: one signed save entry per acknowledged answer.
    const log = await centre.deps.db
      .select()
      .from(resultLogEntries)
      .where(eq(resultLogEntries.sittingId, prepared.sitting.sittingId));
    expect(log.filter((e) => e.kind === 'save')).toHaveLength(acknowledged.length);

    const report = await waitFor(async () => {
      const r = await centre.centre!.sync();
      return r.chains[0]?.centralSeq === r.chains[0]?.localSeq && log.length > 0 ? r : undefined;
    });
    expect(report.chains[0]!.centralSeq).toBeGreaterThanOrEqual(log.length);

    const sessionIds = [...expectedScore.keys()];
    const stored = await central.deps.db
      .select()
      .from(responses)
      .where(inArray(responses.sessionId, sessionIds));
    expect(stored).toHaveLength(acknowledged.length);
    // Scored centrally as a central delivery is: the match_correct / mapped items score 1 when right.
    const results = await waitFor(async () => {
      const rows = await central.deps.db
        .select()
        .from(sessionResults)
        .where(inArray(sessionResults.sessionId, sessionIds));
      return rows.length === sessionIds.length ? rows : undefined;
    });
    for (const r of results) expect(r.rawScore).toBe(expectedScore.get(r.sessionId));
    const sessions = await central.deps.db
      .select({ state: candidateSessions.state })
      .from(candidateSessions)
      .where(inArray(candidateSessions.id, sessionIds));
    expect(sessions.every((s) => s.state === 'scored' || s.state === 'submitted')).toBe(true);

    // Again: nothing new is sent or imported.
    const again = await centre.centre!.sync();
    expect(again.sent).toBe(0);
    const after = await central.deps.db
      .select()
      .from(responses)
      .where(inArray(responses.sessionId, sessionIds));
    expect(after).toHaveLength(acknowledged.length);
  }, 60_000);
});

describe('the central engine refuses over the line', () => {
  const post = async (path: string, payload: unknown, signer?: { centreId: string; privateKey: string }) => {
    const body = JSON.stringify(payload);
    const headers = signer
      ? signCentreRequest(signer.centreId, privateKeyOf(Buffer.from(signer.privateKey, 'base64')), {
          method: 'POST',
          path,
          body,
        })
      : {};
    const res = await fetch(`${centralUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    return {
      status: res.status,
      error: ((await res.json()) as { error?: { id: string; message: string } }).error,
    };
  };

  it('a request without the centre signature, or signed with another key', async () => {
    const unsigned = await post('/api/centre-sync/key', { sittingId: prepared.sitting.sittingId });
    expect(unsigned).toMatchObject({ status: 401, error: { id: 'centre_unauthenticated' } });
    const forged = await post(
      '/api/centre-sync/key',
      { sittingId: prepared.sitting.sittingId },
      {
        centreId: prepared.credential.centreId,
        privateKey: generateSigningKeyPair().privateKeyDer.toString('base64'),
      },
    );
    expect(forged).toMatchObject({ status: 401, error: { id: 'centre_unauthenticated' } });
    expect(forged.error!.message).toContain('not signed by centre');
  });

  it('an early key use: the key of a sitting that starts in an hour is not released, and the centre waits', async () => {
    const later = await buildSitting(central, prepared.tree, prepared.items, {
      opensAt: new Date(Date.now() + 3600_000),
      students: 1,
    });
    const sealed = await sealSittingPackage(
      central.deps.db,
      null,
      { sittingId: later.sittingId, centreIds: [prepared.credential.centreId] },
      { keySecret: central.config.auditKey },
    );
    const early = await post('/api/centre-sync/key', { sittingId: later.sittingId }, prepared.credential);
    expect(early).toMatchObject({ status: 403, error: { id: 'key_too_early' } });
    await centre.centre!.importFile(sealed.file);
    expect(await centre.centre!.fetchDueKeys()).toBe(0);
  });

  it('a tampered log entry, and a log sent by another centre', async () => {
    const entries = await readLogEntries(centre.deps.db, {
      centreId: prepared.credential.centreId,
      sittingId: prepared.sitting.sittingId,
      limit: 3,
    });
    const tampered = entries.map((e, i) => (i === 1 ? { ...e, payload: { ...e.payload, seq: 99 } } : e));
    const altered = await post(
      '/api/centre-sync/log',
      { sittingId: prepared.sitting.sittingId, entries: tampered },
      prepared.credential,
    );
    expect(altered).toMatchObject({ status: 422, error: { id: 'log_entry_tampered' } });
    const other = generateSigningKeyPair();
    const { centreId } = await registerCentre(
      central.deps.db,
      null,
      { organisationId: prepared.tree.schoolA.id, name: 'Điểm thi khác', publicKey: other.publicKey },
      { keySecret: central.config.auditKey },
    );
    const foreign = await post(
      '/api/centre-sync/log',
      { sittingId: prepared.sitting.sittingId, entries },
      { centreId, privateKey: other.privateKeyDer.toString('base64') },
    );
    expect(foreign).toMatchObject({ status: 403, error: { id: 'log_foreign_centre' } });
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
