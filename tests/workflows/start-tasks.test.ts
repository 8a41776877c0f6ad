/**
 * A task assigned by hand is written in one transaction and started by the start-tasks workflow, which
 * the API starts before it commits: these are the windows a crash or an outage can fall into.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../../api/app';
import { tasks } from '../../db/schema';
import { SYSTEM_ACTOR } from '../../domain/task-machine';
import { startTasksWorkflowId, TASK_QUEUE, taskWorkflowId } from '../../workflows/constants';
import { startTasksWorkflow } from '../../workflows/start-tasks';
import { fromToday } from '../helpers/dates';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { requester, startStack, type TestStack } from '../helpers/stack';
import { waitFor } from '../helpers/wait';

let stack: TestStack;
let planId: string;
let coordinator: string;

beforeAll(async () => {
  stack = await startStack({ label: 'start-tasks' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db);
  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
});
afterAll(() => stack?.close());

const taskBody = (title: string) => ({ title, leadAgency: 'STTTT', startDate: fromToday(1), dueDate: fromToday(60) });

/** A task row as a creation writes it, without its workflow. */
async function insertTaskRow(title: string): Promise<string> {
  const id = randomUUID();
  const due = fromToday(60);
  await stack.database.db.insert(tasks).values({
    id,
    planId,
    title,
    titleSearch: title.toLowerCase(),
    leadAgencyCode: 'STTTT',
    kind: 'new',
    startDate: fromToday(1),
    dueDate: due,
    originalDueDate: due,
    currentDueDate: due,
  });
  return id;
}

const startAwaitingCommit = (taskIds: string[]) =>
  stack.env.client.workflow.start(startTasksWorkflow, {
    taskQueue: TASK_QUEUE,
    workflowId: startTasksWorkflowId(taskIds[0]!),
    args: [{ taskIds, actor: SYSTEM_ACTOR, awaitCommit: true }],
  });

describe('assigning a task by hand', () => {
  it('the API stopped after its commit, before its signal: the rows are started once the wait is over', async () => {
    const id = await insertTaskRow('Số hoá hồ sơ một cửa');
    const handle = await startAwaitingCommit([id]);
    // No signal comes: time skips through the wait, then the committed row is found and started.
    expect(await handle.result()).toEqual({ started: 1 });
    await waitFor(
      async () => (await stack.database.db.select({ lastSeq: tasks.lastSeq }).from(tasks).where(eq(tasks.id, id)))[0]!.lastSeq,
      (lastSeq) => lastSeq >= 1,
      'the task workflow records its creation',
    );
    const description = await stack.env.client.workflow.getHandle(taskWorkflowId(id)).describe();
    expect(description.status.name).toBe('RUNNING');
  });

  it('the commit never happened (the request failed after the start): nothing is started', async () => {
    const id = randomUUID();
    const handle = await startAwaitingCommit([id]);
    expect(await handle.result()).toEqual({ started: 0 });
    await expect(stack.env.client.workflow.getHandle(taskWorkflowId(id)).describe()).rejects.toThrow();
  });

  it('Temporal unreachable: the API answers 503 and writes no task', async () => {
    const title = 'Nhiệm vụ giao khi Temporal không chạy';
    // A port nothing listens on: the start fails, so the transaction holding the rows rolls back.
    const unreachable = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: '1s' }) });
    const app = createApp({ ...stack.deps, temporal: unreachable }, { checkReplies: true });
    const server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    try {
      const request = requester(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
      const res = await request('POST', `/api/plans/${planId}/tasks`, { token: coordinator, body: taskBody(title) });
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      expect(res.body.error.message).toContain('Temporal');
    } finally {
      server.close();
      await unreachable.connection.close();
    }
    expect(await stack.database.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.title, title))).toEqual([]);
  });

  it('the usual way: the reply comes once the task’s workflow is started', async () => {
    const res = await stack.request('POST', `/api/plans/${planId}/tasks`, { token: coordinator, body: taskBody('Triển khai chữ ký số') });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const description = await stack.env.client.workflow.getHandle(taskWorkflowId(res.body.id)).describe();
    expect(description.status.name).toBe('RUNNING');
  });
});
