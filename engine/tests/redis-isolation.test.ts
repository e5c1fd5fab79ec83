import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

// Two deployments (or two test engines) on one Redis, each with its own key prefix, must not see each
// other as members of their Socket.IO cluster: a candidate's handshake asks the cluster for the
// session's sockets and would wait for a reply that never comes.
describe.runIf(Boolean(process.env.REDIS_URL))('engines with their own key prefix on one Redis', () => {
  let first: TestEngine;
  let second: TestEngine;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestEngine(), createTestEngine()]);
    await Promise.all([first.listen(0, '127.0.0.1'), second.listen(0, '127.0.0.1')]);
  });
  afterAll(async () => {
    await Promise.all([first?.dispose(), second?.dispose()]);
  });

  it("do not count each other's cluster requests as cluster members", async () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    await settle();
    // A cluster-wide request of the first engine goes out over Redis pub/sub.
    await first.io!.of('/candidate').fetchSockets();
    await settle();
    expect(await second.io!.of('/candidate').adapter.serverCount()).toBe(1);
    const started = Date.now();
    await second.io!.of('/candidate').fetchSockets();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
