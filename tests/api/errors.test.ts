import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { toHttpError } from '../../api/errors';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('errors');
});
afterAll(() => database?.drop());

/** pg_terminate_backend on `pid`, as a database restart or an administrator would. */
async function terminate(pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

const thrown = async (fn: () => Promise<unknown>): Promise<unknown> => {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
};

describe('a database connection cut under a request', () => {
  it('inside a transaction: whatever Drizzle throws (the statement or its rollback) answers 503, not 500', async () => {
    const err = await thrown(() =>
      database.db.transaction(async (tx) => {
        const { rows } = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
        await terminate(rows[0]!.pid);
        await tx.execute(sql`select 1`);
      }),
    );
    expect(toHttpError(err)?.status, String(err)).toBe(503);
  });

  it('on a client used again after its connection was cut ("not queryable"): 503', async () => {
    const client = new pg.Client({ connectionString: database.url });
    client.on('error', () => {});
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const ended = new Promise((resolve) => client.once('end', resolve));
    await terminate(rows[0]!.pid);
    const first = await thrown(() => client.query('select 1'));
    // Once the socket has closed the client refuses every query; before that (a busy machine) it may
    // still report the cut connection itself.
    await ended;
    const second = await thrown(() => client.query('select 1'));
    expect(String(second)).toMatch(/not queryable/);
    expect([first, second].map((e) => toHttpError(e)?.status)).toEqual([503, 503]);
    await client.end().catch(() => {});
  });
});
