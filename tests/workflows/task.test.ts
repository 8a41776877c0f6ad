import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { notifications, taskEvents, tasks } from '../../db/schema';
import { DEFAULT_REMINDER_POLICY } from '../../domain/plan-settings';
import { initialTaskState, type Actor } from '../../domain/task-machine';
import { searchableText } from '../../domain/text';
import { TASK_QUEUE, taskWorkflowId } from '../../workflows/constants';
import { acknowledgeTaskUpdate, childChangedSignal, getTaskQuery, reportProgressUpdate } from '../../workflows/messages';
import { taskWorkflow } from '../../workflows/task';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { createTestWorker, createTimeSkippingEnv, testConfig, testLogger } from '../helpers/temporal';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let planId: string;

beforeAll(async () => {
  [env, database] = await Promise.all([createTimeSkippingEnv(), createTestDatabase('task_wf')]);
  await seedAgencies(database.db);
  planId = await seedPlan(database.db);
});
afterAll(async () => {
  await env?.teardown();
  await database?.drop();
});

const lead: Actor = { userId: null, name: 'Văn thư Sở TTTT', role: 'agency', agencyCode: 'STTTT' };
const coordinator: Actor = { userId: null, name: 'Điều phối', role: 'coordinator', agencyCode: 'VPUBND' };

/** A task row as the API would insert it, and its workflow's input. */
async function newTask(opts: { maxHistoryLength?: number; childIds?: string[] } = {}) {
  const id = randomUUID();
  const now = new Date(await env.currentTimeMs());
  await database.db.insert(tasks).values({
    id,
    planId,
    title: 'Nâng cấp cổng dịch vụ công',
    titleSearch: searchableText('Nâng cấp cổng dịch vụ công'),
    leadAgencyCode: 'STTTT',
    kind: 'new',
    startDate: '2026-01-01',
    dueDate: '2030-12-31',
    originalDueDate: '2030-12-31',
    createdAt: now,
  });
  const state = initialTaskState({
    taskId: id,
    planId,
    parentId: null,
    childIds: opts.childIds ?? [],
    title: 'Nâng cấp cổng dịch vụ công',
    leadAgencyCode: 'STTTT',
    coordinatingAgencyCodes: [],
    kind: 'new',
    startDate: '2026-01-01',
    dueDate: '2030-12-31',
    assignedAt: now.toISOString(),
  });
  const handle = await env.client.workflow.start(taskWorkflow, {
    taskQueue: TASK_QUEUE,
    workflowId: taskWorkflowId(id),
    args: [{ state, policy: DEFAULT_REMINDER_POLICY, createdBy: coordinator, maxHistoryLength: opts.maxHistoryLength }],
  });
  return { id, handle };
}

const readModel = async (id: string) => {
  const [row] = await database.db.select().from(tasks).where(eq(tasks.id, id));
  const events = await database.db.select().from(taskEvents).where(eq(taskEvents.taskId, id)).orderBy(asc(taskEvents.seq));
  return { row: row!, events };
};

describe('continue-as-new', () => {
  it('carries the state over when history grows past the threshold; the audit trail stays whole', async () => {
    const worker = await createTestWorker(env, database.db);
    await worker.runUntil(async () => {
      const { id, handle } = await newTask({ maxHistoryLength: 40 });
      const firstRunId = (await handle.describe()).runId;
      await handle.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: lead }] });
      for (let percent = 5; percent <= 60; percent += 5) {
        await handle.executeUpdate(reportProgressUpdate, { args: [{ actor: lead, percent }] });
      }
      const description = await handle.describe();
      expect(description.runId).not.toBe(firstRunId);
      const live = await handle.query(getTaskQuery);
      expect(live.state).toMatchObject({ status: 'in_progress', progress: 60, seq: 14 });
      // The new run keeps taking commands, numbering events on from the old one.
      await handle.executeUpdate(reportProgressUpdate, { args: [{ actor: lead, percent: 70 }] });
      const { row, events } = await readModel(id);
      expect(row).toMatchObject({ status: 'in_progress', progress: 70, lastSeq: 15 });
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
      expect(events.filter((e) => e.type === 'progress_reported')).toHaveLength(13);
    });
  });
});

describe('a command sent before any worker has run the new task', () => {
  it('waits for the task to open: `created` stays the first event, the assignment is mailed, the reminders are planned', async () => {
    const { id, handle } = await newTask();
    const acknowledged = handle.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: lead }] });
    // No worker polls yet: the first workflow task carries the start and the Update together, and the
    // SDK hands the Update to its handler as soon as the workflow sets it, before the task is opened.
    await delay(1000);
    const worker = await createTestWorker(env, database.db);
    await worker.runUntil(async () => {
      const answer = await acknowledged;
      const snapshot = await handle.query(getTaskQuery);
      expect(snapshot.state).toMatchObject({ status: 'in_progress', seq: 2 });
      const { row, events } = await readModel(id);
      expect(events.map((e) => [e.seq, e.type])).toEqual([
        [1, 'created'],
        [2, 'acknowledged'],
      ]);
      expect(row).toMatchObject({ status: 'in_progress', lastSeq: 2 });
      // The Update answers with its event and the task as that event's projection wrote it, for the API.
      expect(answer).toMatchObject({ seq: 2, task: { id, status: 'in_progress', acknowledgedAt: row.acknowledgedAt!.toISOString(), updatedAt: row.updatedAt.toISOString() } });
      // The plan of the acknowledged task (due reminders, no acknowledgement reminder), as the workflow has it.
      expect(snapshot.reminders.length).toBeGreaterThan(0);
      expect(snapshot.reminders.map((r) => r.kind)).not.toContain('ack_reminder');
      expect(row.reminderPlan).toEqual(snapshot.reminders);
      const mails = await database.db.select().from(notifications).where(eq(notifications.taskId, id));
      expect(mails.map((n) => n.kind)).toEqual(['task_assigned']);
    });
  });
  it('and so does a child’s first signal to its group parent', async () => {
    const childId = randomUUID();
    const { id, handle } = await newTask({ childIds: [childId] });
    // Sent before any worker polls: the parent's first workflow task carries its start and the signal.
    await handle.signal(childChangedSignal, { childId, status: 'in_progress', progress: 40, seq: 2 });
    const worker = await createTestWorker(env, database.db);
    await worker.runUntil(async () => {
      const events = async () => (await readModel(id)).events.map((e) => [e.seq, e.type]);
      await expect.poll(events, { timeout: 20_000 }).toEqual([
        [1, 'created'],
        [2, 'child_changed'],
      ]);
      expect((await handle.query(getTaskQuery)).state).toMatchObject({ isGroup: true, seq: 2, progress: 40 });
    });
  });
});

describe('a worker that dies in the middle of a transition', () => {
  it('finishes the transition once on the next worker, and the read model matches the workflow', async () => {
    const real = createActivities({ db: database.db, logger: testLogger, client: env.client, config: testConfig, digestSignalReuseMs: 0 });
    let reachedProjection!: () => void;
    const projecting = new Promise<void>((r) => (reachedProjection = r));
    // Worker 1 hangs inside the projection of the acknowledgement, as if the process froze there.
    const crashing = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
      activities: {
        ...real,
        async projectTask(input: Parameters<typeof real.projectTask>[0]) {
          if (input.event?.type === 'acknowledged') {
            reachedProjection();
            return new Promise<void>(() => {});
          }
          return real.projectTask(input);
        },
      },
      shutdownGraceTime: '100 ms',
      shutdownForceTime: '500 ms',
      // A dead process keeps no sticky cache; the time-skipping server would wait on its sticky queue.
      maxCachedWorkflows: 0,
    });
    const crashed = crashing.run().catch(() => 'stopped');
    const { id, handle } = await newTask();
    const acknowledged = handle.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: lead }] });
    await projecting;
    crashing.shutdown();
    await crashed;

    const worker = await createTestWorker(env, database.db);
    await worker.runUntil(async () => {
      // Let the server time out the abandoned activity attempt (10 s) so it is retried on the new worker.
      await env.sleep('11 seconds');
      expect(await acknowledged).toMatchObject({ seq: 2, task: { status: 'in_progress' } });
      const { row, events } = await readModel(id);
      expect(events.map((e) => e.type)).toEqual(['created', 'acknowledged']);
      expect(row).toMatchObject({ status: 'in_progress', lastSeq: 2 });
      expect(row.acknowledgedAt?.toISOString()).toBe((await handle.query(getTaskQuery)).state.acknowledgedAt);
    });
  });
});
