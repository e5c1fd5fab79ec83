/**
 * A package uploaded to a centre node over HTTP (POST /api/centre-node/packages): a multi-MB package
 * (roster photos, the sitting checks identity) is taken with a declared length and streamed chunked
 * alike, its body streamed to a file rather than gathered by the generic 1 MB body limit; one
 * declared over 512 MB is refused with 413 and the reason before a byte is read, and a chunked body
 * is refused as soon as it passes the limit. The centre routes are in the OpenAPI document, and an
 * engine that is not a centre node answers them with 404 `not_a_centre_node`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealSittingPackage } from '../../centres/commands/seal-sitting-package.ts';
import { centreHeldPackages } from '../../centres/tables.ts';
import { streamBodyToFile } from '../../platform/http/stream-to-file.ts';
import { rosterPhotos } from '../../proctoring/tables.ts';
import { sittingCandidates, sittings } from '../../sittings/tables.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { tokenFor } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { startCentreEngine } from './support/centre-engine.ts';
import { prepareCentralSitting } from './support/centre-engines.ts';

const MB = 1024 * 1024;
let central: TestEngine;
let centre: TestEngine;
let centreUrl: string;
let centrePort: number;
let staffToken: string;
let packageFile: Buffer;
let prepared: Awaited<ReturnType<typeof prepareCentralSitting>>;

beforeAll(async () => {
  central = await createTestEngine();
  const centralUrl = `http://127.0.0.1:${await central.listen(0, '127.0.0.1')}`;
  prepared = await prepareCentralSitting(central, { students: 4, items: 2 });
  // Photos of 1.5 MB each (random bytes: nothing compresses them) in a sitting that checks identity.
  const candidates = await central.deps.db
    .select({ id: sittingCandidates.id })
    .from(sittingCandidates)
    .where(eq(sittingCandidates.sittingId, prepared.sitting.sittingId));
  for (const candidate of candidates) {
    const photo = randomBytes(1.5 * MB);
    await central.deps.db.insert(rosterPhotos).values({
      sittingCandidateId: candidate.id,
      contentType: 'image/jpeg',
      data: photo,
      sha256: createHash('sha256').update(photo).digest('hex'),
      width: 600,
      height: 800,
    });
  }
  await central.deps.db
    .update(sittings)
    .set({ securityPolicy: { proctoring: true, proctoringRules: { identityCheck: true } } })
    .where(eq(sittings.id, prepared.sitting.sittingId));
  ({ file: packageFile } = await sealSittingPackage(
    central.deps.db,
    null,
    { sittingId: prepared.sitting.sittingId, centreIds: [prepared.credential.centreId] },
    { keySecret: central.config.auditKey },
  ));
  centre = await startCentreEngine({ centralUrl, credentialFile: prepared.credentialFile });
  centrePort = await centre.listen(0, '127.0.0.1');
  centreUrl = `http://127.0.0.1:${centrePort}`;
  const staff = await buildOrganisationTree(centre.deps.db);
  staffToken = await tokenFor(centre, staff.examBoard);
}, 120_000);

afterAll(async () => {
  await centre?.dispose();
  await central?.dispose();
});

const upload = async (body: BodyInit, extra: RequestInit = {}) => {
  const res = await fetch(`${centreUrl}/api/centre-node/packages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/octet-stream' },
    body,
    ...extra,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('POST /api/centre-node/packages', () => {
  it('takes a multi-MB package with a declared length, then the same streamed chunked (held already)', async () => {
    expect(packageFile.length).toBeGreaterThan(5 * MB);
    const first = await upload(new Uint8Array(packageFile));
    expect(first).toMatchObject({
      status: 201,
      body: { sittingId: prepared.sitting.sittingId, alreadyHeld: false },
    });
    const [held] = await centre.deps.db
      .select({ file: centreHeldPackages.file })
      .from(centreHeldPackages)
      .where(eq(centreHeldPackages.packageId, String(first.body.packageId)));
    expect(Buffer.compare(held!.file, packageFile)).toBe(0);

    // Chunked (no Content-Length), 256 KB at a time: streamed to the upload file as it arrives.
    const chunks = Array.from({ length: Math.ceil(packageFile.length / (256 * 1024)) }, (_, i) =>
      packageFile.subarray(i * 256 * 1024, (i + 1) * 256 * 1024),
    );
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(new Uint8Array(next));
        else controller.close();
      },
    });
    const again = await upload(stream, { duplex: 'half' } as RequestInit);
    expect(again).toMatchObject({
      status: 200,
      body: { packageId: first.body.packageId, alreadyHeld: true },
    });
    // Nothing is left in the upload folder.
    const uploads = path.join(centre.config.dataDir, 'uploads');
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
  }, 60_000);

  it('refuses one declared over 512 MB with 413 and the reason, before reading it', async () => {
    const answer = await rawPost('/api/centre-node/packages', 600 * MB);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: { id: 'payload_too_large', message: 'A package file may be at most 512 MB.' },
    });
  });

  it('refuses a tampered package with its reason', async () => {
    const tampered = Buffer.from(packageFile);
    tampered[tampered.length - 100]! ^= 1;
    const answer = await upload(new Uint8Array(tampered));
    expect(answer).toMatchObject({ status: 422, body: { error: { id: 'package_tampered' } } });
  });
});

describe('a streamed upload body', () => {
  it('is counted as it arrives and refused as soon as it passes the limit', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'exam-upload-'));
    try {
      let produced = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          produced += 64 * 1024;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      });
      await expect(
        streamBodyToFile(endless, path.join(dir, 'big'), { maxBytes: 1 * MB, what: 'A package file' }),
      ).rejects.toMatchObject({
        status: 413,
        id: 'payload_too_large',
        message: 'A package file may be at most 1 MB.',
      });
      expect(produced).toBeLessThan(2 * MB);
      const small = new Blob([new Uint8Array(300 * 1024).fill(7)]).stream();
      expect(await streamBodyToFile(small, path.join(dir, 'small'), { maxBytes: 1 * MB, what: 'x' })).toBe(
        300 * 1024,
      );
      expect(readFileSync(path.join(dir, 'small'))).toEqual(Buffer.alloc(300 * 1024, 7));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the centre routes in the OpenAPI document', () => {
  it('documents the node and sync routes with their schemas; an engine that is no centre answers 404', async () => {
    const doc = (await (await central.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(Object.keys(doc.paths['/api/centre-node/packages']!.post!.requestBody!.content)).toEqual([
      'application/octet-stream',
    ]);
    for (const p of ['/api/centre-node/packages/{id}/open', '/api/centre-sync/log', '/api/centre-sync/key'])
      expect(doc.paths[p]?.post?.requestBody?.content['application/json']).toBeTruthy();
    expect(doc.paths['/api/centre-node/status']?.get).toBeTruthy();
    const board = await buildOrganisationTree(central.deps.db);
    const res = await central.app.request('/api/centre-node/status', {
      headers: { authorization: `Bearer ${await tokenFor(central, board.examBoard)}` },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { id: string } }).error.id).toBe('not_a_centre_node');
  });
});

/** A POST over a raw socket declaring `declared` bytes and sending 64 KB of them. */
function rawPost(urlPath: string, declared: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(centrePort, '127.0.0.1');
    let response = '';
    socket.on('data', (data) => {
      response += data.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(response);
      const end = response.indexOf('\r\n\r\n');
      if (!match || end < 0 || !response.slice(end + 4).includes('}')) return;
      socket.destroy();
      resolve({ status: Number(match[1]), body: response.slice(end + 4) });
    });
    socket.on('error', reject);
    socket.write(
      [
        `POST ${urlPath} HTTP/1.1`,
        'Host: 127.0.0.1',
        `Authorization: Bearer ${staffToken}`,
        'Content-Type: application/octet-stream',
        `Content-Length: ${declared}`,
        '',
        '',
      ].join('\r\n'),
    );
    socket.write(Buffer.alloc(64 * 1024));
  });
}
