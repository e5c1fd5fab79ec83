/**
 * Issue 26 #8: every /api route has a body limit (1 MB unless the route takes uploads), answered
 * with 413 and the API's error shape before the body is read: a 600 MB declared body or an endless
 * chunked one to the unauthenticated check-in and login routes is refused at once.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_BODY_ROUTES } from '../../app.ts';
import { api } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

let engine: TestEngine;
let port: number;

beforeAll(async () => {
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  await engine?.dispose();
});

interface RawAnswer {
  status: number;
  body: string;
  /** Body bytes the client had written when the answer came. */
  sent: number;
  ms: number;
}

/**
 * Sends a POST over a raw socket: a declared Content-Length (only `sendBytes` of it written) or a
 * chunked body written 64 KB at a time until the server answers or `sendBytes` is reached.
 */
function rawPost(
  path: string,
  options: { declared?: number; chunked?: boolean; sendBytes: number },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let sent = 0;
    let answered = false;
    let response = '';
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const finish = () => {
      if (answered) return;
      const match = /^HTTP\/1\.1 (\d{3})/.exec(response);
      const end = response.indexOf('\r\n\r\n');
      if (!match || end < 0) return;
      const body = response.slice(end + 4);
      if (!body.includes('}')) return;
      answered = true;
      socket.destroy();
      resolve({ status: Number(match[1]), body, sent, ms: performance.now() - started });
    };
    socket.on('data', (data) => {
      response += data.toString('latin1');
      finish();
    });
    socket.on('error', (error) => {
      if (!answered) reject(error);
    });
    socket.on('close', () => {
      if (!answered) reject(new Error(`closed without an answer: ${response.slice(0, 200)}`));
    });
    const headers = [
      `POST ${path} HTTP/1.1`,
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      options.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${options.declared}`,
      '',
      '',
    ].join('\r\n');
    socket.write(headers);
    const pump = () => {
      while (!answered && !socket.destroyed && sent < options.sendBytes) {
        const piece = options.chunked
          ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
          : chunk;
        sent += chunk.length;
        if (!socket.write(piece)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.once('connect', pump);
  });
}

const refusal = (answer: RawAnswer) => ({
  status: answer.status,
  error: (JSON.parse(answer.body) as { error: { id: string; message: string } }).error,
});

describe('body limits', () => {
  for (const path of ['/api/candidate/check-in', '/api/auth/login']) {
    it(`refuses a 600 MB declared body to ${path} with 413 at once, having read almost none of it`, async () => {
      const answer = await rawPost(path, { declared: 600 * 1024 * 1024, sendBytes: 256 * 1024 });
      expect(refusal(answer)).toEqual({
        status: 413,
        error: { id: 'payload_too_large', message: 'A request body may be at most 1 MB.' },
      });
      expect(answer.ms).toBeLessThan(2_000);
    });

    it(`refuses a streamed (chunked) oversized body to ${path} once it passes 1 MB`, async () => {
      // The client would go on to 600 MB; the answer comes long before.
      const answer = await rawPost(path, { chunked: true, sendBytes: 600 * 1024 * 1024 });
      expect(refusal(answer).status).toBe(413);
      expect(refusal(answer).error.id).toBe('payload_too_large');
      // What was written before the answer: the limit plus what the socket buffers held.
      expect(answer.sent).toBeLessThan(40 * 1024 * 1024);
      expect(answer.ms).toBeLessThan(5_000);
    });
  }

  it('keeps ordinary bodies working, and lets upload routes take more than 1 MB', async () => {
    const http = api(engine);
    // A normal login body passes the limit (and fails on the credentials).
    const login = await http.post('/api/auth/login', { username: 'nobody', password: 'wrong-password' });
    expect(login.status).toBe(401);
    // 1.5 MB of JSON to a route without a larger limit: refused, even with no token.
    const big = JSON.stringify({ name: 'x'.repeat(1.5 * 1024 * 1024) });
    for (const [method, path] of [
      ['POST', '/api/classes'],
      ['PATCH', '/api/students/00000000-0000-4000-8000-000000000000'],
      ['POST', '/api/sittings'],
    ] as const) {
      const refused = await http.call(method, path, {
        body: big,
        headers: { 'content-type': 'application/json' },
      });
      expect(refused.status, path).toBe(413);
      expect(refused.data.error.id).toBe('payload_too_large');
    }
    // 1.5 MB to a roster upload is not refused for its size (here: no token, 401).
    const roster = await http.call('POST', '/api/classes/00000000-0000-4000-8000-000000000000/roster', {
      body: 'a,b\n'.repeat(400_000),
      headers: { 'content-type': 'text/csv' },
    });
    expect(roster.status).toBe(401);
    // ...but 6 MB is, by the roster's own 5 MB.
    const tooBig = await http.call('POST', '/api/classes/00000000-0000-4000-8000-000000000000/roster', {
      body: 'a,b\n'.repeat(1_600_000),
      headers: { 'content-type': 'text/csv' },
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.data.error.message).toBe('A roster file may be at most 5 MB.');
  });

  it('names only routes that exist', () => {
    const documented = engine.app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 't', version: '0' },
    }).paths!;
    for (const rule of LARGE_BODY_ROUTES) {
      const hit = Object.entries(documented).some(
        ([path, item]) =>
          rule.path.test(path) && Boolean((item as Record<string, unknown>)[rule.method.toLowerCase()]),
      );
      expect(hit, `${rule.method} ${rule.path}`).toBe(true);
    }
  });
});
