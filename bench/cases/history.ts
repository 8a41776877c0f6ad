/**
 * History: one task's workflow through a simulated life of `--history-years` years on the
 * time-skipping test server, with the product's worker and every reminder of DESIGN.md §6 — unacknowledged
 * for two weeks (ack reminders, escalation), a progress report per year, due reminders, then three
 * months overdue (weekly notices, escalation). The figure is the largest history of any one run, in
 * events and bytes, before continue-as-new; Temporal refuses a history above 50,000 events or 50 MB.
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import proto from '@temporalio/proto';
import { startTaskWorkflows } from '../../activities/task-starter';
import { tasks } from '../../db/schema';
import { addDays, localDate } from '../../domain/calendar';
import type { Actor } from '../../domain/task-machine';
import { searchableText } from '../../domain/text';
import { createWorker } from '../../runtime/worker';
import { sdkExecutable } from '../../runtime/temporal-binaries';
import { taskWorkflowId } from '../../workflows/constants';
import { acknowledgeTaskUpdate, cancelTaskUpdate, reportProgressUpdate } from '../../workflows/messages';
import type { BenchContext } from '../context';
import { insertPlan } from '../generate';
import { summarize } from '../stats';
import { measured, type CaseResult } from '../types';

const EVENT_LIMIT = 50_000;
const BYTE_LIMIT = 50 * 1024 * 1024;
const DAY = 86_400_000;

interface RunHistory {
  runId: string;
  events: number;
  bytes: number;
}

/** Every run of the workflow, newest first, following continue-as-new back to the first. */
async function runHistories(env: TestWorkflowEnvironment, workflowId: string): Promise<RunHistory[]> {
  const out: RunHistory[] = [];
  let runId: string | undefined = (await env.client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history: proto.temporal.api.history.v1.IHistory = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: proto.temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    out.push({ runId, events: events.length, bytes: proto.temporal.api.history.v1.History.encode(history).finish().length });
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return out;
}

export async function historyCase(ctx: BenchContext): Promise<CaseResult> {
  const years = ctx.opts.historyYears;
  ctx.log(`history: a ${years}-year life on the time-skipping test server`);
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: await sdkExecutable('testServer') } });
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    db: ctx.database.db,
    logger: ctx.logger,
    client: env.client,
    config: ctx.config,
    workflowBundle: { code: ctx.bundles.product },
  });
  const running = worker.run();
  try {
    const lead = ctx.leads[0]!;
    const actor: Actor = { userId: null, name: `Văn thư ${lead.code}`, role: 'agency', agencyCode: lead.code };
    const coordinator: Actor = { userId: null, name: 'bench', role: 'coordinator', agencyCode: 'STTTT' };
    const start = await env.currentTimeMs();
    const startDate = localDate(start);
    // Due three months before the end of the life, so that the last months are overdue.
    const dueDate = addDays(startDate, years * 365 - 90);
    const planId = await insertPlan(ctx.database.db, { code: 'HISTORY', periodStart: startDate, periodEnd: `${Number(dueDate.slice(0, 4)) + 1}-12-31` });
    const id = randomUUID();
    const title = 'Duy trì, vận hành kho dữ liệu dùng chung của tỉnh (vòng đời 5 năm)';
    await ctx.database.db.insert(tasks).values({ id, planId, title, titleSearch: searchableText(title), leadAgencyCode: lead.code, coordinatingAgencyCodes: [ctx.leads[1]!.code], kind: 'new', startDate, dueDate, originalDueDate: dueDate, currentDueDate: dueDate, createdAt: new Date(start) });
    await startTaskWorkflows(env.client, ctx.database.db, [id], coordinator);
    const handle = env.client.workflow.getHandle(taskWorkflowId(id));
    const skipTo = async (ms: number) => {
      const now = await env.currentTimeMs();
      if (ms > now) await env.sleep(ms - now);
    };

    await skipTo(start + 14 * DAY);
    await handle.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor }] });
    for (let y = 1; y < years; y++) {
      await skipTo(start + y * 365 * DAY);
      await handle.executeUpdate(reportProgressUpdate, { args: [{ actor, percent: Math.round((100 * y) / years), note: `Báo cáo năm thứ ${y}` }] });
      ctx.log(`history: year ${y} done`);
    }
    await skipTo(start + years * 365 * DAY);
    const runs = await runHistories(env, taskWorkflowId(id));
    await handle.executeUpdate(cancelTaskUpdate, { args: [{ actor: coordinator, reason: 'hết vòng đời mô phỏng' }] });

    const events = summarize(runs.map((r) => r.events));
    const bytes = summarize(runs.map((r) => r.bytes));
    const eventShare = events.max / EVENT_LIMIT;
    const byteShare = bytes.max / BYTE_LIMIT;
    const totalEvents = runs.reduce((s, r) => s + r.events, 0);
    const totalBytes = runs.reduce((s, r) => s + r.bytes, 0);
    return {
      name: `history (${years}-year life, ${runs.length} runs)`,
      // One life, measured once: the figure is its largest run (every run is in the detail).
      ours: measured('largest run: events', 'events', summarize([events.max])),
      baseline: measured('Temporal limit', 'events', summarize([EVENT_LIMIT])),
      ratio: Math.max(eventShare, byteShare),
      target: '≤ 2 % of the limit',
      pass: eventShare <= 0.02 && byteShare <= 0.02,
      detail: { runs, largestRunEvents: events.max, largestRunBytes: bytes.max, eventShare, byteShare, totalEvents, totalBytes, dueDate, startDate },
      notes: [`largest run ${events.max} events (${(eventShare * 100).toFixed(2)} %), ${(bytes.max / 1024).toFixed(0)} KiB (${(byteShare * 100).toFixed(3)} %); whole life ${totalEvents} events, ${(totalBytes / 1024).toFixed(0)} KiB over ${runs.length} runs`],
    };
  } finally {
    worker.shutdown();
    await running.catch(() => {});
    await env.teardown();
  }
}
