/**
 * Issue 26 #5: the client address is the right-most X-Forwarded-For hop that is not a trusted
 * proxy, and the header is ignored from any other peer, on HTTP and Socket.IO alike. Before, with
 * TRUST_PROXY=true the left-most hop was believed from anyone: a spoofed header per request
 * removed the login throttle and wrote the attacker's choice into the audit log.
 */
import { and, eq } from 'drizzle-orm';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../people/tables.ts';
import { loadConfig } from '../../platform/config.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

const engines: TestEngine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.dispose()));
});

async function boot(trustedProxies: string[]) {
  const engine = await createTestEngine({ trustedProxies });
  engines.push(engine);
  const port = await engine.listen(0, '127.0.0.1');
  return { engine, port };
}

const login = (port: number, username: string, forwardedFor: string) =>
  fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ username, password: 'not-the-password' }),
  });

const failedLoginAddresses = async (engine: TestEngine, username: string) =>
  (
    await engine.deps.db
      .select({ ip: auditLog.ip, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_failed')))
  )
    .filter((row) => (row.details as { username?: string }).username === username)
    .map((row) => row.ip);

/** The address a Socket.IO handshake is given, through a namespace the test adds. */
async function handshakeAddress(engine: TestEngine, port: number, forwardedFor: string) {
  const seen = new Promise<string>((resolve) => {
    engine.io!.of('/address-probe').once('connection', (socket) => {
      resolve(socket.handshake.address);
      socket.disconnect(true);
    });
  });
  const client = connect(`http://127.0.0.1:${port}/address-probe`, {
    transports: ['websocket'],
    extraHeaders: { 'x-forwarded-for': forwardedFor },
    reconnection: false,
  });
  try {
    return await seen;
  } finally {
    client.disconnect();
  }
}

describe('a peer that is not a trusted proxy', () => {
  let engine: TestEngine;
  let port: number;
  beforeAll(async () => {
    // A proxy list that does not hold the test's own address (127.0.0.1).
    ({ engine, port } = await boot(['10.0.0.0/8']));
  }, 120_000);

  it('cannot shake off the login throttle or choose its audited address with a spoofed header', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await login(port, 'spoof-victim', `198.51.100.${i + 1}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const addresses = await failedLoginAddresses(engine, 'spoof-victim');
    expect(addresses).toHaveLength(10);
    expect(new Set(addresses)).toEqual(new Set(['127.0.0.1']));
  });

  it('gets the same rule on a Socket.IO handshake', async () => {
    expect(await handshakeAddress(engine, port, '198.51.100.77')).toBe('127.0.0.1');
  });
});

describe('through a trusted proxy', () => {
  let engine: TestEngine;
  let port: number;
  beforeAll(async () => {
    ({ engine, port } = await boot(['127.0.0.1/32', '10.0.0.0/8']));
  }, 120_000);

  it('uses the right-most address no trusted proxy holds, not what the client wrote before it', async () => {
    expect((await login(port, 'proxied', '6.6.6.6, 203.0.113.7')).status).toBe(401);
    expect((await login(port, 'proxied', '7.7.7.7, 203.0.113.7, 10.2.3.4')).status).toBe(401);
    expect(await failedLoginAddresses(engine, 'proxied')).toEqual(['203.0.113.7', '203.0.113.7']);
  });

  it('gives the Socket.IO handshake the same address', async () => {
    expect(await handshakeAddress(engine, port, '6.6.6.6, 203.0.113.8, 10.0.0.1')).toBe('203.0.113.8');
  });
});

describe('configuration', () => {
  it('reads TRUSTED_PROXIES, refuses what is not an address, and keeps TRUST_PROXY=true to loopback', () => {
    const dataDir = engines[0]!.config.dataDir;
    expect(loadConfig({ DATA_DIR: dataDir }).trustedProxies).toEqual([]);
    expect(
      loadConfig({ DATA_DIR: dataDir, TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1/32,::1' }).trustedProxies,
    ).toEqual(['10.0.0.0/8', '127.0.0.1/32', '::1']);
    expect(loadConfig({ DATA_DIR: dataDir, TRUST_PROXY: 'true' }).trustedProxies).toEqual([
      '127.0.0.0/8',
      '::1/128',
    ]);
    expect(() => loadConfig({ DATA_DIR: dataDir, TRUSTED_PROXIES: '10.0.0.0/8,proxy.local' })).toThrow(
      /TRUSTED_PROXIES .*comma-separated list of addresses or CIDRs/,
    );
  });
});
