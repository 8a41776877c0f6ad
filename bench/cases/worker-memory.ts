/**
 * Worker memory: resident set of the product's worker process once `--memory-tasks` task workflows are
 * open and have all reached their first timer (the bulk-start workflows count; more are started here).
 */
import { startTaskWorkflows } from '../../activities/task-starter';
import type { BenchContext } from '../context';
import { countSettled, insertAssignedTasks, insertPlan } from '../generate';
import { summarize, waitUntil } from '../stats';
import { measured, type CaseResult } from '../types';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export async function workerMemory(ctx: BenchContext): Promise<CaseResult> {
  const target = ctx.opts.memoryTasks;
  const missing = target - ctx.openTaskWorkflows;
  if (missing > 0) {
    ctx.log(`worker memory: starting ${missing} more task workflows (open so far: ${ctx.openTaskWorkflows})`);
    const planId = await insertPlan(ctx.database.db, { code: 'MEMORY', periodStart: '2026-01-01', periodEnd: '2030-12-31' });
    const ids = await insertAssignedTasks(ctx.database.db, { planId, count: missing, leads: ctx.leads.slice(0, ctx.opts.agencies), dueDate: '2029-12-31', startDate: '2026-01-01', label: 'memory' });
    await startTaskWorkflows(ctx.server.client, ctx.database.db, ids, { userId: null, name: 'bench', role: 'coordinator', agencyCode: 'STTTT' }, { concurrency: ctx.opts.concurrency });
    await waitUntil(() => countSettled(ctx.database.db, planId), (n) => n >= missing, `${missing} task workflows at their first timer`, 30 * 60_000, 500);
    ctx.openTaskWorkflows += missing;
  }
  // Three readings a second apart: the figure is the median, the peak is reported as well.
  const readings: number[] = [];
  for (let i = 0; i < 3; i++) {
    readings.push(ctx.worker.memory().rss);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const { peak } = ctx.worker.memory();
  ctx.memoryCurve.push({ openTaskWorkflows: ctx.openTaskWorkflows, rssMiB: Math.round(readings.at(-1)! / MiB) });
  const rss = summarize(readings.map((b) => b / MiB));
  return {
    name: `worker memory (${ctx.openTaskWorkflows} open workflows)`,
    ours: measured('RSS of the worker process', 'MiB', rss),
    ratio: (rss.median * MiB) / GiB,
    target: '≤ 1 GiB',
    pass: rss.median * MiB <= GiB && peak <= GiB,
    detail: { curve: ctx.memoryCurve, openTaskWorkflows: ctx.openTaskWorkflows, rssMiB: rss.median, peakRssMiB: peak / MiB, workerPid: ctx.worker.pid },
    notes: [`peak RSS during the run ${(peak / MiB).toFixed(0)} MiB; RSS by open workflows: ${ctx.memoryCurve.map((p) => `${p.openTaskWorkflows} → ${p.rssMiB} MiB`).join(', ')}`],
  };
}
