/**
 * Which reminders and escalations a task is due (DESIGN.md §6), computed from its state, the plan's
 * policy and the working-day calendar. Pure and deterministic: the task workflow calls it on every
 * wake-up and waits on one timer for the earliest upcoming reminder.
 */
import { addDays, atLocalHour, dayNumber, localDate } from './calendar/dates';
import { currentDueDate, type DeadlineSubject } from './deadline';
import type { ReminderPolicy } from './plan-settings';
import type { TaskStatus } from './task-status';
import type { NotificationKind } from './vocabulary';

/** Who a notification goes to, resolved to addresses only when it is sent. */
export type Audience = 'lead' | 'coordinating' | 'coordinator' | 'leadership';

/** One reminder or escalation a task workflow intends to send. */
export interface PlannedReminder {
  kind: NotificationKind;
  /** Instant to send, ISO 8601 (08:00 Asia/Ho_Chi_Minh on a working day). */
  at: string;
  to: Audience[];
  cc: Audience[];
  /** The deadline it is about (domain/deadline: a recurring task's, that year's report date): a reminder about an older deadline is stale. */
  dueDate: string;
}

/** The calendar operations reminders need (domain/calendar's WorkingCalendar provides them). */
export interface ReminderCalendar {
  addWorkingDays(date: string, n: number): string;
  workingDaysBefore(date: string, n: number): string;
  nextWorkingDayAt(instantMs: number, hour?: number): number;
}

/** A task as reminders see it; due and overdue reminders are about its current deadline (domain/deadline). */
export interface ReminderSubject extends DeadlineSubject {
  status: TaskStatus;
  isGroup: boolean;
  assignedAt: string;
  deadlineSetAt: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export const reminderKey = (r: Pick<PlannedReminder, 'kind' | 'at'>) => `${r.kind}:${r.at}`;

/**
 * Overdue notices listed before now. Older ones are superseded by a later one (only the latest due of a
 * kind is sent), so a task years overdue does not walk every week of them on each wake-up.
 */
const OVERDUE_LOOKBACK_DAYS = 60;

/**
 * Every reminder of the task's current deadline up to and including the first one after `nowMs`,
 * in time order. Overdue notices repeat weekly, so only the ones up to the next are listed, from
 * `OVERDUE_LOOKBACK_DAYS` before now.
 */
export function reminderSchedule(task: ReminderSubject, policy: ReminderPolicy, cal: ReminderCalendar, nowMs: number): PlannedReminder[] {
  if (task.isGroup) return [];
  const out: PlannedReminder[] = [];
  // A recurring task with every year reported owes nothing: no due or overdue reminders.
  const deadline = currentDueDate(task);
  const dueDate = deadline ?? task.dueDate;
  const at = (date: string) => iso(atLocalHour(date, policy.sendHour));
  const add = (kind: NotificationKind, when: string, to: PlannedReminder['to'], cc: PlannedReminder['cc'] = []) => out.push({ kind, at: when, to, cc, dueDate });

  if (task.status === 'assigned') {
    const assignedOn = localDate(Date.parse(task.assignedAt));
    add('ack_reminder', at(cal.addWorkingDays(assignedOn, policy.ackReminderWorkingDays)), ['lead']);
    add('ack_escalation', at(cal.addWorkingDays(assignedOn, policy.ackEscalationWorkingDays)), ['coordinator']);
  }
  // Due and overdue reminders press the lead to act; once it has submitted completion the ball is with the coordinator.
  if (deadline !== null && (task.status === 'assigned' || task.status === 'in_progress')) {
    for (const n of [...policy.dueReminderWorkingDays].sort((a, b) => b - a)) {
      add('due_reminder', at(cal.workingDaysBefore(dueDate, n)), ['lead'], ['coordinating']);
    }
    const firstOverdue = cal.addWorkingDays(dueDate, 1);
    const every = policy.overdueNoticeEveryDays;
    const notice = (k: number) => iso(cal.nextWorkingDayAt(atLocalHour(addDays(firstOverdue, k * every), 0), policy.sendHour));
    let k = Math.max(0, Math.floor((dayNumber(localDate(nowMs)) - dayNumber(firstOverdue) - OVERDUE_LOOKBACK_DAYS) / every));
    // Notices only move later with k, so starting at one already due keeps the latest due one; a day off
    // longer than the look-back (an admin's amendment) could push it past now: then walk from the first.
    if (k > 0 && Date.parse(notice(k)) > nowMs) k = 0;
    for (; ; k++) {
      const when = notice(k);
      add('overdue_notice', when, ['lead'], ['coordinator']);
      if (Date.parse(when) > nowMs) break;
    }
    add('overdue_escalation', iso(cal.nextWorkingDayAt(atLocalHour(addDays(dueDate, policy.overdueEscalationDays), 0), policy.sendHour)), ['leadership']);
  }
  // A reminder planned for before the current deadline was set belongs to an earlier deadline or lead;
  // two weekly notices can land on the same day after a long holiday (Tết): keep one.
  const validFrom = Date.parse(task.deadlineSetAt);
  const unique = new Map(out.filter((r) => Date.parse(r.at) >= validFrom).map((r) => [reminderKey(r), r]));
  return [...unique.values()].sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}

export interface ReminderDecision {
  /** Send now: due, not yet sent, the latest of each kind (a worker that was down does not flood). */
  send: PlannedReminder[];
  /** Due but superseded by a later one of the same kind: mark as done without sending. */
  skip: PlannedReminder[];
  /** The earliest reminder still to come: the workflow's one timer. */
  next: PlannedReminder | undefined;
  /** What is still planned, for `GET /api/tasks/:id/reminders`. */
  upcoming: PlannedReminder[];
}

export function decideReminders(task: ReminderSubject, policy: ReminderPolicy, cal: ReminderCalendar, nowMs: number, sent: ReadonlySet<string>): ReminderDecision {
  const schedule = reminderSchedule(task, policy, cal, nowMs).filter((r) => !sent.has(reminderKey(r)));
  const due = schedule.filter((r) => Date.parse(r.at) <= nowMs);
  const upcoming = schedule.filter((r) => Date.parse(r.at) > nowMs);
  const latestOfKind = new Map<string, PlannedReminder>();
  for (const r of due) latestOfKind.set(r.kind, r);
  const send: PlannedReminder[] = [];
  const skip: PlannedReminder[] = [];
  const deadline = currentDueDate(task);
  const dueDayEnd = deadline === null ? -Infinity : atLocalHour(addDays(deadline, 1), 0);
  for (const r of due) {
    const superseded = latestOfKind.get(r.kind) !== r;
    // A due-date reminder that comes too late (the deadline already passed) is replaced by the overdue notice.
    const tooLate = r.kind === 'due_reminder' && nowMs >= dueDayEnd;
    (superseded || tooLate ? skip : send).push(r);
  }
  return { send, skip, next: upcoming[0], upcoming };
}
