import type { Db } from '../db/client';
import type { Logger } from '../runtime/logger';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
}

/** Activities with their dependencies injected by the worker; workflows import only the type. */
export function createActivities(_deps: ActivityDeps) {
  return {};
}

export type Activities = ReturnType<typeof createActivities>;
