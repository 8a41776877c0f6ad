import { eq } from 'drizzle-orm';
import { heartbeat, log } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { importJobs } from '../db/schema';
import type { ImportChange } from '../domain/import/changes';
import { taskWorkflowId } from '../workflows/constants';
import type { ImportJobInput } from '../workflows/types';
import { cancelTaskUpdate, editTaskUpdate, reassignTaskUpdate } from '../workflows/messages';
import { PROGRESS_EVERY, startImportedTaskWorkflows } from './task-starter';
import type { ActivityDeps } from './deps';

export function createImportJobActivities({ db, client }: Pick<ActivityDeps, 'db' | 'client'>) {
  const jobOf = async (jobId: string) => {
    const [job] = await db.select({ fileName: importJobs.fileName, changes: importJobs.changes }).from(importJobs).where(eq(importJobs.id, jobId));
    if (!job) throw new Error(`Import job ${jobId} does not exist`);
    return job;
  };

  return {
    /** The starts of jobs begun before the start-tasks workflow ran them (their histories call this). */
    async startImportedTasks({ jobId, actor }: ImportJobInput): Promise<{ started: number }> {
      return { started: await startImportedTaskWorkflows(client, db, jobId, actor) };
    },

    /**
     * Send a re-import's commands to the running tasks, in order. Each Update carries an id of its own,
     * so a retried activity does not apply a command twice; a command the task refuses (closed, or its
     * deadline no longer fits) is counted and skipped, as a coordinator would see it refused by hand.
     */
    async applyImportChanges({ jobId, actor }: ImportJobInput): Promise<{ applied: number; refused: number }> {
      const { fileName, changes } = await jobOf(jobId);
      const note = `Theo phụ lục sửa đổi (${fileName})`;
      let applied = 0;
      let refused = 0;
      for (const [i, change] of changes.entries()) {
        heartbeat(i);
        try {
          await send(change, { updateId: `import-${jobId}-${i}`, actor, note });
          applied++;
        } catch (err) {
          if (!(err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError)) throw err;
          refused++;
          log.warn('a re-import command was refused', { jobId, taskId: change.taskId, type: change.type, reason: err.message });
        }
        if ((i + 1) % PROGRESS_EVERY === 0) await db.update(importJobs).set({ appliedCount: applied, refusedCount: refused }).where(eq(importJobs.id, jobId));
      }
      await db.update(importJobs).set({ appliedCount: applied, refusedCount: refused, status: 'started' }).where(eq(importJobs.id, jobId));
      return { applied, refused };
    },
  };

  function send(change: ImportChange, { updateId, actor, note }: { updateId: string; actor: ImportJobInput['actor']; note: string }) {
    const handle = client.workflow.getHandle(taskWorkflowId(change.taskId));
    switch (change.type) {
      case 'edit': {
        const { type: _type, taskId: _taskId, ...edit } = change;
        return handle.executeUpdate(editTaskUpdate, { args: [{ ...edit, actor, note }], updateId });
      }
      case 'reassign':
        return handle.executeUpdate(reassignTaskUpdate, { args: [{ actor, leadAgencyCode: change.leadAgencyCode, note }], updateId });
      case 'cancel':
        return handle.executeUpdate(cancelTaskUpdate, { args: [{ actor, reason: change.reason }], updateId });
    }
  }
}
