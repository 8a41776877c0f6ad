/**
 * Everything the cases share in one run: the database, the dev server, the API, the product's worker
 * process, the baseline worker and the users whose tokens the requests carry.
 */
import { randomBytes } from 'node:crypto';
import { createUser } from '../api/services/users';
import { createLogger, type Logger } from '../runtime/logger';
import { installSdkRuntime } from '../runtime/sdk-runtime';
import type { Config } from '../runtime/config';
import { seedBenchDirectory, type BenchAgency } from './generate';
import type { BenchOptions } from './options';
import { benchConfig, bundleWorkflows, createBenchDatabase, RunTracker, startApi, startBaselineWorker, startDevServer, type BenchApi, type BenchDatabase, type DevServer, type RunningWorker } from './stack';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

export interface BenchContext {
  opts: BenchOptions;
  logger: Logger;
  config: Config;
  linkSecret: string;
  database: BenchDatabase;
  server: DevServer;
  api: BenchApi;
  bundles: { product: string; baseline: string };
  worker: WorkerProcess;
  baseline: RunningWorker;
  tracker: RunTracker;
  /** Agencies that can lead a task and have a mailbox, sorted by code. */
  leads: BenchAgency[];
  coordinatorToken: string;
  /** An agency clerk's token per agency code. */
  agencyTokens: Map<string, string>;
  /** Every workflow-backed task the run started (the memory case counts them). */
  openTaskWorkflows: number;
  /** RSS of the worker process (MiB) as the open workflows grew: shows where the workflow cache caps it. */
  memoryCurve: { openTaskWorkflows: number; rssMiB: number }[];
  log(message: string): void;
}

export async function createContext(opts: BenchOptions): Promise<BenchContext> {
  const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
  const logger = createLogger('error');
  installSdkRuntime(logger);
  const linkSecret = randomBytes(32).toString('hex');
  log('creating the database, the dev server (SQLite, SDK CI pragmas) and the workflow bundles');
  const [database, server, bundles] = await Promise.all([createBenchDatabase(opts.databaseUrl, 20), startDevServer(logger), bundleWorkflows()]);
  const config = benchConfig({ LINK_SECRET: linkSecret, DATABASE_URL: database.url, TEMPORAL_ADDRESS: server.address });
  const leads = await seedBenchDirectory(database.db);
  if (leads.length < opts.agencies) throw new Error(`the directory has ${leads.length} agencies with a mailbox, fewer than --agencies ${opts.agencies}`);
  const coordinator = await createUser(database.db, { name: 'Chuyên viên Sở TTTT', email: 'bench.coordinator@sonla.gov.vn', role: 'coordinator', agencyCode: 'STTTT' });
  const agencyTokens = new Map<string, string>();
  for (const a of leads) {
    const u = await createUser(database.db, { name: `Văn thư ${a.code}`, email: `bench.${a.code.toLowerCase()}@sonla.gov.vn`, role: 'agency', agencyCode: a.code });
    agencyTokens.set(a.code, u.token);
  }
  log('starting the product worker process, the baseline worker and the API');
  const tracker = new RunTracker();
  const [worker, baseline, api] = await Promise.all([
    startWorkerProcess({ DATABASE_URL: database.url, TEMPORAL_ADDRESS: server.address, LINK_SECRET: linkSecret, PUBLIC_URL: 'http://giaoviec.bench' }),
    startBaselineWorker({ connection: server.connection, bundle: bundles.baseline, tracker }),
    startApi({ database, temporal: server.client, config, logger }),
  ]);
  return { opts, logger, config, linkSecret, database, server, api, bundles, worker, baseline, tracker, leads, coordinatorToken: coordinator.token, agencyTokens, openTaskWorkflows: 0, memoryCurve: [], log };
}

export async function closeContext(ctx: BenchContext): Promise<void> {
  await ctx.api.close();
  await Promise.allSettled([ctx.worker.stop(), ctx.baseline.stop()]);
  await ctx.server.stop();
  await ctx.database.drop();
}
