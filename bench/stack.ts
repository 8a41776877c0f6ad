/**
 * The stack a benchmark runs on, started the way the product starts (runtime/), on local binaries and
 * the real Postgres: a dedicated database, the embedded Temporal dev server on a throwaway SQLite file,
 * the product's worker and API, and a baseline worker with the bare workflows of bench/workflows.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http, { type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import { createApp } from '../api/app';
import type { AppDeps } from '../api/context';
import type { Database } from '../db/client';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch';
import { seedCalendarDays } from '../db/seed/calendar-days';
import { loadConfig, type Config } from '../runtime/config';
import { startEmbeddedTemporal } from '../runtime/embedded-temporal';
import type { Logger } from '../runtime/logger';
import { resolveTemporalBinary } from '../runtime/temporal-binaries';
import { createWorker, WORKFLOWS_PATH } from '../runtime/worker';

export const BENCH_WORKFLOWS_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workflows.ts');
/** The baseline worker's own queue: the product's workers never see its workflows. */
export const BASELINE_QUEUE = 'bench-baseline';
/** The pragmas of the Temporal SDK's CI for the dev server: no fsync, write-ahead log. */
export const SDK_CI_PRAGMAS = ['journal_mode=wal', 'synchronous=off'];

// ---- Postgres ----

export type BenchDatabase = ScratchDatabase;

/** A fresh, migrated database of its own on the server at `adminUrl`, with the working-day calendar. */
export async function createBenchDatabase(adminUrl: string, poolSize?: number): Promise<BenchDatabase> {
  const database = await createScratchDatabase(adminUrl, { label: 'bench', poolSize });
  await seedCalendarDays(database.db);
  return database;
}

// ---- Temporal ----

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface DevServer {
  address: string;
  pid: number;
  /** The SQLite file holding every workflow (its size is part of the results). */
  dbFile: string;
  client: Client;
  connection: NativeConnection;
  stop(): Promise<void>;
}

/** `temporal server start-dev` as `npm start` runs it, but on a temporary SQLite file with the given pragmas. */
export async function startDevServer(logger: Logger, pragmas: string[] = SDK_CI_PRAGMAS): Promise<DevServer> {
  const cliPath = await resolveTemporalBinary('cli', (line) => logger.info(line));
  if (!cliPath) throw new Error('No Temporal CLI: run `npm run setup:temporal` or set TEMPORAL_CLI_PATH.');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gv-bench-temporal-'));
  const server = await startEmbeddedTemporal({
    cliPath,
    dataDir,
    port: await freePort(),
    uiPort: await freePort(),
    namespace: 'default',
    logger,
    sqlitePragmas: pragmas,
  });
  const clientConnection = await Connection.connect({ address: server.address });
  const connection = await NativeConnection.connect({ address: server.address });
  return {
    address: server.address,
    pid: server.pid,
    dbFile: path.join(dataDir, 'temporal.db'),
    client: new Client({ connection: clientConnection, namespace: 'default' }),
    connection,
    async stop() {
      await connection.close();
      await clientConnection.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const quietBundler = { log() {}, trace() {}, debug() {}, info() {}, warn: (m: string) => process.stderr.write(`${m}\n`), error: (m: string) => process.stderr.write(`${m}\n`) };

/** The product's and the baseline's workflow bundles, built once for every worker of the run. */
export async function bundleWorkflows(): Promise<{ product: string; baseline: string }> {
  const [product, baseline] = await Promise.all([
    bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundler }),
    bundleWorkflowCode({ workflowsPath: BENCH_WORKFLOWS_PATH, logger: quietBundler }),
  ]);
  return { product: product.code, baseline: baseline.code };
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

function run(worker: Worker): RunningWorker {
  const running = worker.run();
  running.catch((err) => process.stderr.write(`worker stopped: ${(err as Error).stack}\n`));
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => {});
    },
  };
}

/** The product's worker, exactly as `npm start` creates it (runtime/worker.ts), with the run's tuning. */
export async function startProductWorker(p: {
  connection: NativeConnection;
  client: Client;
  database: Database;
  config: Config;
  logger: Logger;
  bundle: string;
  mailer?: Transporter;
  tuning?: Partial<WorkerOptions>;
}): Promise<RunningWorker> {
  const worker = await createWorker({
    connection: p.connection,
    namespace: 'default',
    db: p.database.db,
    logger: p.logger,
    client: p.client,
    mailer: p.mailer,
    config: p.config,
    workflowBundle: { code: p.bundle },
    tuning: p.tuning,
  });
  return run(worker);
}

/** Counts workflows of the baseline that have run (told by a sink, without a server round trip). */
export class RunTracker {
  private readonly seen = new Set<string>();
  private readonly waiters = new Set<() => void>();

  record(workflowId: string): void {
    this.seen.add(workflowId);
    for (const wake of this.waiters) wake();
  }

  /** How many of `ids` have run. */
  count(ids: readonly string[]): number {
    let n = 0;
    for (const id of ids) if (this.seen.has(id)) n++;
    return n;
  }

  /** Resolve once every workflow in `ids` has run. */
  waitFor(ids: readonly string[], timeoutMs: number): Promise<void> {
    const missing = new Set(ids.filter((id) => !this.seen.has(id)));
    if (missing.size === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${missing.size} of ${ids.length} baseline workflows had not run after ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      const check = () => {
        for (const id of missing) if (this.seen.has(id)) missing.delete(id);
        if (missing.size > 0) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }
}

/** The baseline worker: same connection and worker options as the product's, bare workflows, a no-op activity. */
export async function startBaselineWorker(p: { connection: NativeConnection; bundle: string; tracker: RunTracker; tuning?: Partial<WorkerOptions> }): Promise<RunningWorker> {
  const worker = await Worker.create({
    connection: p.connection,
    namespace: 'default',
    taskQueue: BASELINE_QUEUE,
    workflowBundle: { code: p.bundle },
    activities: { async noopActivity() {} },
    sinks: { bench: { ran: { fn: (_info, workflowId: string) => p.tracker.record(workflowId), callDuringReplay: false } } },
    ...p.tuning,
  });
  return run(worker);
}

// ---- configuration and API ----

/** The product's configuration for a run: defaults, a fresh link secret, no SMTP unless given. */
export function benchConfig(extra: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'error',
    LINK_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'http://giaoviec.bench',
    DATA_DIR: os.tmpdir(),
    ...extra,
  });
}

/** A request and its answer, the body parsed when it is JSON. */
export type JsonRequest = <T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> }) => Promise<{ status: number; body: T }>;

export interface BenchApi {
  url: string;
  request: JsonRequest;
  close(): Promise<void>;
}

/**
 * Requests to `url` through node:http on one kept-alive connection, as a browser sends them: `fetch`
 * (undici) adds about 0.3 ms of its own to every request, which is the client's cost, not the server's.
 */
function jsonClient(url: string): { request: JsonRequest; close(): void } {
  const agent = new http.Agent({ keepAlive: true });
  const request: JsonRequest = (method, p, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body = o.rawBody;
    if (body === undefined && o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(o.body);
    }
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const req = http.request(url + p, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = (res.headers['content-type'] ?? '').includes('json') && text ? JSON.parse(text) : text;
          resolve({ status: res.statusCode ?? 0, body: json });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  };
  return { request, close: () => agent.destroy() };
}

/** `server` listening on an ephemeral port of 127.0.0.1, with a client for it; `close` stops both. */
export async function serveLocally(server: Server): Promise<BenchApi> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = jsonClient(url);
  return {
    url,
    request: client.request,
    close: () =>
      new Promise<void>((done) => {
        client.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** The product's Express app (api/app.ts) on an ephemeral port, as `npm start` serves it. */
export function startApi(deps: AppDeps): Promise<BenchApi> {
  return serveLocally(http.createServer(createApp(deps)));
}
