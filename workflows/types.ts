/**
 * Payloads of the workflows and their messages: plain JSON (ISO strings, records), shared by the
 * workflows, the activities and the API. Like workflows/messages.ts, it imports no workflow or activity
 * code, so activities can use it without an import loop through their own types.
 */
import type { CycleTimeline } from '../domain/annual-cycle';
import type { OutboxStatus } from '../domain/vocabulary';
import type { ReminderPolicy } from '../domain/plan-settings';
import type { Audience, PlannedReminder } from '../domain/reminder-plan';
import type { Actor, TaskCommand, TaskCommandType, TaskEvent, TaskState } from '../domain/task-machine';
import type { TaskView } from '../domain/task-view';
import type { NotificationKind } from '../domain/vocabulary';

export interface TaskWorkflowInput {
  state: TaskState;
  policy: ReminderPolicy;
  /** Who assigned the task (recorded on the `created` event of the first run). */
  createdBy: Actor;
  /** Keys of reminders already sent or skipped, and of those sent, carried over continue-as-new. */
  sentReminders?: string[];
  recordedReminders?: string[];
  /** Last event the parent was told about / the children were sent (group fan-out). */
  parentSyncedSeq?: number;
  cascadedSeq?: number;
  /** Continue-as-new once history reaches this many events (tests force a small number). */
  maxHistoryLength?: number;
}

/** What the task workflow answers to a query and to every accepted command. */
export interface TaskSnapshot {
  state: TaskState;
  reminders: PlannedReminder[];
  /** Keys (`kind:at`) of the reminders this run (and those it continued) recorded for mail. */
  recordedReminders: string[];
  /** The deadline the task is judged against now, as projected into `tasks.current_due_date` (domain/deadline). */
  currentDueDate: string | null;
}

/**
 * What a command's Update answers: the number of its event, and the task as that event's projection
 * wrote it, as the API shows it (so the API answers without reading it back); `task` is null when a
 * newer projection had already landed. The workflow's own state is for the `getTask` query.
 */
export interface CommandAnswer {
  seq: number;
  task: TaskView | null;
}

/** The arguments of the Update for one command type: the command without its `type`. */
export type CommandArgs<T extends TaskCommandType> = Omit<Extract<TaskCommand, { type: T }>, 'type'>;

/**
 * A firing of a notification, recorded by the mail activity (`recordNotification`, which validates it):
 * from a task's event or reminder, or from the annual report cycle.
 */
export interface RecordNotificationInput {
  /** Unique per firing, e.g. `task-<id>:due_reminder:2027-01-15T01:00:00.000Z`. */
  key: string;
  kind: NotificationKind;
  taskId?: string;
  planId: string;
  cycleYear?: number;
  /** The instant it was due to go out (ISO 8601). */
  scheduledFor: string;
  to: Audience[];
  cc: Audience[];
  /** Kind-specific (activities/mail documents each kind's). */
  data: Record<string, unknown>;
  /** Agencies addressed by code, besides the audiences. */
  agencyCodes?: string[];
}

/** Input of the projection activity: the state after `event` (or after a reminder change alone). */
export interface ProjectTaskInput {
  state: TaskState;
  event?: TaskEvent;
  reminderPlan: PlannedReminder[];
  /** The mail the event calls for, recorded once the projection is in. */
  notification?: RecordNotificationInput;
  /** Answer with the task as projected: a command's Update passes it on to the API. */
  answer?: boolean;
}

/** A new task's first projection: the reminder plan is decided where the calendar is loaded. */
export interface OpenTaskInput extends Omit<ProjectTaskInput, 'reminderPlan'> {
  calendarYears: { fromYear: number; toYear: number };
  policy: ReminderPolicy;
  /** The workflow's clock when it asked: the plan is decided as of then, as the workflow decides it. */
  nowMs: number;
  sentReminders: string[];
}

/**
 * Which new task rows to start: those named, or an import job's (whose progress counts are kept up to
 * date); `actor` is who assigned them.
 */
/**
 * `awaitCommit`: the API starts the workflow before it commits the task rows, and signals
 * `rowsCommittedSignal` once they are (workflows/start-tasks).
 */
export type StartTasksInput = { actor: Actor } & ({ taskIds: string[]; awaitCommit?: boolean } | { importJobId: string });

/** A child's change, signalled to its group parent. */
export interface ChildChange {
  childId: string;
  status: TaskState['status'];
  progress: number;
  seq: number;
}

/** What a group parent passes down to every child (cancel, new due date). */
export interface CascadeInput {
  parentSeq: number;
  childIds: string[];
  command: Extract<TaskCommand, { type: 'cancel' } | { type: 'edit' }>;
}

/** The task workflow's signature: the task starter starts it by name (workflows/task.ts checks it). */
export type TaskWorkflow = (input: TaskWorkflowInput) => Promise<TaskSnapshot>;

export interface AgencyMergeInput {
  from: string;
  into: string;
  effectiveDate: string;
  actor: Actor;
}

export interface GroupMembersInput {
  groupCode: string;
  actor: Actor;
}

export interface ImportJobInput {
  jobId: string;
  actor: Actor;
}

export interface PlanSettingsInput {
  planId: string;
}

export interface AnnualCycleInput {
  planId: string;
  year: number;
}

export interface CycleStatus {
  planId: string;
  year: number;
  timeline: CycleTimeline | null;
  requested: string[];
  submitted: string[];
  compiledVersion: number;
  phase: 'waiting' | 'requested' | 'compiled' | 'closed';
}

export interface DigestInput {
  /** `agency:<code>` or `user:<id>`. */
  recipient: string;
  /** Local date (Asia/Ho_Chi_Minh), `YYYY-MM-DD`. */
  day: string;
}

export interface DigestResult {
  /** The messages this run composed (a recipient without an address gets a `failed` one). */
  outboxIds: string[];
  /** Stale notifications dropped. */
  skipped: number;
}

export interface DeliveryResult {
  outboxId: string;
  status: OutboxStatus;
  attempts: number;
  error?: string;
}

/** The mail workflows' signatures: the mail activities start them by name (workflows/mail.ts checks them). */
export type MailDigestWorkflow = (input: DigestInput) => Promise<DigestResult>;
export type MailDeliveryWorkflow = (input: { outboxId: string }) => Promise<DeliveryResult>;
