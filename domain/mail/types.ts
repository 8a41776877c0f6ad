import type { TaskStatus } from '../task-status';
import type { Language, NotificationKind } from '../vocabulary';

/** The plan a task belongs to, as a mail names it. */
export interface MailPlan {
  /** "212/KH-UBND". */
  documentNumber: string;
  title: string;
}

/** A task as a mail shows it: the read model's current values, not those of when the reminder fired. */
export interface MailTask {
  id: string;
  /** STT as printed in the plan's appendix. */
  number: string | null;
  title: string;
  /** `YYYY-MM-DD`: the deadline that applies (domain/deadline), a recurring task's being its year's report date. */
  dueDate: string;
  /** A recurring task: the year whose report `dueDate` is the deadline of. */
  reportYear?: number | null;
  status: TaskStatus;
  leadAgencyName: string;
}

/** Absolute URLs: signed one-click links (`/l/<token>`) or pages of the UI. */
export interface MailLinks {
  /** Open the task (or, for report items, the annual cycle). */
  open: string;
  /** Acknowledge with one click; only while the recipient's agency has not acknowledged yet. */
  ack?: string;
}

/** One line of a digest: a reminder, an escalation or a new assignment about one task, or a report request. */
export interface DigestItem {
  kind: NotificationKind;
  /** A copy "để phối hợp": the recipient coordinates the task rather than leads it. */
  copy: boolean;
  plan: MailPlan;
  /** Absent for the annual report kinds, which are about a plan and a year. */
  task?: MailTask;
  cycleYear?: number;
  /** The annual report's due date (`YYYY-MM-DD`), for the report kinds. */
  reportDueDate?: string;
  /** Names of the agencies that have not reported (report escalation). */
  missingAgencies?: string[];
  links: MailLinks;
}

export interface DigestModel {
  language: Language;
  /** The agency (or person) addressed: "Sở Thông tin và Truyền thông". */
  recipientName: string;
  /** The local day the digest is for, `YYYY-MM-DD`: days left are counted from it. */
  day: string;
  items: DigestItem[];
}

/** A message that goes out alone: a status change of a task, or a compiled annual report. */
export interface NoticeModel {
  language: Language;
  recipientName: string;
  day: string;
  kind: NotificationKind;
  copy: boolean;
  plan: MailPlan;
  task?: MailTask;
  cycleYear?: number;
  /** The task event behind a status change: `extension_requested`, `completion_returned`… */
  event?: string;
  actorName?: string;
  /** The note or reason the actor gave. */
  note?: string | null;
  newDueDate?: string;
  previousDueDate?: string;
  fromAgencyName?: string;
  toAgencyName?: string;
  /** The compiled report's version (a late report recompiles). */
  version?: number;
  links: MailLinks;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
