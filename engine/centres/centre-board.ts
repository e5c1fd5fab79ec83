/**
 * What the exam board reads about its test centres (issue 22), from the tables the central engine
 * keeps and nothing else: per centre, the packages sealed for it, the keys released to it (online,
 * or room codes read out), and per sitting the result log received (entries, head, last import,
 * whether the chain held is whole, entries waiting for their session's open, the last refused
 * import); and per centre and sitting the reconciliation of the package's roster against the log
 * and the central sessions, answers and scores. Read-only: no command here.
 *
 * "Verified" is what the import guarantees: no entry is stored without its hash, its centre's
 * signature and its link to the entry before it checked (verify-log-batch.ts), so a chain whose
 * entries run 1..head without a gap is verified whole; the reads here do not check signatures again.
 */
import { and, asc, count, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { inScope, type StaffActor } from '../people/actor.ts';
import { auditLog, organisations, students } from '../people/tables.ts';
import { candidateSessions, responses, sessionResults } from '../delivery/tables.ts';
import type { Executor } from '../platform/db/database.ts';
import { errors } from '../platform/errors.ts';
import { isUuid } from '../people/organisation-ref.ts';
import { sittingCandidates, sittingRooms, sittings } from '../sittings/tables.ts';
import {
  centreKeyReleases,
  centrePackages,
  centres,
  deferredLogEntries,
  resultLogEntries,
} from './tables.ts';

/** A centre the actor may see (its organisation in the actor's subtree), else undefined. */
export async function centreInScope(
  db: Executor,
  actor: Pick<StaffActor, 'scopePath'>,
  centreId: unknown,
): Promise<
  | {
      id: string;
      name: string;
      organisationId: string;
      organisationName: string;
      organisationKind: 'department' | 'district_office' | 'school';
      path: string;
    }
  | undefined
> {
  if (!isUuid(centreId)) return undefined;
  const [row] = await db
    .select({
      id: centres.id,
      name: centres.name,
      organisationId: centres.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      path: organisations.path,
    })
    .from(centres)
    .innerJoin(organisations, eq(organisations.id, centres.organisationId))
    .where(eq(centres.id, centreId));
  return row && inScope(actor, row.path) ? row : undefined;
}

/** A sitting the actor may see, else a 404 (another organisation's sitting is not named as existing). */
export async function sittingInScope(
  db: Executor,
  actor: Pick<StaffActor, 'scopePath'>,
  sittingId: string,
): Promise<{ id: string; name: string; opensAt: Date; organisationId: string }> {
  const [row] = isUuid(sittingId)
    ? await db
        .select({
          id: sittings.id,
          name: sittings.name,
          opensAt: sittings.opensAt,
          organisationId: sittings.organisationId,
          path: organisations.path,
        })
        .from(sittings)
        .innerJoin(organisations, eq(organisations.id, sittings.organisationId))
        .where(eq(sittings.id, sittingId))
    : [];
  if (!row || !inScope(actor, row.path)) throw errors.notFound(`Sitting ${sittingId}`);
  return row;
}

export interface CentreLogStatus {
  /** Entries held centrally, the chain's last sequence number, when the last entry arrived. */
  entries: number;
  headSeq: number;
  lastImportAt: string;
  /** Every entry from 1 to the head is held (each was verified on import). */
  verified: boolean;
  /** Entries held but not applied yet: their session's open has not arrived. */
  deferredWaiting: number;
}

export interface CentreSittingStatus {
  sittingId: string;
  sittingName: string;
  opensAt: string;
  packages: Array<{
    packageId: string;
    sealedAt: string;
    notBefore: string;
    bytes: number;
    rooms: Array<{ id: string; name: string }>;
  }>;
  key: {
    /** Released to the centre over the line (first time), or null. */
    onlineAt: string | null;
    /** Room codes issued for this centre's rooms (by the page for this centre, or by the CLI). */
    roomCodes: Array<{ roomId: string; roomName: string; at: string }>;
  };
  log: CentreLogStatus | null;
  /** The last import of this chain that was refused (its error id), if any. */
  lastRefusal: { error: string; message: string; at: string; via: 'sync' | 'file' } | null;
}

export interface CentreStatus {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  registeredAt: string;
  sittings: CentreSittingStatus[];
}

const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();

/** Every centre in the actor's subtree, with what was sealed for it, released to it and received from it. */
export async function listCentres(
  db: Executor,
  actor: Pick<StaffActor, 'scopePath'>,
): Promise<CentreStatus[]> {
  const rows = await db
    .select({
      id: centres.id,
      name: centres.name,
      organisationId: centres.organisationId,
      organisationName: organisations.name,
      createdAt: centres.createdAt,
    })
    .from(centres)
    .innerJoin(organisations, eq(organisations.id, centres.organisationId))
    .where(sql`${organisations.path} like ${`${actor.scopePath}%`}`)
    .orderBy(asc(organisations.name), asc(centres.name));
  const out: CentreStatus[] = [];
  for (const centre of rows)
    out.push({
      id: centre.id,
      name: centre.name,
      organisationId: centre.organisationId,
      organisationName: centre.organisationName,
      registeredAt: iso(centre.createdAt),
      sittings: await sittingsOfCentre(db, centre.id),
    });
  return out;
}

async function sittingsOfCentre(db: Executor, centreId: string): Promise<CentreSittingStatus[]> {
  const packages = await db
    .select({
      id: centrePackages.id,
      sittingId: centrePackages.sittingId,
      roomIds: centrePackages.roomIds,
      notBefore: centrePackages.notBefore,
      byteLength: centrePackages.byteLength,
      createdAt: centrePackages.createdAt,
    })
    .from(centrePackages)
    .where(sql`${centreId}::uuid = any(${centrePackages.centreIds})`)
    .orderBy(asc(centrePackages.createdAt));
  const logs = await db
    .select({
      sittingId: resultLogEntries.sittingId,
      entries: count(),
      headSeq: max(resultLogEntries.seq),
      lastImportAt: max(resultLogEntries.storedAt),
    })
    .from(resultLogEntries)
    .where(eq(resultLogEntries.centreId, centreId))
    .groupBy(resultLogEntries.sittingId);
  const sittingIds = [...new Set([...packages.map((p) => p.sittingId), ...logs.map((l) => l.sittingId)])];
  if (!sittingIds.length) return [];
  const [sittingRows, roomRows, releases, deferred, refusals] = await Promise.all([
    db
      .select({ id: sittings.id, name: sittings.name, opensAt: sittings.opensAt })
      .from(sittings)
      .where(inArray(sittings.id, sittingIds)),
    db
      .select({ id: sittingRooms.id, name: sittingRooms.name })
      .from(sittingRooms)
      .where(inArray(sittingRooms.sittingId, sittingIds)),
    db
      .select({
        sittingId: centreKeyReleases.sittingId,
        centreId: centreKeyReleases.centreId,
        roomId: centreKeyReleases.roomId,
        how: centreKeyReleases.how,
        at: centreKeyReleases.releasedAt,
      })
      .from(centreKeyReleases)
      .where(inArray(centreKeyReleases.sittingId, sittingIds))
      .orderBy(asc(centreKeyReleases.releasedAt)),
    db
      .select({ sittingId: deferredLogEntries.sittingId, n: count() })
      .from(deferredLogEntries)
      .where(and(eq(deferredLogEntries.centreId, centreId), isNull(deferredLogEntries.appliedAt)))
      .groupBy(deferredLogEntries.sittingId),
    db
      .select({ at: auditLog.at, details: auditLog.details })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.subjectType, 'centre'),
          eq(auditLog.subjectId, centreId),
          eq(auditLog.action, 'centre.log_refused'),
        ),
      )
      .orderBy(desc(auditLog.seq))
      .limit(200),
  ]);
  const roomName = new Map(roomRows.map((r) => [r.id, r.name]));
  return sittingIds
    .map((sittingId): CentreSittingStatus => {
      const sitting = sittingRows.find((s) => s.id === sittingId);
      const own = packages.filter((p) => p.sittingId === sittingId);
      const packagedRooms = new Set(own.flatMap((p) => p.roomIds));
      const keyRows = releases.filter((r) => r.sittingId === sittingId);
      const online = keyRows.find((r) => r.how === 'online' && r.centreId === centreId);
      const codes = keyRows.filter(
        (r) =>
          r.how === 'room_code' &&
          r.roomId &&
          (r.centreId === centreId || (r.centreId === null && packagedRooms.has(r.roomId))),
      );
      const log = logs.find((l) => l.sittingId === sittingId);
      const waiting = deferred.find((d) => d.sittingId === sittingId)?.n ?? 0;
      const refusal = refusals.find((r) => (r.details as { sittingId?: string }).sittingId === sittingId);
      const refused = refusal?.details as { error?: string; message?: string; via?: string } | undefined;
      return {
        sittingId,
        sittingName: sitting?.name ?? sittingId,
        opensAt: sitting ? iso(sitting.opensAt) : '',
        packages: own.map((p) => ({
          packageId: p.id,
          sealedAt: iso(p.createdAt),
          notBefore: iso(p.notBefore),
          bytes: p.byteLength,
          rooms: p.roomIds.map((id) => ({ id, name: roomName.get(id) ?? id })),
        })),
        key: {
          onlineAt: online ? iso(online.at) : null,
          roomCodes: codes.map((r) => ({
            roomId: r.roomId!,
            roomName: roomName.get(r.roomId!) ?? r.roomId!,
            at: iso(r.at),
          })),
        },
        log:
          log && log.headSeq !== null && log.lastImportAt !== null
            ? {
                entries: log.entries,
                headSeq: Number(log.headSeq),
                lastImportAt: iso(log.lastImportAt),
                verified: log.entries === Number(log.headSeq),
                deferredWaiting: waiting,
              }
            : null,
        lastRefusal:
          refusal && refused?.error
            ? {
                error: refused.error,
                message: refused.message ?? '',
                at: iso(refusal.at),
                via: refused.via === 'file' ? 'file' : 'sync',
              }
            : null,
      };
    })
    .sort((a, b) => b.opensAt.localeCompare(a.opensAt));
}

export interface ReconciliationCandidate {
  sittingCandidateId: string;
  candidateNumber: string;
  fullName: string;
  roomId: string;
  roomName: string;
  /** The centre's log holds the session's open (the session id the centre gave it). */
  sessionId: string | null;
  opened: boolean;
  /** Save entries received in the log for the session, and answers the central engine holds from them. */
  savesReceived: number;
  answersHeld: number;
  /** A submit entry received. */
  submitted: boolean;
  /** The central session's state (null: no session centrally). */
  centralState: string | null;
  /** Scored centrally: the current result's raw and maximum score. */
  scored: boolean;
  rawScore: number | null;
  maxScore: number | null;
  /** Entries of the session waiting (not applied). */
  deferred: number;
}

export interface Reconciliation {
  centre: { id: string; name: string };
  sitting: { id: string; name: string; opensAt: string };
  packages: Array<{ packageId: string; sealedAt: string }>;
  log: CentreLogStatus | null;
  candidates: ReconciliationCandidate[];
  totals: {
    rostered: number;
    opened: number;
    savesReceived: number;
    answersHeld: number;
    submitted: number;
    scored: number;
    deferred: number;
  };
  missing: {
    /** Rostered but no session opened at the centre (absent, or the log has not come yet). */
    notOpened: string[];
    /** Opened but no submit received. */
    openedNotSubmitted: string[];
    /** Candidates with entries waiting for their session's open. */
    deferred: string[];
    /** Sessions with waiting entries whose open has not arrived at all (no candidate known yet). */
    sessionsAwaitingOpen: string[];
  };
}

/** The per-centre reconciliation of a sitting: the package's roster against what the log brought. */
export async function centreReconciliation(
  db: Executor,
  actor: Pick<StaffActor, 'scopePath'>,
  centreId: string,
  sittingId: string,
): Promise<Reconciliation> {
  const centre = await centreInScope(db, actor, centreId);
  if (!centre) throw errors.notFound(`Centre ${centreId}`);
  const sitting = await sittingInScope(db, actor, sittingId);
  const chain = and(eq(resultLogEntries.centreId, centreId), eq(resultLogEntries.sittingId, sittingId));
  const packages = await db
    .select({ id: centrePackages.id, roomIds: centrePackages.roomIds, createdAt: centrePackages.createdAt })
    .from(centrePackages)
    .where(
      and(eq(centrePackages.sittingId, sittingId), sql`${centreId}::uuid = any(${centrePackages.centreIds})`),
    )
    .orderBy(asc(centrePackages.createdAt));
  const [logRow] = await db
    .select({
      entries: count(),
      headSeq: max(resultLogEntries.seq),
      lastImportAt: max(resultLogEntries.storedAt),
    })
    .from(resultLogEntries)
    .where(chain);
  if (!packages.length && !logRow?.entries)
    throw errors.notFound(`A package of sitting ${sittingId} sealed for centre ${centreId}`);
  const roomIds = [...new Set(packages.flatMap((p) => p.roomIds))];

  const roster = roomIds.length
    ? await db
        .select({
          id: sittingCandidates.id,
          candidateNumber: sittingCandidates.candidateNumber,
          fullName: students.fullName,
          roomId: sittingCandidates.roomId,
          roomName: sittingRooms.name,
        })
        .from(sittingCandidates)
        .innerJoin(students, eq(students.id, sittingCandidates.studentId))
        .innerJoin(sittingRooms, eq(sittingRooms.id, sittingCandidates.roomId))
        .where(and(eq(sittingCandidates.sittingId, sittingId), inArray(sittingCandidates.roomId, roomIds)))
        .orderBy(asc(sittingCandidates.candidateNumber))
    : [];

  // The log: session opens (candidate -> session), saves and submits per session.
  const opens = await db
    .select({
      sessionId: sql<string>`${resultLogEntries.payload}->>'sessionId'`,
      candidateId: sql<string>`${resultLogEntries.payload}->>'sittingCandidateId'`,
    })
    .from(resultLogEntries)
    .where(
      and(
        chain,
        eq(resultLogEntries.kind, 'event'),
        sql`${resultLogEntries.payload}->>'type' = 'session_open'`,
      ),
    )
    .orderBy(asc(resultLogEntries.seq));
  const perSession = await db
    .select({
      sessionId: sql<string>`${resultLogEntries.payload}->>'sessionId'`,
      kind: resultLogEntries.kind,
      n: count(),
    })
    .from(resultLogEntries)
    .where(and(chain, inArray(resultLogEntries.kind, ['save', 'submit'])))
    .groupBy(sql`${resultLogEntries.payload}->>'sessionId'`, resultLogEntries.kind);
  const waiting = await db
    .select({ sessionId: deferredLogEntries.sessionId, n: count() })
    .from(deferredLogEntries)
    .where(
      and(
        eq(deferredLogEntries.centreId, centreId),
        eq(deferredLogEntries.sittingId, sittingId),
        isNull(deferredLogEntries.appliedAt),
      ),
    )
    .groupBy(deferredLogEntries.sessionId);

  const sessionOfCandidate = new Map<string, string>();
  for (const o of opens)
    if (!sessionOfCandidate.has(o.candidateId)) sessionOfCandidate.set(o.candidateId, o.sessionId);
  const sessionIds = [...new Set(sessionOfCandidate.values())];
  const [central, answers, results] = sessionIds.length
    ? await Promise.all([
        db
          .select({ id: candidateSessions.id, state: candidateSessions.state })
          .from(candidateSessions)
          .where(inArray(candidateSessions.id, sessionIds)),
        db
          .select({ sessionId: responses.sessionId, n: count() })
          .from(responses)
          .where(inArray(responses.sessionId, sessionIds))
          .groupBy(responses.sessionId),
        db
          .select({
            sessionId: sessionResults.sessionId,
            version: sessionResults.version,
            rawScore: sessionResults.rawScore,
            maxScore: sessionResults.maxScore,
          })
          .from(sessionResults)
          .where(inArray(sessionResults.sessionId, sessionIds))
          .orderBy(asc(sessionResults.version)),
      ])
    : [[], [], []];

  const entriesOf = (sessionId: string | undefined, kind: 'save' | 'submit') =>
    sessionId ? (perSession.find((r) => r.sessionId === sessionId && r.kind === kind)?.n ?? 0) : 0;
  const candidates = roster.map((c): ReconciliationCandidate => {
    const sessionId = sessionOfCandidate.get(c.id);
    const result = sessionId ? results.filter((r) => r.sessionId === sessionId).at(-1) : undefined;
    return {
      sittingCandidateId: c.id,
      candidateNumber: c.candidateNumber,
      fullName: c.fullName,
      roomId: c.roomId,
      roomName: c.roomName,
      sessionId: sessionId ?? null,
      opened: Boolean(sessionId),
      savesReceived: entriesOf(sessionId, 'save'),
      answersHeld: sessionId ? (answers.find((a) => a.sessionId === sessionId)?.n ?? 0) : 0,
      submitted: entriesOf(sessionId, 'submit') > 0,
      centralState: sessionId ? (central.find((s) => s.id === sessionId)?.state ?? null) : null,
      scored: Boolean(result),
      rawScore: result?.rawScore ?? null,
      maxScore: result?.maxScore ?? null,
      deferred: sessionId ? (waiting.find((w) => w.sessionId === sessionId)?.n ?? 0) : 0,
    };
  });
  const opened = new Set(sessionIds);
  const sum = (f: (c: ReconciliationCandidate) => number) => candidates.reduce((n, c) => n + f(c), 0);
  return {
    centre: { id: centre.id, name: centre.name },
    sitting: { id: sitting.id, name: sitting.name, opensAt: iso(sitting.opensAt) },
    packages: packages.map((p) => ({ packageId: p.id, sealedAt: iso(p.createdAt) })),
    log:
      logRow && logRow.entries && logRow.headSeq !== null && logRow.lastImportAt !== null
        ? {
            entries: logRow.entries,
            headSeq: Number(logRow.headSeq),
            lastImportAt: iso(logRow.lastImportAt),
            verified: logRow.entries === Number(logRow.headSeq),
            deferredWaiting: waiting.reduce((n, w) => n + w.n, 0),
          }
        : null,
    candidates,
    totals: {
      rostered: candidates.length,
      opened: sum((c) => (c.opened ? 1 : 0)),
      savesReceived: sum((c) => c.savesReceived),
      answersHeld: sum((c) => c.answersHeld),
      submitted: sum((c) => (c.submitted ? 1 : 0)),
      scored: sum((c) => (c.scored ? 1 : 0)),
      deferred: waiting.reduce((n, w) => n + w.n, 0),
    },
    missing: {
      notOpened: candidates.filter((c) => !c.opened).map((c) => c.candidateNumber),
      openedNotSubmitted: candidates.filter((c) => c.opened && !c.submitted).map((c) => c.candidateNumber),
      deferred: candidates.filter((c) => c.deferred > 0).map((c) => c.candidateNumber),
      sessionsAwaitingOpen: waiting.map((w) => w.sessionId).filter((id) => !opened.has(id)),
    },
  };
}
