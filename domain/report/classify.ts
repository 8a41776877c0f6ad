/**
 * How Vietnamese task tracking classes a task at a date (DESIGN.md §8): đã hoàn thành đúng hạn,
 * hoàn thành quá hạn, đang thực hiện trong hạn, đang thực hiện quá hạn, chưa triển khai. Pure: the
 * annual report and the live plan statistics both count with it, so the two always agree.
 */
import { localDate } from '../calendar';
import { completedInTime, isOverdue } from '../deadline';
import type { TaskStatus } from '../task-status';

export const TASK_CLASSES = ['completed_on_time', 'completed_late', 'in_progress_on_time', 'in_progress_overdue', 'not_started'] as const;
export type TaskClass = (typeof TASK_CLASSES)[number];

/** What the classification reads from a task. Timestamps are ISO 8601 instants. */
export interface ClassifiableTask {
  status: TaskStatus;
  progress: number;
  /** The current due date: an approved extension legitimately moves it. */
  dueDate: string;
  /**
   * The deadline the task is judged against (domain/deadline `currentDueDate`, projected into the read
   * model): the due date, or a recurring task's report date of its earliest year still owed; null when
   * a recurring task owes nothing.
   */
  currentDueDate: string | null;
  acknowledgedAt: string | null;
  completedAt: string | null;
  /** When completion was submitted; optional, see `classifyTask`. */
  submittedAt?: string | null;
}

/** The local (Asia/Ho_Chi_Minh) calendar date of an ISO instant. */
export const localDateOf = (instant: string): string => localDate(Date.parse(instant));

/**
 * The class of a task at `asOf` (YYYY-MM-DD), or `null` for a cancelled task, which is listed apart
 * and counted nowhere. Judged against `currentDueDate` with domain/deadline, the rule the task list and
 * the workflow's reminders use: a recurring task is late only for a year whose report is missing.
 *
 * - Completed: on time when the local date of `completedAt` is on or before the deadline (a recurring
 *   task that owed nothing is on time). A row without `completedAt` cannot be judged late and is
 *   counted on time.
 * - Open and overdue (`isOverdue`): whether or not work has started — an overdue task is overdue
 *   whatever its progress. As on the task list, a completion submitted by its deadline waits on the
 *   coordinator's acceptance, not on the agency, so it is not overdue (when `submittedAt` is given).
 * - Open, not overdue: started (acknowledged, or progress above 0) or not started.
 */
export function classifyTask(task: ClassifiableTask, asOf: string): TaskClass | null {
  if (task.status === 'cancelled') return null;
  if (task.status === 'completed') {
    return completedInTime(task.currentDueDate, task.completedAt ? localDateOf(task.completedAt) : null) ? 'completed_on_time' : 'completed_late';
  }
  if (isOverdue({ status: task.status, currentDueDate: task.currentDueDate, submittedAt: task.submittedAt ?? null }, asOf)) return 'in_progress_overdue';
  const started = task.acknowledgedAt !== null || task.progress > 0 || task.status !== 'assigned';
  return started ? 'in_progress_on_time' : 'not_started';
}

/** Counts of one set of tasks (a plan, an agency, a section). */
export interface ClassTally {
  total: number;
  open: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  inProgressOnTime: number;
  /** Open and past due (đang thực hiện quá hạn). */
  overdue: number;
  notStarted: number;
  /** See `onTimeRate`. */
  onTimeRate: number | null;
}

/**
 * Tỷ lệ hoàn thành đúng hạn: tasks completed on time over the tasks whose deadline has been put to
 * the test — every completed task (on time or late) plus every open task already past due. Open tasks
 * still within their deadline are left out: they can still finish on time. `null` when nothing has
 * been put to the test yet (no completed and no overdue task), rather than a misleading 0 % or 100 %.
 */
export function onTimeRate(completedOnTime: number, completed: number, overdue: number): number | null {
  const judged = completed + overdue;
  return judged === 0 ? null : completedOnTime / judged;
}

export function emptyTally(): ClassTally {
  return { total: 0, open: 0, completed: 0, completedOnTime: 0, completedLate: 0, inProgressOnTime: 0, overdue: 0, notStarted: 0, onTimeRate: null };
}

/** Add one classified task to a tally (mutates it); `finishTally` sets the rate afterwards. */
export function addToTally(tally: ClassTally, cls: TaskClass): void {
  tally.total++;
  switch (cls) {
    case 'completed_on_time':
      tally.completed++;
      tally.completedOnTime++;
      break;
    case 'completed_late':
      tally.completed++;
      tally.completedLate++;
      break;
    case 'in_progress_on_time':
      tally.open++;
      tally.inProgressOnTime++;
      break;
    case 'in_progress_overdue':
      tally.open++;
      tally.overdue++;
      break;
    case 'not_started':
      tally.open++;
      tally.notStarted++;
      break;
  }
}

export function finishTally(tally: ClassTally): ClassTally {
  tally.onTimeRate = onTimeRate(tally.completedOnTime, tally.completed, tally.overdue);
  return tally;
}

export function tallyClasses(classes: Iterable<TaskClass>): ClassTally {
  const tally = emptyTally();
  for (const cls of classes) addToTally(tally, cls);
  return finishTally(tally);
}

/** The count of one class in a tally. */
export function countOf(tally: ClassTally, cls: TaskClass): number {
  switch (cls) {
    case 'completed_on_time':
      return tally.completedOnTime;
    case 'completed_late':
      return tally.completedLate;
    case 'in_progress_on_time':
      return tally.inProgressOnTime;
    case 'in_progress_overdue':
      return tally.overdue;
    case 'not_started':
      return tally.notStarted;
  }
}
