/**
 * Where the SQLite dev server saturates: batches of busy workflows (each `--sweep-steps` activities one
 * after the other) of growing size, started at once on the baseline worker; the throughput that stops
 * growing marks the server's ceiling on this machine. No target: it says which figures a
 * Postgres-backed cluster would change.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import type { BenchContext } from '../context';
import { BASELINE_QUEUE } from '../stack';
import { pool, summarize, timed } from '../stats';
import { measured, type CaseResult } from '../types';

export interface SweepPoint {
  inFlight: number;
  seconds: number;
  workflowsPerSecond: number;
  /** Workflow tasks, activity tasks and their completions that the server persisted, per second. */
  activitiesPerSecond: number;
}

export async function saturationSweep(ctx: BenchContext): Promise<CaseResult> {
  const steps = ctx.opts.sweepSteps;
  const points: SweepPoint[] = [];
  for (const k of ctx.opts.sweep) {
    const ids = Array.from({ length: k }, () => `bench-busy-${randomUUID()}`);
    const { ms } = await timed(async () => {
      await pool(ids, 64, async (workflowId) => {
        await ctx.server.client.workflow.start('busyWorkflow', { taskQueue: BASELINE_QUEUE, workflowId, args: [steps] });
      });
      await ctx.tracker.waitFor(ids, 20 * 60_000);
    });
    const p = { inFlight: k, seconds: ms / 1000, workflowsPerSecond: k / (ms / 1000), activitiesPerSecond: (k * steps) / (ms / 1000) };
    points.push(p);
    ctx.log(`sweep: ${k} busy workflows in ${p.seconds.toFixed(1)} s → ${p.activitiesPerSecond.toFixed(0)} activities/s`);
  }
  // Saturated: the first size whose throughput is within 10 % of the best seen so far (or below it).
  let saturatedAt: number | null = null;
  let best = 0;
  for (const p of points) {
    if (best > 0 && p.activitiesPerSecond < best * 1.1) {
      saturatedAt = p.inFlight;
      break;
    }
    best = Math.max(best, p.activitiesPerSecond);
  }
  const peak = summarize(points.map((p) => p.activitiesPerSecond));
  let sqliteBytes = 0;
  try {
    sqliteBytes = statSync(ctx.server.dbFile).size;
  } catch {
    // The file name differs between CLI versions; the size is only informative.
  }
  return {
    name: `dev server saturation (busy ×${steps} activities)`,
    ours: measured('peak activities/s', 'activities/s', { ...peak, median: peak.max }),
    target: 'where the dev server saturates',
    pass: true,
    informative: true,
    detail: { points, saturatedAtInFlight: saturatedAt, peakActivitiesPerSecond: peak.max, sqliteBytes },
    notes: [saturatedAt ? `throughput stops growing at ~${saturatedAt} busy workflows in flight (peak ${peak.max.toFixed(0)} activities/s)` : `still growing at ${points.at(-1)?.inFlight} in flight (peak ${peak.max.toFixed(0)} activities/s)`],
  };
}
