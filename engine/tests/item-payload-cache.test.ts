import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  itemBankTables,
  parseItemXml,
  saveItemVersion,
  sha256Hex,
  toCandidateItem,
  type AssessmentItem,
  type CandidateItem,
} from '../../item-bank/index.ts';
import type { Database } from '../platform/db/database.ts';
import { createEngine, type Engine } from '../engine.ts';
import { createLogger } from '../platform/logger.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { createTestEngine, testConfig, type TestEngine } from './support/test-engine.ts';
import { formSpecOf } from '../delivery/form-spec-cache.ts';
import { shuffleChoices } from '../sittings/form.ts';
import { itemPayloadKey } from '../delivery/item-payload-cache.ts';
import { projectForCandidate } from '../delivery/project-for-candidate.ts';
import { createRedisCacheInvalidation } from '../platform/cache/redis-cache-invalidation.ts';

const SECRET_FEEDBACK = 'FEEDBACK-ONLY-AFTER-SCORING';

/** A choice and an order interaction, both shuffled (one choice fixed), with a key, mapping and processing. */
const itemXml = (id: string) => `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="${id}" title="Item ${id}" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>C</value></correctResponse>
    <mapping defaultValue="0"><mapEntry mapKey="C" mappedValue="2"/></mapping>
  </responseDeclaration>
  <responseDeclaration identifier="ORDER" cardinality="ordered" baseType="identifier">
    <correctResponse><value>P</value><value>Q</value><value>R</value></correctResponse>
  </responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <p>Câu hỏi ${id} <img src="images/map.png" alt="Bản đồ"/></p>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
      <prompt>Chọn một</prompt>
      <simpleChoice identifier="A">Alpha</simpleChoice>
      <simpleChoice identifier="B">Beta</simpleChoice>
      <simpleChoice identifier="C">Gamma</simpleChoice>
      <simpleChoice identifier="D">Delta</simpleChoice>
      <simpleChoice identifier="E" fixed="true">None of these</simpleChoice>
    </choiceInteraction>
    <orderInteraction responseIdentifier="ORDER" shuffle="true">
      <simpleChoice identifier="P">First</simpleChoice>
      <simpleChoice identifier="Q">Second</simpleChoice>
      <simpleChoice identifier="R">Third</simpleChoice>
    </orderInteraction>
  </itemBody>
  <responseProcessing template="http://www.imsglobal.org/question/qti_v2p2/rptemplates/map_response"/>
  <modalFeedback outcomeIdentifier="SCORE" identifier="RIGHT" showHide="show">${SECRET_FEEDBACK}</modalFeedback>
</assessmentItem>`;

const MEDIA = { href: 'images/map.png', contentType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) };

async function saveItem(db: Database, organisationId: string) {
  const [bank] = await db
    .insert(itemBankTables.itemBanks)
    .values({ name: `Cache bank ${randomUUID().slice(0, 6)}`, organisationId })
    .returning();
  const identifier = `C${randomUUID().slice(0, 6)}`;
  const xml = itemXml(identifier);
  const parsed = parseItemXml(xml);
  if (!parsed.item) throw new Error(JSON.stringify(parsed.problems));
  const saved = await db.transaction((tx) =>
    saveItemVersion(tx, bank!.id, {
      identifier,
      title: `Câu ${identifier}`,
      sourceFormat: 'qti2.2',
      qtiXml: xml,
      model: parsed.item,
      text: `Câu hỏi ${identifier}`,
      interactionTypes: ['choiceInteraction', 'orderInteraction'],
      media: [MEDIA],
    }),
  );
  return { versionId: saved.versionId, model: parsed.item as AssessmentItem };
}

/** What a candidate got before the cache: the whole projection with this candidate's seed, in one pass. */
const projectedInOnePass = (model: AssessmentItem, seed: number, itemRef: string) =>
  toCandidateItem(model, {
    orderChoices: ({ responseIdentifier, group, choices }) =>
      shuffleChoices(choices, seed, `${itemRef}/${responseIdentifier}/${group}`),
    mediaUrl: (href) => (href === MEDIA.href ? `/api/candidate/media/${sha256Hex(MEDIA.data)}` : undefined),
  });

const choiceOrder = (item: unknown) =>
  JSON.stringify((item as CandidateItem).body).match(/"identifier":"[A-E]"/g);

describe('candidate item payloads in one process', () => {
  let engine: TestEngine;
  let organisationId: string;

  beforeAll(async () => {
    engine = await createTestEngine();
    organisationId = (await buildOrganisationTree(engine.deps.db)).office.id;
  });
  afterAll(() => engine.dispose());
  afterEach(() => vi.restoreAllMocks());

  it('projects a version once: a second fetch, by another candidate, is served from memory', async () => {
    const { versionId, model } = await saveItem(engine.deps.db, organisationId);
    const projection = vi.spyOn(projectForCandidate, 'shared');
    const before = { ...engine.items.stats };

    const first = await engine.items.get(versionId, { seed: 11, itemRef: 'Q1' });
    const second = await engine.items.get(versionId, { seed: 4242, itemRef: 'Q1' });

    expect(projection).toHaveBeenCalledTimes(1);
    expect(engine.items.stats.loaded - before.loaded).toBe(1);
    expect(engine.items.stats.memory - before.memory).toBe(1);
    // Each candidate still gets exactly what the one-pass projection with their seed gave.
    expect(first).toEqual(projectedInOnePass(model, 11, 'Q1'));
    expect(second).toEqual(projectedInOnePass(model, 4242, 'Q1'));
  });

  it('keeps each candidate their own choice order, the fixed choice in place, the same for one seed', async () => {
    const { versionId, model } = await saveItem(engine.deps.db, organisationId);
    const orders = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const item = await engine.items.get(versionId, { seed, itemRef: 'Q7' });
      expect(item).toEqual(projectedInOnePass(model, seed, 'Q7'));
      expect(choiceOrder(item)?.at(-1)).toBe('"identifier":"E"');
      orders.add(JSON.stringify(choiceOrder(item)));
    }
    expect(orders.size).toBeGreaterThan(1);
    const again = await engine.items.get(versionId, { seed: 5, itemRef: 'Q7' });
    expect(again).toEqual(await engine.items.get(versionId, { seed: 5, itemRef: 'Q7' }));
  });

  it('loads a version once when a whole room opens it at the same moment', async () => {
    const { versionId } = await saveItem(engine.deps.db, organisationId);
    const projection = vi.spyOn(projectForCandidate, 'shared');
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => engine.items.get(versionId, { seed: i, itemRef: 'Q1' })),
    );
    expect(projection).toHaveBeenCalledTimes(1);
  });

  it('refuses an unknown version, and does not remember the refusal', async () => {
    const missing = randomUUID();
    await expect(engine.items.get(missing, { seed: 1, itemRef: 'Q1' })).rejects.toMatchObject({
      id: 'unknown_item',
    });
    await expect(engine.items.get(missing, { seed: 1, itemRef: 'Q1' })).rejects.toMatchObject({
      id: 'unknown_item',
    });
  });

  it("drops a sitting's parsed form spec when the change is published on the engine's bus", async () => {
    const sittingId = randomUUID();
    const before = formSpec('before');
    const after = formSpec('after');
    expect(formSpecOf(sittingId, before).sections?.[0]?.title).toBe('before');
    // Cached: the stored spec is not parsed again while the entry lives.
    expect(formSpecOf(sittingId, after).sections?.[0]?.title).toBe('before');
    await engine.deps.caches.publish({ kind: 'sitting', id: sittingId });
    expect(formSpecOf(sittingId, after).sections?.[0]?.title).toBe('after');
    await expect(engine.deps.caches.publish({ kind: 'room', id: sittingId } as never)).rejects.toThrow();
  });
});

const formSpec = (title: string) => ({
  navigationMode: 'nonlinear',
  sections: [{ identifier: 'S1', title, items: [{ itemRef: 'Q1', itemVersionId: randomUUID() }] }],
});

// Two engine processes on one Redis, as behind a load balancer; each test engine has its own database,
// so the second one can only serve the first one's item from Redis.
describe.runIf(Boolean(process.env.REDIS_URL))('candidate item payloads across engines sharing Redis', () => {
  const keyPrefix = `test-cache-${randomUUID()}`;
  const engines: Array<{ engine: Engine; dataDir: string }> = [];
  let a: Engine;
  let b: Engine;
  let redis: Redis;

  const startEngine = async () => {
    const config = testConfig();
    const engine = await createEngine(config, {
      logger: createLogger('silent'),
      database: { memory: true },
      keyPrefix,
    });
    engines.push({ engine, dataDir: config.dataDir });
    return engine;
  };

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!);
    [a, b] = await Promise.all([startEngine(), startEngine()]);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    for (const { engine, dataDir } of engines) {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  afterEach(() => vi.restoreAllMocks());

  it('engine B serves an item engine A projected, from Redis, without its database', async () => {
    const organisationId = (await buildOrganisationTree(a.deps.db)).office.id;
    const { versionId } = await saveItem(a.deps.db, organisationId);
    const fromA = await a.items.get(versionId, { seed: 77, itemRef: 'Q3' });

    const projection = vi.spyOn(projectForCandidate, 'shared');
    const fromB = await b.items.get(versionId, { seed: 77, itemRef: 'Q3' });
    expect(fromB).toEqual(fromA);
    expect(projection).not.toHaveBeenCalled();
    expect(b.items.stats).toMatchObject({ redis: 1, loaded: 0 });
    // B's database has never held this version: a database read would have refused it.
    const inB = await b.deps.db
      .select()
      .from(itemBankTables.itemVersions)
      .where(eq(itemBankTables.itemVersions.id, versionId));
    expect(inB).toHaveLength(0);
  });

  it('stores only the candidate-safe projection in Redis: no key, mapping, processing or feedback', async () => {
    const organisationId = (await buildOrganisationTree(a.deps.db)).office.id;
    const { versionId } = await saveItem(a.deps.db, organisationId);
    await a.items.get(versionId, { seed: 1, itemRef: 'Q1' });
    const stored = await redis.get(itemPayloadKey(keyPrefix, versionId));
    expect(stored).toContain('Chọn một');
    expect(await redis.ttl(itemPayloadKey(keyPrefix, versionId))).toBeGreaterThan(0);
    for (const banned of [
      'correctResponse',
      'mapping',
      'mapEntry',
      'mappedValue',
      'responseProcessing',
      'map_response',
      'outcomeDeclaration',
      'modalFeedback',
      SECRET_FEEDBACK,
      '"declarations"',
    ])
      expect(stored, banned).not.toContain(banned);
  });

  it("an invalidation published over Redis by another process drops B's form spec; another prefix's does not", async () => {
    // A bare publisher stands for process A: it drops nothing locally, so only a message that went
    // through Redis to the engines' subscriptions can drop the entry this process holds.
    const other = new Redis(process.env.REDIS_URL!);
    const processA = await createRedisCacheInvalidation({
      redis: other,
      keyPrefix,
      logger: createLogger('silent'),
    });
    const elsewhere = await createRedisCacheInvalidation({
      redis: other,
      keyPrefix: `${keyPrefix}-elsewhere`,
      logger: createLogger('silent'),
    });
    try {
      const heardByB: unknown[] = [];
      b.deps.caches.subscribe((message) => heardByB.push(message));
      const [kept, dropped] = [randomUUID(), randomUUID()];
      formSpecOf(kept, formSpec('before'));
      formSpecOf(dropped, formSpec('before'));

      await elsewhere.publish({ kind: 'sitting', id: kept });
      await processA.publish({ kind: 'sitting', id: dropped });
      await vi.waitFor(() => expect(heardByB).toContainEqual({ kind: 'sitting', id: dropped }), {
        timeout: 3000,
      });
      expect(formSpecOf(dropped, formSpec('after')).sections?.[0]?.title).toBe('after');
      // Published earlier on the same connection, so it would have arrived first: another deployment's change.
      expect(heardByB).not.toContainEqual({ kind: 'sitting', id: kept });
      expect(formSpecOf(kept, formSpec('after')).sections?.[0]?.title).toBe('before');

      // And engine A's own publication reaches engine B.
      await a.deps.caches.publish({ kind: 'sitting', id: kept });
      await vi.waitFor(() => expect(heardByB).toContainEqual({ kind: 'sitting', id: kept }), {
        timeout: 3000,
      });
    } finally {
      await processA.close();
      await elsewhere.close();
      await other.quit();
    }
  });

  it('drops everything after its subscription was cut, since messages may have been missed, and listens again', async () => {
    const bus = await createRedisCacheInvalidation({ redis, keyPrefix, logger: createLogger('silent') });
    try {
      const heard: unknown[] = [];
      bus.subscribe((message) => heard.push(message));
      const sittingId = randomUUID();
      formSpecOf(sittingId, formSpec('before'));
      const clients = await redis.client('LIST');
      const ids = String(clients)
        .split('\n')
        .filter((line) => line.includes(`name=${keyPrefix}:cache-invalidation `))
        .map((line) => /id=(\d+)/.exec(line)![1]!);
      expect(ids.length).toBeGreaterThan(0);
      // Cut every subscription of this prefix (the bus's and the engines'): as an outage would.
      for (const id of ids) await redis.client('KILL', 'ID', id);
      await vi.waitFor(() => expect(heard).toContainEqual({ kind: 'all' }), { timeout: 5000 });
      // The form-spec cache listens through the engines' buses, which reconnect on their own time.
      await vi.waitFor(
        () => expect(formSpecOf(sittingId, formSpec('after')).sections?.[0]?.title).toBe('after'),
        { timeout: 5000 },
      );
      // Resubscribed: engine A's next publication arrives.
      await vi.waitFor(
        async () => {
          await a.deps.caches.publish({ kind: 'sitting', id: sittingId });
          expect(heard).toContainEqual({ kind: 'sitting', id: sittingId });
        },
        { timeout: 5000, interval: 200 },
      );
    } finally {
      await bus.close();
    }
  });
});
