/**
 * `npm run load -- --centre --candidates N --ramp S --duration S [--save-every S] [--burst S] [--postgres]`
 * (issue 22): the load run against a test centre node, as a school's LAN would put it. A central
 * engine (its own process and data) holds the sitting; a centre is registered and a package sealed for
 * it; the centre node (`CENTRE_MODE=true`, its own process, data folder and embedded database, or its
 * own PostgreSQL database with `--postgres`) imports the package and gets its key from the central
 * engine; then the virtual candidates check in, save and submit on the centre while its sync loop
 * pushes the signed result log upward every 5 s. Reports the candidates' figures as the central run
 * does, plus what the sync had not pushed when the load ended, how long the rest took, and that every
 * acknowledged save is on the centre and, after the sync, on the central engine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { generateSigningKeyPair, registerCentre, sealSittingPackage } from '../engine/centres/index.ts';
import type { CentreCredential } from '../engine/centres/node/centre-node.ts';
import { createEngine, createLogger, type Config } from '../engine/index.ts';
import { rowsOf } from '../engine/platform/db/rows.ts';
import { startEngineProcess, type EngineProcess } from '../engine/tests/support/engine-process.ts';
import { runGenerators } from './generators.ts';
import { processCpuSeconds } from './process-cpu.ts';
import type { LoadOptions } from './run.ts';
import {
  checkInSeconds,
  errorCount,
  loadRunEngine,
  quantiles,
  scenarioOf,
  unstoredSaves,
} from './run-support.ts';
import { setupSitting } from './setup-sitting.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface CentreLoadSummary {
  mode: 'centre';
  candidates: number;
  checkInS: number;
  saveAckMs: ReturnType<typeof quantiles>;
  saves: number;
  errors: number;
  /** Acknowledged saves the centre's database does not hold. */
  lostAtCentre: number;
  /** Acknowledged saves the central engine does not hold once the sync has caught up. */
  lostAtCentral: number;
  /** Log entries the sync loop had not pushed when the load ended, and the seconds the rest took. */
  syncBacklog: { entries: number; catchUpS: number };
  /** The sitting's chain on the centre and how far the central engine holds it. */
  chain: { localSeq: number; centralSeq: number };
  /** CPU over the run (check-ins to the last submit): the centre node and the central engine. */
  cpuSeconds: { centre: number; central: number };
}

/** Registers a centre of the sitting's school and seals the sitting's package for it, centrally. */
async function sealForCentre(central: Readonly<Config>, credentialFile: string) {
  const engine = await createEngine(central, { logger: createLogger('warn') });
  try {
    const db = engine.deps.db;
    const [sitting] = rowsOf<{ id: string; organisation_id: string }>(
      await db.execute(sql`select id, organisation_id from sittings`),
    );
    const keys = generateSigningKeyPair();
    const secrets = { keySecret: central.auditKey };
    const registered = await registerCentre(
      db,
      null,
      { organisationId: sitting!.organisation_id, name: 'Điểm thi tải thử', publicKey: keys.publicKey },
      secrets,
    );
    const credential: CentreCredential = {
      centreId: registered.centreId,
      central: registered.central,
      privateKey: keys.privateKeyDer.toString('base64'),
    };
    writeFileSync(credentialFile, JSON.stringify(credential), { mode: 0o600 });
    const sealed = await sealSittingPackage(
      db,
      null,
      { sittingId: sitting!.id, centreIds: [registered.centreId] },
      secrets,
    );
    return sealed.file;
  } finally {
    await engine.close();
  }
}

/** The centre's staff import the package days ahead; at the start time the node fetches its key. */
async function importAndOpen(centre: Readonly<Config>, packageFile: Buffer) {
  const engine = await createEngine(centre, { logger: createLogger('warn') });
  try {
    await engine.centre!.start(false);
    await engine.centre!.importFile(packageFile);
    if ((await engine.centre!.fetchDueKeys()) < 1) throw new Error('the centre node got no sitting key');
  } finally {
    await engine.close();
  }
}

export async function runCentreLoad(options: LoadOptions): Promise<CentreLoadSummary> {
  const central = await loadRunEngine({ postgres: options.postgres, redis: false });
  const places = [central];
  const running: EngineProcess[] = [];
  try {
    const sitting = await setupSitting(central.config, options.candidates);
    const credentialFile = path.join(central.config.dataDir, 'centre-credential.json');
    const packageFile = await sealForCentre(central.config, credentialFile);
    const centralProcess = await startEngineProcess(central.env);
    running.push(centralProcess);
    const centreSettings = { centralUrl: centralProcess.url, credentialFile };
    const centre = await loadRunEngine(
      { postgres: options.postgres, redis: false },
      { centre: centreSettings },
      { CENTRE_MODE: 'true', CENTRAL_URL: centreSettings.centralUrl, CENTRE_CREDENTIAL: credentialFile },
    );
    places.push(centre);
    await importAndOpen(centre.config, packageFile);
    const centreProcess = await startEngineProcess(centre.env);
    running.push(centreProcess);

    const cpu = () => ({
      centre: processCpuSeconds(centreProcess.child.pid!) ?? 0,
      central: processCpuSeconds(centralProcess.child.pid!) ?? 0,
    });
    const cpuBefore = cpu();
    const result = await runGenerators(
      { ...scenarioOf(sitting, options), baseUrls: [centreProcess.url], dropRate: options.dropRate },
      options.workers,
      options.generatorNice,
    );
    const cpuAfter = cpu();
    await centreProcess.kill('SIGTERM');

    // The rest of the log, pushed by the node as its next sync would; then every answer on both sides.
    const node = await createEngine(centre.config, { logger: createLogger('warn') });
    let lostAtCentre = 0;
    let syncBacklog = { entries: 0, catchUpS: 0 };
    let chain = { localSeq: 0, centralSeq: 0 };
    try {
      await node.centre!.start(false);
      lostAtCentre = await unstoredSaves(node.deps.db, result.acknowledged);
      const syncStarted = Date.now();
      const report = await node.centre!.sync();
      syncBacklog = {
        entries: report.sent,
        catchUpS: Number(((Date.now() - syncStarted) / 1000).toFixed(1)),
      };
      chain = {
        localSeq: report.chains[0]?.localSeq ?? 0,
        centralSeq: report.chains[0]?.centralSeq ?? 0,
      };
    } finally {
      await node.close();
    }
    await centralProcess.kill('SIGTERM');
    const check = await createEngine(central.config, { logger: createLogger('warn') });
    let lostAtCentral = 0;
    try {
      lostAtCentral = await unstoredSaves(check.deps.db, result.acknowledged);
    } finally {
      await check.close();
    }

    const summary: CentreLoadSummary = {
      mode: 'centre',
      candidates: options.candidates,
      checkInS: checkInSeconds(result),
      saveAckMs: quantiles(result.saveAckMs),
      saves: result.acknowledged.length,
      errors: errorCount(result),
      lostAtCentre,
      lostAtCentral,
      syncBacklog,
      chain,
      cpuSeconds: {
        centre: Number((cpuAfter.centre - cpuBefore.centre).toFixed(1)),
        central: Number((cpuAfter.central - cpuBefore.central).toFixed(1)),
      },
    };
    const details = {
      options,
      database: options.postgres ? 'postgres (one database each)' : 'pglite (one each)',
      summary,
      errorsByKind: result.errors,
      retriesByKind: result.retries,
      checkInMs: quantiles(result.checkInMs),
      itemFetchMs: quantiles(result.fetchMs),
      burstSavesPerS: Math.round(result.burstAcks / Math.max(1, options.burst)),
      burstAckMs: quantiles(result.burstAckMs),
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    mkdirSync(path.join(here, 'results'), { recursive: true });
    const markdown = centreMarkdown(stamp, details);
    writeFileSync(path.join(here, 'results', `${stamp}-centre.json`), JSON.stringify(details, null, 2));
    writeFileSync(path.join(here, 'results', `${stamp}-centre.md`), markdown);
    console.log(markdown);
    return summary;
  } finally {
    await Promise.all(running.map((e) => e.kill('SIGTERM')));
    for (const place of places) await place.dispose();
  }
}

function centreMarkdown(
  stamp: string,
  d: {
    options: LoadOptions;
    database: string;
    summary: CentreLoadSummary;
    errorsByKind: Record<string, number>;
    checkInMs: ReturnType<typeof quantiles>;
    burstSavesPerS: number;
    loadAverage: number[];
  },
) {
  const s = d.summary;
  const q = (x: ReturnType<typeof quantiles>) => `${x.p50} / ${x.p95} / ${x.p99} / ${x.max} ms`;
  return [
    `# Centre load run ${stamp}`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| candidates on the centre node | ${s.candidates} (${JSON.stringify(d.options)}) |`,
    `| databases (central / centre) | ${d.database} |`,
    `| all checked in after | ${s.checkInS} s (check-in p50 / p95 / p99 / max ${q(d.checkInMs)}) |`,
    `| save ack (paced) p50 / p95 / p99 / max | ${q(s.saveAckMs)} |`,
    `| acknowledged saves / errors | ${s.saves} / ${s.errors} ${JSON.stringify(d.errorsByKind)} |`,
    `| closed-loop saves/s on the centre | ${d.burstSavesPerS} |`,
    `| lost: on the centre / on the central engine after the sync | ${s.lostAtCentre} / ${s.lostAtCentral} |`,
    `| log entries not yet pushed when the load ended / seconds to push them | ${s.syncBacklog.entries} / ${s.syncBacklog.catchUpS} s |`,
    `| the sitting's chain: entries on the centre / held centrally | ${s.chain.localSeq} / ${s.chain.centralSeq} |`,
    `| CPU seconds over the run: centre node / central engine (the sync's imports) | ${s.cpuSeconds.centre} / ${s.cpuSeconds.central} |`,
    `| load average at the end (1 / 5 / 15 min) | ${d.loadAverage.join(' / ')} |`,
    '',
  ].join('\n');
}
