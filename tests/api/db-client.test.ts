/**
 * `independently` (db/client.ts): independent queries run together on the pool and one after the
 * other in a transaction, whose single connection must never be handed a query while one is running
 * (pg warns today and will refuse it in pg 9).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { independently, rowsOf } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
beforeAll(async () => {
  database = await createTestDatabase('db_client');
  process.on('warning', onWarning);
});
afterAll(async () => {
  process.off('warning', onWarning);
  await database?.drop();
});
afterEach(() => expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]));

interface Run {
  pid: number;
  started: string;
  ended: string;
}
/** A query that takes a moment and says on which connection, and from when to when, it ran. */
const timedQuery = (db: Parameters<typeof rowsOf>[0]) => () =>
  rowsOf<Run>(db, sql`select pg_backend_pid() as pid, clock_timestamp()::text as started, pg_sleep(0.05)::text, clock_timestamp()::text as ended`).then((rows) => rows[0]!);

describe('independently', () => {
  it('in a transaction: one query after the other on its connection', async () => {
    const [a, b, c] = await database.db.transaction((tx) => independently(tx, [timedQuery(tx), timedQuery(tx), timedQuery(tx)]));
    expect(new Set([a.pid, b.pid, c.pid]).size).toBe(1);
    expect(b.started >= a.ended && c.started >= b.ended).toBe(true);
  });

  it('on the pool: together, each on a connection of its own', async () => {
    const runs = await independently(database.db, [timedQuery(database.db), timedQuery(database.db)]);
    expect(new Set(runs.map((r) => r.pid)).size).toBe(2);
    // They overlapped: each began before the other ended.
    expect(runs[0].started < runs[1].ended && runs[1].started < runs[0].ended).toBe(true);
  });
});
