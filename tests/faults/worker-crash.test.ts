/**
 * kill -9 of the worker process in the middle of a bulk import and of a burst of transitions, then a
 * new worker: every task started once, every accepted transition projected once, verify clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '../../bench/stats';
import { waitFor } from '../helpers/wait';
import { recordFaults, startFaultStack, type FaultStack } from './harness';
import { appendix, commitAppendix, eventsPerTask, expectAllOnce, projectedCount, seedProvince, waitAllProjected, workflowRuns, type Province } from './province';

const TASKS = Number(process.env.FAULT_IMPORT_TASKS ?? 300);
let stack: FaultStack;
let province: Province;

beforeAll(async () => {
  stack = await startFaultStack('worker_crash');
  province = await seedProvince(stack);
});
afterAll(() => stack?.close());

describe('the worker killed with SIGKILL', () => {
  it(`in the middle of importing ${TASKS} tasks: each task's workflow started once and projected once`, async () => {
    const committed = await commitAppendix(stack, province, appendix(province, TASKS, 1));
    expect(committed.status, JSON.stringify(committed.body)).toBe(202);
    expect(committed.taskCount).toBe(TASKS);

    // Some of the plan is running, most is not.
    await waitFor(() => projectedCount(stack, province.planId), (n) => n >= TASKS / 5, 'a fifth of the tasks projected', 180_000);
    await stack.worker.kill();
    const atKill = await projectedCount(stack, province.planId);
    expect(atKill).toBeLessThan(TASKS);
    await stack.worker.start();

    await waitAllProjected(stack, province.planId, TASKS);
    const job = await waitFor(
      async () => (await stack.request('GET', `/api/plans/${province.planId}/imports/${committed.jobId}`, { token: province.coordinator })).body,
      (j: { status: string }) => j.status === 'started',
      'the import job finished',
    );
    expect(job).toMatchObject({ status: 'started', taskCount: TASKS, startedCount: TASKS });

    const created = expectAllOnce(await eventsPerTask(stack, province.planId, 'created'), 'one created event per task');
    const runs = await workflowRuns(stack);
    expect(runs.size).toBe(TASKS);
    expect([...runs.values()].every((n) => n === 1), 'one workflow run per task').toBe(true);

    const report = await stack.verify();
    expect(report.mismatches).toEqual([]);
    recordFaults({ scenario: `worker kill -9 during import (${TASKS} tasks, killed at ${atKill})`, faults: 1, ...created }, report);
  });

  it('in the middle of a burst of acknowledgements: each accepted once, none lost', async () => {
    const { items } = (await stack.request('GET', `/api/tasks?plan=${province.planId}&limit=200`, { token: province.coordinator })).body as {
      items: { id: string; leadAgency: string; status: string }[];
    };
    const targets = items.filter((t) => t.status === 'assigned').slice(0, 150);
    expect(targets.length).toBeGreaterThan(100);

    const statuses = new Map<string, number>();
    let done = 0;
    let killed = false;
    const burst = pool(targets, 16, async (task) => {
      const res = await stack.request('POST', `/api/tasks/${task.id}/acknowledge`, {
        token: province.clerks.get(task.leadAgency),
        headers: { 'Idempotency-Key': `ack-${task.id}` },
        body: {},
      });
      statuses.set(task.id, res.status);
      done++;
    });
    await waitFor(async () => done, (n) => n >= 30, 'thirty acknowledgements answered');
    await stack.worker.kill();
    killed = true;
    // Commands keep arriving while no worker runs; they wait for the next one.
    await new Promise((r) => setTimeout(r, 3000));
    await stack.worker.start();
    await burst;
    expect(killed).toBe(true);

    // A command answered with an error may be retried with its key; a server error never half-did it.
    const failed = targets.filter((t) => statuses.get(t.id) !== 200);
    for (const t of failed) expect([503, 409], `first answer for ${t.id}`).toContain(statuses.get(t.id));
    for (const task of failed) {
      const retry = await stack.request('POST', `/api/tasks/${task.id}/acknowledge`, {
        token: province.clerks.get(task.leadAgency),
        headers: { 'Idempotency-Key': `ack-${task.id}` },
        body: {},
      });
      expect([200, 409]).toContain(retry.status);
    }

    const once = expectAllOnce(await eventsPerTask(stack, province.planId, 'acknowledged', targets), 'one acknowledgement per task');
    const report = await stack.verify();
    expect(report.mismatches).toEqual([]);
    recordFaults({ scenario: `worker kill -9 during ${targets.length} acknowledgements (${failed.length} retried)`, faults: 1, ...once }, report);
  });
});
