import type { Db } from './client';

/**
 * A query built once per database handle and run as a named prepared statement: Drizzle builds its
 * SQL once, and Postgres parses and plans it once per connection. For the queries on every request
 * (the caller's token, a task by id), where building and planning cost as much as running them.
 */
export function preparedPerDatabase<Q>(prepare: (db: Db) => Q): (db: Db) => Q {
  const prepared = new WeakMap<Db, Q>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) {
      query = prepare(db);
      prepared.set(db, query);
    }
    return query;
  };
}
