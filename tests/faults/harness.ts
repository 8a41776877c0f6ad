/**
 * The stack the fault tests break: the product as it is deployed, in pieces that can each be killed —
 * the Temporal dev server on a SQLite file (kill -9, start again on the same file), the worker as its
 * own process (`scripts/worker.ts`, kill -9), the API in this process, a Postgres database of its own
 * (connections can be cut) and an in-process SMTP server (can go down).
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { pino } from 'pino';
import { createApp } from '../../api/app';
import { freePort } from '../../bench/stack';
import { startWorkerProcess, type WorkerProcess } from '../../bench/worker-process';
import type { AppDeps } from '../../api/context';
import { verifyConsistency, type VerifyReport } from '../../api/services/verify';
import { ensureBootstrapAdmin, createUser, type CreateUserInput } from '../../api/services/users';
import { seedCalendarDays } from '../../db/seed/calendar-days';
import { loadConfig } from '../../runtime/config';
import { startEmbeddedTemporal, type EmbeddedTemporal } from '../../runtime/embedded-temporal';
import { resolveTemporalBinary } from '../../runtime/temporal-binaries';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/db';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { requester, type ApiResponse, type RequestOptions } from '../helpers/stack';

export const LINK_SECRET = 'fault-suite-link-secret-0123456789abcdef';
const ADMIN_TOKEN = 'fault-suite-admin-token-0123456789abcdef';
const ROOT = path.resolve(import.meta.dirname, '../..');
const LOG_DIR = path.join(ROOT, 'tests/.tmp/faults');

/**
 * The faults make the API answer 503 and log each one: too many lines for the console, so the API's
 * warnings and errors go to a file beside the workers' logs, where an unexpected 500 can be read.
 */
const logger = pino({ name: 'giao-viec', level: process.env.TEST_LOG_LEVEL ?? 'warn' }, pino.destination({ dest: path.join(LOG_DIR, 'api.log'), mkdir: true, sync: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The worker as deployed (bench/worker-process.ts), started again after each kill, one log file per start. */
class Worker {
  private current?: WorkerProcess;
  private starts = 0;
  constructor(private readonly env: Record<string, string>, private readonly label: string) {}

  async start(): Promise<void> {
    mkdirSync(LOG_DIR, { recursive: true });
    this.current = await startWorkerProcess(this.env, { logFile: path.join(LOG_DIR, `${this.label}-worker-${++this.starts}.log`) });
  }

  /** kill -9: no shutdown, activities cut in the middle. */
  kill = async () => this.current?.kill();
  stop = async () => this.current?.stop();
}

/** The Temporal dev server on a SQLite file that outlives it. */
class TemporalServer {
  private server?: EmbeddedTemporal;
  readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'gv-faults-temporal-'));
  constructor(readonly port: number, private readonly uiPort: number) {}

  get address() {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = await startEmbeddedTemporal({
      cliPath: (await resolveTemporalBinary('cli')) ?? 'temporal',
      dataDir: this.dataDir,
      port: this.port,
      uiPort: this.uiPort,
      namespace: 'default',
      logger,
    });
  }

  /** kill -9 of the server process: whatever it had not written to its database is gone. */
  async kill(): Promise<void> {
    const pid = Number(readFileSync(path.join(this.dataDir, 'temporal.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && (await isListening(this.port)); i++) await sleep(100);
    this.server = undefined;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  remove(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface FaultStack {
  database: TestDatabase;
  temporal: TemporalServer;
  worker: Worker;
  client: Client;
  smtp: TestSmtpServer;
  url: string;
  adminToken: string;
  request<T = any>(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse<T>>;
  user(input: Omit<CreateUserInput, 'email' | 'name'> & { name?: string; email?: string }): Promise<string>;
  /** Cut every connection Postgres has to this test's database (pg_terminate_backend). Returns how many. */
  cutDatabaseConnections(): Promise<number>;
  verify(): Promise<VerifyReport>;
  close(): Promise<void>;
}

export async function startFaultStack(label: string): Promise<FaultStack> {
  const database = await createTestDatabase(`faults_${label}`);
  await seedCalendarDays(database.db);
  await ensureBootstrapAdmin(database.db, ADMIN_TOKEN);
  const smtp = await startSmtpServer();
  const temporal = new TemporalServer(await freePort(), await freePort());
  await temporal.start();
  const worker = new Worker(
    {
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default',
      DATABASE_URL: database.url,
      LINK_SECRET,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Giao việc <giaoviec@sonla.gov.vn>',
      PUBLIC_URL: 'http://giaoviec.test',
      DATA_DIR: temporal.dataDir,
    },
    label,
  );
  await worker.start();

  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: 'default' });
  const config = loadConfig({ LOG_LEVEL: 'error', LINK_SECRET, PUBLIC_URL: 'http://giaoviec.test', DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporal.address, SMTP_URL: smtp.url });
  const deps: AppDeps = { database, temporal: client, config, logger };
  const app = createApp(deps, { authFailuresPerWindow: 100_000 });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let n = 0;
  const stack: FaultStack = {
    database,
    temporal,
    worker,
    client,
    smtp,
    url,
    adminToken: ADMIN_TOKEN,
    request: requester(url),
    async user(input) {
      n++;
      const { token } = await createUser(database.db, { name: input.name ?? `Người dùng ${n}`, email: input.email ?? `user${n}@example.gov.vn`, ...input });
      return token;
    },
    async cutDatabaseConnections() {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        const res = await admin.query('select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database.name]);
        return (res.rows[0] as { n: number }).n;
      } finally {
        await admin.end();
      }
    },
    verify: () => verifyConsistency(database.db, client, { smtpConfigured: true }),
    async close() {
      // Each step bounded and named: a stop that hangs is itself a finding.
      const step = (name: string, fn: () => Promise<unknown>) =>
        Promise.race([fn(), sleep(60_000).then(() => Promise.reject(new Error(`closing the fault stack: ${name} did not finish within 60 s`)))]);
      await step('http server', () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      );
      await step('worker', () => worker.stop());
      await step('temporal client', () => connection.close());
      await step('temporal server', () => temporal.stop());
      temporal.remove();
      await step('smtp server', () => smtp.close());
      await step('database', () => database.drop());
    },
  };
  return stack;
}

// ---- the suite's summary ----

export interface FaultRecord {
  scenario: string;
  faults: number;
  tasks: number;
  transitions: number;
  mails: number;
  lost: number;
  duplicated: number;
  notes?: string;
}

export const SUMMARY_FILE = path.join(ROOT, 'tests/.tmp/faults-summary.jsonl');

/** What a scenario found itself; the counts of what was checked come from its final verify. */
export type ScenarioFindings = Pick<FaultRecord, 'scenario' | 'faults' | 'lost' | 'duplicated' | 'notes'>;

/** One line of the summary that `npm run test:faults` prints at the end. */
export function recordFaults(found: ScenarioFindings, report: VerifyReport): void {
  mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
  const line: FaultRecord = {
    ...found,
    tasks: report.tasksChecked,
    transitions: report.transitionsChecked,
    mails: report.mailsChecked,
    lost: found.lost + report.lost,
    duplicated: found.duplicated + report.duplicated,
  };
  appendFileSync(SUMMARY_FILE, `${JSON.stringify(line)}\n`);
}
