/**
 * What the task state machine works on: the task's state, the commands that change it and the events
 * they record (DESIGN.md §5). Plain JSON, carried over continue-as-new.
 */
import type { YearlyReports } from '../deadline';
import type { EvidenceFile } from '../attachments';
import type { TaskStatus } from '../task-status';
import type { Role, TaskKind } from '../vocabulary';

export interface Actor {
  userId: string | null;
  name: string;
  role: Role | 'system';
  agencyCode: string | null;
  /** How the command arrived: the API, a one-click email link, an annual report, a re-imported appendix, the system. */
  via?: 'api' | 'link' | 'report' | 'import' | 'system';
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'Hệ thống', role: 'system', agencyCode: null, via: 'system' };

export interface ExtensionRequest {
  id: string;
  newDueDate: string;
  reason: string;
  requestedAt: string;
  requestedBy: Actor;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decidedAt?: string;
  decidedBy?: Actor;
  note?: string;
}

/** Everything the workflow knows about its task; plain JSON, carried over continue-as-new. */
export interface TaskState {
  taskId: string;
  planId: string;
  parentId: string | null;
  isGroup: boolean;
  /** For a group parent: each child's last known status and progress. */
  children: Record<string, { status: TaskStatus; progress: number }>;
  title: string;
  leadAgencyCode: string;
  coordinatingAgencyCodes: string[];
  kind: TaskKind;
  startDate: string;
  dueDate: string;
  status: TaskStatus;
  progress: number;
  assignedAt: string;
  acknowledgedAt: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  extensionRequests: ExtensionRequest[];
  /** Sequence number of the last event; the projection's idempotency key. */
  seq: number;
  /** When the current deadline was set (creation or last change): reminders planned before it are void. */
  deadlineSetAt: string;
  /**
   * A recurring task's years (domain/deadline): set by its workflow, absent on other tasks and on
   * states recorded before tasks were judged year by year.
   */
  yearly?: YearlyReports;
}

export type TaskCommand =
  | { type: 'acknowledge'; actor: Actor }
  /** `year`: the annual report (báo cáo năm) it came with, whose year it reports on. */
  | { type: 'report_progress'; actor: Actor; percent: number; note?: string; year?: number; attachments?: EvidenceFile[] }
  | { type: 'request_extension'; actor: Actor; requestId: string; newDueDate: string; reason: string }
  | { type: 'decide_extension'; actor: Actor; requestId: string; approve: boolean; note?: string }
  | { type: 'submit_completion'; actor: Actor; note?: string; attachments?: EvidenceFile[] }
  | { type: 'accept_completion'; actor: Actor; note?: string }
  | { type: 'return_completion'; actor: Actor; reason: string }
  | { type: 'cancel'; actor: Actor; reason: string }
  | { type: 'reassign'; actor: Actor; leadAgencyCode: string; note?: string }
  | {
      type: 'edit';
      actor: Actor;
      dueDate?: string;
      startDate?: string;
      title?: string;
      coordinatingAgencyCodes?: string[];
      note?: string;
      /** Appendix columns the workflow does not hold (funding, notes…), changed by a re-import: kept in the audit trail. */
      details?: Record<string, { from: unknown; to: unknown }>;
    }
  | { type: 'add_contribution'; actor: Actor; note: string; attachments?: EvidenceFile[] }
  /**
   * A comment in the task's discussion. `mentions` are agency codes to tell (the API adds those written
   * as `@CODE`); besides the task's own agencies, the plan's coordinating agency, which the API looks up,
   * may be named.
   */
  | { type: 'comment'; actor: Actor; text: string; mentions?: string[]; coordinatorAgencyCode?: string | null; attachments?: EvidenceFile[] }
  /** A reorganisation: the agency `from` was merged into `to`, which takes over its part as it stands. */
  | { type: 'transfer'; actor: Actor; from: string; to: string; effectiveDate: string }
  | { type: 'child_changed'; actor: Actor; childId: string; status: TaskStatus; progress: number }
  /** An agency joined the group after the task was given to it: a child task of its own joins the parent. */
  | { type: 'add_child'; actor: Actor; childId: string; agencyCode: string };

export type TaskCommandType = TaskCommand['type'];

/** One accepted transition, as the audit trail records it. */
export interface TaskEvent {
  seq: number;
  type: string;
  fromStatus: TaskStatus;
  toStatus: TaskStatus;
  actor: Actor;
  note: string | null;
  data: Record<string, unknown>;
  at: string;
}
/** The state of a task just assigned. */
export function initialTaskState(input: {
  taskId: string;
  planId: string;
  parentId: string | null;
  childIds: string[];
  title: string;
  leadAgencyCode: string;
  coordinatingAgencyCodes: string[];
  kind: TaskKind;
  startDate: string;
  dueDate: string;
  assignedAt: string;
}): TaskState {
  return {
    taskId: input.taskId,
    planId: input.planId,
    parentId: input.parentId,
    isGroup: input.childIds.length > 0,
    children: Object.fromEntries(input.childIds.map((id) => [id, { status: 'assigned' as TaskStatus, progress: 0 }])),
    title: input.title,
    leadAgencyCode: input.leadAgencyCode,
    coordinatingAgencyCodes: input.coordinatingAgencyCodes,
    kind: input.kind,
    startDate: input.startDate,
    dueDate: input.dueDate,
    status: 'assigned',
    progress: 0,
    assignedAt: input.assignedAt,
    acknowledgedAt: null,
    submittedAt: null,
    completedAt: null,
    cancelledAt: null,
    extensionRequests: [],
    seq: 0,
    deadlineSetAt: input.assignedAt,
  };
}
