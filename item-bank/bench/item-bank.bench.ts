/**
 * `npm run bench -- item-bank`: items parsed per second, and items parsed and stored per second on
 * PGlite and (when DATABASE_URL is set) PostgreSQL, with 10,000 items made from the shared corpus
 * (every importable item, cycled, each under its own identifier). Target: 10,000 imported in < 60 s.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { plainText } from '../model/content.ts';
import { parseItemXml } from '../qti/parse-item.ts';
import { itemBanks } from '../schema.ts';
import type { ItemBankDatabase } from '../storage/database.ts';
import { saveItemVersions, type ItemVersionInput } from '../storage/item-store.ts';
import { corpusIndex, readCorpusFile } from '../test/corpus.ts';

const COUNT = 10_000;
const BATCH = 1_000;
const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../engine/platform/db/migrations',
);

function corpusItems(): Array<{ file: string; xml: string }> {
  return corpusIndex()
    .filter((e) => e.kind === 'item')
    .map((e) => ({ file: e.path, xml: readCorpusFile(e.path) }))
    .filter(({ xml, file }) => {
      const { item, problems } = parseItemXml(xml, file);
      return item && !problems.some((p) => p.severity === 'error');
    });
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
/** CPU time of this process since `since`, in ms: with other work on the machine, wall time alone misleads. */
const cpuMsSince = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};
const loadAverage = () => +os.loadavg()[0]!.toFixed(1);

/** Parses and stores COUNT items, BATCH per transaction with the batched store the import command uses. */
async function parseAndStore(db: ItemBankDatabase, sources: Array<{ file: string; xml: string }>) {
  const organisationId = crypto.randomUUID();
  await db.execute(
    sql`insert into organisations (id, kind, name, path) values (${organisationId}, 'department', 'bench', ${`/${organisationId}/`})`,
  );
  const [bank] = await db
    .insert(itemBanks)
    .values({ name: `bench ${organisationId}`, organisationId })
    .returning({ id: itemBanks.id });
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let start = 0; start < COUNT; start += BATCH) {
    const inputs: ItemVersionInput[] = [];
    for (let i = start; i < Math.min(COUNT, start + BATCH); i++) {
      const source = sources[i % sources.length]!;
      const { item } = parseItemXml(source.xml, source.file);
      const identifier = `${item!.identifier}-${i}`;
      inputs.push({
        identifier,
        title: item!.title,
        sourceFormat: `qti${item!.qtiVersion}`,
        sourceFile: source.file,
        qtiXml: source.xml,
        model: { ...item!, identifier },
        text: plainText([item!.body]),
        interactionTypes: [...new Set(item!.interactions.map((x) => x.type))],
      });
    }
    await db.transaction((tx) => saveItemVersions(tx, bank!.id, inputs));
  }
  return { ms: performance.now() - started, cpuMs: cpuMsSince(cpu) };
}

export async function run(): Promise<Record<string, unknown>> {
  const sources = corpusItems();
  const bytes = sources.reduce((n, s) => n + s.xml.length, 0);
  console.log(
    `${sources.length} importable corpus items, ${Math.round(bytes / sources.length)} characters on average`,
  );

  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const s = sources[i % sources.length]!;
    parseItemXml(s.xml, s.file);
  }
  const parseMs = performance.now() - started;
  console.log(`parse: ${COUNT} items in ${Math.round(parseMs)} ms = ${perSecond(COUNT, parseMs)} items/s`);

  const client = await PGlite.create();
  const pglite = drizzlePglite({ client, casing: 'snake_case' }) as unknown as ItemBankDatabase;
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  const pgliteLoad = loadAverage();
  const { ms: pgliteMs, cpuMs: pgliteCpuMs } = await parseAndStore(pglite, sources);
  await client.close();
  console.log(
    `parse + store on PGlite: ${COUNT} items in ${(pgliteMs / 1000).toFixed(1)} s = ${perSecond(COUNT, pgliteMs)} items/s` +
      ` (${(pgliteCpuMs / 1000).toFixed(1)} s CPU, load average ${pgliteLoad} -> ${loadAverage()})`,
  );

  const figures: Record<string, unknown> = {
    corpusItems: sources.length,
    averageItemChars: Math.round(bytes / sources.length),
    items: COUNT,
    parsePerSecond: perSecond(COUNT, parseMs),
    pglite: {
      seconds: +(pgliteMs / 1000).toFixed(1),
      parsedAndStoredPerSecond: perSecond(COUNT, pgliteMs),
      // PGlite runs in this process, so its CPU time is the whole cost.
      cpuSeconds: +(pgliteCpuMs / 1000).toFixed(1),
      loadAverageAtStart: pgliteLoad,
      targetMet: pgliteMs < 60_000,
    },
  };

  const url = process.env.DATABASE_URL;
  if (url) {
    // A database of its own, dropped afterwards, so the bench never touches real data.
    const name = `bench_item_bank_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const client = postgres(target.toString(), { max: 4, onnotice: () => {} });
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
      const db = drizzlePostgres({ client, casing: 'snake_case' }) as unknown as ItemBankDatabase;
      const load = loadAverage();
      const { ms, cpuMs } = await parseAndStore(db, sources);
      console.log(
        `parse + store on PostgreSQL: ${COUNT} items in ${(ms / 1000).toFixed(1)} s = ${perSecond(COUNT, ms)} items/s` +
          ` (${(cpuMs / 1000).toFixed(1)} s CPU in this process, load average ${load} -> ${loadAverage()})`,
      );
      figures.postgres = {
        seconds: +(ms / 1000).toFixed(1),
        parsedAndStoredPerSecond: perSecond(COUNT, ms),
        // The server's work is not in this figure.
        clientCpuSeconds: +(cpuMs / 1000).toFixed(1),
        loadAverageAtStart: load,
        targetMet: ms < 60_000,
      };
    } finally {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists ${name}`);
      await admin.end({ timeout: 5 });
    }
  } else {
    console.log('DATABASE_URL is not set: PostgreSQL skipped.');
    figures.postgres = 'skipped (DATABASE_URL not set)';
  }
  return figures;
}
