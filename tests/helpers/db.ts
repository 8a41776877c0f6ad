import { createScratchDatabase, type ScratchDatabase } from '../../db/scratch';

/** CI and this machine: the local PostgreSQL with trust auth. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = ScratchDatabase;

/** A fresh, migrated Postgres database of its own for one test file. */
export function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  return createScratchDatabase(TEST_DATABASE_URL, { label });
}
