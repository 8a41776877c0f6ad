import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { importJobs, plans, tasks } from '../../db/schema';
import { localDate } from '../../domain/calendar';
import { assignedDueDate } from '../../domain/deadline';
import { previewImport } from '../../domain/import';
import { reportSettingsOf } from '../../domain/plan-settings';
import type { ImportPreview, ParsedTask } from '../../domain/import/types';
import { searchableText } from '../../domain/text';
import { TASK_QUEUE } from '../../workflows/constants';
import { importJobWorkflow } from '../../workflows/import-job';
import type { AppDeps, AuthUser } from '../context';
import { notFound, conflict, unprocessable } from '../errors';
import { loadAgencyDirectory } from './agency-directory';
import { actorOf } from './tasks';

export const importJobWorkflowId = (jobId: string) => `import-${jobId}`;

async function planOr404(deps: AppDeps, planId: string) {
  const [plan] = await deps.database.db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  return plan;
}

/** Read and check the file against the plan and the agency directory; writes nothing. */
export async function dryRunImport(deps: AppDeps, planId: string, file: { data: Uint8Array; fileName?: string; contentType?: string }): Promise<ImportPreview> {
  const plan = await planOr404(deps, planId);
  const directory = await loadAgencyDirectory(deps.database.db);
  return previewImport(file, { directory, plan: { periodStart: plan.periodStart, periodEnd: plan.periodEnd } });
}

/** The agencies a parsed row is given to: each lead, a group replaced by its members. */
function assignees(task: ParsedTask): string[] {
  return [...new Set(task.leads.flatMap((l) => (l.members.length ? l.members : [l.code])))];
}

/**
 * Commit an import: all task rows in one transaction (a row led by several agencies or a group becomes a
 * parent with one child per agency), then a workflow that starts their task workflows and reports
 * progress on the job. The same file again changes nothing and says so.
 */
export async function commitImport(deps: AppDeps, user: AuthUser, planId: string, file: { data: Uint8Array; fileName?: string; contentType?: string }) {
  const plan = await planOr404(deps, planId);
  if (plan.status !== 'active') throw conflict('Kế hoạch đã đóng; không thể nhập thêm nhiệm vụ.');
  const preview = await dryRunImport(deps, planId, file);
  if (!preview.ok) {
    throw unprocessable(
      `Tệp có ${preview.problems.filter((p) => p.severity === 'error').length} lỗi; chưa nhập gì. Hãy sửa và thử lại.`,
      preview.problems.filter((p) => p.severity === 'error').map((p) => ({ row: p.row, column: p.column, field: p.field, message: p.message, suggestions: p.suggestions })),
    );
  }
  const { db } = deps.database;
  const directory = await loadAgencyDirectory(db);
  // A coordinating group ("Các sở, ban, ngành") means each of its members coordinates.
  const coordinatingOf = (t: ParsedTask) => [...new Set(t.coordinatingAgencyCodes.flatMap((c) => directory.membersOf(c).length ? directory.membersOf(c) : [c]))];
  const [existing] = await db.select().from(importJobs).where(and(eq(importJobs.planId, planId), eq(importJobs.fileSha256, preview.fileSha256)));
  if (existing) {
    // A job whose starter never ran (Temporal was down at commit) is resumed, not duplicated.
    if (existing.status === 'starting') await startImportJob(deps, user, existing.id);
    return { alreadyImported: true as const, job: jobView(existing), summary: preview.summary };
  }

  const jobId = randomUUID();
  const job = await db.transaction(async (tx) => {
    const [{ start }] = (await tx
      .select({ start: sql<number>`coalesce(max(${tasks.position}), 0)` })
      .from(tasks)
      .where(eq(tasks.planId, planId))) as [{ start: number }];
    const rows: (typeof tasks.$inferInsert)[] = [];
    const { dueOn } = reportSettingsOf(plan.settings);
    const today = localDate(Date.now());
    preview.tasks.forEach((t, i) => {
      const base = {
        planId,
        importJobId: jobId,
        sourceRow: t.row,
        position: start + i + 1,
        sectionCode: t.sectionCode ?? null,
        section: t.section ?? null,
        number: t.number ?? null,
        title: t.title,
        titleSearch: searchableText(t.title),
        description: t.description ?? null,
        leadAgencyText: t.leadText,
        coordinatingText: t.coordinatingText ?? null,
        kind: t.kind,
        startDate: t.startDate,
        dueDate: t.dueDate,
        originalDueDate: t.dueDate,
        timeframeText: t.timeframeText ?? null,
        funding: t.funding ?? null,
        note: t.note ?? null,
      };
      const agencies = assignees(t);
      const coordinating = (lead: string) => coordinatingOf(t).filter((c) => c !== lead);
      const currentDueDate = (isGroup: boolean) => assignedDueDate({ ...base, isGroup }, dueOn, today);
      if (agencies.length === 1) {
        rows.push({ ...base, id: randomUUID(), leadAgencyCode: agencies[0]!, coordinatingAgencyCodes: coordinating(agencies[0]!), currentDueDate: currentDueDate(false) });
        return;
      }
      // Several agencies: a parent that completes when every agency's own task does.
      const parentId = randomUUID();
      const parentLead = t.leads[0]!.code;
      rows.push({ ...base, id: parentId, isGroup: true, leadAgencyCode: parentLead, coordinatingAgencyCodes: coordinating(parentLead), currentDueDate: currentDueDate(true) });
      for (const code of agencies) {
        rows.push({ ...base, id: randomUUID(), parentId, leadAgencyCode: code, coordinatingAgencyCodes: coordinating(code), currentDueDate: currentDueDate(false) });
      }
    });
    const [created] = await tx
      .insert(importJobs)
      .values({
        id: jobId,
        planId,
        fileName: file.fileName ?? 'upload',
        fileSha256: preview.fileSha256,
        rowCount: preview.summary.rows,
        taskCount: rows.length,
        summary: preview.summary as unknown as Record<string, unknown>,
        createdBy: user.id,
      })
      .returning();
    for (let i = 0; i < rows.length; i += 500) await tx.insert(tasks).values(rows.slice(i, i + 500));
    return created!;
  });
  await startImportJob(deps, user, jobId);
  return { alreadyImported: false as const, job: jobView(job), summary: preview.summary };
}

function startImportJob(deps: AppDeps, user: AuthUser, jobId: string) {
  return deps.temporal.workflow.start(importJobWorkflow, {
    taskQueue: TASK_QUEUE,
    workflowId: importJobWorkflowId(jobId),
    args: [{ jobId, actor: actorOf(user) }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

export function jobView(job: typeof importJobs.$inferSelect) {
  return {
    id: job.id,
    planId: job.planId,
    fileName: job.fileName,
    status: job.status,
    rowCount: job.rowCount,
    taskCount: job.taskCount,
    startedCount: job.startedCount,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}

export async function importJob(deps: AppDeps, planId: string, jobId: string) {
  const [job] = await deps.database.db.select().from(importJobs).where(and(eq(importJobs.planId, planId), eq(importJobs.id, jobId)));
  if (!job) throw notFound('lần nhập');
  return jobView(job);
}
