import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { MONTHS, ScheduleNotFoundError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { agencies, agencyReports, annualCycles, plans, tasks } from '../../db/schema';
import { atLocalHour, localDate } from '../../domain/calendar';
import { reportSettingsOf } from '../../domain/plan-settings';
import { isOpen } from '../../domain/task-status';
import { agencyReportedSignal, getCycleQuery } from '../../workflows/messages';
import { annualReportCycle, annualReportScheduled } from '../../workflows/annual-report';
import { TASK_QUEUE, annualCycleWorkflowId, annualScheduleId, taskWorkflowId } from '../../workflows/constants';
import { reportProgressUpdate } from '../../workflows/messages';
import type { AppDeps, AuthUser } from '../context';
import { conflict, forbidden, notFound, unprocessable } from '../errors';
import { actorOf } from './tasks';
import { resolveEvidence } from './attachments';

type PlanRow = typeof plans.$inferSelect;

/**
 * The plan's Schedule: each year of its period, on the request day (00:05 in the province's time
 * zone), start that year's reporting cycle. Created with the plan, updated with its settings, deleted
 * when the plan closes.
 */
export async function ensurePlanSchedule(client: Client, plan: PlanRow, timeZone: string): Promise<void> {
  const { requestOn } = reportSettingsOf(plan.settings);
  const [month, day] = requestOn.split('-').map(Number) as [number, number];
  const spec = {
    calendars: [{ month: MONTHS[month - 1]!, dayOfMonth: day, hour: 0, minute: 5 }],
    timezone: timeZone,
    startAt: new Date(atLocalHour(plan.periodStart, 0)),
    endAt: new Date(atLocalHour(plan.periodEnd, 23)),
  };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: annualReportScheduled,
    args: [{ planId: plan.id }] as [{ planId: string }],
    taskQueue: TASK_QUEUE,
    workflowId: annualScheduleId(plan.id),
  };
  try {
    await client.schedule.create({ scheduleId: annualScheduleId(plan.id), spec, action, policies: { overlap: 'ALLOW_ALL', catchupWindow: '30 days' } });
  } catch (err) {
    if ((err as Error).name !== 'ScheduleAlreadyRunning') throw err;
    await client.schedule.getHandle(annualScheduleId(plan.id)).update((prev) => ({ ...prev, spec, action }));
  }
}

export async function removePlanSchedule(client: Client, planId: string): Promise<void> {
  try {
    await client.schedule.getHandle(annualScheduleId(planId)).delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
}

async function planOr404(deps: AppDeps, planId: string): Promise<PlanRow> {
  const [plan] = await deps.database.db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  return plan;
}

function assertYearInPeriod(plan: PlanRow, year: number, field = 'year') {
  const [from, to] = [Number(plan.periodStart.slice(0, 4)), Number(plan.periodEnd.slice(0, 4))];
  if (year < from || year > to) throw unprocessable(`Năm ${year} ngoài giai đoạn của kế hoạch (${from}–${to}).`, [{ field, message: `phải từ ${from} đến ${to}` }]);
}

/** A coordinator starts a year's cycle by hand (the Schedule does it on its own each year). */
export async function startCycle(deps: AppDeps, planId: string, year: number) {
  const plan = await planOr404(deps, planId);
  assertYearInPeriod(plan, year);
  const workflowId = annualCycleWorkflowId(planId, year);
  try {
    await deps.temporal.workflow.start(annualReportCycle, { taskQueue: TASK_QUEUE, workflowId, args: [{ planId, year }], workflowIdConflictPolicy: 'FAIL' });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) throw conflict(`Chu kỳ báo cáo năm ${year} đang diễn ra.`, [{ field: 'year', message: 'đang diễn ra' }]);
    throw err;
  }
  return { planId, year, workflowId };
}

/** Who was asked, who has reported and when, and the compiled versions. */
export async function cycleStatus(deps: AppDeps, user: AuthUser, planId: string, year: number) {
  await planOr404(deps, planId);
  const { db } = deps.database;
  const [cycle] = await db.select().from(annualCycles).where(and(eq(annualCycles.planId, planId), eq(annualCycles.year, year)));
  if (!cycle) throw notFound(`chu kỳ báo cáo năm ${year}`);
  const reports = await db
    .select()
    .from(agencyReports)
    .where(and(eq(agencyReports.planId, planId), eq(agencyReports.year, year)))
    .orderBy(asc(agencyReports.submittedAt));
  const codes = [...new Set([...cycle.agencyCodes, ...reports.map((r) => r.agencyCode)])];
  const names = codes.length ? await db.select({ code: agencies.code, name: agencies.name }).from(agencies).where(inArray(agencies.code, codes)) : [];
  const visible = user.role === 'agency' ? codes.filter((c) => c === user.agencyCode) : codes;
  return {
    planId,
    year,
    status: cycle.status,
    requestedOn: cycle.requestedOn,
    dueDate: cycle.dueDate,
    compiledAt: cycle.compiledAt?.toISOString() ?? null,
    version: cycle.version,
    agencies: visible.sort().map((code) => {
      const mine = reports.filter((r) => r.agencyCode === code);
      const current = mine.find((r) => !r.supersededAt);
      return {
        code,
        name: names.find((n) => n.code === code)?.name ?? code,
        requested: cycle.agencyCodes.includes(code),
        submittedAt: current?.submittedAt.toISOString() ?? null,
        onTime: current?.onTime ?? null,
        summary: current?.summary ?? null,
        versions: mine.length,
      };
    }),
  };
}

export interface AgencyReportInput {
  summary: string;
  tasks: { taskId: string; percent: number; note?: string; attachmentIds?: string[] }[];
}

/**
 * An agency's yearly report: stored (a second one supersedes the first, which stays as history), its
 * progress figures sent to each task's workflow, and the cycle told, which recompiles if it already had.
 */
export async function submitAgencyReport(deps: AppDeps, user: AuthUser, planId: string, year: number, input: AgencyReportInput) {
  const plan = await planOr404(deps, planId);
  assertYearInPeriod(plan, year, 'path.year');
  const { db } = deps.database;
  const agencyCode = user.agencyCode!;
  const [cycle] = await db.select().from(annualCycles).where(and(eq(annualCycles.planId, planId), eq(annualCycles.year, year)));
  if (!cycle) throw notFound(`chu kỳ báo cáo năm ${year} (chưa được yêu cầu)`);

  const ids = [...new Set(input.tasks.map((t) => t.taskId))];
  if (ids.length !== input.tasks.length) throw unprocessable('Mỗi nhiệm vụ chỉ báo cáo một lần.', [{ field: 'tasks', message: 'có nhiệm vụ lặp lại' }]);
  const rows = ids.length ? await db.select().from(tasks).where(and(eq(tasks.planId, planId), inArray(tasks.id, ids))) : [];
  const problems = input.tasks.flatMap((item, i) => {
    const row = rows.find((r) => r.id === item.taskId);
    if (!row) return [{ field: `tasks.${i}.taskId`, message: 'không phải nhiệm vụ của kế hoạch này' }];
    if (row.leadAgencyCode !== agencyCode) return [];
    if (isOpen(row.status) && item.percent < row.progress && !item.note?.trim()) {
      return [{ field: `tasks.${i}.note`, message: `tiến độ giảm từ ${row.progress}% xuống ${item.percent}%: cần ghi chú lý do` }];
    }
    return [];
  });
  const foreign = input.tasks.filter((t) => rows.some((r) => r.id === t.taskId && r.leadAgencyCode !== agencyCode));
  if (foreign.length) throw forbidden(`Chỉ báo cáo nhiệm vụ đơn vị mình chủ trì (${foreign.length} nhiệm vụ của đơn vị khác).`);
  if (problems.length) throw unprocessable('Báo cáo có nội dung chưa hợp lệ.', problems);
  // Each task's evidence: files the agency uploaded to that very task.
  const evidence = await resolveEvidence(
    deps,
    user,
    input.tasks.map((t, i) => ({ taskId: t.taskId, ids: t.attachmentIds, field: `tasks.${i}.attachmentIds` })),
  );
  const items = input.tasks.map(({ attachmentIds: _ids, ...item }, i) => (evidence[i] ? { ...item, attachments: evidence[i] } : item));

  const reportId = randomUUID();
  const onTime = await reportIsOnTime(deps, planId, year, cycle.dueDate);
  await db.transaction(async (tx) => {
    await tx
      .update(agencyReports)
      .set({ supersededAt: new Date() })
      .where(and(eq(agencyReports.planId, planId), eq(agencyReports.year, year), eq(agencyReports.agencyCode, agencyCode), isNull(agencyReports.supersededAt)));
    await tx.insert(agencyReports).values({ id: reportId, planId, year, agencyCode, summary: input.summary, items, submittedBy: user.id, onTime });
  });

  // Each figure goes through its task's workflow, like any progress report, with the report's year: for a
  // recurring task it is that year's report (domain/deadline), so it goes even when the figure is unchanged.
  // The report itself is kept whatever happens to a figure; one a task refuses is said, not fatal.
  const actor = actorOf(user, 'report');
  const notApplied: { taskId: string; reason: string }[] = [];
  for (const item of items) {
    const row = rows.find((r) => r.id === item.taskId)!;
    const attachments = 'attachments' in item ? item.attachments : undefined;
    if (!isOpen(row.status) || row.isGroup || (item.percent === row.progress && !item.note && !attachments && row.kind !== 'recurring')) continue;
    try {
      await deps.temporal.workflow
        .getHandle(taskWorkflowId(row.id))
        .executeUpdate(reportProgressUpdate, {
          args: [{ actor, percent: item.percent, note: item.note, year, ...(attachments ? { attachments } : {}) }],
          updateId: `report-${reportId}-${row.id}`,
        });
    } catch (err) {
      if (!(err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError)) throw err;
      notApplied.push({ taskId: row.id, reason: (err.cause as Error | undefined)?.message ?? err.message });
    }
  }

  const workflowId = annualCycleWorkflowId(planId, year);
  try {
    await deps.temporal.workflow.getHandle(workflowId).signal(agencyReportedSignal, { agencyCode });
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    // The cycle has closed: run it again, which finds every report in and recompiles.
    await deps.temporal.workflow.signalWithStart(annualReportCycle, {
      taskQueue: TASK_QUEUE,
      workflowId,
      args: [{ planId, year }],
      signal: agencyReportedSignal,
      signalArgs: [{ agencyCode }],
    });
  }
  return { reportId, onTime, notApplied };
}

/**
 * On time while the cycle still waits for reports, i.e. its due date has not passed in the cycle's own
 * clock; a closed cycle's due date passed long ago.
 */
async function reportIsOnTime(deps: AppDeps, planId: string, year: number, dueDate: string): Promise<boolean> {
  try {
    const { phase } = await deps.temporal.workflow.getHandle(annualCycleWorkflowId(planId, year)).query(getCycleQuery);
    return phase === 'waiting' || phase === 'requested';
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
    return localDate(Date.now()) <= dueDate;
  }
}

/** The compiled report as stored by the cycle. */
export async function compiledReport(deps: AppDeps, planId: string, year: number) {
  await planOr404(deps, planId);
  const [cycle] = await deps.database.db.select().from(annualCycles).where(and(eq(annualCycles.planId, planId), eq(annualCycles.year, year)));
  if (!cycle?.report) throw notFound(`báo cáo tổng hợp năm ${year} (chưa tổng hợp)`);
  return cycle.report;
}

export async function listCycles(deps: AppDeps, planId: string) {
  await planOr404(deps, planId);
  const rows = await deps.database.db.select().from(annualCycles).where(eq(annualCycles.planId, planId)).orderBy(asc(annualCycles.year));
  return rows.map((c) => ({
    year: c.year,
    status: c.status,
    requestedOn: c.requestedOn,
    dueDate: c.dueDate,
    agencies: c.agencyCodes.length,
    compiledAt: c.compiledAt?.toISOString() ?? null,
    version: c.version,
  }));
}
