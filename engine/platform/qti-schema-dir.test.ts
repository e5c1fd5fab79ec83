/** QTI_SCHEMA_DIR: a folder of the official XSDs imports are also checked against; anything else is refused at start. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'exam-xsd-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { DATA_DIR: dir, JWT_SECRET: 'x'.repeat(40), AUDIT_KEY: 'y'.repeat(40) };

describe('QTI_SCHEMA_DIR', () => {
  it('is unset by default (semantic checks only) and resolved to an absolute folder when set', () => {
    expect(loadConfig(base).qtiSchemaDir).toBeUndefined();
    expect(loadConfig({ ...base, QTI_SCHEMA_DIR: dir }).qtiSchemaDir).toBe(path.resolve(dir));
  });

  it('refuses a path that is not a folder, naming the variable', () => {
    const file = path.join(dir, 'not-a-folder.xsd');
    writeFileSync(file, '');
    for (const value of [file, path.join(dir, 'missing')])
      expect(() => loadConfig({ ...base, QTI_SCHEMA_DIR: value })).toThrow(
        /QTI_SCHEMA_DIR.*must be a folder holding the QTI XSDs/,
      );
  });
});
