import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createApp, type AppOptions } from '../../api/app';
import type { AppDeps } from '../../api/context';
import { createUser, ensureBootstrapAdmin, type CreateUserInput } from '../../api/services/users';
import { createTestDatabase, type TestDatabase } from './db';
import { DIGEST_SIGNAL_REUSE_MS } from '../../workflows/constants';
import { createLocalEnv, createTestWorker, createTimeSkippingEnv, testConfig, testLogger, type TestWorkerOptions } from './temporal';
import type { Config } from '../../runtime/config';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (a CSV, or deliberately broken JSON). */
  rawBody?: string | Uint8Array | FormData;
  headers?: Record<string, string>;
}

export interface TestStack {
  url: string;
  database: TestDatabase;
  env: TestWorkflowEnvironment;
  worker: Worker;
  deps: AppDeps;
  adminToken: string;
  request<T = any>(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse<T>>;
  /** A user of the given role (and agency), returning its token. */
  user(input: Omit<CreateUserInput, 'email' | 'name'> & { name?: string; email?: string }): Promise<string>;
  close(): Promise<void>;
}

const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** `fetch` against the API at `url`: JSON in and out, a token, raw bodies, the answer parsed. */
export function requester(url: string) {
  return async function request<T = any>(method: string, path: string, o: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: BodyInit | undefined;
    if (o.rawBody !== undefined) body = o.rawBody as BodyInit;
    else if (o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(o.body);
    }
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T };
  };
}

/**
 * The real stack for API tests: a Postgres database of its own, a Temporal server, the product's
 * worker, and the Express app on an ephemeral port.
 */
export async function startStack(
  opts: {
    label?: string;
    temporal?: 'time-skipping' | 'local';
    app?: AppOptions;
    worker?: TestWorkerOptions;
    /** Configuration over `testConfig`; a function is given the app's address (a redirect URI registered elsewhere needs it). */
    config?: Partial<Config> | ((url: string) => Partial<Config>);
  } = {},
): Promise<TestStack> {
  const database = await createTestDatabase(opts.label);
  const env = await (opts.temporal === 'local' ? createLocalEnv() : createTimeSkippingEnv());
  // The dev server keeps real time: there the worker coalesces digest signals as in production.
  const worker = await createTestWorker(env, database.db, { ...(opts.temporal === 'local' ? { digestSignalReuseMs: DIGEST_SIGNAL_REUSE_MS } : {}), ...opts.worker });
  const running = worker.run();
  // Listening before the app exists, so the configuration can know the app's own address.
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = { ...testConfig, ...(typeof opts.config === 'function' ? opts.config(url) : opts.config), DATABASE_URL: database.url };
  const deps: AppDeps = { database, temporal: env.client, config, logger: testLogger };
  server.on('request', createApp(deps, { checkReplies: true, ...opts.app }));
  await ensureBootstrapAdmin(database.db, ADMIN_TOKEN);

  const request = requester(url);

  let n = 0;
  return {
    url,
    database,
    env,
    worker,
    deps,
    adminToken: ADMIN_TOKEN,
    request,
    async user(input) {
      n++;
      const { token } = await createUser(database.db, { name: input.name ?? `User ${n}`, email: input.email ?? `user${n}@example.gov.vn`, ...input });
      return token;
    },
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      worker.shutdown();
      await running;
      await env.teardown();
      await database.drop();
    },
  };
}
