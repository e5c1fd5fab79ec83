/**
 * A sitting run on a real centre node, for the exam board's views (routes and page tests): a centre
 * registered with the central engine (its credential file written), then, given a package file
 * sealed for it, a centre node that imports the package, fetches its key from the central engine,
 * seats candidates by plan (absent; answers without a submit; answers and a submit) and exports the
 * sitting's log to a file with `npm run centre -- export-log`, as the USB fallback does.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCentreArgs, runCentreCommand, type CentreCommand } from '../../../centres/centre-cli.ts';
import { registerCentre } from '../../../centres/commands/register-centre.ts';
import { generateSigningKeyPair } from '../../../centres/ed25519.ts';
import type { CentreCredential } from '../../../centres/node/centre-node.ts';
import type { Engine } from '../../../engine.ts';
import {
  checkInCandidate,
  connectCandidate,
  qtiAnswersOf,
  request,
  type CandidateClient,
} from '../../support/delivery-fixtures.ts';
import type { TestEngine } from '../../support/test-engine.ts';
import { startCentreEngine } from './centre-engine.ts';

/** Full marks of the fixture's QTI items by kind (delivery-fixtures' QTI_ITEM_KINDS, 5 kinds). */
const FULL_MARKS = [1, 2, 1, 1, 1.5];
const WRONG = ['C', ['B', 'D'], 'Huế', ['W3', 'W2', 'W1'], ['VN PP']];

export async function registerTestCentre(
  central: Engine & { config: { auditKey: string } },
  organisationId: string,
  name = `Điểm thi ${Date.now()}`,
) {
  const keys = generateSigningKeyPair();
  const registered = await registerCentre(
    central.deps.db,
    null,
    { organisationId, name, publicKey: keys.publicKey },
    { keySecret: central.config.auditKey },
  );
  const credential: CentreCredential = {
    centreId: registered.centreId,
    central: registered.central,
    privateKey: keys.privateKeyDer.toString('base64'),
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'exam-centre-cred-'));
  const credentialFile = path.join(dir, 'centre.json');
  writeFileSync(credentialFile, JSON.stringify(credential), { mode: 0o600 });
  return { credential, credentialFile, name };
}

/** What each rostered candidate does at the centre, in roster order. */
export type CandidatePlan = 'absent' | 'answers' | 'submits';

export interface CentreRun {
  centre: TestEngine;
  /** The exported log file's path and text. */
  logFile: string;
  logText: string;
  entries: number;
  /** Per candidate number: answers acknowledged, submitted, the raw score expected when scored. */
  outcome: Map<string, { saves: number; submitted: boolean; score: number }>;
  close(): Promise<void>;
}

/** Runs the plan on a centre node started against `centralUrl` with the given package file. */
export async function runSittingAtCentre(options: {
  centralUrl: string;
  credentialFile: string;
  packageFile: Buffer;
  accessCode: string;
  candidates: Array<{ candidateNumber: string; dateOfBirth: string } & Record<string, unknown>>;
  plan: CandidatePlan[];
}): Promise<CentreRun> {
  const centre = await startCentreEngine({
    centralUrl: options.centralUrl,
    credentialFile: options.credentialFile,
  });
  // The line is down for this run: the log reaches the central engine only by file (the USB fallback). The node's
  // own sync loop is stopped before anything is logged; on a loaded machine it otherwise pushed the log first.
  await centre.centre!.stop();
  const sockets: CandidateClient[] = [];
  const close = async () => {
    sockets.forEach((s) => s.disconnect());
    await centre.dispose();
  };
  try {
    const port = await centre.listen(0, '127.0.0.1');
    const { header } = await centre.centre!.importFile(options.packageFile);
    if ((await centre.centre!.fetchDueKeys()) < 1) throw new Error('the centre got no key');
    const outcome: CentreRun['outcome'] = new Map();
    for (const [i, candidate] of options.candidates.entries()) {
      const plan = options.plan[i] ?? 'absent';
      if (plan === 'absent') continue;
      const { sessionToken } = await checkInCandidate(
        centre,
        options.accessCode,
        candidate as Parameters<typeof checkInCandidate>[2],
      );
      const socket = await connectCandidate(port, sessionToken);
      sockets.push(socket);
      const started = await request(socket, 'session:start', {});
      if (!started.ok) throw new Error(JSON.stringify(started));
      let score = 0;
      let saves = 0;
      for (const entry of started.snapshot.form) {
        const kind = (Number(entry.itemRef.slice(1)) - 1) % FULL_MARKS.length;
        // Candidate i answers its first i + 1 delivered items right, the rest wrong.
        const correct = entry.position <= i;
        if (correct) score += FULL_MARKS[kind]!;
        const saved = await request(socket, 'response:save', {
          itemRef: entry.itemRef,
          seq: 1,
          responses: { RESPONSE: correct ? qtiAnswersOf(entry.itemRef)[0]! : WRONG[kind]! },
        });
        if (!saved.ok) throw new Error(JSON.stringify(saved));
        saves++;
      }
      if (plan === 'submits') {
        const submitted = await request(socket, 'submit', { confirm: true });
        if (!submitted.ok) throw new Error(JSON.stringify(submitted));
      }
      outcome.set(candidate.candidateNumber, { saves, submitted: plan === 'submits', score });
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'exam-centre-run-'));
    const logFile = path.join(dir, `${header.sittingId}.log.json`);
    const parsed = parseCentreArgs(['export-log', '--sitting', header.sittingId, '--out', logFile]);
    if ('exitCode' in parsed) throw new Error(parsed.output);
    const exported = await runCentreCommand(
      centre.deps.db,
      { keySecret: centre.config.auditKey },
      parsed as CentreCommand,
      centre.centre,
    );
    if (exported.exitCode !== 0) throw new Error(exported.output);
    const logText = readFileSync(logFile, 'utf8');
    const entries = (JSON.parse(logText) as { entries: unknown[] }).entries.length;
    return { centre, logFile, logText, entries, outcome, close };
  } catch (error) {
    await close();
    throw error;
  }
}
