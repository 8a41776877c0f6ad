/** What the annual report is compiled from (ReportInput) and what it is (AnnualReport): plain JSON, stored as compiled. */
import type { TaskStatus } from '../task-status';
import type { Funding, FundingSource, TaskKind } from '../vocabulary';
import type { ClassTally, TaskClass } from './classify';

export interface ReportTaskInput {
  id: string;
  parentId: string | null;
  isGroup: boolean;
  number: string | null;
  sectionCode: string | null;
  section: string | null;
  position: number;
  title: string;
  leadAgencyCode: string;
  kind: TaskKind;
  status: TaskStatus;
  progress: number;
  startDate: string;
  dueDate: string;
  originalDueDate: string;
  /** The deadline judged against (domain/deadline `currentDueDate`, as projected); null: a recurring task owing nothing. */
  currentDueDate: string | null;
  acknowledgedAt: string | null;
  completedAt: string | null;
  /** When a completion was submitted: a completion submitted in time is not overdue while it awaits acceptance. */
  submittedAt?: string | null;
  funding: Funding | null;
  note: string | null;
}

export interface ReportSubmissionInput {
  agencyCode: string;
  submittedAt: string;
  onTime: boolean;
  summary: string;
  items: { taskId: string; percent: number; note?: string }[];
}

export interface ReportInput {
  plan: { id: string; code: string; title: string; documentNumber: string; issuer: string; issuedOn: string; periodStart: string; periodEnd: string };
  year: number;
  /** The date the figures are taken at (YYYY-MM-DD). */
  asOf: string;
  /** The date the agencies' reports were due. */
  dueDate: string;
  compiledAt: string;
  version: number;
  coordinator: { code: string; name: string };
  agencies: { code: string; name: string; shortName: string }[];
  tasks: ReportTaskInput[];
  requestedAgencyCodes: string[];
  submissions: ReportSubmissionInput[];
}

/** How a task appears on any list of the report: its place in the plan, its title, its lead. */
export interface ReportTaskLine {
  id: string;
  number: string | null;
  sectionCode: string | null;
  section: string | null;
  title: string;
  leadAgencyCode: string;
  leadAgencyName: string;
}

export interface ReportTaskRow extends ReportTaskLine {
  parentId: string | null;
  kind: TaskKind;
  status: TaskStatus;
  class: TaskClass;
  /** Percent: the lead agency's yearly report when it gave one for this task, else the task's own. */
  progress: number;
  progressSource: 'report' | 'task';
  startDate: string;
  /**
   * The date the task is judged against: its due date, or for a recurring task the report date of the
   * earliest year still owed (its due date when every year is reported).
   */
  dueDate: string;
  originalDueDate: string;
  /** The due date was moved (an approved extension or a coordinator's edit). */
  dueDateMoved: boolean;
  /** Local date of completion, for completed tasks. */
  completedOn: string | null;
  /** The agency's note from its report when it wrote one, else the task's note. */
  note: string | null;
  noteSource: 'report' | 'task' | null;
  funding: Funding | null;
}

export interface ReportCancelledRow extends ReportTaskLine {
  dueDate: string;
  note: string | null;
}

export interface ReportAgencyRow extends ClassTally {
  agencyCode: string;
  agencyName: string;
  shortName: string;
  /** Asked to report this year. */
  requested: boolean;
  reportSubmitted: boolean;
  /** `null` when no report was submitted. */
  reportOnTime: boolean | null;
  submittedAt: string | null;
  summary: string | null;
}

export interface ReportSectionRow extends ClassTally {
  code: string | null;
  title: string | null;
}

/** Amounts in triệu đồng; each `null` when no task of the row states it. */
export interface FundingAmounts {
  recurrent: number | null;
  investment: number | null;
  total: number | null;
}

export interface ReportFundingRow extends FundingAmounts {
  /** The sources of the row's tasks, in vocabulary order; empty for "not specified". */
  sources: FundingSource[];
  /** Tasks counted (as everywhere in the report: group children, not their parent). */
  taskCount: number;
  /** Appendix items whose amounts are known and summed here. */
  itemsWithAmounts: number;
}

export interface ReportHeadline extends ClassTally {
  cancelled: number;
  agenciesRequested: number;
  agenciesReported: number;
  agenciesReportedOnTime: number;
  agenciesMissing: number;
  /** Requested agencies without a report, sorted by name. */
  missingAgencyCodes: string[];
}

export interface AnnualReport {
  schemaVersion: 1;
  plan: ReportInput['plan'];
  year: number;
  asOf: string;
  dueDate: string;
  compiledAt: string;
  version: number;
  coordinator: ReportInput['coordinator'];
  headline: ReportHeadline;
  /** Count per class, in the order reports print them. */
  classes: { class: TaskClass; count: number }[];
  sections: ReportSectionRow[];
  tasks: ReportTaskRow[];
  cancelled: ReportCancelledRow[];
  agencies: ReportAgencyRow[];
  funding: { rows: ReportFundingRow[]; total: ReportFundingRow };
}
