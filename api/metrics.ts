/**
 * `GET /metrics` in the Prometheus text format: HTTP latency by route pattern, the read model's tasks
 * by status and the outbox by status (read at scrape time), the Node process, and — when the worker
 * runs in this process (`npm start`) — the Temporal SDK core's worker metrics, fetched from its own
 * exporter and appended, so one scrape behind one access rule sees everything.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { count, eq, sql } from 'drizzle-orm';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { outbox, tasks } from '../db/schema';
import { TASK_STATUSES } from '../domain/task-status';
import { OUTBOX_STATUSES } from '../domain/vocabulary';
import type { AppDeps } from './context';
import { forbidden, unauthorized } from './errors';
import { overdueSql } from '../db/read-model/deadline';

// Requests range from a health probe (ms) to a committed import of thousands of rows (tens of s).
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

let processRegistry: Registry | undefined;

/** CPU, memory, event-loop lag, GC: registered once per process, however many apps it builds (tests build many). */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The route's pattern, never the path itself: ids in paths would make a series per task. Requests that
 * matched no route are `static` (a file of the UI) when answered, `unmatched` otherwise.
 */
function routeLabel(req: Request, status: number): string {
  const route = req.route as { path?: unknown } | undefined;
  if (route) return typeof route.path === 'string' ? req.baseUrl + route.path : 'web';
  return status < 400 ? 'static' : 'unmatched';
}

const isLoopback = (address: string | undefined) => !!address && (/^(::ffff:)?127\./.test(address) || address === '::1');

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * With METRICS_TOKEN: its bearer, from anywhere (401 otherwise). Without: only a client on this machine
 * talking to us directly; a request that came through a proxy (forwarding headers) or from another
 * machine gets 403, so a reverse proxy that publishes the site does not publish the metrics too.
 */
function checkAccess(req: Request, token: string | undefined): void {
  if (token) {
    const given = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), digest(token))) {
      throw unauthorized('Thiếu hoặc sai mã truy cập số liệu giám sát (METRICS_TOKEN).');
    }
    return;
  }
  const proxied = req.get('x-forwarded-for') ?? req.get('forwarded') ?? req.get('x-real-ip');
  if (proxied !== undefined || !isLoopback(req.socket.remoteAddress)) {
    throw forbidden('Số liệu giám sát chỉ mở cho chính máy chủ này; đặt METRICS_TOKEN để cho phép truy cập từ nơi khác.');
  }
}

interface ReadModelCounts {
  tasks: Map<string, number>;
  overdue: number;
  outbox: Map<string, number>;
}

/** Two aggregate queries on indexed columns; group parents are left out, as in the plan statistics (their children count). */
async function readCounts(deps: AppDeps): Promise<ReadModelCounts> {
  const { db } = deps.database;
  const [taskRows, outboxRows] = await Promise.all([
    db
      .select({ status: tasks.status, n: count(), overdue: sql<number>`count(*) filter (where ${overdueSql()})`.mapWith(Number) })
      .from(tasks)
      .where(eq(tasks.isGroup, false))
      .groupBy(tasks.status),
    db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status),
  ]);
  return {
    tasks: new Map(taskRows.map((r) => [r.status, r.n])),
    overdue: taskRows.reduce((sum, r) => sum + r.overdue, 0),
    outbox: new Map(outboxRows.map((r) => [r.status, r.n])),
  };
}

export interface AppMetrics {
  /** Times every request; mount first. */
  record: RequestHandler;
  /** `GET /metrics`. */
  serve: RequestHandler;
}

export function createAppMetrics(deps: AppDeps): AppMetrics {
  const registry = new Registry();
  const duration = new Histogram({
    name: 'giaoviec_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status: latency (its _count is the number of requests)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });

  // One read per scrape, shared by the gauges that show it (prom-client collects them side by side).
  let reading: Promise<ReadModelCounts | undefined> | undefined;
  const counts = () =>
    (reading ??= readCounts(deps)
      .catch((err: unknown) => {
        deps.logger.warn({ err }, 'metrics: the read model did not answer');
        return undefined;
      })
      .finally(() => {
        reading = undefined;
      }));

  const up = new Gauge({
    name: 'giaoviec_metrics_source_up',
    help: 'Whether a source of these metrics answered this scrape (read_model; worker when the worker runs in this process)',
    labelNames: ['source'] as const,
    registers: [registry],
    async collect() {
      this.set({ source: 'read_model' }, (await counts()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'giaoviec_tasks',
    help: 'Tasks in the read model by status (group parents excluded: each member agency has its own task)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const c = await counts();
      if (c) for (const status of TASK_STATUSES) this.set({ status }, c.tasks.get(status) ?? 0);
    },
  });
  new Gauge({
    name: 'giaoviec_tasks_overdue',
    help: 'Open tasks past their due date (the overdue flag of the task list)',
    registers: [registry],
    async collect() {
      this.reset();
      const c = await counts();
      if (c) this.set(c.overdue);
    },
  });
  new Gauge({
    name: 'giaoviec_outbox_messages',
    help: 'Mail in the outbox by status (pending: waiting or no SMTP_URL; failed: gave up after retries)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const c = await counts();
      if (c) for (const status of OUTBOX_STATUSES) this.set({ status }, c.outbox.get(status) ?? 0);
    },
  });

  /** The SDK core's exposition, as it serves it; empty (and the source down) when it does not answer. */
  async function workerMetrics(): Promise<string> {
    if (!deps.workerMetricsUrl) return '';
    try {
      const res = await fetch(deps.workerMetricsUrl, { signal: AbortSignal.timeout(2000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      up.set({ source: 'worker' }, 1);
      return await res.text();
    } catch (err) {
      deps.logger.warn({ err, url: deps.workerMetricsUrl }, 'metrics: the worker exporter did not answer');
      up.set({ source: 'worker' }, 0);
      return '';
    }
  }

  return {
    record(req, res, next) {
      const start = process.hrtime.bigint();
      res.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        duration.observe({ method: req.method, route: routeLabel(req, res.statusCode), status: String(res.statusCode) }, seconds);
      });
      next();
    },
    async serve(req, res) {
      checkAccess(req, deps.config.METRICS_TOKEN);
      // The worker's text first: its `up` gauge is set before our registry renders.
      const worker = await workerMetrics();
      const parts = [await processMetrics().metrics(), await registry.metrics(), worker];
      res
        .set('content-type', registry.contentType)
        .set('cache-control', 'no-store')
        .send(parts.map((p) => p.trimEnd()).filter(Boolean).join('\n') + '\n');
    },
  };
}
