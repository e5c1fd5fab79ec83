import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../engine/index.ts';
import { organisations, users } from '../../engine/people/tables.ts';
import { readPackageFiles, readZip } from '../../item-bank/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qti-import-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
delete (env as Record<string, string | undefined>).DATABASE_URL;
const qti = (...args: string[]) =>
  promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['scripts/qti.ts', ...args], {
    cwd: root,
    env,
  })
    .then((r) => ({ ...r, code: 0 }))
    .catch((e: { stdout: string; stderr: string; code: number }) => e);

beforeAll(async () => {
  // An organisation and its admin, as `npm run seed` would leave them (without the slow password hashing).
  const handle = await openDatabase({ dataDir });
  await migrateDatabase(handle);
  const id = crypto.randomUUID();
  await handle.db.insert(organisations).values({ id, kind: 'department', name: 'Sở GD&ĐT', path: `/${id}/` });
  await handle.db.insert(users).values({
    username: 'admin',
    fullName: 'Quản trị',
    role: 'admin',
    organisationId: id,
    passwordHash: 'x',
  });
  await handle.close();
}, 60_000);

describe('npm run qti -- import / export', () => {
  it('imports a folder with a progress bar, exports it as QTI 2.2, and imports the package again', async () => {
    const first = await qti('import', 'item-bank/demo-bank', '--bank', 'Demo');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/10 item\(s\) imported into "Demo": 10 new version\(s\)/);
    expect(first.stderr).toMatch(/saving \[#+\] 100% 10\/10/);

    // Each command opens the embedded database in its own process, so one export (2.2) keeps this test short;
    // the 3.0 and 2.2 writers are tested item by item in item-bank.
    for (const version of ['2.2']) {
      const out = path.join(dataDir, `demo-${version}.zip`);
      const exported = await qti('export', 'Demo', out, '--version', version);
      expect(exported.code).toBe(0);
      const read = readPackageFiles(await readZip(readFileSync(out)));
      expect(read.ok).toBe(true);
      expect(read.items.map((i) => i.item!.qtiVersion)).toEqual(Array(10).fill(version));
      const reimported = await qti('import', out, '--bank', `Demo ${version}`);
      expect(reimported.stdout).toMatch(/10 item\(s\) imported into "Demo .*": 10 new version\(s\)/);
    }
  }, 240_000);

  it('imports nothing and names file, line and column when an item is invalid', async () => {
    const folder = path.join(dataDir, 'bad');
    mkdirSync(folder);
    writeFileSync(
      path.join(folder, 'good.xml'),
      readFileSync(path.join(root, 'item-bank/demo-bank/vatly-giai-thich.xml')),
    );
    writeFileSync(
      path.join(folder, 'bad.xml'),
      `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="BAD" title="x">\n<qti-item-body>\n  <qti-choice-interaction response-identifier="NOPE"/>\n</qti-item-body>\n</qti-assessment-item>`,
    );
    const result = await qti('import', folder, '--bank', 'Bad');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Nothing was imported: 1 of 2 item file\(s\) have errors/);
    expect(result.stderr).toMatch(/bad\.xml:3:3 error undeclared-response/);
  }, 60_000);
});
