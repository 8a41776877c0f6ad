import type { Client } from '@temporalio/client';
import type { Config } from '../runtime/config';
import type { Logger } from '../runtime/logger';
import type { Database } from '../db/client';
import type { Language, Role } from '../domain/vocabulary';

/** What request handlers get: the read model, the Temporal client, config and a logger. */
export interface AppDeps {
  database: Database;
  temporal: Client;
  config: Config;
  logger: Logger;
  /** The Temporal SDK core's Prometheus exporter (`http://host:port/metrics`) when the worker runs in this process. */
  workerMetricsUrl?: string;
}

/** The caller, from the bearer token. */
export interface AuthUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyCode: string | null;
  language: Language;
}

/** A JSON reply; a handler that streams a file writes to `res` itself and returns nothing. */
export interface Reply {
  status?: number;
  body: unknown;
}
