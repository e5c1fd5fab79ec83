import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectPostgres } from './connect-postgres.ts';

const socketDir = '/var/run/postgresql';
const url = process.env.DATABASE_URL;
const local = url && existsSync(`${socketDir}/.s.PGSQL.5432`) ? new URL(url) : undefined;

describe.skipIf(!local)('connectPostgres', () => {
  it('reaches PostgreSQL over its Unix socket when the URL says ?host=/socket/dir', async () => {
    const socketUrl = new URL(local!);
    socketUrl.hostname = 'localhost';
    socketUrl.port = '';
    socketUrl.searchParams.set('host', socketDir);
    const client = connectPostgres(socketUrl.toString(), { max: 1 });
    try {
      // A Unix-socket connection has no server address.
      const [row] = await client`select inet_server_addr() as addr`;
      expect(row!.addr).toBeNull();
    } finally {
      await client.end();
    }
  });

  it('keeps TCP for an ordinary URL', async () => {
    const client = connectPostgres(local!.toString(), { max: 1 });
    try {
      const [row] = await client`select inet_server_addr() as addr`;
      expect(row!.addr).not.toBeNull();
    } finally {
      await client.end();
    }
  });
});
