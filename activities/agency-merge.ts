import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { activityInfo, heartbeat, log } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { tasks } from '../db/schema';
import { OPEN_STATUSES } from '../domain/task-status';
import { taskWorkflowId } from '../workflows/constants';
import { transferTaskUpdate } from '../workflows/messages';
import type { AgencyMergeInput } from '../workflows/types';
import type { ActivityDeps } from './deps';

export function createAgencyMergeActivities({ db, client }: Pick<ActivityDeps, 'db' | 'client'>) {
  return {
    /**
     * Send a transfer to every open task of `from`, in id order. A retried attempt resumes after the
     * last task its predecessor reported in a heartbeat; the update id makes a repeat a no-op anyway.
     */
    async transferOpenTasks({ from, into, effectiveDate, actor }: AgencyMergeInput): Promise<{ transferred: number }> {
      let after = (activityInfo().heartbeatDetails as string | undefined) ?? '';
      let transferred = 0;
      for (;;) {
        const batch = await db
          .select({ id: tasks.id })
          .from(tasks)
          .where(
            and(
              inArray(tasks.status, [...OPEN_STATUSES]),
              or(eq(tasks.leadAgencyCode, from), sql`${tasks.coordinatingAgencyCodes} ? ${from}`),
              gt(tasks.id, after || '00000000-0000-0000-0000-000000000000'),
            ),
          )
          .orderBy(asc(tasks.id))
          .limit(100);
        if (batch.length === 0) return { transferred };
        for (const { id } of batch) {
          try {
            await client.workflow
              .getHandle(taskWorkflowId(id))
              .executeUpdate(transferTaskUpdate, { args: [{ actor, from, to: into, effectiveDate }], updateId: `merge-${from}-${into}-${id}` });
            transferred++;
          } catch (err) {
            // A task that closed meanwhile keeps its outcome under the old agency.
            if (!(err instanceof WorkflowNotFoundError || err instanceof WorkflowUpdateFailedError)) throw err;
            log.info('task not transferred', { taskId: id, reason: (err as Error).message });
          }
          after = id;
          heartbeat(after);
        }
      }
    },
  };
}
