import { asc, eq, inArray } from 'drizzle-orm';
import { heartbeat } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Db } from '../db/client';
import { importJobs, plans, tasks } from '../db/schema';
import { reminderPolicyOf } from '../domain/plan-settings';
import { initialTaskState, type Actor } from '../domain/task-machine';
import { TASK_QUEUE, taskWorkflowId } from '../workflows/constants';
import type { StartTasksInput, TaskWorkflow, TaskWorkflowInput } from '../workflows/types';
import type { ActivityDeps } from './deps';

/** An import job's progress is written every this many starts or changes (and at the end), not on every one. */
export const PROGRESS_EVERY = 25;

/** The activity of the start-tasks workflow (workflows/start-tasks.ts). */
export function createTaskStarterActivities({ db, client }: Pick<ActivityDeps, 'db' | 'client'>) {
  return {
    async startTasks(input: StartTasksInput): Promise<{ started: number }> {
      if ('importJobId' in input) return { started: await startImportedTaskWorkflows(client, db, input.importJobId, input.actor) };
      return { started: await startTaskWorkflows(client, db, input.taskIds, input.actor, { onStarted: (n) => heartbeat(n) }) };
    },
  };
}

/**
 * Start the workflows of an import job's new tasks, keeping its `startedCount` up to date. A job that
 * changes no running task is then done (`started`); one that does is done once its changes are applied.
 */
export async function startImportedTaskWorkflows(client: Client, db: Db, jobId: string, actor: Actor): Promise<number> {
  const ids = (await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.importJobId, jobId)).orderBy(asc(tasks.position))).map((r) => r.id);
  const started = await startTaskWorkflows(client, db, ids, actor, {
    concurrency: 16,
    onStarted: async (n) => {
      heartbeat(n);
      if (n % PROGRESS_EVERY === 0) await db.update(importJobs).set({ startedCount: n }).where(eq(importJobs.id, jobId));
    },
  });
  const [job] = await db.select({ changes: importJobs.changes }).from(importJobs).where(eq(importJobs.id, jobId));
  if (!job) throw new Error(`Import job ${jobId} does not exist`);
  await db
    .update(importJobs)
    .set({ startedCount: started, ...(job.changes.length === 0 ? { status: 'started' as const } : {}) })
    .where(eq(importJobs.id, jobId));
  return started;
}

/**
 * Start the workflow of each task row (status `assigned`, no event yet), `concurrency` at a time.
 * Idempotent: a workflow already running or finished is left alone — REJECT_DUPLICATE makes sure a
 * completed task is never restarted from scratch by a repeated start.
 */
export async function startTaskWorkflows(
  client: Client,
  db: Db,
  taskIds: string[],
  createdBy: Actor,
  opts: { concurrency?: number; onStarted?: (n: number) => void | Promise<void> } = {},
): Promise<number> {
  if (taskIds.length === 0) return 0;
  const rows = await db.select().from(tasks).where(inArray(tasks.id, taskIds));
  const planIds = [...new Set(rows.map((r) => r.planId))];
  const planRows = await db.select({ id: plans.id, settings: plans.settings }).from(plans).where(inArray(plans.id, planIds));
  const policyOf = new Map(planRows.map((p) => [p.id, reminderPolicyOf(p.settings)]));
  const groupIds = rows.filter((r) => r.isGroup).map((r) => r.id);
  const children = groupIds.length ? await db.select({ id: tasks.id, parentId: tasks.parentId }).from(tasks).where(inArray(tasks.parentId, groupIds)) : [];
  const childrenOf = new Map<string, string[]>();
  for (const c of children) childrenOf.set(c.parentId!, [...(childrenOf.get(c.parentId!) ?? []), c.id]);
  // Parents first: a child's first report to its parent then finds it running.
  rows.sort((a, b) => Number(b.isGroup) - Number(a.isGroup) || a.position - b.position);

  let started = 0;
  const queue = [...rows];
  const concurrency = Math.max(1, opts.concurrency ?? 16);
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const input: TaskWorkflowInput = {
          state: initialTaskState({
            taskId: row.id,
            planId: row.planId,
            parentId: row.parentId,
            childIds: row.isGroup ? (childrenOf.get(row.id) ?? []) : [],
            title: row.title,
            leadAgencyCode: row.leadAgencyCode,
            coordinatingAgencyCodes: row.coordinatingAgencyCodes,
            kind: row.kind,
            startDate: row.startDate,
            dueDate: row.dueDate,
            assignedAt: row.createdAt.toISOString(),
          }),
          policy: policyOf.get(row.planId)!,
          createdBy,
        };
        try {
          // By name: importing the workflow would close a loop through the activities' types (workflows/messages.ts).
          await client.workflow.start<TaskWorkflow>('taskWorkflow', {
            taskQueue: TASK_QUEUE,
            workflowId: taskWorkflowId(row.id),
            args: [input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
        started++;
        await opts.onStarted?.(started);
      }
    }),
  );
  return started;
}
