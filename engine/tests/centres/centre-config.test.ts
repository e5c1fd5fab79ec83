/** CENTRE_MODE's settings: each missing or bad one is named at start. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../platform/config.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'centre-config-'));
const base = { DATA_DIR: dir, JWT_SECRET: 'x'.repeat(40), AUDIT_KEY: 'y'.repeat(40) };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('CENTRE_MODE', () => {
  it('needs CENTRAL_URL and the credential file, and names each one missing or bad', () => {
    const missing = problemsOf({ ...base, CENTRE_MODE: 'true' });
    expect(missing.join('\n')).toMatch(/CENTRAL_URL: must be set/);
    expect(missing.join('\n')).toMatch(/CENTRE_CREDENTIAL: must be set/);
    const bad = problemsOf({
      ...base,
      CENTRE_MODE: 'yes',
      CENTRAL_URL: 'not a url',
      CENTRE_CREDENTIAL: '/nope',
    });
    expect(bad.map((p) => p.split(' ')[0])).toEqual(['CENTRE_MODE', 'CENTRAL_URL', 'CENTRE_CREDENTIAL']);
  });

  it('is off by default, and on gives the central URL and the credential path', () => {
    expect(loadConfig(base).centre).toBeUndefined();
    const file = path.join(dir, 'centre.json');
    writeFileSync(file, '{}');
    const config = loadConfig({
      ...base,
      CENTRE_MODE: 'true',
      CENTRAL_URL: 'https://thi.example.vn/',
      CENTRE_CREDENTIAL: file,
    });
    expect(config.centre).toEqual({ centralUrl: 'https://thi.example.vn', credentialFile: file });
  });
});
