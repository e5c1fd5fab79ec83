/**
 * Issue 26 #7, the outside anchor: audit checkpoints are signed with Ed25519 as well as the HMAC,
 * so the e-records service (or anyone given the public key that `npm run audit:verify --
 * --public-key` prints) can check them without the audit key, and they are published through the
 * e-records feed. Someone who holds the database and DATA_DIR can cut rows off the end and cut the
 * checkpoint file back to match, and the file alone no longer tells; the copies the e-records
 * service received still do (`audit:verify --feed`).
 *
 * The verifier runs in-process (runAuditVerify, the function the CLI runs); one case spawns the
 * real CLI, so its wiring (arguments, output stream, exit code) stays covered.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../engine.ts';
import { appendAudit } from '../../people/audit-log.ts';
import { auditReport } from '../../people/audit-report.ts';
import { runAuditVerify } from '../../people/audit-verify-command.ts';
import { checkpointPath, type PublishedCheckpoint } from '../../people/audit-checkpoints.ts';
import {
  checkpointPublicKey,
  checkpointSignatureHolds,
  checkpointSigner,
} from '../../people/audit-checkpoint-signature.ts';
import { auditLog } from '../../people/tables.ts';
import { createLogger } from '../../platform/logger.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from '../../records/erecords-deliverer.ts';
import { createPersistentStore, repoRoot, tsxBin } from '../support/persistent-engine.ts';

const run = promisify(execFile);
const SECRET = 'e-records-shared-secret-for-the-feed';

type Store = Awaited<ReturnType<typeof createPersistentStore>>;
let store: Store;
let receiver: Server;
let url: string;
/** What the e-records service stored: bodies whose transport signature held, by idempotency key. */
const received = new Map<string, PublishedCheckpoint>();
let badTransport = 0;

beforeAll(async () => {
  store = await createPersistentStore();
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers[TIMESTAMP_HEADER]);
      if (req.headers[SIGNATURE_HEADER] !== signBody(SECRET, timestamp, body)) {
        badTransport++;
        res.writeHead(401).end();
        return;
      }
      const key = String(req.headers['idempotency-key']);
      if (received.has(key)) return void res.writeHead(409).end();
      received.set(key, JSON.parse(body) as PublishedCheckpoint);
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/erecords`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await store.remove();
});

/** An engine configured with the e-records endpoint (not listening: the feed needs no HTTP server). */
const openWithFeed = () =>
  createEngine(
    { ...store.config, erecords: { url, secret: SECRET, maxAttempts: 8 } },
    { logger: createLogger('silent') },
  );

async function appendEntries(n: number, from: number) {
  const engine = await openWithFeed();
  for (let i = 0; i < n; i++)
    await appendAudit(engine.deps.db, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: String(from + i),
      details: { username: `u${from + i}` },
    });
  await engine.close();
}

const feedFile = (payloads: unknown[]) => {
  const file = path.join(store.config.dataDir, '..', `feed-${Date.now()}-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify(payloads));
  return file;
};

describe(
  'audit checkpoints signed with Ed25519 and published through the e-records feed',
  // Each case opens the store's engine a few times (PGlite: seconds of CPU each), which a busy
  // machine stretches to minutes.
  { timeout: 300_000 },
  () => {
    it('publishes each run’s checkpoints, which verify with the public key alone', async () => {
      await appendEntries(3, 0);
      await appendEntries(3, 3);
      expect(badTransport).toBe(0);
      const payloads = [...received.values()];
      expect(payloads.every((p) => p.kind === 'audit_checkpoint')).toBe(true);
      expect(Math.max(...payloads.map((p) => p.checkpoint.count))).toBe(6);

      // The public key as the CLI prints it for the e-records service: no audit key on that side.
      const { code, stdout } = await verify(['--public-key']);
      expect(code).toBe(0);
      const pem = stdout.slice(stdout.indexOf('-----BEGIN PUBLIC KEY-----')).trim();
      const publicKey = checkpointPublicKey(pem);
      expect(stdout).toContain(checkpointSigner(store.config.auditKey).keyId);
      for (const p of payloads) {
        expect(p.keyId).toBe(checkpointSigner(store.config.auditKey).keyId);
        expect(checkpointSignatureHolds(p.checkpoint, p.signature, publicKey)).toBe(true);
        // Changing anything in a checkpoint breaks its signature.
        expect(
          checkpointSignatureHolds(
            { ...p.checkpoint, count: p.checkpoint.count + 1 },
            p.signature,
            publicKey,
          ),
        ).toBe(false);
      }
      // The lines in DATA_DIR carry the same signature.
      const lines = readFileSync(checkpointPath(store.config.dataDir), 'utf8').trim().split('\n');
      const last = JSON.parse(lines.at(-1)!) as PublishedCheckpoint['checkpoint'] & { sig: string };
      expect(checkpointSignatureHolds(last, last.sig, publicKey)).toBe(true);
    });

    it('catches rows cut off the end with the checkpoint file cut back to match, by the feed’s copies', async () => {
      const feed = feedFile([...received.values()]);
      const intact = await report(feed);
      expect(intact).toMatchObject({ intact: true });
      expect(intact.message).toMatch(/Audit log intact: 6 entries, .* checkpoints hold \(\d+ of them from /);

      // The attacker holds the database and DATA_DIR, not the key: delete the last two entries and
      // every checkpoint line that saw them.
      const engine = await store.open({ auditCheckpoints: false });
      const [head] = await engine.deps.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
      const keep = head!.seq - 2;
      await engine.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await engine.deps.db.execute(sql`delete from audit_log where seq > ${keep}`);
      await engine.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
      await engine.close();
      const file = checkpointPath(store.config.dataDir);
      const kept = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter((line) => (JSON.parse(line) as { seq: number }).seq <= keep);
      writeFileSync(file, `${kept.join('\n')}\n`);

      // The file alone is fooled (this is what the outside copy is for).
      const local = await verify([]);
      expect(local.code).toBe(0);
      expect(local.stdout).toMatch(/Audit log intact: 4 entries/);
      // The e-records service's copies are not: checked by the real CLI, this file's one child
      // process, so its exit code and stderr are the command line's own.
      const outside = await run(tsxBin, ['scripts/audit-verify.ts', '--feed', feed], {
        cwd: repoRoot,
        env: store.env,
      }).then(
        () => ({ code: 0, output: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
      );
      expect(outside.code).toBe(1);
      expect(outside.output).toMatch(
        new RegExp(`BROKEN at entry ${keep + 2}: .*saw 6 entries .*entries were deleted from the end`),
      );
    });

    it('refuses a feed copy that was edited, or signed by another key', async () => {
      const genuine = [...received.values()];
      const newest = genuine.reduce((a, b) => (b.checkpoint.count > a.checkpoint.count ? b : a));
      const edited = {
        ...newest,
        checkpoint: { ...newest.checkpoint, count: 4, seq: newest.checkpoint.seq - 2 },
      };
      const other = checkpointSigner('another-engine-audit-key-that-is-long-enough');
      const foreign = { ...edited, keyId: other.keyId, signature: other.sign(edited.checkpoint) };
      for (const [name, forged] of [
        ['edited', edited],
        ['another key', foreign],
      ] as const) {
        const feed = feedFile([...genuine.filter((p) => p !== newest), forged]);
        const refused = await report(feed);
        expect(refused.intact, name).toBe(false);
        expect(refused.message, name).toMatch(
          /Published audit checkpoints BROKEN: entry \d+ of .*: its signature is not the engine’s checkpoint key’s/,
        );
      }
    });

    it('refuses a checkpoint line whose Ed25519 signature was replaced', async () => {
      const file = checkpointPath(store.config.dataDir);
      const original = readFileSync(file, 'utf8');
      const lines = original.trim().split('\n');
      const line = JSON.parse(lines.at(-1)!) as { sig: string };
      const other = checkpointSigner('another-engine-audit-key-that-is-long-enough');
      line.sig = other.sign(JSON.parse(lines.at(-1)!) as PublishedCheckpoint['checkpoint']);
      writeFileSync(file, `${[...lines.slice(0, -1), JSON.stringify(line)].join('\n')}\n`);
      try {
        const refused = await report();
        expect(refused.intact).toBe(false);
        expect(refused.message).toMatch(/line \d+ .*its Ed25519 signature is not the checkpoint key’s/);
      } finally {
        writeFileSync(file, original);
      }
    });
  },
);

/** `npm run audit:verify <args>` in-process: the CLI's own function, its exit code and output. */
async function verify(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runAuditVerify({
    open: (config) => createEngine(config, { logger: undefined, auditCheckpoints: false }),
    args,
    env: store.env,
    out: (line) => stdout.push(`${line}\n`),
    err: (line) => stderr.push(`${line}\n`),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** What `npm run audit:verify [--feed file]` reports, in-process (one engine open at a time on a store). */
async function report(feed?: string) {
  const engine = await store.open({ auditCheckpoints: false });
  try {
    return await auditReport(engine.deps.db, store.config.dataDir, store.config.auditKey, {
      feed: feed ? { text: readFileSync(feed, 'utf8'), source: feed } : undefined,
    });
  } finally {
    await engine.close();
  }
}
