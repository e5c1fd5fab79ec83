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

/** The handshake a Socket.IO connection is given, through a namespace the test adds. */
async function handshakeSeen(engine: TestEngine, port: number, headers: Record<string, string>) {
  const seen = new Promise<{ address: string; headers: Record<string, unknown> }>((resolve) => {
    engine.io!.of('/address-probe').once('connection', (socket) => {
      resolve({ address: socket.handshake.address, headers: { ...socket.handshake.headers } });
      socket.disconnect(true);
    });
  });
  const client = connect(`http://127.0.0.1:${port}/address-probe`, {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
  });
  try {
    return await seen;
  } finally {
    client.disconnect();
  }
}

const handshakeAddress = async (engine: TestEngine, port: number, forwardedFor: string) =>
  (await handshakeSeen(engine, port, { 'x-forwarded-for': forwardedFor })).address;

/** What a client may claim about the URL it used (the Safe Exam Browser hashes are checked against it). */
const forwardedUrl = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'exam.example.edu.vn' };

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

  it('cannot choose the URL a handshake is judged by: X-Forwarded-Proto/-Host are dropped', async () => {
    const { headers } = await handshakeSeen(engine, port, forwardedUrl);
    expect(headers['x-forwarded-proto']).toBeUndefined();
    expect(headers['x-forwarded-host']).toBeUndefined();
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

  it("keeps the proxy's X-Forwarded-Proto/-Host on the handshake", async () => {
    const { headers } = await handshakeSeen(engine, port, forwardedUrl);
    expect(headers['x-forwarded-proto']).toBe('https');
    expect(headers['x-forwarded-host']).toBe('exam.example.edu.vn');
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
