import type { Db } from './client';

/**
 * What is built once per database handle: a query run as a named prepared statement (Drizzle builds its
 * SQL once, and Postgres parses and plans it once per connection), or a set of them. For the queries on
 * every request (the caller's token, a task by id, the list), where building and planning cost as much
 * as running them.
 */
export function oncePerDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (!value) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}
