import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { agencies, agencyGroupMembers, plans, tasks, users } from '../../db/schema';
import { OPEN_STATUSES } from '../../domain/task-status';
import { TASK_QUEUE } from '../../workflows/constants';
import { agencyMergeWorkflow } from '../../workflows/agency-merge';
import { conflict, notFound, unprocessable } from '../errors';
import { route } from '../route';
import { agencyCode, isoDate } from '../schemas';
import { actorOf } from '../services/tasks';
import { actorOf as auditActorOf, recordAudit } from '../services/audit';

export const agencyMergeRoutes = [
  route({
    method: 'post',
    path: '/api/agencies/:code/merge',
    tag: 'agencies',
    summary: 'Merge an agency into its successor: its open tasks (as lead or coordinating) pass to the successor',
    auth: ['admin'],
    params: z.object({ code: agencyCode }),
    body: z.object({ into: agencyCode, effectiveDate: isoDate }),
    responses: {
      202: {
        description: 'Merged in the directory; the open tasks are being handed over',
        schema: z.object({ from: z.string(), into: z.string(), openTasks: z.number(), workflowId: z.string() }),
      },
    },
    async handler({ deps, user, params, body }) {
      const { db } = deps.database;
      const found = await db.select().from(agencies).where(inArray(agencies.code, [params.code, body.into]));
      const from = found.find((a) => a.code === params.code);
      const into = found.find((a) => a.code === body.into);
      if (!from) throw notFound(`đơn vị ${params.code}`);
      // Asking again for the same merger resumes it (e.g. after Temporal was unreachable); another is refused.
      if (!from.active && from.mergedInto !== body.into) throw conflict(`Đơn vị ${from.name} đã được sáp nhập vào ${from.mergedInto}.`);
      if (!into || (!into.active && into.code !== from.mergedInto)) throw unprocessable('Đơn vị tiếp nhận không có trong danh mục.', [{ field: 'into', message: `không có đơn vị mã ${body.into}` }]);
      if (into.code === from.code || into.kind === 'group') throw unprocessable('Đơn vị tiếp nhận phải là một đơn vị khác.', [{ field: 'into', message: 'không hợp lệ' }]);

      const openTasks = await db.$count(tasks, and(inArray(tasks.status, [...OPEN_STATUSES]), sql`(${tasks.leadAgencyCode} = ${from.code} or ${tasks.coordinatingAgencyCodes} ? ${from.code})`));
      // The hand-over is durable once this workflow exists; the directory follows.
      const workflowId = `agency-merge-${from.code}-${into.code}`;
      await deps.temporal.workflow.start(agencyMergeWorkflow, {
        taskQueue: TASK_QUEUE,
        workflowId,
        args: [{ from: from.code, into: into.code, effectiveDate: body.effectiveDate, actor: actorOf(user) }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      await db.transaction(async (tx) => {
        await tx.update(agencies).set({ active: false, mergedInto: into.code, mergedOn: body.effectiveDate }).where(eq(agencies.code, from.code));
        // Asked again to resume a merger already made: the log has it once.
        if (from.active) {
          await recordAudit(tx, auditActorOf(user), {
            action: 'agency.merge',
            targetType: 'agency',
            targetId: from.code,
            targetLabel: from.name,
            before: { active: true, mergedInto: null, mergedOn: null },
            after: { active: false, mergedInto: into.code, mergedOn: body.effectiveDate, openTasks, workflowId },
          });
        }
        // Its clerks now work for the successor; plans it followed and its place in groups pass to the successor.
        await tx.update(users).set({ agencyCode: into.code }).where(eq(users.agencyCode, from.code));
        await tx.update(plans).set({ coordinatorAgencyCode: into.code }).where(eq(plans.coordinatorAgencyCode, from.code));
        const groups = await tx.select({ groupCode: agencyGroupMembers.groupCode }).from(agencyGroupMembers).where(eq(agencyGroupMembers.memberCode, from.code));
        if (groups.length) {
          await tx.insert(agencyGroupMembers).values(groups.map((g) => ({ groupCode: g.groupCode, memberCode: into.code }))).onConflictDoNothing();
          await tx.delete(agencyGroupMembers).where(eq(agencyGroupMembers.memberCode, from.code));
        }
      });
      return { status: 202, body: { from: from.code, into: into.code, openTasks, workflowId } };
    },
  }),
];
