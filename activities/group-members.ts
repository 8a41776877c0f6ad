import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { heartbeat, log } from '@temporalio/activity';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { v5 as uuidv5 } from 'uuid';
import { agencies, agencyGroupMembers, plans, tasks } from '../db/schema';
import { localDate } from '../domain/calendar';
import { assignedDueDate } from '../domain/deadline';
import { reportSettingsOf } from '../domain/plan-settings';
import { isOpen, OPEN_STATUSES } from '../domain/task-status';
import { taskWorkflowId } from '../workflows/constants';
import type { GroupMembersInput } from '../workflows/types';
import { addChildTaskUpdate } from '../workflows/messages';
import { startTaskWorkflows } from './task-starter';
import type { ActivityDeps } from './deps';

/** Namespace of the child ids below (a fixed random UUID): one id per parent and agency, whoever computes it. */
const CHILD_ID_NAMESPACE = '6f0c2b9e-3a4d-4f7e-9b61-2d8c5e1a7f30';

/** What a child takes from its parent's row: the task as the plan gives it, none of the parent's progress. */
const COPIED = [
  'planId',
  'importJobId',
  'sourceRow',
  'importedRow',
  'position',
  'sectionCode',
  'section',
  'number',
  'title',
  'titleSearch',
  'description',
  'leadAgencyText',
  'coordinatingText',
  'kind',
  'startDate',
  'dueDate',
  'originalDueDate',
  'timeframeText',
  'funding',
  'note',
] as const satisfies readonly (keyof typeof tasks.$inferSelect)[];

const pick = <T, K extends keyof T>(row: T, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;

export function createGroupMemberActivities({ db, client }: Pick<ActivityDeps, 'db' | 'client'>) {
  return {
    /**
     * For every open task given to the group (its lead, or one of the leads its appendix row named),
     * a child for each member that has none. The child's id is derived from the parent and the agency,
     * so a retried or concurrent run tells the parent, writes the row and starts the workflow of the
     * same child, each step a no-op the second time.
     */
    async addMemberTasks({ groupCode, actor }: GroupMembersInput): Promise<{ added: number }> {
      const members = (
        await db
          .select({ code: agencyGroupMembers.memberCode })
          .from(agencyGroupMembers)
          .innerJoin(agencies, eq(agencies.code, agencyGroupMembers.memberCode))
          .where(and(eq(agencyGroupMembers.groupCode, groupCode), eq(agencies.active, true)))
      ).map((m) => m.code);
      const parents = await db
        .select()
        .from(tasks)
        .where(
          and(
            eq(tasks.isGroup, true),
            inArray(tasks.status, [...OPEN_STATUSES]),
            or(eq(tasks.leadAgencyCode, groupCode), sql`${tasks.importedRow} -> 'leadCodes' ? ${groupCode}`),
          ),
        );
      const dueOn = new Map<string, string>();
      let added = 0;
      for (const parent of parents) {
        if (!dueOn.has(parent.planId)) {
          const [plan] = await db.select({ settings: plans.settings }).from(plans).where(eq(plans.id, parent.planId));
          dueOn.set(parent.planId, reportSettingsOf(plan?.settings).dueOn);
        }
        heartbeat(parent.id);
        const have = new Set((await db.select({ lead: tasks.leadAgencyCode }).from(tasks).where(eq(tasks.parentId, parent.id))).map((c) => c.lead));
        for (const member of members.filter((m) => !have.has(m))) {
          const childId = uuidv5(`${parent.id}/${member}`, CHILD_ID_NAMESPACE);
          // The parent first: a child that reports before its parent knows it would be ignored.
          try {
            await client.workflow
              .getHandle(taskWorkflowId(parent.id))
              .executeUpdate(addChildTaskUpdate, { args: [{ actor, childId, agencyCode: member }], updateId: `add-child-${childId}` });
          } catch (err) {
            if (!(err instanceof WorkflowUpdateFailedError)) throw err;
            // Already its child (an earlier attempt), or the task closed meanwhile: then no child.
            const [now] = await db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, parent.id));
            if (!now || !isOpen(now.status)) {
              log.info('group task closed before the new member joined it', { taskId: parent.id, member });
              continue;
            }
          }
          // The task as the group has it now (its deadline may have been extended), for this agency.
          await db
            .insert(tasks)
            .values({
              ...pick(parent, COPIED),
              id: childId,
              parentId: parent.id,
              leadAgencyCode: member,
              coordinatingAgencyCodes: parent.coordinatingAgencyCodes.filter((c) => c !== member),
              currentDueDate: assignedDueDate({ ...parent, isGroup: false }, dueOn.get(parent.planId)!, localDate(Date.now())),
            })
            .onConflictDoNothing({ target: tasks.id });
          await startTaskWorkflows(client, db, [childId], actor);
          added++;
        }
      }
      return { added };
    },
  };
}
