/**
 * PCI frames: the candidate asks for a frame of a portable custom interaction, the engine serves
 * its page (strict CSP, no key), its runtime and the item's own module files, only while the
 * session may see the item; a ticket is neither a session token nor a key to other items' files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateSessions } from '../../delivery/tables.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api } from '../support/http.ts';
import {
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  type CandidateClient,
} from '../support/delivery-fixtures.ts';
import { pciFixtures, savePciItems } from '../support/pci-items.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let ids: Record<string, string>;
const sockets: CandidateClient[] = [];

const likertJs = readFileSync(path.join(pciFixtures, 'likert-tao/likert/runtime/likert.js'));
const recorderJs = readFileSync(path.join(pciFixtures, 'recorder-qti3/modules/recorder.js'));
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
  ids = await savePciItems(engine, tree, ['likert-tao', 'recorder-qti3']);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine.dispose();
});

const frames = (token: string | undefined, body: unknown) =>
  api(engine).call('POST', '/api/candidate/pci/frames', {
    json: body,
    ...(token ? { token } : {}),
  });

describe('PCI frames', () => {
  it('serves the frame page, runtime and module files only with item access, under the exact CSP', async () => {
    // The likert item is in the form; the recorder item (and its module) is not.
    const s = await buildSitting(engine, tree, [ids['pci-likert-tao']!], { students: 1 });
    const { sessionToken, sessionId } = await checkInCandidate(engine, s.accessCode, s.candidates[0]!);
    const [session] = await engine.deps.db
      .select({ form: candidateSessions.form })
      .from(candidateSessions)
      .where(eq(candidateSessions.id, sessionId));
    const itemRef = (session!.form as { entries: Array<{ itemRef: string }> }).entries[0]!.itemRef;
    const ask = { itemRef, responseIdentifier: 'RESPONSE' };
    const form = await api(engine).call('POST', '/api/candidate/pci/frames', {
      json: ask,
      token: sessionToken,
    });
    // Not started yet: no item is open, so no frame.
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.data.error.id).toBe('session_locked');

    const socket = await connectCandidate(port, sessionToken, { deviceId: 'pci' });
    sockets.push(socket);
    expect(await request(socket, 'session:start', {})).toMatchObject({ ok: true });

    expect((await frames(undefined, ask)).status).toBe(401);
    expect((await frames(sessionToken, { ...ask, responseIdentifier: 'NOPE' })).status).toBe(404);
    expect((await frames(sessionToken, { ...ask, itemRef: 'I9' })).status).toBe(404);
    const opened = await frames(sessionToken, ask);
    expect(opened.status).toBe(200);
    const src = opened.data.src as string;
    const ticket = /^\/api\/candidate\/pci\/([^/]+)\/$/.exec(src)![1]!;

    const page = await api(engine).get(src);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(
      [
        "default-src 'none'",
        `script-src http://localhost/api/candidate/pci/${ticket}/`,
        `style-src http://localhost/api/candidate/pci/${ticket}/ 'unsafe-inline'`,
        `img-src http://localhost/api/candidate/pci/${ticket}/ data: blob:`,
        `media-src http://localhost/api/candidate/pci/${ticket}/ blob: mediastream:`,
        `font-src http://localhost/api/candidate/pci/${ticket}/`,
        "connect-src 'none'",
        "worker-src 'none'",
        "frame-src 'none'",
        "object-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
        'frame-ancestors http://localhost',
      ].join('; '),
    );
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = page.data as unknown as string;
    const config = JSON.parse(
      /<script type="application\/json" id="pci-config">(.*?)<\/script>/s.exec(html)![1]!,
    );
    expect(config).toEqual({
      responseIdentifier: 'RESPONSE',
      typeIdentifier: 'likertScaleInteraction',
      modules: { 'likertScaleInteraction/runtime/likert': `files/${sha(likertJs)}` },
      properties: { level: '5', 'label-min': 'ít', 'label-max': 'nhiều' },
      baseType: 'integer',
      cardinality: 'single',
      parentOrigin: 'http://localhost',
    });
    // The markup is there, and no part of the key or processing is.
    expect(html).toContain('<ul class="likert"></ul>');
    expect(html).not.toMatch(/correct|match_correct|responseProcessing/i);
    // Scripts: the runtime and nothing inline but the inert JSON.
    expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([
      ' type="application/json" id="pci-config"',
      ' src="runtime.js"',
    ]);

    const runtime = await api(engine).get(`${src}runtime.js`);
    expect(runtime.status).toBe(200);
    expect(runtime.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const module = await engine.app.request(`${src}files/${sha(likertJs)}`);
    expect(module.status).toBe(200);
    expect(module.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(await module.arrayBuffer()).equals(likertJs)).toBe(true);
    // Another item's module is not served under this ticket.
    expect((await api(engine).get(`${src}files/${sha(recorderJs)}`)).status).toBe(404);
    // A forged or altered ticket opens nothing; the session token is no ticket either.
    const forged = `${ticket.slice(0, -4)}AAAA`;
    expect((await api(engine).get(`/api/candidate/pci/${forged}/`)).status).toBe(401);
    expect((await api(engine).get(`/api/candidate/pci/${sessionToken}/`)).status).toBe(401);
    expect((await api(engine).get(`/api/candidate/pci/${sessionToken}/files/${sha(likertJs)}`)).status).toBe(
      401,
    );

    // Once the session is submitted, the ticket opens nothing more.
    await request(socket, 'submit', { confirm: true });
    expect((await api(engine).get(src)).status).toBe(404);
    expect((await api(engine).get(`${src}files/${sha(likertJs)}`)).status).toBe(404);
  });
});
