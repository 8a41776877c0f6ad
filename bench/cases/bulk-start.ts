/**
 * Bulk start: a generated plan appendix through the real import path (POST /api/plans/:id/import as
 * CSV, commit) until every task workflow runs and has projected itself, against starting as many no-op
 * workflows with `client.workflow.start` at the same concurrency.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { tasks } from '../../db/schema';
import { taskWorkflowId } from '../../workflows/constants';
import type { BenchContext } from '../context';
import { countSettled, insertPlan, planCsv } from '../generate';
import { BASELINE_QUEUE } from '../stack';
import { pool, processCpuMs, summarize, timed, waitUntil } from '../stats';
import { measured, type CaseResult } from '../types';

async function importPlan(ctx: BenchContext, count: number, label: string, seed: number): Promise<{ count: number; planId: string }> {
  const planId = await insertPlan(ctx.database.db, { code: label, periodStart: '2026-01-01', periodEnd: '2030-12-31' });
  const csv = planCsv({ count, leads: ctx.leads.slice(0, ctx.opts.agencies), seed, label });
  const res = await ctx.api.request<{ job: { taskCount: number } }>('POST', `/api/plans/${planId}/import`, {
    token: ctx.coordinatorToken,
    rawBody: csv,
    headers: { 'content-type': 'text/csv', 'x-file-name': `${label}.csv` },
  });
  if (res.status !== 202) throw new Error(`import of ${label} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  const expected = res.body.job.taskCount;
  await waitUntil(() => countSettled(ctx.database.db, planId), (n) => n >= expected, `${expected} projected task workflows of ${label}`, 30 * 60_000, 250);
  ctx.openTaskWorkflows += expected;
  ctx.memoryCurve.push({ openTaskWorkflows: ctx.openTaskWorkflows, rssMiB: Math.round(ctx.worker.memory().rss / 1024 ** 2) });
  return { count: expected, planId };
}

async function startNoops(ctx: BenchContext, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `bench-noop-${randomUUID()}`);
  await pool(ids, ctx.opts.concurrency, async (workflowId) => {
    await ctx.server.client.workflow.start('noopWorkflow', { taskQueue: BASELINE_QUEUE, workflowId });
  });
  await ctx.tracker.waitFor(ids, 30 * 60_000);
  return ids;
}

export async function bulkStart(ctx: BenchContext): Promise<CaseResult> {
  const { bulkTasks: n, bulkWarmup, reps } = ctx.opts;
  ctx.log(`bulk start: warm-up of ${bulkWarmup}`);
  const warm = await importPlan(ctx, bulkWarmup, 'BULK-WARMUP', 1);
  const noopIds = await startNoops(ctx, bulkWarmup);
  const ours: number[] = [];
  const base: number[] = [];
  // CPU ms per started workflow, per process: on a machine this small the processes share two cores,
  // so what each start costs in CPU is what bounds the throughput.
  const cpu = { ours: [] as CpuPerStart[], baseline: [] as CpuPerStart[] };
  const cpuOf = async <T>(count: () => number, side: CpuPerStart[], fn: () => Promise<T>): Promise<T> => {
    const before = cpuNow(ctx);
    const value = await fn();
    const after = cpuNow(ctx);
    const per = (k: keyof CpuPerStart) => (after[k] - before[k]) / count();
    side.push({ temporalServer: per('temporalServer'), productWorker: per('productWorker'), benchProcess: per('benchProcess') });
    return value;
  };
  for (let r = 0; r < reps; r++) {
    // Alternate which side goes first, so neither always runs on a fresher server.
    const runOurs = async () => {
      const { ms, value } = await timed(() => cpuOf(() => n, cpu.ours, () => importPlan(ctx, n, `BULK-${r + 1}`, 100 + r)));
      ours.push(value.count / (ms / 1000));
      ctx.log(`bulk start ${r + 1}/${reps}: ours ${value.count} tasks in ${(ms / 1000).toFixed(1)} s`);
    };
    const runBase = async () => {
      const { ms } = await timed(() => cpuOf(() => n, cpu.baseline, () => startNoops(ctx, n)));
      base.push(n / (ms / 1000));
      ctx.log(`bulk start ${r + 1}/${reps}: baseline ${n} workflows in ${(ms / 1000).toFixed(1)} s`);
    };
    if (r % 2 === 0) {
      await runOurs();
      await runBase();
    } else {
      await runBase();
      await runOurs();
    }
  }
  // What one start costs the server: the events of a task workflow at its first timer, and of a no-op.
  const [task] = await ctx.database.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, warm.planId)).limit(1);
  const taskEvents = (await ctx.server.client.workflow.getHandle(taskWorkflowId(task!.id)).fetchHistory()).events?.length ?? 0;
  const noopEvents = (await ctx.server.client.workflow.getHandle(noopIds[0]!).fetchHistory()).events?.length ?? 0;
  const o = summarize(ours);
  const b = summarize(base);
  const ratio = o.median / b.median;
  return {
    name: `bulk start (${n} tasks)`,
    ours: measured('import → every workflow projected', 'tasks/s', o),
    baseline: measured('client.workflow.start no-op', 'workflows/s', b),
    ratio,
    target: '≥ 0.5 × baseline',
    pass: ratio >= 0.5,
    detail: { tasks: n, concurrency: ctx.opts.concurrency, warmup: bulkWarmup, historyEventsPerTaskWorkflow: taskEvents, historyEventsPerNoop: noopEvents, cpuMsPerStart: cpu },
    notes: [
      `history events at the first timer: task workflow ${taskEvents}, no-op ${noopEvents} (the task also records its task_assigned notification)`,
      `CPU ms per start (median): ours ${describeCpu(cpu.ours)}; baseline ${describeCpu(cpu.baseline)}`,
    ],
  };
}

interface CpuPerStart {
  temporalServer: number;
  /** The worker process running the task workflows and their activities (idle during the baseline). */
  productWorker: number;
  /** This process: the API and the import on our side, the client and the baseline's worker on the other. */
  benchProcess: number;
}

function cpuNow(ctx: BenchContext): CpuPerStart {
  const own = process.cpuUsage();
  return { temporalServer: processCpuMs(ctx.server.pid), productWorker: processCpuMs(ctx.worker.pid), benchProcess: (own.user + own.system) / 1000 };
}

function describeCpu(samples: CpuPerStart[]): string {
  const median = (k: keyof CpuPerStart) => summarize(samples.map((s) => s[k])).median.toFixed(1);
  return `server ${median('temporalServer')}, product worker ${median('productWorker')}, bench process ${median('benchProcess')}`;
}
