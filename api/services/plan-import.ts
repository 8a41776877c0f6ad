import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { importJobs, plans, tasks } from '../../db/schema';
import type { AgencyDirectory } from '../../domain/agencies';
import { previewImport } from '../../domain/import';
import { commandsForChange, type ChildTask, type ImportChange } from '../../domain/import/changes';
import { diffImport, diffIsEmpty, importedRowOf, nextImportedRow, type ImportDryRun, type ImportedTask } from '../../domain/import/diff';
import { choicesToRemember } from '../../domain/import/mapping';
import type { ColumnChoice, ImportPreview, ParsedTask } from '../../domain/import/types';
import { fanOutRows } from '../../domain/task-fan-out';
import { localDate } from '../../domain/calendar';
import { assignedDueDate } from '../../domain/deadline';
import { reportSettingsOf } from '../../domain/plan-settings';
import { searchableText } from '../../domain/text';
import { TASK_QUEUE } from '../../workflows/constants';
import { importJobWorkflow } from '../../workflows/import-job';
import type { AppDeps, AuthUser } from '../context';
import { conflict, notFound, unprocessable } from '../errors';
import { loadAgencyDirectory } from './agency-directory';
import { actorOf } from './tasks';

export const importJobWorkflowId = (jobId: string) => `import-${jobId}`;

export interface UploadedFile {
  data: Uint8Array;
  fileName?: string;
  contentType?: string;
}

/** What the coordinator sends with the file (the wizard's choices). */
export interface ImportChoices {
  mapping?: Record<string, ColumnChoice>;
  /** The worksheet or Word table to read ("Bảng 2"), by its name in the preview's `sheets`. */
  sheet?: string;
  /** Tasks the corrected file no longer lists that the coordinator ticked for cancellation. */
  cancelRemoved?: string[];
}

async function planOr404(db: Db | Tx, planId: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  return plan;
}

/** The plan an import writes into: 404 when unknown, 409 when closed. */
export async function openPlan(db: Db | Tx, planId: string) {
  const plan = await planOr404(db, planId);
  if (plan.status !== 'active') throw conflict('Kế hoạch đã đóng; không thể nhập thêm nhiệm vụ.');
  return plan;
}

function preview(file: UploadedFile, plan: typeof plans.$inferSelect, directory: AgencyDirectory, choices: ImportChoices) {
  return previewImport(
    file,
    { directory, plan: { periodStart: plan.periodStart, periodEnd: plan.periodEnd } },
    { mapping: choices.mapping, sheet: choices.sheet, remembered: plan.importColumns },
  );
}

/**
 * The appendix a file is compared with: for a document holding several appendices (the Word tables or
 * worksheets that each have a title and a lead column), the tasks imported from the same one by name;
 * otherwise every task imported into the plan, whatever the file's format.
 */
function appendixOf(preview: ImportPreview): string | undefined {
  return preview.sheets.filter((s) => s.hasHeader).length > 1 ? (preview.sheetName ?? '') : undefined;
}

/**
 * The plan's tasks that earlier imports created (parents only, a group's children apart), each with the
 * appendix row it was last imported from: what a corrected file is compared with.
 */
async function importedTasks(db: Db | Tx, planId: string, sheetName: string | undefined): Promise<{ tasks: ImportedTask[]; children: Map<string, ChildTask[]> }> {
  const rows = (
    await db
      .select({ task: tasks })
      .from(tasks)
      .innerJoin(importJobs, eq(importJobs.id, tasks.importJobId))
      .where(and(eq(tasks.planId, planId), isNull(tasks.parentId), ...(sheetName === undefined ? [] : [eq(importJobs.sheetName, sheetName)])))
      .orderBy(asc(tasks.position))
  ).map((r) => r.task);
  const groupIds = rows.filter((r) => r.isGroup).map((r) => r.id);
  const kids = groupIds.length
    ? await db.select({ id: tasks.id, parentId: tasks.parentId, leadAgencyCode: tasks.leadAgencyCode, status: tasks.status }).from(tasks).where(inArray(tasks.parentId, groupIds))
    : [];
  const children = new Map<string, ChildTask[]>();
  for (const k of kids) children.set(k.parentId!, [...(children.get(k.parentId!) ?? []), { id: k.id, leadAgencyCode: k.leadAgencyCode, status: k.status }]);
  return {
    children,
    tasks: rows.map((r) => ({
      id: r.id,
      status: r.status,
      isGroup: r.isGroup,
      // Imported before rows kept their snapshot: the task's own columns, its deadline as assigned.
      row: r.importedRow ?? {
        sectionCode: r.sectionCode,
        section: r.section,
        number: r.number,
        title: r.title,
        leadText: r.leadAgencyText ?? r.leadAgencyCode,
        leadCodes: [r.leadAgencyCode],
        coordinatingCodes: r.isGroup ? [] : r.coordinatingAgencyCodes,
        kind: r.kind,
        startDate: r.startDate,
        dueDate: r.originalDueDate,
        funding: r.funding,
        description: r.description,
        note: r.note,
      },
    })),
  };
}

/** Read and check the file against the plan, the agency directory and the plan's imported tasks; writes nothing. */
export async function dryRunImport(deps: AppDeps, planId: string, file: UploadedFile, choices: ImportChoices = {}): Promise<ImportDryRun> {
  const { db } = deps.database;
  const plan = await planOr404(db, planId);
  const directory = await loadAgencyDirectory(db);
  const result: ImportDryRun = await preview(file, plan, directory, choices);
  if (result.tasks.length > 0) {
    const existing = await importedTasks(db, planId, appendixOf(result));
    if (existing.tasks.length > 0) result.diff = diffImport(result.tasks, existing.tasks);
  }
  return result;
}

/** A coordinating group ("Các sở, ban, ngành") means each of its members coordinates. */
const expandGroups = (directory: AgencyDirectory) => (codes: readonly string[]) => [...new Set(codes.flatMap((c) => (directory.membersOf(c).length ? directory.membersOf(c) : [c])))];

/** Read-model columns of a task that come from its appendix row and that no workflow holds. */
function appendixColumns(t: ParsedTask) {
  return {
    sectionCode: t.sectionCode ?? null,
    section: t.section ?? null,
    number: t.number ?? null,
    description: t.description ?? null,
    timeframeText: t.timeframeText ?? null,
    funding: t.funding ?? null,
    note: t.note ?? null,
    coordinatingText: t.coordinatingText ?? null,
  };
}

/** New rows of the file: one task per row, or a parent and one child per agency. */
function newTaskRows(
  added: readonly ParsedTask[],
  at: { jobId: string; plan: typeof plans.$inferSelect; firstPosition: number },
  expand: (codes: readonly string[]) => string[],
) {
  const { jobId, plan, firstPosition } = at;
  const planId = plan.id;
  // The deadline the task is judged by today (a recurring task's first owed report), as its workflow will project it.
  const { dueOn } = reportSettingsOf(plan.settings);
  const today = localDate(Date.now());
  const rows: (typeof tasks.$inferInsert)[] = [];
  added.forEach((t, i) => {
    const base = {
      ...appendixColumns(t),
      planId,
      importJobId: jobId,
      sourceRow: t.row,
      importedRow: importedRowOf(t),
      position: firstPosition + i,
      title: t.title,
      titleSearch: searchableText(t.title),
      leadAgencyText: t.leadText,
      kind: t.kind,
      startDate: t.startDate,
      dueDate: t.dueDate,
      originalDueDate: t.dueDate,
    };
    const coordinating = expand(t.coordinatingAgencyCodes);
    rows.push(
      ...fanOutRows(t.leads, randomUUID, (place) => ({
        ...base,
        ...place,
        coordinatingAgencyCodes: coordinating.filter((c) => c !== place.leadAgencyCode),
        currentDueDate: assignedDueDate({ ...base, isGroup: place.isGroup }, dueOn, today),
      })),
    );
  });
  return rows;
}

/**
 * Commit an import, all or nothing. The file is compared with the plan's imported tasks: new rows become
 * tasks (started by the job's workflow), changed rows become commands to their running tasks, tasks the
 * file no longer lists are cancelled only when ticked. The same file again changes nothing and says so.
 */
export async function commitImport(deps: AppDeps, user: AuthUser, planId: string, file: UploadedFile, choices: ImportChoices = {}) {
  const { db } = deps.database;
  const plan = await openPlan(db, planId);
  const directory = await loadAgencyDirectory(db);
  const parsed = await preview(file, plan, directory, choices);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (!parsed.ok) {
    throw unprocessable(
      `Tệp có ${errors.length} lỗi; chưa nhập gì. Hãy sửa và thử lại.`,
      errors.map((p) => ({ row: p.row, column: p.column, field: p.field, message: p.message, suggestions: p.suggestions })),
    );
  }
  const expand = expandGroups(directory);
  // Jobs whose starter never ran (Temporal was down at commit) are resumed, whatever this file brings.
  await resumeStalledJobs(deps, user, planId);

  const jobId = randomUUID();
  const outcome = await db.transaction(async (tx) => {
    // One import of a plan at a time: the comparison below must see the tasks the other one adds.
    await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, planId)).for('update');
    const existing = await importedTasks(tx, planId, appendixOf(parsed));
    const diff = diffImport(parsed.tasks, existing.tasks);
    const cancelRemoved = [...new Set(choices.cancelRemoved ?? [])];
    const removable = new Map(diff.removed.map((r) => [r.taskId, r]));
    const unknown = cancelRemoved.filter((id) => !removable.has(id) || removable.get(id)!.status === 'completed' || removable.get(id)!.status === 'cancelled');
    if (unknown.length) {
      throw unprocessable('Chỉ hủy được nhiệm vụ đang mở mà tệp mới không còn liệt kê.', unknown.map((id) => ({ field: 'cancelRemoved', message: `${id} không phải nhiệm vụ như vậy` })));
    }
    if (diffIsEmpty(diff, cancelRemoved)) return { diff, job: undefined };

    const byRow = new Map(parsed.tasks.map((t) => [t.row, t]));
    const before = new Map(existing.tasks.map((t) => [t.id, t]));
    const changes: ImportChange[] = [];
    for (const changed of diff.changed) {
      const task = before.get(changed.taskId)!;
      const after = importedRowOf(byRow.get(changed.row)!);
      changes.push(...commandsForChange(changed, after, { isGroup: task.isGroup, children: existing.children.get(task.id) ?? [], expand }));
      // The appendix's own columns change with the snapshot; what the workflow holds changes by command.
      if (changed.changes.some((c) => !c.notApplied)) {
        const ids = [task.id, ...(existing.children.get(task.id) ?? []).map((c) => c.id)];
        await tx
          .update(tasks)
          .set({ ...appendixColumns(byRow.get(changed.row)!), sourceRow: changed.row, importedRow: nextImportedRow(task.row, after, changed.changes) })
          .where(inArray(tasks.id, ids));
      }
    }
    const reason = `Không còn trong phụ lục sửa đổi (${file.fileName ?? 'tệp nhập'}).`;
    for (const taskId of cancelRemoved) changes.push({ type: 'cancel', taskId, reason });

    const [{ start }] = (await tx.select({ start: sql<number>`coalesce(max(${tasks.position}), 0)` }).from(tasks).where(eq(tasks.planId, planId))) as [{ start: number }];
    const added = diff.added.map((a) => byRow.get(a.row)!);
    const rows = newTaskRows(added, { jobId, plan, firstPosition: start + 1 }, expand);
    const [job] = await tx
      .insert(importJobs)
      .values({
        id: jobId,
        planId,
        fileName: file.fileName ?? 'upload',
        fileSha256: parsed.fileSha256,
        sheetName: parsed.sheetName ?? '',
        rowCount: parsed.summary.rows,
        taskCount: rows.length,
        changes,
        summary: { ...parsed.summary, diff: { added: diff.added.length, changed: diff.changed.length, unchanged: diff.unchanged.length, removed: diff.removed.length, cancelled: cancelRemoved.length } },
        createdBy: user.id,
      })
      .returning();
    for (let i = 0; i < rows.length; i += 500) await tx.insert(tasks).values(rows.slice(i, i + 500));
    const remembered = choicesToRemember(parsed.columns, choices.mapping);
    if (Object.keys(remembered).length) await tx.update(plans).set({ importColumns: { ...plan.importColumns, ...remembered } }).where(eq(plans.id, planId));
    return { diff, job: job! };
  });
  if (!outcome.job) return { alreadyImported: true as const, diff: outcome.diff, summary: parsed.summary };
  await startImportJob(deps, user, jobId);
  return { alreadyImported: false as const, job: jobView(outcome.job), diff: outcome.diff, summary: parsed.summary };
}

async function resumeStalledJobs(deps: AppDeps, user: AuthUser, planId: string) {
  const stalled = await deps.database.db.select({ id: importJobs.id }).from(importJobs).where(and(eq(importJobs.planId, planId), eq(importJobs.status, 'starting')));
  for (const job of stalled) await startImportJob(deps, user, job.id);
}

function startImportJob(deps: AppDeps, user: AuthUser, jobId: string) {
  return deps.temporal.workflow.start(importJobWorkflow, {
    taskQueue: TASK_QUEUE,
    workflowId: importJobWorkflowId(jobId),
    args: [{ jobId, actor: actorOf(user, 'import') }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

export function jobView(job: typeof importJobs.$inferSelect) {
  return {
    id: job.id,
    planId: job.planId,
    fileName: job.fileName,
    sheetName: job.sheetName,
    status: job.status,
    rowCount: job.rowCount,
    taskCount: job.taskCount,
    startedCount: job.startedCount,
    changeCount: job.changes.length,
    appliedCount: job.appliedCount,
    refusedCount: job.refusedCount,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}

export async function importJob(deps: AppDeps, planId: string, jobId: string) {
  const [job] = await deps.database.db.select().from(importJobs).where(and(eq(importJobs.planId, planId), eq(importJobs.id, jobId)));
  if (!job) throw notFound('lần nhập');
  return jobView(job);
}
