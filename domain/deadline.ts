/**
 * The deadline a task is judged against, and whether it is overdue: the one rule behind the task
 * workflow's reminders, the task list (its `overdue` flag and filter read the `current_due_date` the
 * workflow projects with `currentDueDate`), the plan statistics and the annual report. Pure and imported
 * by workflows: no Node built-ins, no I/O.
 *
 * A task of kind `new` or `carried_over` has one deadline: its due date.
 *
 * A recurring task (nhiệm vụ thường xuyên) is reported on year by year over its period, startDate to
 * dueDate (an approved extension moves the end): year Y's report is due on the plan's report day
 * (`ReportSettings.dueOn`, 20/12 unless the plan says otherwise) of Y, as that date stands even when it
 * falls on a weekend (reminders still go out on working days) — the final year's by the end of the
 * period when that comes first. The deadline that applies is that of the earliest year whose report is
 * still owed, and the task is overdue only once that date has passed: a year whose report is in is
 * never held against it, and once every year is reported nothing is owed (`null`): the task waits for
 * its completion, and is not overdue merely because 31/12 or the end of its period went by.
 *
 * Owed years: those whose report day falls within the period, on or after the task's start (a task
 * begun after that year's report day first reports the next year), and on or after `owedFrom` — the
 * day the task was assigned (a plan imported in its third year owes nothing for the first two) or, for
 * a task that was already running under the earlier rule, the day its workflow adopted this one. The
 * final year is always owed, so a task has at least one deadline.
 *
 * The report for year Y (`reportYearFor`) is a progress report (`report_progress`) that is
 * - sent with the agency's annual report for year Y (the API passes the cycle's year), or else
 * - recorded after the report day of an earlier year still owed: a late report makes up the earliest
 *   year missing, one year per report, or else
 * - recorded during year Y (local date), from the task page or by email link.
 * A report that fits none of these (a second one in a year already reported) is only progress.
 */
import { addDays, daysInMonth, localDate, ymd, yearOf } from './calendar/dates';
import { isOpen, type TaskStatus } from './task-status';
import type { TaskKind } from './vocabulary';

/** How a recurring task's years stand: carried in its workflow's state across continue-as-new. */
export interface YearlyReports {
  /** Month-day ("MM-DD") of the plan's yearly report due date, as the task was started with. */
  dueOn: string;
  /** Report days before this date were never owed (see the module comment). */
  owedFrom: string;
  /** Years whose report is in, ascending. */
  reported: number[];
}

/** What the rule reads of a task. Without `yearly` (or not recurring) the task is judged by its due date. */
export interface DeadlineSubject {
  kind?: TaskKind;
  /** Start of the period; when absent the years run from `yearly.owedFrom`. */
  startDate?: string;
  dueDate: string;
  yearly?: YearlyReports;
}

/** One year of a recurring task: the year and its report's due date. */
export interface ReportYear {
  year: number;
  dueDate: string;
}

/** Days ahead within which an open task counts as due soon. */
export const DUE_SOON_DAYS = 7;

/** The yearly bookkeeping of a newly judged task: recurring tasks only, not group parents (their children report). */
export function yearlyReportsFor(task: { kind: TaskKind; isGroup: boolean }, dueOn: string, owedFrom: string): YearlyReports | undefined {
  return task.kind === 'recurring' && !task.isGroup ? { dueOn, owedFrom, reported: [] } : undefined;
}

/** The deadline a task row holds from its insertion until its workflow's first projection: as judged on the day it is assigned. */
export function assignedDueDate(task: { kind: TaskKind; isGroup: boolean; startDate: string; dueDate: string }, reportDueOn: string, assignedOn: string): string | null {
  return currentDueDate({ ...task, yearly: yearlyReportsFor(task, reportDueOn, assignedOn) });
}

const yearlyOf = (task: DeadlineSubject): YearlyReports | undefined => (task.kind === 'recurring' ? task.yearly : undefined);

/** `monthDay` of `year`; a day that year lacks (29/02) becomes the month's last. */
function dayIn(year: number, monthDay: string): string {
  const month = Number(monthDay.slice(0, 2));
  return ymd(year, month, Math.min(Number(monthDay.slice(3, 5)), daysInMonth(year, month)));
}

/** The owed years of a recurring task and their report due dates, in order; [] for a task judged by its due date. */
export function reportYears(task: DeadlineSubject): ReportYear[] {
  const yearly = yearlyOf(task);
  if (!yearly) return [];
  const start = task.startDate ?? yearly.owedFrom;
  const last = yearOf(task.dueDate);
  const years: ReportYear[] = [];
  for (let year = yearOf(start); year < last; year++) {
    const dueDate = dayIn(year, yearly.dueOn);
    if (dueDate >= start && dueDate >= yearly.owedFrom) years.push({ year, dueDate });
  }
  // The final year: by the end of the period when it comes before the report day (or the start after it).
  const final = dayIn(last, yearly.dueOn);
  years.push({ year: last, dueDate: final > task.dueDate || final < start ? task.dueDate : final });
  return years;
}

/** The earliest owed year whose report is not in, or null when none is. */
export function currentReportYear(task: DeadlineSubject): ReportYear | null {
  const yearly = yearlyOf(task);
  if (!yearly) return null;
  return reportYears(task).find((y) => !yearly.reported.includes(y.year)) ?? null;
}

/**
 * The deadline that applies: the due date, or for a recurring task the report due date of the earliest
 * year still owed (null when every year is reported). It moves only with a report or a new due date.
 */
export function currentDueDate(task: DeadlineSubject): string | null {
  return yearlyOf(task) ? (currentReportYear(task)?.dueDate ?? null) : task.dueDate;
}

/** The year whose report a recurring task owes by `currentDueDate` (each year's report date lies in that year); null otherwise. */
export function owedReportYear(task: { kind: TaskKind; currentDueDate: string | null }): number | null {
  return task.kind === 'recurring' && task.currentDueDate !== null ? yearOf(task.currentDueDate) : null;
}

/**
 * The year a progress report recorded on local date `on` is the report of (see the module comment), or
 * null when it is none's; `named` is the year of the annual report it came with.
 */
export function reportYearFor(task: DeadlineSubject, on: string, named?: number): number | null {
  const yearly = yearlyOf(task);
  if (!yearly) return null;
  const years = reportYears(task);
  if (named !== undefined) return years.some((y) => y.year === named) ? named : null;
  const late = years.find((y) => !yearly.reported.includes(y.year) && y.dueDate < on);
  if (late) return late.year;
  const year = yearOf(on);
  return years.some((y) => y.year === year) ? year : null;
}

/** The yearly bookkeeping after the report of `year`. */
export function withReportedYear(yearly: YearlyReports, year: number): YearlyReports {
  return yearly.reported.includes(year) ? yearly : { ...yearly, reported: [...yearly.reported, year].sort((a, b) => a - b) };
}

/** What `isOverdue` reads: the projected read-model row has exactly these. `submittedAt` is an ISO instant. */
export interface OverdueSubject {
  status: TaskStatus;
  currentDueDate: string | null;
  submittedAt: string | null;
}

/**
 * Overdue at `today`: open and past the deadline that applies — except a completion submitted by then,
 * which waits on the coordinator, not on the agency. The SQL twin (`overdueSql` in the read model)
 * reads the same three columns.
 */
export function isOverdue(task: OverdueSubject, today: string): boolean {
  const due = task.currentDueDate;
  if (!isOpen(task.status) || due === null || due >= today) return false;
  return !(task.status === 'completion_submitted' && task.submittedAt !== null && localDate(Date.parse(task.submittedAt)) <= due);
}

/** Due soon at `today`: the agency still has to act, and the deadline that applies is at most DUE_SOON_DAYS away. */
export function isDueSoon(task: Pick<OverdueSubject, 'status' | 'currentDueDate'>, today: string): boolean {
  const due = task.currentDueDate;
  return (task.status === 'assigned' || task.status === 'in_progress') && due !== null && due >= today && due <= addDays(today, DUE_SOON_DAYS);
}

/** A completion (its local date `completedOn`) is on time when nothing owed had fallen due before it. */
export function completedInTime(currentDue: string | null, completedOn: string | null): boolean {
  return completedOn === null || currentDue === null || completedOn <= currentDue;
}
