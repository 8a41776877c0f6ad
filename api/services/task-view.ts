import { and, eq, getTableColumns, gte, inArray, isNotNull, lt, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { agencies, tasks } from '../../db/schema';
import { localDate } from '../../domain/calendar';
import { DUE_SOON_DAYS, isDueSoon as dueSoonAt, isOverdue as overdueAt, owedReportYear } from '../../domain/deadline';
import { TASK_STATUSES } from '../../domain/task-status';
import { TASK_KINDS } from '../../domain/vocabulary';

/**
 * A task's columns as the API shows them: every one but the workflow's bookkeeping, which no view
 * carries: the reminder plan (a few hundred bytes a row, served by `/reminders`), the search key and the
 * projection's sequence number. A page of 50 or an export of 20,000 rows leaves them in Postgres.
 */
const { reminderPlan: _plan, titleSearch: _search, lastSeq: _seq, ...shownColumns } = getTableColumns(tasks);
export { shownColumns };

export type TaskRow = Omit<typeof tasks.$inferSelect, 'reminderPlan' | 'titleSearch' | 'lastSeq'>;

export { DUE_SOON_DAYS };

/**
 * Overdue (domain/deadline `isOverdue`): open and past the deadline that applies — a recurring task's
 * being that of its earliest year still unreported — except a completion submitted in time.
 */
export function isOverdue(row: Pick<TaskRow, 'status' | 'currentDueDate' | 'submittedAt'>, today = localDate(Date.now())): boolean {
  return overdueAt({ status: row.status, currentDueDate: row.currentDueDate, submittedAt: row.submittedAt?.toISOString() ?? null }, today);
}

export function isDueSoon(row: Pick<TaskRow, 'status' | 'currentDueDate'>, today = localDate(Date.now())): boolean {
  return dueSoonAt(row, today);
}

/** A date, or the placeholder of a prepared statement that takes one. */
type DateValue = string | Placeholder;

/**
 * The same rule as `isDueSoon`, as SQL for the list filter. Like `overdueSql` it reads the deadline the
 * workflow projected with the domain rule, so SQL and JavaScript cannot judge a recurring task apart.
 * A null deadline (a recurring task owing nothing) is tested first: false, not unknown, so that the
 * negated filter (`dueSoon=false`) keeps the row.
 */
export function dueSoonSql(today: DateValue = localDate(Date.now())): SQL {
  return and(
    isNotNull(tasks.currentDueDate),
    inArray(tasks.status, ['assigned', 'in_progress']),
    gte(tasks.currentDueDate, today),
    lte(tasks.currentDueDate, sql`${today}::date + ${DUE_SOON_DAYS}::integer`),
  )!;
}

/** The same rule as `isOverdue`, as SQL for list filters and statistics; a null deadline (nothing owed) is never past. */
export function overdueSql(today: DateValue = localDate(Date.now())): SQL {
  return and(
    isNotNull(tasks.currentDueDate),
    or(
      and(inArray(tasks.status, ['assigned', 'in_progress']), lt(tasks.currentDueDate, today)),
      and(
        eq(tasks.status, 'completion_submitted'),
        lt(tasks.currentDueDate, today),
        sql`(${tasks.submittedAt} at time zone 'Asia/Ho_Chi_Minh')::date > ${tasks.currentDueDate}`,
      ),
    ),
  )!;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Task JSON as DESIGN.md §10 gives it, plus what the UI needs to act on it. */
export function taskView(row: TaskRow, leadAgencyName?: string | null) {
  return {
    id: row.id,
    planId: row.planId,
    parentId: row.parentId,
    isGroup: row.isGroup,
    number: row.number,
    sectionCode: row.sectionCode,
    section: row.section,
    title: row.title,
    description: row.description,
    leadAgency: row.leadAgencyCode,
    leadAgencyName: leadAgencyName ?? null,
    leadAgencyText: row.leadAgencyText,
    coordinatingAgencies: row.coordinatingAgencyCodes,
    kind: row.kind,
    startDate: row.startDate,
    dueDate: row.dueDate,
    originalDueDate: row.originalDueDate,
    currentDueDate: row.currentDueDate,
    // The year whose report a recurring task owes next ("Hạn báo cáo năm 2026: 20/12/2026").
    reportYear: owedReportYear(row),
    timeframeText: row.timeframeText,
    funding: row.funding,
    note: row.note,
    status: row.status,
    overdue: isOverdue(row),
    dueSoon: isDueSoon(row),
    progress: row.progress,
    extensionRequests: row.extensionRequests,
    acknowledgedAt: iso(row.acknowledgedAt),
    submittedAt: iso(row.submittedAt),
    completedAt: iso(row.completedAt),
    cancelledAt: iso(row.cancelledAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type TaskView = ReturnType<typeof taskView>;

export const taskViewSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  parentId: z.uuid().nullable(),
  isGroup: z.boolean(),
  number: z.string().nullable(),
  sectionCode: z.string().nullable(),
  section: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  leadAgency: z.string(),
  leadAgencyName: z.string().nullable(),
  leadAgencyText: z.string().nullable(),
  coordinatingAgencies: z.array(z.string()),
  kind: z.enum(TASK_KINDS),
  startDate: z.string(),
  dueDate: z.string(),
  originalDueDate: z.string(),
  currentDueDate: z.string().nullable().describe('The deadline the task is judged against: the due date, or for a recurring task the report date of the earliest year still owed (null: every year reported)'),
  reportYear: z.number().int().nullable().describe('Recurring tasks: the year whose report is owed by currentDueDate'),
  timeframeText: z.string().nullable(),
  funding: z.unknown().nullable(),
  note: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  progress: z.number().int(),
  extensionRequests: z.array(z.unknown()),
  acknowledgedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Columns for selecting a task with its lead's name. */
export const taskWithLeadName = { task: shownColumns, leadAgencyName: agencies.name };
