import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** Drizzle over `pg` or over PGlite: the same schema and query API either way. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Where it is, for log lines: host/db without credentials, or the PGlite folder. */
  location: string;
  ping(): Promise<void>;
  /** Apply the committed drizzle-kit migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Queries that do not depend on one another: at once on the pool, one after the other in a transaction,
 * whose single connection takes one query at a time (pg queues a second one today; pg 9 refuses it).
 */
export async function independently<T extends unknown[]>(db: Db | Tx, queries: [...{ [K in keyof T]: () => PromiseLike<T[K]> }]): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(queries.map((query) => query()))) as T;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as T;
}

/** Rows of a raw query; both drivers answer `{ rows }`, which the shared Db type leaves untyped. */
export async function rowsOf<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const MIGRATION_LOCK = 0x6769_616f; // "giao"

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** An unreachable or refused database, worded for the person who set DATABASE_URL. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/**
 * Drizzle's `transaction()` sends BEGIN before its try/finally: when the connection is cut at that
 * moment the client is never released, and the pool (and with it shutdown) waits for it for ever.
 * Release it, broken, so the pool drops it; the error still reaches the caller.
 */
function releaseWhenBeginFails(client: import('pg').PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
    if (typeof text === 'string' && /^\s*begin\b/i.test(text) && result instanceof Promise) {
      result.catch((err: Error) => client.release(err));
    }
    return result;
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // A connection the server drops (restart, pg_terminate_backend) errors here; the pool replaces it.
  pool.on('error', () => {});
  // A client checked out between two statements (inside a transaction) has no listener of the pool's:
  // without one of its own, its 'error' event would crash the process. The statement fails instead.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    releaseWhenBeginFails(client);
  });
  const location = describeUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`Cannot reach the database at ${location} (${(err as Error).message}): check DATABASE_URL.`);
  }
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    location,
    async ping() {
      await db.execute(sql`select 1`);
    },
    // An advisory lock on one dedicated connection keeps an API and several workers that start
    // together from applying the same migration twice.
    async migrate() {
      const [{ migrate: run }, { drizzle: single }] = await Promise.all([
        import('drizzle-orm/node-postgres/migrator'),
        import('drizzle-orm/node-postgres'),
      ]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await run(single(client), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.end();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * `<DATA_DIR>/pglite.pid`: the process that has the embedded PGlite open. PGlite's own postmaster.pid
 * holds no real pid, so `npm run backup` / `restore` read this one to refuse a folder in use.
 */
export const pgliteOwnerFile = (dataDir: string) => path.join(dataDir, 'pglite.pid');

async function openPglite(dir: string): Promise<Database> {
  const [{ PGlite }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const owner = pgliteOwnerFile(path.dirname(dir));
  writeFileSync(owner, String(process.pid));
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dir,
    async ping() {
      await db.execute(sql`select 1`);
    },
    async migrate() {
      const { migrate: run } = await import('drizzle-orm/pglite/migrator');
      await run(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      await client.close();
      try {
        if (readFileSync(owner, 'utf8') === String(process.pid)) rmSync(owner);
      } catch {
        // already gone
      }
    },
  };
}

/** Postgres at `url` when given, otherwise the embedded PGlite in `<dataDir>/pglite`. */
export function openDatabase(opts: { url?: string; dataDir: string; poolSize?: number }): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.poolSize ?? 10) : openPglite(path.join(opts.dataDir, 'pglite'));
}
