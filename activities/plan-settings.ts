import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { activityInfo, heartbeat, log } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import { plans, tasks } from '../db/schema';
import { reminderPolicyOf } from '../domain/plan-settings';
import { OPEN_STATUSES } from '../domain/task-status';
import { taskWorkflowId } from '../workflows/constants';
import type { PlanSettingsInput } from '../workflows/types';
import { changePolicySignal } from '../workflows/messages';
import type { ActivityDeps } from './deps';

export function createPlanSettingsActivities({ db, client }: Pick<ActivityDeps, 'db' | 'client'>) {
  return {
    /**
     * Tell every open task of the plan its reminder settings as the plan has them now (read here, so a
     * later change that overtook this one is the one sent). In id order; a retried attempt resumes after
     * the last task its predecessor reported, and a repeated signal only sets the same settings again.
     */
    async signalPlanPolicy({ planId }: PlanSettingsInput): Promise<{ signalled: number }> {
      const [plan] = await db.select({ settings: plans.settings }).from(plans).where(eq(plans.id, planId));
      if (!plan) return { signalled: 0 };
      const policy = reminderPolicyOf(plan.settings);
      let after = (activityInfo().heartbeatDetails as string | undefined) ?? '00000000-0000-0000-0000-000000000000';
      let signalled = 0;
      for (;;) {
        const batch = await db
          .select({ id: tasks.id })
          .from(tasks)
          .where(and(eq(tasks.planId, planId), inArray(tasks.status, [...OPEN_STATUSES]), gt(tasks.id, after)))
          .orderBy(asc(tasks.id))
          .limit(200);
        if (batch.length === 0) return { signalled };
        for (const { id } of batch) {
          try {
            await client.workflow.getHandle(taskWorkflowId(id)).signal(changePolicySignal, policy);
            signalled++;
          } catch (err) {
            // A task that closed meanwhile has no reminders left to plan.
            if (!(err instanceof WorkflowNotFoundError)) throw err;
            log.info('task closed before its plan settings reached it', { taskId: id });
          }
          after = id;
          heartbeat(after);
        }
      }
    },
  };
}
