/**
 * The timeline of one plan's yearly reporting cycle (DESIGN.md §8): when the request goes out, when
 * agencies are reminded, when missing reports are escalated, and how long late reports are taken.
 * Pure and deterministic: the annualReportCycle workflow imports it.
 */
import type { ReportSettings } from './plan-settings';
import { addDays, atLocalHour } from './calendar/dates';
import type { ReminderCalendar } from './reminder-plan';

export interface CycleTimeline {
  year: number;
  /** The calendar days the plan's settings name: request on, due on. */
  requestOn: string;
  dueDate: string;
  /** Instants (ISO): the request, the reminders before the due date, the escalation after it. */
  requestAt: string;
  reminderAts: string[];
  /** The first instant after the due date: compile with what came in. */
  dueEndsAt: string;
  escalateAt: string;
  /** Late reports are taken, and recompile the report, until this instant. */
  closeAt: string;
}

/** Working days before the due date on which agencies that have not reported are reminded. */
export const REPORT_REMINDER_WORKING_DAYS = [5, 1];
/** How long after the due date late reports are still taken. */
export const LATE_REPORT_DAYS = 90;

const iso = (ms: number) => new Date(ms).toISOString();

export function cycleTimeline(year: number, settings: ReportSettings, cal: ReminderCalendar, sendHour = 8): CycleTimeline {
  const requestOn = `${year}-${settings.requestOn}`;
  const dueDate = `${year}-${settings.dueOn}`;
  const requestAt = cal.nextWorkingDayAt(atLocalHour(requestOn, 0), sendHour);
  const reminderAts = REPORT_REMINDER_WORKING_DAYS.map((n) => cal.nextWorkingDayAt(atLocalHour(cal.workingDaysBefore(dueDate, n), 0), sendHour))
    // A reminder is pointless before the request itself, or twice on one day.
    .filter((at, i, all) => at > requestAt && all.indexOf(at) === i)
    .sort((a, b) => a - b);
  const dueEndsAt = atLocalHour(addDays(dueDate, 1), 0);
  return {
    year,
    requestOn,
    dueDate,
    requestAt: iso(requestAt),
    reminderAts: reminderAts.map(iso),
    dueEndsAt: iso(dueEndsAt),
    escalateAt: iso(cal.nextWorkingDayAt(dueEndsAt, sendHour)),
    closeAt: iso(atLocalHour(addDays(dueDate, LATE_REPORT_DAYS + 1), 0)),
  };
}
