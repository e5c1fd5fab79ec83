/**
 * Issue 19: `npm run qti -- validate` names QTI 1.2 and refuses damaged packages with a place: our
 * Canvas-style package (item-bank/importers/fixtures/canvas-package-qti12) is converted and
 * checked (items, the test, the warnings at their lines, exit 0); a zip whose entry does not match
 * its checksum, a zip cut short, and a broken imsmanifest.xml are errors (exit 1) naming the entry
 * or the manifest's line and column.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(root, 'item-bank/importers/fixtures/canvas-package-qti12');
const qti = (...args: string[]) =>
  run(path.join(root, 'node_modules/.bin/tsx'), ['scripts/qti.ts', ...args], { cwd: root }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );

const fixtureFiles = () =>
  new Map(
    readdirSync(fixture, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('.'))
      .map((f) => [f.split(path.sep).join('/'), readFileSync(path.join(fixture, f))]),
  );

function zipOf(entries: Map<string, Buffer>, compress = true): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'qti12-validate-'));
const write = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('npm run qti -- validate, QTI 1.2 and damaged packages', () => {
  it('converts a Canvas-style QTI 1.2 package and checks its items and test', async () => {
    const zip = write('canvas.zip', await zipOf(fixtureFiles()));
    const { stdout, code } = await qti('validate', zip);
    expect(code).toBe(0);
    expect(stdout).toContain('11 item(s) (11 converted from QTI 1.2) and 1 test(s) checked, 0 error(s).');
    expect(stdout).toMatch(/g1quiz02\/g1quiz02\.xml:195:13 warning qti12_bank_missing: /);
    expect(stdout).toMatch(/g1quiz02\/g1quiz02\.xml:31:1 warning media_missing: /);
  }, 60_000);

  it('refuses a zip whose entry does not match its checksum, naming the entry', async () => {
    const bytes = await zipOf(
      new Map([['g1quiz02/g1quiz02.xml', fixtureFiles().get('g1quiz02/g1quiz02.xml')!]]),
      false,
    );
    bytes[bytes.indexOf('questestinterop xmlns')] = 'Q'.charCodeAt(0);
    const { stdout, code } = await qti('validate', write('damaged.zip', bytes));
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /damaged\.zip:1:1 error bad-package: g1quiz02\/g1quiz02\.xml is corrupt: its bytes do not match the checksum/,
    );
  }, 60_000);

  it('refuses a zip cut short', async () => {
    const bytes = await zipOf(fixtureFiles());
    const { stdout, code } = await qti('validate', write('cut.zip', bytes.subarray(0, bytes.length >> 1)));
    expect(code).toBe(1);
    expect(stdout).toMatch(/cut\.zip:1:1 error bad-package: The file is not a readable zip/);
  }, 60_000);

  it('refuses a broken imsmanifest.xml at its line and column', async () => {
    const files = fixtureFiles();
    files.set(
      'imsmanifest.xml',
      Buffer.from('<?xml version="1.0"?>\n<manifest>\n  <resources>\n</manifest>\n'),
    );
    const { stdout, code } = await qti('validate', write('manifest.zip', await zipOf(files)));
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /imsmanifest\.xml:4:\d+ error manifest-malformed: imsmanifest\.xml is not well-formed XML/,
    );
  }, 60_000);
});
