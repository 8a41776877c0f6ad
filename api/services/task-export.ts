/**
 * The task list as a workbook: the rows the list shows for the same filters and the same user, all of
 * them rather than a page, for a clerk to attach to a reminder letter or bring to a meeting. A second
 * sheet says who exported it, when, and with which filters.
 */
import { inArray } from 'drizzle-orm';
import { agencies, plans } from '../../db/schema';
import { dayNumber, localDate } from '../../domain/calendar';
import { fundingSourcesLabel, KIND_LABELS, REPORT_STATUS_LABELS, REPORT_TEXT, TASK_LIST_TEXT } from '../../domain/report/labels';
import type { Language } from '../../domain/vocabulary';
import type { AppDeps, AuthUser } from '../context';
import { unprocessable } from '../errors';
import { selectTasks, type TaskListQuery } from './tasks';
import { rowIsOverdue } from '../../db/read-model/deadline';
import type { TaskRow } from '../../db/read-model/task-view';
import { addIndicatorTable, addTable, DATE, excelDates, excelLocalDate, INTEGER, newWorkbook, sectionTexts, workbookBuffer, type CellValue, type Indicator } from './xlsx-table';

/** More rows than a clerk can read in a sheet, and than one request should hold in memory. */
export const EXPORT_LIMIT = 20_000;

export type TaskExportQuery = Omit<TaskListQuery, 'limit' | 'cursor'> & { lang?: Language };

interface ExportedRow {
  task: TaskRow;
  leadAgencyName: string | null;
}

/** What the workbook says besides the rows: names to show for codes, and the export's own facts. */
export interface TaskListContext {
  exportedAt: Date;
  exportedBy: string;
  agencyNames: ReadonlyMap<string, string>;
  planNames: ReadonlyMap<string, string>;
  query: TaskExportQuery;
  /** The caller sees only its agency's tasks. */
  ownAgency: string | null;
}

export async function exportTasks(deps: AppDeps, user: AuthUser, query: TaskExportQuery): Promise<{ file: Buffer; fileName: string }> {
  const rows = await selectTasks(deps, user, query, EXPORT_LIMIT + 1);
  if (rows.length > EXPORT_LIMIT) {
    throw unprocessable(`Có hơn ${EXPORT_LIMIT.toLocaleString('vi-VN')} nhiệm vụ khớp bộ lọc: hãy lọc bớt (theo kế hoạch, đơn vị hoặc trạng thái) rồi xuất lại.`, [
      { field: 'query', message: `nhiều hơn ${EXPORT_LIMIT.toLocaleString('vi-VN')} nhiệm vụ` },
    ]);
  }
  const db = deps.database.db;
  const planIds = [...new Set([...rows.map((r) => r.task.planId), ...(query.plan ? [query.plan] : [])])];
  const [directory, planRows] = await Promise.all([
    db.select({ code: agencies.code, name: agencies.name }).from(agencies),
    planIds.length ? db.select({ id: plans.id, documentNumber: plans.documentNumber }).from(plans).where(inArray(plans.id, planIds)) : [],
  ]);
  const language = query.lang ?? user.language;
  const context: TaskListContext = {
    exportedAt: new Date(),
    exportedBy: user.name,
    agencyNames: new Map(directory.map((a) => [a.code, a.name])),
    planNames: new Map(planRows.map((p) => [p.id, p.documentNumber])),
    query,
    ownAgency: user.role === 'agency' ? user.agencyCode : null,
  };
  const file = await renderTaskListXlsx(rows, context, language);
  return { file, fileName: `${TASK_LIST_TEXT[language].fileName}-${localDate(context.exportedAt.getTime())}.xlsx` };
}

/** The workbook of `rows`, in list order; pure: the same rows and context make the same bytes. */
export function renderTaskListXlsx(rows: readonly ExportedRow[], context: TaskListContext, language: Language): Promise<Buffer> {
  const r = REPORT_TEXT[language];
  const t = TASK_LIST_TEXT[language];
  const wb = newWorkbook({ creator: 'Giao việc', title: t.sheetTasks, created: context.exportedAt });
  const today = localDate(context.exportedAt.getTime());
  const date = excelDates();
  const section = sectionTexts();
  const nameOf = (code: string) => context.agencyNames.get(code) ?? code;

  addTable(
    wb,
    t.sheetTasks,
    [
      { header: t.plan, min: 12, max: 20 },
      { header: r.section, min: 12, max: 40, wrap: true },
      { header: r.number, min: 6, max: 8 },
      { header: r.title, min: 30, max: 70, wrap: true },
      { header: r.leadAgency, min: 18, max: 40, wrap: true },
      { header: t.coordinatingAgencies, min: 18, max: 50, wrap: true },
      { header: r.kind, min: 10, max: 14 },
      { header: t.startDate, numFmt: DATE, min: 12, max: 14 },
      { header: r.taskDueDate, numFmt: DATE, min: 12, max: 14 },
      { header: r.originalDueDate, numFmt: DATE, min: 12, max: 14 },
      { header: r.status, min: 14, max: 26 },
      { header: t.overdueDays, numFmt: INTEGER, min: 10, max: 12 },
      { header: r.progress, numFmt: '0%', min: 10, max: 12 },
      { header: t.acknowledgedOn, numFmt: DATE, min: 12, max: 14 },
      { header: r.completedOn, numFmt: DATE, min: 12, max: 14 },
      { header: r.funding, min: 14, max: 40, wrap: true },
      { header: r.note, min: 20, max: 60, wrap: true },
    ],
    rows,
    ({ task, leadAgencyName }): CellValue[] => [
      context.planNames.get(task.planId) ?? null,
      section(task),
      task.number,
      task.title,
      leadAgencyName ?? task.leadAgencyCode,
      task.coordinatingAgencyCodes.map(nameOf).join('; ') || null,
      KIND_LABELS[task.kind][language],
      date(task.startDate),
      date(task.dueDate),
      date(task.originalDueDate),
      REPORT_STATUS_LABELS[task.status][language],
      // Days past the deadline that applies (a recurring task's: its missing year's report date).
      rowIsOverdue(task, today) ? dayNumber(today) - dayNumber(task.currentDueDate!) : null,
      task.progress / 100,
      excelLocalDate(task.acknowledgedAt),
      // A completion counts from when the agency submitted it, as in the annual report.
      task.status === 'completed' ? excelLocalDate(task.submittedAt ?? task.completedAt) : null,
      task.funding ? task.funding.text || fundingSourcesLabel(task.funding.sources, language) : null,
      task.note,
    ],
  );

  const q = context.query;
  const flag = (value: boolean | undefined) => (value === undefined ? t.all : value ? t.onlyThese : t.exceptThese);
  const about: Indicator[] = [
    [t.exportedBy, context.exportedBy],
    [t.exportedAt, excelLocalDate(context.exportedAt), DATE],
    [t.taskCount, rows.length, INTEGER],
    ...(context.ownAgency ? [[t.filterOwn, `${t.ownAgency}: ${nameOf(context.ownAgency)}`] as Indicator] : []),
    [t.filterPlan, q.plan ? (context.planNames.get(q.plan) ?? q.plan) : t.all],
    [t.filterAgency, q.agency ? nameOf(q.agency) : t.all],
    [t.filterStatus, q.status?.length ? q.status.map((s) => REPORT_STATUS_LABELS[s][language]).join('; ') : t.all],
    [t.filterOverdue, flag(q.overdue)],
    [t.filterDueSoon, flag(q.dueSoon)],
    ...(q.q ? [[t.filterSearch, q.q] as Indicator] : []),
    ...(q.parent ? [[t.filterParent, q.parent] as Indicator] : []),
  ];
  addIndicatorTable(wb, t.sheetAbout, r, about);
  return workbookBuffer(wb);
}
