import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'exam-config-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('loadConfig', () => {
  it('uses defaults: embedded database, port 3000, info logs', () => {
    const config = loadConfig({ DATA_DIR: tmp() });
    expect(config).toMatchObject({
      port: 3000,
      logLevel: 'info',
      databaseUrl: undefined,
      databasePoolMax: 20,
      redisUrl: undefined,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every bad value with its name and reason', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        DATABASE_POOL_MAX: '0',
        REDIS_URL: 'localhost:6379',
        LOG_LEVEL: 'loud',
        JWT_SECRET: 'short',
        DATA_DIR: tmp(),
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT \(given "eighty"\): must be a whole number/);
      expect(problems).toMatch(/DATABASE_URL .*postgres:\/\//);
      expect(problems).toMatch(/DATABASE_POOL_MAX \(given "0"\): must be a whole number between 1 and 200/);
      expect(problems).toMatch(/REDIS_URL .*redis:\/\//);
      expect(problems).toMatch(/LOG_LEVEL .*must be one of/);
      expect(problems).toMatch(/JWT_SECRET .*at least 32 characters/);
      expect((error as ConfigError).problems).toHaveLength(6);
    }
  });

  it('generates the audit key once, apart from the JWT secret, in DATA_DIR (0600), or takes AUDIT_KEY', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.auditKey.length).toBeGreaterThanOrEqual(32);
    expect(first.auditKey).not.toBe(first.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir }).auditKey).toBe(first.auditKey);
    const file = path.join(dir, 'audit-key');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.auditKey);
    expect(statSync(file).mode & 0o077).toBe(0);
    const given = 'an-audit-key-from-the-environment-0123456789';
    expect(loadConfig({ DATA_DIR: dir, AUDIT_KEY: given }).auditKey).toBe(given);
    expect(() => loadConfig({ DATA_DIR: dir, AUDIT_KEY: 'short' })).toThrow(/AUDIT_KEY .*at least 32/);
  });

  it('generates the JWT secret once and keeps it in DATA_DIR', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    const file = path.join(dir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('prefers an explicit JWT_SECRET and accepts PostgreSQL and Redis URLs', () => {
    const config = loadConfig({
      DATA_DIR: tmp(),
      JWT_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/exam',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: '8080',
    });
    expect(config).toMatchObject({
      jwtSecret: 'x'.repeat(40),
      port: 8080,
      redisUrl: 'redis://127.0.0.1:6379',
    });
  });
});
