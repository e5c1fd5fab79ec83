/**
 * The sitting's choice-shuffle switch (form `shuffleChoices`): when it is off, every candidate
 * sees the choices in their authored order even where the item says shuffle="true"; when it is
 * on, the item's shuffle applies, per candidate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisationTree } from './support/factories.ts';
import { request, type CandidateClient } from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';
import { buildRulesSitting, choiceItemXml, saveItems, startCandidate } from './stored-test-sitting.ts';

const AUTHORED = ['A', 'B', 'C', 'D', 'E', 'F'];

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let itemId: string;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  const saved = await saveItems(engine, tree, { Q1: choiceItemXml('Q1', true) });
  itemId = saved.itemIds.Q1!;
}, 120_000);

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine?.dispose();
});

/** The simpleChoice identifiers of a candidate payload, in the order the candidate sees them. */
function choiceOrder(payload: unknown): string[] {
  const order: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const el = node as { name?: unknown; attributes?: Record<string, string>; children?: unknown };
    if (el.name === 'simpleChoice' && el.attributes?.identifier) order.push(el.attributes.identifier);
    Object.values(el).forEach(walk);
  };
  walk(payload);
  return order;
}

async function ordersSeen(shuffleChoices: boolean | undefined, candidates: number) {
  const sitting = await buildRulesSitting(engine, tree, {
    form: {
      ...(shuffleChoices === undefined ? {} : { shuffleChoices }),
      sections: [{ identifier: 'S', items: [{ itemId }] }],
    },
    students: candidates,
  });
  const orders: string[][] = [];
  for (const candidate of sitting.candidates) {
    const { socket } = await startCandidate(engine, port, sitting.accessCode, candidate, sockets);
    const fetched = await request(socket, 'item:fetch', { position: 0 });
    if (!fetched.ok) throw new Error(JSON.stringify(fetched));
    orders.push(choiceOrder(fetched.item));
    socket.disconnect();
  }
  return orders;
}

describe("the sitting's choice-shuffle switch", () => {
  it('keeps the authored order for every candidate when the sitting turns shuffling off', async () => {
    const orders = await ordersSeen(false, 4);
    for (const order of orders) expect(order).toEqual(AUTHORED);
  });

  it('shuffles per candidate where the item allows it when the switch is on (the default)', async () => {
    const orders = await ordersSeen(undefined, 4);
    for (const order of orders) expect([...order].sort()).toEqual(AUTHORED);
    // Six choices: the chance that four candidates all see the authored order is 1 in 720^4.
    expect(orders.some((order) => order.join() !== AUTHORED.join())).toBe(true);
  });
});
