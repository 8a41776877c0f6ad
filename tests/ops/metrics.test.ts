/**
 * `/metrics` of `npm start` (its own process: the API, the worker, the embedded Temporal dev server) on a
 * Postgres read model the test can read too: who may scrape it, HTTP latency by route pattern, tasks and
 * outbox by status as the database has them, and the Temporal SDK's worker metrics, both appended by
 * npm start and served by a separate `scripts/worker.ts`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { outbox, tasks } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { freePorts, seedThroughApi, startEmbeddedStack, type EmbeddedStack } from '../helpers/embedded-stack';
import { runScript } from '../helpers/scripts';
import { requester } from '../helpers/stack';
import { testConfig, testLogger } from '../helpers/temporal';
import { waitFor } from '../helpers/wait';

const ADMIN = 'ops-metrics-admin-token-0123456789abcdef';
const METRICS_TOKEN = 'ops-metrics-scrape-token-0123456789abcdef';
const LINK_SECRET = 'ops-metrics-link-secret-0123456789abcdef';
const dataDir = mkdtempSync(path.join(tmpdir(), 'giaoviec-metrics-'));

let database: TestDatabase;
let stack: EmbeddedStack;
let coordinator: string;
const taskIds: string[] = [];

/** One sample of the exposition: `name{labels} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of m[2]?.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g) ?? []) labels[k!] = v!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

/** A scrape with METRICS_TOKEN, another token, or (null) none. */
async function scrape(url = stack.url, token: string | null = METRICS_TOKEN) {
  const res = await fetch(`${url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

beforeAll(async () => {
  database = await createTestDatabase('ops_metrics');
  stack = await startEmbeddedStack({ DATA_DIR: dataDir, DATABASE_URL: database.url, BOOTSTRAP_ADMIN_TOKEN: ADMIN, METRICS_TOKEN, LINK_SECRET });
  const seeded = await seedThroughApi(stack, ADMIN);
  coordinator = seeded.coordinator;
  const year = new Date().getFullYear();
  for (const [title, dates] of [
    ['Xây dựng kho dữ liệu dùng chung', { dueDate: `${year + 1}-09-30` }],
    ['Số hóa hồ sơ lưu trữ', { startDate: '2021-01-01', dueDate: '2022-06-30' }], // long overdue
    ['Nâng cấp Cổng dịch vụ công', { dueDate: `${year + 1}-06-30` }],
  ] as const) {
    const res = await stack.request('POST', `/api/plans/${seeded.planId}/tasks`, { token: coordinator, body: { title, leadAgency: 'STTTT', ...dates } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    taskIds.push(res.body.id);
  }
  expect((await stack.request('POST', `/api/tasks/${taskIds[0]}/acknowledge`, { token: seeded.clerk, body: {} })).status).toBe(200);
  expect((await stack.request('POST', `/api/tasks/${taskIds[2]}/cancel`, { token: coordinator, body: { reason: 'Gộp vào nhiệm vụ khác' } })).status).toBe(200);
  // Mail that went out and mail that gave up, beside whatever the workflows wrote.
  const mail = (status: 'sent' | 'failed') => ({
    idempotencyKey: `ops-metrics-${randomUUID()}`,
    kind: 'status_change' as const,
    to: ['vanthu@stttt.example.gov.vn'],
    subject: 'Thông báo',
    text: 'Nội dung',
    html: '<p>Nội dung</p>',
    scheduledFor: new Date(),
    status,
    messageId: `<${randomUUID()}@giaoviec.local>`,
  });
  await database.db.insert(outbox).values([mail('sent'), mail('sent'), mail('failed')]);
});

afterAll(async () => {
  if (stack) expect(await stack.stop()).toBe(0);
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start's /metrics", () => {
  it('answers only to METRICS_TOKEN when it is set: not without it, not to a wrong one, not to a user token', async () => {
    for (const token of [null, 'not-the-metrics-token-0123456789abcdef', ADMIN]) {
      const res = await scrape(stack.url, token);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.text).error.code).toBe('unauthorized');
      expect(res.text).not.toContain('giaoviec_tasks');
    }
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(() => parse(ok.text)).not.toThrow();
  });

  it('times requests by route pattern, method and status; never by the raw path', async () => {
    const id = taskIds[0]!;
    const unknown = randomUUID();
    expect((await stack.request('GET', `/api/tasks/${id}`, { token: coordinator })).status).toBe(200);
    expect((await stack.request('GET', `/api/tasks/${id}`, { token: coordinator })).status).toBe(200);
    expect((await stack.request('GET', `/api/tasks/${unknown}`, { token: coordinator })).status).toBe(404);
    const { text } = await scrape();
    const samples = parse(text);
    const series = { method: 'GET', route: '/api/tasks/:id' };
    const ok = find(samples, 'giaoviec_http_request_duration_seconds_count', { ...series, status: '200' });
    expect(ok).toHaveLength(1);
    // Two here, and any the seeding read back.
    expect(ok[0]!.value).toBeGreaterThanOrEqual(2);
    expect(find(samples, 'giaoviec_http_request_duration_seconds_count', { ...series, status: '404' })[0]?.value).toBe(1);
    const buckets = find(samples, 'giaoviec_http_request_duration_seconds_bucket', { ...series, status: '200' });
    expect(buckets.map((b) => b.labels.le)).toContain('+Inf');
    expect(buckets.find((b) => b.labels.le === '+Inf')!.value).toBe(ok[0]!.value);
    expect(find(samples, 'giaoviec_http_request_duration_seconds_sum', { ...series, status: '200' })[0]!.value).toBeGreaterThan(0);
    expect(find(samples, 'giaoviec_http_request_duration_seconds_count', { method: 'POST', route: '/api/plans/:id/tasks', status: '201' })[0]?.value).toBe(3);
    expect(text).not.toContain(id);
    expect(text).not.toContain(unknown);
  });

  it('counts tasks by status, the overdue ones, and the outbox by status, as the database has them', async () => {
    const dbCounts = async () => {
      const [t, overdue, o] = await Promise.all([
        database.db.select({ status: tasks.status, n: count() }).from(tasks).where(eq(tasks.isGroup, false)).groupBy(tasks.status),
        stack.request('GET', '/api/tasks?overdue=true&limit=200', { token: coordinator }),
        database.db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status),
      ]);
      return { tasks: Object.fromEntries(t.map((r) => [r.status, r.n])), overdue: overdue.body.items.length as number, outbox: Object.fromEntries(o.map((r) => [r.status, r.n])) };
    };
    const fromMetrics = (samples: Sample[], name: string) =>
      Object.fromEntries(find(samples, name).filter((s) => s.value > 0).map((s) => [s.labels.status, s.value]));
    // The workflows may still be writing (reminders of the overdue task): compare a scrape taken
    // between two equal reads of the database.
    let compared = false;
    for (let attempt = 0; attempt < 20 && !compared; attempt++) {
      const before = await dbCounts();
      const samples = parse((await scrape()).text);
      if (!isDeepStrictEqual(await dbCounts(), before)) continue;
      expect({
        tasks: fromMetrics(samples, 'giaoviec_tasks'),
        overdue: find(samples, 'giaoviec_tasks_overdue')[0]!.value,
        outbox: fromMetrics(samples, 'giaoviec_outbox_messages'),
      }).toEqual(before);
      expect(before.tasks).toEqual({ assigned: 1, in_progress: 1, cancelled: 1 });
      expect(before.overdue).toBe(1);
      expect(before.outbox.sent).toBeGreaterThanOrEqual(2);
      expect(before.outbox.failed).toBeGreaterThanOrEqual(1);
      // Every status has its series, zeros included, so a rate or an alert never sees a gap.
      expect(find(samples, 'giaoviec_tasks').map((s) => s.labels.status).sort()).toEqual(['assigned', 'cancelled', 'completed', 'completion_submitted', 'in_progress']);
      expect(find(samples, 'giaoviec_outbox_messages').map((s) => s.labels.status).sort()).toEqual(['failed', 'pending', 'sending', 'sent']);
      expect(find(samples, 'giaoviec_metrics_source_up', { source: 'read_model' })[0]!.value).toBe(1);
      compared = true;
    }
    expect(compared, 'the database never held still for one scrape').toBe(true);
  });

  it("carries the worker's Temporal SDK metrics: slots, pollers, workflow task latency", async () => {
    // The workflow tasks of the commands above were executed by this worker.
    const samples = parse((await scrape()).text);
    const worker = { task_queue: 'giao-viec', namespace: 'default' };
    expect(find(samples, 'giaoviec_metrics_source_up', { source: 'worker' })[0]!.value).toBe(1);
    expect(find(samples, 'temporal_worker_task_slots_available', { ...worker, worker_type: 'WorkflowWorker' })[0]!.value).toBeGreaterThan(0);
    expect(find(samples, 'temporal_num_pollers', { ...worker, poller_type: 'workflow_task' })[0]!.value).toBeGreaterThan(0);
    expect(find(samples, 'temporal_workflow_task_execution_latency_seconds_count', worker)[0]!.value).toBeGreaterThan(0);
    // One family, one TYPE line: the two expositions do not collide.
    const types = (await scrape()).text.split('\n').filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]);
    expect(types.length).toBe(new Set(types).size);
  });
});

describe('without METRICS_TOKEN', () => {
  it('answers this machine directly, and refuses a request that came through a proxy', async () => {
    // The same app as npm start's, in this process, with no METRICS_TOKEN.
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const app = createApp({ database, temporal: new Client({ connection }), config: { ...testConfig, DATABASE_URL: database.url, METRICS_TOKEN: undefined }, logger: testLogger });
    const server = await new Promise<net.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    try {
      const local = await scrape(url, null);
      expect(local.status).toBe(200);
      const samples = parse(local.text);
      expect(find(samples, 'giaoviec_tasks', { status: 'in_progress' })[0]!.value).toBe(1);
      // No worker in this process: no worker series.
      expect(find(samples, 'giaoviec_metrics_source_up', { source: 'worker' })).toEqual([]);
      const proxied: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }, { 'x-real-ip': '203.0.113.7' }];
      for (const header of proxied) {
        const res = await requester(url)('GET', '/metrics', { headers: header });
        expect(res.status).toBe(403);
        expect(res.body.error.message).toContain('METRICS_TOKEN');
      }
    } finally {
      server.close();
      await connection.close();
    }
  });
});

describe('scripts/worker.ts', () => {
  const workerEnv = () => ({ TEMPORAL_ADDRESS: stack.temporalAddress, DATABASE_URL: database.url, LINK_SECRET, DATA_DIR: dataDir, LOG_FORMAT: 'json', LOG_LEVEL: 'info' });

  it('serves its Temporal SDK metrics at METRICS_WORKER_ADDRESS', async () => {
    const [port] = await freePorts(1);
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      env: { ...process.env, ...workerEnv(), METRICS_WORKER_ADDRESS: `127.0.0.1:${port}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(async () => output, (o) => o.includes('worker polling') || child.exitCode !== null, 'the worker polling', 60_000);
      expect(child.exitCode, output).toBe(null);
      const text = await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text(),
        (body) => body.includes('temporal_num_pollers'),
        "the worker's pollers in its metrics",
        20_000,
      );
      const samples = parse(text);
      expect(find(samples, 'temporal_worker_task_slots_available', { task_queue: 'giao-viec', worker_type: 'ActivityWorker' })[0]!.value).toBeGreaterThan(0);
      expect(find(samples, 'temporal_worker_start_total', { task_queue: 'giao-viec' })[0]!.value).toBe(1);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('stops with one clear sentence when the address asked for is taken', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const res = await runScript('worker', [], { ...workerEnv(), METRICS_WORKER_ADDRESS: `127.0.0.1:${port}` });
      expect(res.code).toBe(1);
      expect(res.output).toContain(`127.0.0.1:${port} is already in use, so the worker's metrics cannot be served there`);
      expect(res.output).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });
});

it('npm start names malformed METRICS_* variables', async () => {
  const res = await runScript('start', [], { DATA_DIR: dataDir, METRICS_TOKEN: 'short', METRICS_WORKER_ADDRESS: 'everywhere' });
  expect(res.code).toBe(1);
  expect(res.output).toMatch(/Invalid configuration: .*METRICS_TOKEN must be at least 24 characters/);
  expect(res.output).toContain('METRICS_WORKER_ADDRESS must be host:port, like 127.0.0.1:9464, or off');
});
