import { accessSync, constants, mkdirSync } from 'node:fs';
import net from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { openDatabase, type Database } from '../db/client';
import { seedCalendarDays } from '../db/seed/calendar-days';
import { ConfigError, type Config } from './config';
import type { Lifecycle } from './lifecycle';
import type { Logger } from './logger';
import { createWorker } from './worker';
import { installSdkRuntime } from './sdk-runtime';
import { isPortFree } from './embedded-temporal';
import { resumePendingDeliveries } from '../activities/mail';

/** Open the read model (Postgres or PGlite) and migrate it. */
export async function startDatabase(config: Config, logger: Logger, lifecycle: Lifecycle): Promise<Database> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  lifecycle.add('database', () => database.close());
  await database.migrate();
  await seedCalendarDays(database.db);
  logger.info({ kind: database.kind, location: database.location }, 'database ready');
  return database;
}

export async function connectTemporal(address: string, namespace: string, lifecycle: Lifecycle): Promise<Client> {
  let connection: Connection;
  try {
    connection = await Connection.connect({ address, connectTimeout: 5000 });
  } catch (err) {
    throw new ConfigError(`Cannot reach Temporal at ${address} (${(err as Error).message}): check TEMPORAL_ADDRESS.`);
  }
  lifecycle.add('temporal client', () => connection.close());
  return new Client({ connection, namespace });
}

/** A port nobody listens on now, for an exporter only this process reads. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Where the SDK core serves the worker's metrics: METRICS_WORKER_ADDRESS, else `fallback` (`loopback`:
 * a free port on 127.0.0.1, for `npm start`, whose /metrics appends them), none when `off`. Returns the
 * address to bind and the URL to read it at. A busy address that was asked for stops the start; a busy
 * default (a second worker on one machine) only costs this worker its metrics, with a warning.
 */
export async function workerMetricsAddress(config: Config, fallback: string | 'loopback', logger: Logger): Promise<{ bind: string; url: string } | undefined> {
  const wanted = config.METRICS_WORKER_ADDRESS ?? fallback;
  if (wanted === 'off') return undefined;
  let host = '127.0.0.1';
  let port: number;
  if (wanted === 'loopback') port = await freeLoopbackPort();
  else {
    const colon = wanted.lastIndexOf(':');
    [host, port] = [wanted.slice(0, colon), Number(wanted.slice(colon + 1))];
    if (!(await isPortFree(port, host))) {
      if (config.METRICS_WORKER_ADDRESS) {
        throw new ConfigError(`${wanted} is already in use, so the worker's metrics cannot be served there: stop the program using it or set METRICS_WORKER_ADDRESS (host:port, or off).`);
      }
      logger.warn({ address: wanted }, 'the default address of the worker metrics is in use (another worker on this machine?): this worker serves none; set METRICS_WORKER_ADDRESS');
      return undefined;
    }
  }
  // An exporter bound to every interface is still read here through loopback.
  return { bind: `${host}:${port}`, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/metrics` };
}

/**
 * The worker polls until shutdown, which waits for running activities to finish. `metricsAddress`: where
 * the SDK core serves the worker's Prometheus metrics (see workerMetricsAddress).
 */
export async function startWorker(
  address: string,
  config: Config,
  database: Database,
  client: Client,
  logger: Logger,
  lifecycle: Lifecycle,
  opts: { metricsAddress?: string } = {},
) {
  installSdkRuntime(logger, { metricsAddress: opts.metricsAddress });
  const connection = await NativeConnection.connect({ address });
  const worker = await createWorker({ connection, namespace: config.TEMPORAL_NAMESPACE, db: database.db, logger, client, config });
  const running = worker.run();
  lifecycle.add('worker connection', () => connection.close());
  lifecycle.add('worker', async () => {
    worker.shutdown();
    await running;
  });
  running.catch((err) => {
    logger.fatal({ err }, 'the worker stopped');
    void lifecycle.shutdown().then(() => process.exit(1));
  });
  logger.info({ taskQueue: worker.options.taskQueue, metrics: opts.metricsAddress }, 'worker polling');
  // Mail that waited in the outbox while no SMTP server was configured goes out now.
  if (config.SMTP_URL) {
    const resumed = await resumePendingDeliveries(database.db, client, worker.options.taskQueue);
    if (resumed) logger.info({ resumed }, 'delivering mail that waited in the outbox');
  }
  return worker;
}

/** Evidence files kept on disk need a folder the API can write: say so at start, not at the first upload. */
export function ensureAttachmentsDir(config: Pick<Config, 'attachmentsDir'>): void {
  if (!config.attachmentsDir) return;
  try {
    mkdirSync(config.attachmentsDir, { recursive: true });
    accessSync(config.attachmentsDir, constants.W_OK);
  } catch (err) {
    throw new ConfigError(`ATTACHMENTS_DIR ${config.attachmentsDir} is not a folder this process can write (${(err as Error).message}).`);
  }
}
