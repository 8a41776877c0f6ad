/**
 * Per-plan settings: when reminders go out and when the annual report is requested and due.
 * Defaults are DESIGN.md §6 and §8; a plan overrides any of them.
 */
export interface ReminderPolicy {
  /** Remind the lead agency when a task is not acknowledged after this many working days. */
  ackReminderWorkingDays: number;
  /** Escalate to the coordinator when it is still not acknowledged after this many working days. */
  ackEscalationWorkingDays: number;
  /** Remind the lead (cc coordinating agencies) this many working days before the due date. */
  dueReminderWorkingDays: number[];
  /** After the due date, notify every this many calendar days while the task stays open. */
  overdueNoticeEveryDays: number;
  /** Escalate to leadership when the task is overdue by this many calendar days. */
  overdueEscalationDays: number;
  /** Local hour (Asia/Ho_Chi_Minh) at which reminders are sent on a working day. */
  sendHour: number;
  /**
   * Month-day ("MM-DD") of the plan's yearly report due date (`ReportSettings.dueOn`): each year's
   * deadline of a recurring task (domain/deadline). Optional: task workflows started before it was
   * passed have none, and take DEFAULT_REPORT_SETTINGS.dueOn.
   */
  reportDueOn?: string;
}

export interface ReportSettings {
  /** Month-day the yearly report is requested, "MM-DD". */
  requestOn: string;
  /** Month-day the yearly report is due, "MM-DD". */
  dueOn: string;
}

export interface PlanSettings {
  reminders?: Partial<Omit<ReminderPolicy, 'reportDueOn'>>;
  report?: Partial<ReportSettings>;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  ackReminderWorkingDays: 3,
  ackEscalationWorkingDays: 5,
  dueReminderWorkingDays: [30, 7, 1],
  overdueNoticeEveryDays: 7,
  overdueEscalationDays: 30,
  sendHour: 8,
};

export const DEFAULT_REPORT_SETTINGS: ReportSettings = { requestOn: '12-01', dueOn: '12-20' };

/** What a task workflow is started with: the plan's reminder settings and its report due day. */
export function reminderPolicyOf(settings: PlanSettings | undefined): ReminderPolicy {
  return { ...DEFAULT_REMINDER_POLICY, ...settings?.reminders, reportDueOn: reportSettingsOf(settings).dueOn };
}

export function reportSettingsOf(settings: PlanSettings | undefined): ReportSettings {
  return { ...DEFAULT_REPORT_SETTINGS, ...settings?.report };
}
