/**
 * The centre node (CENTRE_MODE=true): the engine on a school's LAN running sittings from sealed
 * packages. It keeps its identity from the credential file, reopens at start the packages whose key
 * it already holds, asks the central engine for the keys of the others from their not-before time
 * (or takes a room code typed by the centre's staff), writes each opened package into its own
 * tables (materialise-package.ts), logs every acknowledged answer and submit in the signed result
 * log, and pushes the log upward whenever the central engine answers: in order, from the central
 * head, with backoff while it does not.
 */
import { readFileSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { eq, isNull, sql } from 'drizzle-orm';
import type { CandidateProjection } from '../../delivery/candidate-items.ts';
import { projectForCandidate } from '../../delivery/project-for-candidate.ts';
import { candidateSessions } from '../../delivery/tables.ts';
import { parseVietnameseDate } from '../../people/roster/roster-row.ts';
import { students } from '../../people/tables.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { centreErrors } from '../centre-errors.ts';
import { centreIdentityOf, type CentreIdentity } from '../centre-identity.ts';
import { importPackage } from '../commands/import-package.ts';
import { openHeldPackage } from '../commands/open-held-package.ts';
import { saveCentreIdentity } from '../commands/save-centre-identity.ts';
import { keyEncryptionKey, openSecret } from '../key-sealing.ts';
import { openPackage, type OpenedPackage, type ReleasedKey } from '../open-package.ts';
import { dateOfBirthCheck } from '../package-content.ts';
import { logFileOf, type LogFile } from '../log-file.ts';
import type { LogEntry } from '../result-log.ts';
import { chainHead, readLogEntries } from '../result-log-store.ts';
import { signCentreRequest } from '../signed-request.ts';
import { centreHeldPackages, resultLogEntries } from '../tables.ts';
import { applyDowntime, lastHeartbeat, writeHeartbeat, type DowntimeOutcome } from './downtime.ts';
import { createLogAppender, type LogAppender } from './log-appender.ts';
import { LoggingResponseWriter } from './logging-writer.ts';
import { findPackagedCandidate, materialisePackage, UNCHECKED_DATE_OF_BIRTH } from './materialise-package.ts';

/** The credential file `npm run centre -- register` writes. */
export interface CentreCredential {
  centreId: string;
  central: { keyId: string; publicKey: string };
  /** PKCS#8 DER, base64. */
  privateKey: string;
}

/** Bytes of entries per sync request (counted generously: two bytes a character). */
const MAX_BATCH_BYTES = 900 * 1024;

export interface SyncReport {
  sent: number;
  imported: number;
  /** Session opens logged again because the central engine held entries of them waiting for it. */
  reopened: number;
  /** Per sitting: the last entry the central engine holds and the last one here. */
  chains: Array<{ sittingId: string; centralSeq: number; localSeq: number }>;
}

/** The central engine's answer to a log batch (import-result-log.ts `ImportedBatch`). */
interface SyncAnswer {
  imported?: number;
  head?: { seq: number };
  awaitingOpen?: string[];
}

export interface CentreNodeOptions {
  /** How often the loops run (default 5 s); a failed push waits longer each time, up to a minute. */
  intervalMs?: number;
  /** Entries per request (default 200). */
  batchSize?: number;
  /** How often the serving node writes its heartbeat to DATA_DIR (default 2 s; downtime.ts). */
  heartbeatMs?: number;
}

export class CentreNode {
  readonly writer: LoggingResponseWriter;
  private log: LogAppender | undefined;
  private identity: CentreIdentity | undefined;
  private readonly opened = new Map<string, OpenedPackage>();
  private readonly centralHeads = new Map<string, number>();
  /** Sessions whose open this process logged again at the central engine's request. */
  private readonly reopened = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** The downtime this node found and applied when it started serving (none: a first start). */
  lastDowntime: DowntimeOutcome | undefined;
  private failures = 0;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /** Submit entries being written, awaited by `stop` so a graceful shutdown leaves none to reconcile. */
  private readonly pendingSubmits = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly config: Readonly<Config>,
    private readonly logger: Logger,
    private readonly options: CentreNodeOptions = {},
  ) {
    this.writer = new LoggingResponseWriter(db, () => this.log);
  }

  private get keySecret() {
    return { keySecret: this.config.auditKey };
  }

  /** Candidate payloads come from the package as they were projected centrally. */
  static readonly projection: CandidateProjection = {
    shared: (model, media) =>
      (model as { centrePayload?: unknown }).centrePayload ?? projectForCandidate.shared(model, media),
    forCandidate: projectForCandidate.forCandidate,
  };

  /** Identity from the credential file, packages reopened, the log ready; loops started when `loops`. */
  async start(loops = true): Promise<void> {
    const kek = keyEncryptionKey(this.config.auditKey);
    try {
      this.identity = await centreIdentityOf(this.db, kek);
    } catch (error) {
      if (!(error instanceof AppError) || error.id !== 'not_a_centre' || !this.config.centre) throw error;
      const credential = JSON.parse(
        readFileSync(this.config.centre.credentialFile, 'utf8'),
      ) as CentreCredential;
      await saveCentreIdentity(
        this.db,
        {
          centreId: credential.centreId,
          central: credential.central,
          centralUrl: this.config.centre.centralUrl,
          privateKeyDer: Buffer.from(credential.privateKey, 'base64'),
        },
        this.keySecret,
      );
      this.identity = await centreIdentityOf(this.db, kek);
    }
    this.log = await createLogAppender(this.db, this.identity);
    // Serving (not a CLI command): the downtime since the last heartbeat gets the exam board's rule
    // before anything else runs, then the heartbeat goes on.
    if (loops) {
      this.lastDowntime = await applyDowntime(this.db, lastHeartbeat(this.config.dataDir));
      if (this.lastDowntime)
        this.logger.warn(
          {
            downtimeMs: this.lastDowntime.downtimeMs,
            paused: this.lastDowntime.paused.length,
            continued: this.lastDowntime.continued.length,
          },
          'centre: restarted after downtime; clocks follow the exam board rule',
        );
      this.beat();
      this.heartbeat = setInterval(() => this.beat(), this.options.heartbeatMs ?? 2000);
      this.heartbeat.unref();
    }
    await this.reopenHeld();
    await this.log.reconcile();
    if (loops) this.schedule(0);
  }

  private beat() {
    try {
      writeHeartbeat(this.config.dataDir);
    } catch (error) {
      this.logger.warn({ err: error }, 'centre: heartbeat not written');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
      this.beat();
    }
    await this.running.catch(() => undefined);
    await Promise.all(this.pendingSubmits);
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().then(
        () => {
          this.failures = 0;
          this.schedule(this.options.intervalMs ?? 5000);
        },
        (error: unknown) => {
          this.failures++;
          const wait = Math.min(60_000, (this.options.intervalMs ?? 5000) * 2 ** Math.min(this.failures, 6));
          this.logger.warn({ err: error, retryInMs: wait }, 'centre: central engine not reachable');
          this.schedule(Math.random() * wait);
        },
      );
    }, delay);
  }

  private async tick() {
    await this.fetchDueKeys();
    await this.sync();
  }

  /** Packages whose key this node holds (sealed) are opened again after a restart. */
  private async reopenHeld() {
    const kek = keyEncryptionKey(this.config.auditKey);
    const held = await this.db.select().from(centreHeldPackages);
    for (const pkg of held) {
      const stored = (pkg.releasedKeys ?? {}) as { sittingKey?: string; roomCodes?: Record<string, string> };
      const purpose = `released:${pkg.packageId}`;
      const keys: ReleasedKey[] = stored.sittingKey
        ? [{ sittingKey: openSecret(kek, purpose, stored.sittingKey) }]
        : Object.entries(stored.roomCodes ?? {}).map(([roomId, sealed]) => ({
            roomId,
            roomCode: openSecret(kek, purpose, sealed).toString('utf8'),
          }));
      for (const key of keys)
        this.remember(
          openPackage(pkg.file, { centreId: this.identity!.centreId, signer: this.identity!.central, key }),
        );
    }
  }

  private remember(opened: OpenedPackage) {
    const known = this.opened.get(opened.header.packageId);
    const rooms = new Map([...(known?.rooms ?? []), ...opened.rooms].map((r) => [r.room.id, r]));
    this.opened.set(opened.header.packageId, { ...opened, rooms: [...rooms.values()] });
  }

  /** Imports a package file (verified, kept sealed until its key). */
  async importFile(file: Buffer) {
    return importPackage(this.db, file, this.keySecret);
  }

  /** Opens a held package with a released key and writes it into the local tables. */
  async open(packageId: string, key: ReleasedKey, now?: Date): Promise<OpenedPackage> {
    const opened = await openHeldPackage(this.db, { packageId, key, now }, this.keySecret);
    await materialisePackage(this.db, opened);
    this.remember(opened);
    return opened;
  }

  private async request(path: string, body: unknown): Promise<unknown> {
    const text = JSON.stringify(body);
    const headers = signCentreRequest(this.identity!.centreId, this.identity!.privateKey, {
      method: 'POST',
      path,
      body: text,
    });
    const res = await fetch(`${this.config.centre!.centralUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: text,
      signal: AbortSignal.timeout(30_000),
    });
    const answer = (await res.json().catch(() => ({}))) as {
      error?: { id: string; message: string; details?: unknown };
    };
    if (!res.ok)
      throw new AppError(
        (res.status >= 500 ? 503 : res.status) as AppError['status'],
        answer.error?.id ?? 'central_error',
        answer.error?.message ?? `The central engine answered ${res.status}.`,
      );
    return answer;
  }

  /** Held packages not yet opened whose time has come: their key from the central engine. */
  async fetchDueKeys(now = new Date()): Promise<number> {
    const waiting = await this.db
      .select({ packageId: centreHeldPackages.packageId, header: centreHeldPackages.header })
      .from(centreHeldPackages)
      .where(isNull(centreHeldPackages.openedAt));
    let opened = 0;
    for (const pkg of waiting) {
      const header = pkg.header as { sittingId: string; notBefore: string };
      if (now < new Date(header.notBefore) || !this.config.centre) continue;
      const answer = (await this.request('/api/centre-sync/key', { sittingId: header.sittingId })) as {
        sittingKey: string;
      };
      await this.open(pkg.packageId, { sittingKey: Buffer.from(answer.sittingKey, 'base64') });
      opened++;
    }
    return opened;
  }

  /** Pushes every chain's entries the central engine does not hold yet, in order. */
  async sync(): Promise<SyncReport> {
    const report: SyncReport = { sent: 0, imported: 0, reopened: 0, chains: [] };
    if (!this.identity || !this.config.centre) return report;
    await this.log!.reconcile();
    const centreId = this.identity.centreId;
    const chains = rowsOf<{ sitting_id: string; seq: number | string }>(
      await this.db.execute(
        sql`select ${resultLogEntries.sittingId} as sitting_id, max(${resultLogEntries.seq}) as seq
            from ${resultLogEntries} where ${resultLogEntries.centreId} = ${centreId} group by 1`,
      ),
    );
    for (const chain of chains) {
      const sittingId = chain.sitting_id;
      let localSeq = Number(chain.seq);
      let head = this.centralHeads.get(sittingId);
      // Sessions the central engine holds entries of but no open for (a log written before the open
      // shared the first entry's transaction): their open is logged again, once per process.
      let awaiting: string[] = [];
      if (head === undefined) {
        const answer = (await this.request('/api/centre-sync/log', { sittingId, entries: [] })) as SyncAnswer;
        head = answer.head?.seq ?? 0;
        awaiting = answer.awaitingOpen ?? [];
      }
      for (;;) {
        while (head < localSeq) {
          const entries = await readLogEntries(this.db, {
            centreId,
            sittingId,
            afterSeq: head,
            limit: this.options.batchSize ?? 200,
          });
          if (!entries.length) break;
          // A request stays under the 1 MB every /api body is held to (an essay answer is at most ~300 kB).
          let bytes = 0;
          const fit = entries.findIndex((e) => (bytes += JSON.stringify(e).length * 2) > MAX_BATCH_BYTES);
          if (fit > 0) entries.length = fit;
          const answer = (await this.request('/api/centre-sync/log', { sittingId, entries })) as SyncAnswer;
          report.sent += entries.length;
          report.imported += answer.imported ?? 0;
          head = answer.head?.seq ?? head;
          awaiting = answer.awaitingOpen ?? [];
          this.centralHeads.set(sittingId, head);
        }
        const reopen = awaiting.filter((id) => !this.reopened.has(id));
        awaiting = [];
        if (!reopen.length) break;
        reopen.forEach((id) => this.reopened.add(id));
        const logged = await this.log!.reopen(reopen, 'central_awaits_open');
        this.logger.warn(
          { sittingId, sessions: reopen.length, logged },
          'centre: session opens logged again',
        );
        report.reopened += logged;
        if (!logged) break;
        localSeq = (await chainHead(this.db, { centreId, sittingId }))?.seq ?? localSeq;
      }
      this.centralHeads.set(sittingId, head);
      report.chains.push({ sittingId, centralSeq: head, localSeq });
    }
    return report;
  }

  /**
   * The USB fallback: a sitting's whole chain as a log file (log-file.ts), submits a crash left out of
   * the log added first, for the exam board to import centrally when no line comes back.
   */
  async exportLog(sittingId: string): Promise<LogFile> {
    if (!this.identity || !this.log) throw centreErrors.notACentre();
    await this.log.reconcile();
    const chain = { centreId: this.identity.centreId, sittingId };
    const entries: LogEntry[] = [];
    for (;;) {
      const page = await readLogEntries(this.db, {
        ...chain,
        afterSeq: entries.at(-1)?.seq ?? 0,
        limit: 5000,
      });
      entries.push(...page);
      if (page.length < 5000) break;
    }
    if (!entries.length) throw errors.notFound(`A result log of sitting ${sittingId} on this centre`);
    return logFileOf(chain, entries);
  }

  /** After a submit is durable here: its entry in the log (reconcile catches one lost to a crash). */
  onSubmitted(sessionId: string) {
    const pending = (async () => {
      const [s] = await this.db
        .select({ submittedAt: candidateSessions.submittedAt, submittedBy: candidateSessions.submittedBy })
        .from(candidateSessions)
        .where(eq(candidateSessions.id, sessionId));
      await this.log?.append(sessionId, 'submit', {
        submittedAt: (s?.submittedAt ?? new Date()).toISOString(),
        submittedBy: s?.submittedBy ?? null,
      });
    })().catch((error: unknown) =>
      this.logger.warn({ err: error, sessionId }, 'centre: submit not logged yet'),
    );
    this.pendingSubmits.add(pending);
    void pending.finally(() => this.pendingSubmits.delete(pending));
  }

  /**
   * Before delivery's check-in: a candidate of an opened package whose date of birth this node does
   * not know yet is matched against the package's keyed hash; on a match the date is kept, so
   * delivery's own check-in (throttle, session, token) goes on as on the central engine.
   */
  async prepareCheckIn(body: unknown): Promise<void> {
    const b = (body ?? {}) as { accessCode?: unknown; candidateNumber?: unknown; dateOfBirth?: unknown };
    if (typeof b.accessCode !== 'string' || typeof b.candidateNumber !== 'string') return;
    if (typeof b.dateOfBirth !== 'string') return;
    const dob = parseVietnameseDate(b.dateOfBirth);
    if (!dob) return;
    for (const opened of this.opened.values()) {
      const found = findPackagedCandidate(opened, b.accessCode, b.candidateNumber);
      if (!found) continue;
      const typed = dateOfBirthCheck(
        Buffer.from(opened.common.credentialKey, 'base64'),
        b.candidateNumber.toUpperCase(),
        dob,
      );
      const a = Buffer.from(typed);
      const e = Buffer.from(found.dateOfBirthCheck);
      if (a.length !== e.length || !timingSafeEqual(a, e)) return;
      const [student] = await this.db
        .select({ dateOfBirth: students.dateOfBirth })
        .from(students)
        .where(eq(students.id, found.sittingCandidateId));
      if (student?.dateOfBirth === UNCHECKED_DATE_OF_BIRTH)
        await this.db
          .update(students)
          .set({ dateOfBirth: dob })
          .where(eq(students.id, found.sittingCandidateId));
      return;
    }
  }

  status() {
    return [...this.opened.values()].map((o) => ({
      packageId: o.header.packageId,
      sittingId: o.header.sittingId,
      sittingName: o.header.sittingName,
      rooms: o.rooms.map((r) => ({ id: r.room.id, name: r.room.name, candidates: r.candidates.length })),
      centralSeq: this.centralHeads.get(o.header.sittingId) ?? null,
    }));
  }
}
