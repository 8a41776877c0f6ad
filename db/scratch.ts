/**
 * A throwaway Postgres database of its own on a server: created, migrated, dropped afterwards. Tests
 * and benchmarks each work in one, side by side on the same server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './client';

export interface ScratchDatabase extends Database {
  url: string;
  name: string;
  /** Close the pool and drop the database. */
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `serverUrl` names a database we may connect to for `create database` (e.g. `postgres`). */
export async function createScratchDatabase(serverUrl: string, opts: { label: string; poolSize?: number }): Promise<ScratchDatabase> {
  const name = `gv_${opts.label.replace(/\W/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await onServer(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: '', poolSize: opts.poolSize });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    name,
    async drop() {
      await database.close();
      await onServer(serverUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}
