/** The test-centre CLI in-process on a real database, and its usage through the real script. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITTING_NAME, seedDemo } from '../../demo/seed-demo.ts';
import { organisations } from '../../people/tables.ts';
import { sittingRooms, sittings } from '../../sittings/tables.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { parseCentreArgs, runCentreCommand, type CentreCliOutcome } from '../../centres/centre-cli.ts';
import { registerCentre } from '../../centres/commands/register-centre.ts';
import { generateSigningKeyPair } from '../../centres/ed25519.ts';

let engine: TestEngine;
let dir: string;
let sittingId: string;
let roomId: string;
let centreId: string;

const run = async (...args: string[]): Promise<CentreCliOutcome> => {
  const parsed = parseCentreArgs(args);
  if ('exitCode' in parsed) return parsed;
  return runCentreCommand(engine.deps.db, { keySecret: engine.config.auditKey }, parsed);
};

beforeAll(async () => {
  engine = await createTestEngine();
  dir = mkdtempSync(path.join(os.tmpdir(), 'centre-cli-'));
  await seedDemo(engine.deps.db);
  const [sitting] = await engine.deps.db.select().from(sittings).where(eq(sittings.name, DEMO_SITTING_NAME));
  sittingId = sitting!.id;
  const [room] = await engine.deps.db
    .select()
    .from(sittingRooms)
    .where(eq(sittingRooms.sittingId, sittingId));
  roomId = room!.id;
  const [school] = await engine.deps.db
    .select()
    .from(organisations)
    .where(eq(organisations.kind, 'school'))
    .limit(1);
  ({ centreId } = await registerCentre(
    engine.deps.db,
    null,
    { organisationId: school!.id, name: 'Điểm thi CLI', publicKey: generateSigningKeyPair().publicKey },
    { keySecret: engine.config.auditKey },
  ));
});
afterAll(async () => {
  await engine?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run centre', () => {
  it('seal writes a package; verify checks it without the key and prints what it holds', async () => {
    const out = path.join(dir, 'goi.pkg');
    const sealed = await run('seal', '--sitting', sittingId, '--centre', centreId, '--out', out);
    expect(sealed.exitCode, sealed.output).toBe(0);
    expect(sealed.output).toContain(`Package `);
    const verified = await run('verify', '--package', out);
    expect(verified.exitCode, verified.output).toBe(0);
    expect(verified.output).toContain('Signature valid');
    expect(verified.output).toContain(DEMO_SITTING_NAME);
    expect(verified.output).toContain(centreId);
    expect(verified.output).toMatch(/Phòng 01 .* 30 candidate\(s\)/);

    const file = readFileSync(out);
    file[file.length - 3] = file[file.length - 3]! ^ 0x10;
    writeFileSync(out, file);
    const tampered = await run('verify', '--package', out);
    expect(tampered.exitCode).toBe(1);
    expect(tampered.output).toMatch(/^error package_tampered: .*signature/);
    const otherKey = await run(
      'verify',
      '--package',
      out,
      '--public-key',
      generateSigningKeyPair().publicKey,
    );
    expect(otherKey.exitCode).toBe(1);
  });

  it('room-code prints the code of one room; errors name the problem and exit non-zero', async () => {
    const issued = await run('room-code', '--sitting', sittingId, '--room', roomId);
    expect(issued.exitCode, issued.output).toBe(0);
    expect(issued.output.split('\n')[0]).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z*~$=U]$/);
    const again = await run('room-code', '--sitting', sittingId, '--room', roomId);
    expect(again.output.split('\n')[0]).toBe(issued.output.split('\n')[0]);

    const unknownCentre = await run(
      'seal',
      '--sitting',
      sittingId,
      '--centre',
      sittingId,
      '--out',
      path.join(dir, 'x'),
    );
    expect(unknownCentre).toMatchObject({
      exitCode: 1,
      output: expect.stringMatching(/^error unknown_centre:/),
    });
    const unknownRoom = await run('room-code', '--sitting', sittingId, '--room', centreId);
    expect(unknownRoom).toMatchObject({ exitCode: 1, output: expect.stringMatching(/^error not_found:/) });
    const missing = await run('verify', '--package', path.join(dir, 'missing.pkg'));
    expect(missing).toMatchObject({ exitCode: 1, output: expect.stringMatching(/^error file_unreadable:/) });
    expect((await run('seal', '--sitting', sittingId)).exitCode).toBe(2);
    expect((await run('open')).exitCode).toBe(2);
  });

  it('the script prints its usage and exits 2 on a wrong command line, without opening a database', async () => {
    const script = path.resolve(import.meta.dirname, '../../../scripts/centre.ts');
    const tsx = path.resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
    const failed = await promisify(execFile)(tsx, [script, 'seal']).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed).toMatchObject({
      code: 2,
      stdout: expect.stringContaining('seal needs --sitting, --centre, --out'),
    });
  }, 60_000);
});
