/**
 * Postgres connections cut (pg_terminate_backend) during an import commit and during projection:
 * the import commits whole or not at all, the projection retries to the same result, the API answers
 * 503 (retryable) rather than 500, and nothing is lost or written twice.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobs, tasks } from '../../db/schema';
import { pool } from '../../bench/stats';
import { recordFaults, startFaultStack, type FaultStack } from './harness';
import { appendix, commitAppendix, eventsPerTask, expectAllOnce, seedProvince, waitAllProjected, workflowRuns, type Province } from './province';

const TASKS = 150;
let stack: FaultStack;
let province: Province;

beforeAll(async () => {
  stack = await startFaultStack('postgres_cut');
  province = await seedProvince(stack);
});
afterAll(() => stack?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the plan has in the database; read again if the read itself met a cut connection of the pool. */
async function written(planId: string): Promise<{ tasks: number; jobs: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await countWritten(planId);
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

async function countWritten(planId: string) {
  const [t] = await stack.database.db.select({ n: count() }).from(tasks).where(eq(tasks.planId, planId));
  const [j] = await stack.database.db.select({ n: count() }).from(importJobs).where(eq(importJobs.planId, planId));
  return { tasks: t!.n, jobs: j!.n };
}

/** Cut every connection every `everyMs` until stopped; returns the stop function and the count of cuts. */
function keepCutting(everyMs: number) {
  let stopped = false;
  let cuts = 0;
  const loop = (async () => {
    while (!stopped) {
      cuts += (await stack.cutDatabaseConnections()) > 0 ? 1 : 0;
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return cuts;
    },
  };
}

describe('Postgres connections cut', () => {
  it(`during an import commit: ${TASKS} tasks written whole or not at all`, async () => {
    const csv = appendix(province, TASKS, 3);
    let cutAttempts = 0;
    let committed: Awaited<ReturnType<typeof commitAppendix>> | undefined;
    // Commits with connections cut every few milliseconds: each is refused (503) and leaves nothing…
    for (let attempt = 0; attempt < 4 && !committed; attempt++) {
      const cutter = keepCutting(15);
      const res = await commitAppendix(stack, province, csv);
      cutAttempts += (await cutter.stop()) > 0 ? 1 : 0;
      if (res.status === 202) committed = res;
      else {
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        expect(await written(province.planId)).toEqual({ tasks: 0, jobs: 0 });
      }
    }
    // …until one is let through, whole.
    committed ??= await commitAppendix(stack, province, csv);
    expect(committed.status, JSON.stringify(committed.body)).toBe(202);
    expect(committed, 'a commit got through').toBeDefined();
    expect(cutAttempts, 'at least one commit was cut').toBeGreaterThan(0);
    expect((await written(province.planId)).tasks).toBe(TASKS);

    // The workflows start and project while connections keep being cut.
    const cutter = keepCutting(700);
    await sleep(8000);
    const cuts = await cutter.stop();
    await waitAllProjected(stack, province.planId, TASKS);
    const created = expectAllOnce(await eventsPerTask(stack, province.planId, 'created'), 'one created event per task');
    expect([...(await workflowRuns(stack)).values()].every((n) => n === 1)).toBe(true);
    const report = await stack.verify();
    expect(report.mismatches).toEqual([]);
    recordFaults({ scenario: `pg_terminate_backend during import commit (${cutAttempts} commits cut) and start (${cuts} cuts)`, faults: cutAttempts + cuts, ...created }, report);
  });

  it('during a burst of commands: each is done once, a 503 is retried with its key', async () => {
    const { items } = (await stack.request('GET', `/api/tasks?plan=${province.planId}&limit=100`, { token: province.coordinator })).body as { items: { id: string; leadAgency: string }[] };
    const statuses: number[] = [];
    const lastAnswer = new Map<string, string>();
    const cutter = keepCutting(400);
    await pool(items, 8, async (task) => {
      // A clerk retries what the server could not do, with the same key, as the UI does.
      for (let attempt = 0; ; attempt++) {
        const res = await stack.request('POST', `/api/tasks/${task.id}/acknowledge`, { token: province.clerks.get(task.leadAgency), headers: { 'Idempotency-Key': `ack-${task.id}` }, body: {} });
        statuses.push(res.status);
        if (res.status === 200) return;
        lastAnswer.set(task.id, `${res.status} ${JSON.stringify(res.body)}`);
        expect([503, 409], JSON.stringify(res.body)).toContain(res.status);
        expect(attempt, `task ${task.id}: ${lastAnswer.get(task.id)}`).toBeLessThan(60);
        await sleep(1000);
      }
    });
    const cuts = await cutter.stop();
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);

    const once = expectAllOnce(await eventsPerTask(stack, province.planId, 'acknowledged', items), 'one acknowledgement per task');
    const report = await stack.verify();
    expect(report.mismatches).toEqual([]);
    recordFaults(
      { scenario: `pg_terminate_backend during ${items.length} acknowledgements (${cuts} cuts, ${statuses.filter((s) => s === 503).length} answers 503, retried)`, faults: cuts, ...once },
      report,
    );
  });
});
