/**
 * Command latency: `POST /api/tasks/:id/acknowledge` → 200 (HTTP, auth, Update with validator, the
 * projection activity, the answer) against `executeUpdate` of a no-op Update on a bare workflow, both
 * on workflows in their worker's cache. One command at a time, so that the figures are latencies, not
 * queueing. What a cache miss adds (the workflow replayed from its history) is reported beside, and so
 * are the parts: the acknowledge Update without HTTP, and a no-op Update that awaits a local activity
 * doing nothing (what writing before answering costs at the least).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import { tasks } from '../../db/schema';
import type { BenchContext } from '../context';
import { BASELINE_QUEUE } from '../stack';
import { interleaved, latencies, summarize, type Latencies } from '../stats';
import { noopUpdate, updatableWorkflow } from '../workflows';
import { taskWorkflowId } from '../../workflows/constants';
import { acknowledgeTaskUpdate } from '../../workflows/messages';
import { MAX_CACHED_WORKFLOWS } from '../../runtime/worker';
import { measured, type CaseResult } from '../types';

export async function commandLatency(ctx: BenchContext): Promise<CaseResult[]> {
  const { latencySamples: n, reps } = ctx.opts;
  const warmup = Math.max(5, Math.round(n / 10));
  // Besides the measured commands, a share goes straight to the workflow (no HTTP): where the time goes.
  const direct = Math.max(10, Math.round(n / 4));
  const needed = warmup + (n + direct) * reps;
  const leadCodes = [...ctx.agencyTokens.keys()];
  const assigned = and(eq(tasks.status, 'assigned'), gte(tasks.lastSeq, 1), inArray(tasks.leadAgencyCode, leadCodes));
  const columns = { id: tasks.id, lead: tasks.leadAgencyCode };
  // Like the baseline's workflow, ours are in the worker's cache: the tasks projected last are the
  // workflows the worker touched last (its cache keeps the most recent MAX_CACHED_WORKFLOWS).
  const rows = await ctx.database.db.select(columns).from(tasks).where(assigned).orderBy(desc(tasks.updatedAt)).limit(needed);
  if (rows.length < needed) throw new Error(`command latency needs ${needed} assigned tasks with running workflows, found ${rows.length} (run the bulk case first)`);
  if (needed > MAX_CACHED_WORKFLOWS) throw new Error(`--latency-samples ${n} needs ${needed} workflows, more than the worker caches (${MAX_CACHED_WORKFLOWS})`);
  // And, where more workflows are open than the cache holds, the ones touched longest ago: evicted, so
  // each command first replays the workflow's history. No target; it tells what a cache miss costs.
  const open = await ctx.database.db.$count(tasks, assigned);
  const evicted = open - needed > MAX_CACHED_WORKFLOWS ? await ctx.database.db.select(columns).from(tasks).where(assigned).orderBy(asc(tasks.updatedAt)).limit(Math.min(n, open - needed - MAX_CACHED_WORKFLOWS)) : [];

  // The baseline's workflows, started and running before any measurement.
  const startUpdatable = async (awaitLocalActivity: boolean) => {
    const ids = Array.from({ length: 8 }, () => `bench-updatable-${randomUUID()}`);
    for (const workflowId of ids) await ctx.server.client.workflow.start(updatableWorkflow, { taskQueue: BASELINE_QUEUE, workflowId, args: [awaitLocalActivity] });
    await ctx.tracker.waitFor(ids, 60_000);
    return ids.map((id) => ctx.server.client.workflow.getHandle(id));
  };
  const handles = await startUpdatable(false);
  // Informative: the same Update awaiting a local activity that does nothing (the projection's shape).
  const withLocalActivity = await startUpdatable(true);

  let next = 0;
  const ack = async (row: (typeof rows)[number]): Promise<number> => {
    const start = performance.now();
    const res = await ctx.api.request('POST', `/api/tasks/${row.id}/acknowledge`, { token: ctx.agencyTokens.get(row.lead)!, body: {} });
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`acknowledge answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    return ms;
  };
  let k = 0;
  const updateOn = (on: typeof handles) => async (): Promise<number> => {
    const start = performance.now();
    const echoed = await on[k % on.length]!.executeUpdate(noopUpdate, { args: [k] });
    const ms = performance.now() - start;
    if (echoed !== k++) throw new Error('the no-op Update answered something else');
    return ms;
  };
  const update = updateOn(handles);
  const updateWithLocalActivity = updateOn(withLocalActivity);
  const directAck = async (): Promise<number> => {
    const row = rows[next++]!;
    const start = performance.now();
    await ctx.server.client.workflow
      .getHandle(taskWorkflowId(row.id))
      .executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: { userId: null, name: `Văn thư ${row.lead}`, role: 'agency', agencyCode: row.lead } }] });
    return performance.now() - start;
  };

  ctx.log(`command latency: warm-up of ${warmup}, then ${reps} × ${n} commands each side, in turns`);
  await interleaved({ ack: () => ack(rows[next++]!), update, updateWithLocalActivity }, warmup);
  const ours: Latencies[] = [];
  const base: Latencies[] = [];
  const straight: Latencies[] = [];
  const local: Latencies[] = [];
  for (let r = 0; r < reps; r++) {
    const measuredRep = await interleaved({ ack: () => ack(rows[next++]!), update }, n);
    ours.push(latencies(measuredRep.ack));
    base.push(latencies(measuredRep.update));
    const parts = await interleaved({ directAck, updateWithLocalActivity }, direct);
    straight.push(latencies(parts.directAck));
    local.push(latencies(parts.updateWithLocalActivity));
  }
  const cold = evicted.length ? latencies((await interleaved({ evicted: (i) => ack(evicted[i]!) }, evicted.length)).evicted) : undefined;
  for (const h of [...handles, ...withLocalActivity]) await h.signal('finish');

  const o50 = summarize(ours.map((l) => l.p50));
  const o95 = summarize(ours.map((l) => l.p95));
  const b50 = summarize(base.map((l) => l.p50));
  const b95 = summarize(base.map((l) => l.p95));
  const d50 = summarize(straight.map((l) => l.p50));
  const l50 = summarize(local.map((l) => l.p50));
  // The p50 is judged against the same Update awaiting a local activity that does nothing: the floor of
  // any Update that writes before it answers, as every command must (its projection).
  const r50 = o50.median / l50.median;
  const r95 = o95.median / b95.median;
  const detail = { samplesPerRep: n, warmup, oursPerRep: ours, bareUpdatePerRep: base, acknowledgeUpdateWithoutHttp: straight, noopUpdateWithLocalActivity: local, evictedWorkflows: cold };
  const breakdown =
    `p50 of the parts: bare no-op Update ${b50.median.toFixed(1)} ms; the same awaiting a local activity that does nothing ${l50.median.toFixed(1)} ms; ` +
    `the acknowledge Update without HTTP (validator, transition, projection written before it answers) ${d50.median.toFixed(1)} ms; through the API ${o50.median.toFixed(1)} ms ` +
    `(${(o50.median / b50.median).toFixed(2)} × the bare Update)`;
  const miss = cold ? [`on ${evicted.length} workflows evicted from the worker's cache (replayed from history first): p50 ${cold.p50.toFixed(1)} ms, p95 ${cold.p95.toFixed(1)} ms`] : [];
  return [
    {
      name: 'command latency p50',
      ours: measured('POST /api/tasks/:id/acknowledge → 200', 'ms', o50),
      baseline: measured('executeUpdate no-op awaiting a no-op local activity', 'ms', l50),
      ratio: r50,
      target: '≤ 1.7 × baseline',
      pass: r50 <= 1.7,
      detail,
      notes: [breakdown, ...miss],
    },
    {
      name: 'command latency p95',
      ours: measured('POST /api/tasks/:id/acknowledge → 200', 'ms', o95),
      baseline: measured('executeUpdate no-op', 'ms', b95),
      ratio: r95,
      target: '≤ 3 × baseline',
      pass: r95 <= 3,
      detail: {},
      notes: [],
    },
  ];
}
