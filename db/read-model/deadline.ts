/**
 * The deadline rules of domain/deadline (`isOverdue`, `isDueSoon`) as the read model applies them: to a
 * `tasks` row in TypeScript (the view's flags) and as their SQL twins (list filters, statistics,
 * metrics). Both read the same columns — `status`, `current_due_date` (projected by the workflow with
 * the domain's `currentDueDate`, so recurring tasks are judged alike) and `submitted_at` — and
 * tests/db/read-model-deadline.test.ts runs both over the same rows to prove they agree.
 */
import { and, eq, gte, inArray, isNotNull, lt, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { localDate } from '../../domain/calendar';
import { DUE_SOON_DAYS, isDueSoon, isOverdue } from '../../domain/deadline';
import { tasks } from '../schema';

type DeadlineColumns = Pick<typeof tasks.$inferSelect, 'status' | 'currentDueDate' | 'submittedAt'>;

/** `isOverdue` of a row (its `submittedAt` a Date, as the driver gives it). */
export function rowIsOverdue(row: DeadlineColumns, today = localDate(Date.now())): boolean {
  return isOverdue({ status: row.status, currentDueDate: row.currentDueDate, submittedAt: row.submittedAt?.toISOString() ?? null }, today);
}

/** `isDueSoon` of a row. */
export function rowIsDueSoon(row: Omit<DeadlineColumns, 'submittedAt'>, today = localDate(Date.now())): boolean {
  return isDueSoon(row, today);
}

/** A date, or the placeholder of a prepared statement that takes one. */
type DateValue = string | Placeholder;

/**
 * `isOverdue` in SQL: past the deadline and assigned or in progress, or submitted for completion only
 * after it (local date). A null deadline (nothing owed) is tested first: false, not unknown, so that the
 * negated filter (`overdue=false`) keeps the row.
 */
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

/** `isDueSoon` in SQL: assigned or in progress, the deadline today or within DUE_SOON_DAYS; a null deadline as above. */
export function dueSoonSql(today: DateValue = localDate(Date.now())): SQL {
  return and(
    isNotNull(tasks.currentDueDate),
    inArray(tasks.status, ['assigned', 'in_progress']),
    gte(tasks.currentDueDate, today),
    lte(tasks.currentDueDate, sql`${today}::date + ${DUE_SOON_DAYS}::integer`),
  )!;
}
