import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { agencies, auditLog, plans, tasks, users } from '../../db/schema';
import { changedFields } from '../../domain/audit';
import { TASK_QUEUE } from '../../workflows/constants';
import { planSettingsWorkflow } from '../../workflows/plan-settings';
import { conflict, notFound, unprocessable } from '../errors';
import { idParam, route } from '../route';
import { agencyCode, isoDate, requiredText } from '../schemas';
import { overdueSql } from '../../db/read-model/deadline';
import type { AppDeps } from '../context';
import type { PlanSettings } from '../../domain/plan-settings';
import { ensurePlanSchedule, removePlanSchedule } from '../services/annual-cycles';
import { actorOf, recordAudit } from '../services/audit';

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'phải có dạng MM-DD');

const settingsSchema = z
  .object({
    reminders: z
      .object({
        ackReminderWorkingDays: z.number().int().min(1).max(60),
        ackEscalationWorkingDays: z.number().int().min(1).max(90),
        dueReminderWorkingDays: z.array(z.number().int().min(1).max(250)).max(10),
        overdueNoticeEveryDays: z.number().int().min(1).max(90),
        overdueEscalationDays: z.number().int().min(1).max(365),
        sendHour: z.number().int().min(6).max(18),
      })
      .partial()
      .optional(),
    report: z.object({ requestOn: monthDay, dueOn: monthDay }).partial().optional(),
    escalation: z
      .object({ leadershipUserIds: z.array(z.uuid({ message: 'phải là mã UUID của tài khoản lãnh đạo' })).max(100, 'tối đa 100 tài khoản') })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

/** The leadership accounts a plan's escalations go to must be active viewers. */
async function checkLeadership(deps: AppDeps, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const found = await deps.database.db.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.role, 'viewer'), isNull(users.disabledAt)));
  const known = new Set(found.map((u) => u.id));
  const details = ids.flatMap((id, i) => (known.has(id) ? [] : [{ field: `settings.escalation.leadershipUserIds.${i}`, message: 'không phải tài khoản lãnh đạo đang hoạt động' }]));
  if (details.length) throw unprocessable('Người nhận cảnh báo không hợp lệ.', details);
}

const planBody = z
  .object({
    code: z.string().trim().min(1, 'không được để trống').max(100).regex(/^[\w.\-/]+$/, 'chỉ gồm chữ không dấu, số và . - _ /'),
    title: requiredText(1000),
    documentNumber: requiredText(100),
    issuer: z.string().trim().min(1).max(200).default('UBND tỉnh'),
    issuedOn: isoDate,
    periodStart: isoDate,
    periodEnd: isoDate,
    coordinatorAgencyCode: agencyCode,
    settings: settingsSchema.default({}),
  })
  .refine((p) => p.periodEnd >= p.periodStart, { path: ['periodEnd'], message: 'không được trước ngày bắt đầu giai đoạn' });

const planSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  documentNumber: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  coordinatorAgencyCode: z.string(),
  settings: settingsSchema,
  status: z.enum(['active', 'closed']),
  counts: z.object({ total: z.number(), open: z.number(), completed: z.number(), overdue: z.number() }),
  createdAt: z.string(),
});

/** Plans with their task counts (children counted, group parents not). */
async function planViews(deps: AppDeps, id?: string) {
  const { db } = deps.database;
  const counts = db
    .select({
      planId: tasks.planId,
      total: sql<number>`count(*)::int`.as('total'),
      open: sql<number>`count(*) filter (where ${tasks.status} in ('assigned','in_progress','completion_submitted'))::int`.as('open'),
      completed: sql<number>`count(*) filter (where ${tasks.status} = 'completed')::int`.as('completed'),
      overdue: sql<number>`count(*) filter (where ${overdueSql()})::int`.as('overdue'),
    })
    .from(tasks)
    .where(eq(tasks.isGroup, false))
    .groupBy(tasks.planId)
    .as('counts');
  const rows = await db
    .select({ plan: plans, total: counts.total, open: counts.open, completed: counts.completed, overdue: counts.overdue })
    .from(plans)
    .leftJoin(counts, eq(counts.planId, plans.id))
    .where(id ? eq(plans.id, id) : undefined)
    .orderBy(asc(plans.periodStart), asc(plans.code));
  return rows.map(({ plan, ...c }) => ({
    ...plan,
    createdBy: undefined,
    counts: { total: c.total ?? 0, open: c.open ?? 0, completed: c.completed ?? 0, overdue: c.overdue ?? 0 },
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  }));
}

async function onePlan(deps: AppDeps, id: string) {
  const [view] = await planViews(deps, id);
  if (!view) throw notFound('kế hoạch');
  return view;
}

export const planRoutes = [
  route({
    method: 'get',
    path: '/api/plans',
    tag: 'plans',
    summary: 'Plans with their task counts',
    auth: ['coordinator', 'viewer', 'agency'],
    responses: { 200: { description: 'Plans', schema: z.object({ items: z.array(planSchema) }) } },
    async handler({ deps }) {
      return { body: { items: await planViews(deps) } };
    },
  }),
  route({
    method: 'post',
    path: '/api/plans',
    tag: 'plans',
    summary: 'Create a plan (kế hoạch / quyết định) with its reminder and report settings',
    auth: ['coordinator'],
    body: planBody,
    responses: { 201: { description: 'Created', schema: planSchema } },
    async handler({ deps, user, body }) {
      const { db } = deps.database;
      const [coordinator] = await db.select({ code: agencies.code }).from(agencies).where(eq(agencies.code, body.coordinatorAgencyCode));
      if (!coordinator) throw unprocessable('Đơn vị theo dõi không có trong danh mục.', [{ field: 'coordinatorAgencyCode', message: `không có đơn vị mã ${body.coordinatorAgencyCode}` }]);
      await checkLeadership(deps, body.settings.escalation?.leadershipUserIds);
      const created = await db.transaction(async (tx) => {
        const [row] = await tx.insert(plans).values({ ...body, createdBy: user.id }).onConflictDoNothing({ target: plans.code }).returning({ id: plans.id });
        if (!row) throw conflict(`Đã có kế hoạch mã ${body.code}.`, [{ field: 'code', message: 'đã tồn tại' }]);
        const auditId = await recordAudit(tx, actorOf(user), { action: 'plan.create', targetType: 'plan', targetId: row.id, targetLabel: body.code, after: body });
        return { id: row.id, auditId };
      });
      const [row] = await db.select().from(plans).where(eq(plans.id, created.id));
      try {
        await ensurePlanSchedule(deps.temporal, row!, deps.config.TZ_DEFAULT);
      } catch (err) {
        // A plan without its yearly Schedule would silently miss its reports: all or nothing, its log line included.
        await db.transaction(async (tx) => {
          await tx.delete(plans).where(eq(plans.id, created.id));
          await tx.delete(auditLog).where(and(eq(auditLog.id, created.auditId), eq(auditLog.targetId, created.id)));
        });
        throw err;
      }
      return { status: 201, body: await onePlan(deps, created.id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/plans/:id',
    tag: 'plans',
    summary: 'One plan with its task counts',
    auth: ['coordinator', 'viewer', 'agency'],
    params: idParam,
    responses: { 200: { description: 'The plan', schema: planSchema } },
    async handler({ deps, params }) {
      return { body: await onePlan(deps, params.id) };
    },
  }),
  route({
    method: 'patch',
    path: '/api/plans/:id',
    tag: 'plans',
    summary:
      "Change a plan's title, settings or status. New reminder settings reach every open task of the plan (it re-plans its reminders from now on), the report days move the Schedule, escalations go to the leadership accounts the settings name; closing removes the Schedule",
    auth: ['coordinator'],
    params: idParam,
    body: z
      .object({
        title: requiredText(1000).optional(),
        issuer: z.string().trim().min(1).max(200).optional(),
        settings: settingsSchema.optional(),
        status: z.enum(['active', 'closed']).optional(),
      })
      // An empty change would reach the database as an UPDATE with nothing to set.
      .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'cần ít nhất một trường để sửa (title, issuer, settings, status)' }),
    responses: { 200: { description: 'The plan', schema: planSchema } },
    async handler({ deps, params, body, user }) {
      await checkLeadership(deps, body.settings?.escalation?.leadershipUserIds);
      const updated = await deps.database.db.transaction(async (tx) => {
        const [before] = await tx.select().from(plans).where(eq(plans.id, params.id)).for('update');
        if (!before) throw notFound('kế hoạch');
        const [after] = await tx.update(plans).set(body).where(eq(plans.id, params.id)).returning();
        const fields = Object.keys(body) as (keyof typeof body)[];
        const pick = (p: typeof before) => Object.fromEntries(fields.map((f) => [f, p[f]]));
        const change = changedFields(pick(before), pick(after!));
        if (Object.keys(change.after).length) await recordAudit(tx, actorOf(user), { action: 'plan.update', targetType: 'plan', targetId: before.id, targetLabel: before.code, ...change });
        return after!;
      });
      if (updated.status === 'closed') await removePlanSchedule(deps.temporal, updated.id);
      else if (body.settings || body.status) await ensurePlanSchedule(deps.temporal, updated, deps.config.TZ_DEFAULT);
      // The running tasks learn the new settings; a retry of the request sends them again, which is harmless.
      if (body.settings && updated.status === 'active') {
        await deps.temporal.workflow.start(planSettingsWorkflow, { taskQueue: TASK_QUEUE, workflowId: `plan-settings-${updated.id}-${randomUUID()}`, args: [{ planId: updated.id }] });
      }
      return { body: await onePlan(deps, params.id) };
    },
  }),
  route({
    method: 'get',
    path: '/api/plans/:id/leadership',
    tag: 'plans',
    summary: "The leadership (viewer) accounts that may receive the plan's escalations, and whether the plan names each (none named: all receive them)",
    auth: ['coordinator'],
    params: idParam,
    responses: {
      200: { description: 'Leadership accounts', schema: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string(), chosen: z.boolean() })) }) },
      404: { description: 'Unknown plan' },
    },
    async handler({ deps, params }) {
      const plan = await onePlan(deps, params.id);
      const chosen = new Set((plan.settings as PlanSettings).escalation?.leadershipUserIds ?? []);
      const viewers = await deps.database.db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(and(eq(users.role, 'viewer'), isNull(users.disabledAt)))
        .orderBy(asc(users.name));
      return { body: { items: viewers.map((v) => ({ ...v, chosen: chosen.has(v.id) })) } };
    },
  }),
];
