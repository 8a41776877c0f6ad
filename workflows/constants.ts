/** The one task queue every Giao việc worker polls; shared by client, worker and workflows. */
export const TASK_QUEUE = 'giao-viec';

/** Workflow ids are derived, so an API call, a retry and a repair all address the same execution. */
export const taskWorkflowId = (taskId: string) => `task-${taskId}`;
/** The start-tasks workflow of a creation by hand, named after its first task (the group parent, if any). */
export const startTasksWorkflowId = (firstTaskId: string) => `start-tasks-${firstTaskId}`;
/** The start-tasks workflow of an import job, named after the job (not its workflow id: a replay issues the same command). */
export const importStartTasksWorkflowId = (jobId: string) => `start-tasks-import-${jobId}`;

/** One reporting cycle per plan and year, whoever starts it (the Schedule or a coordinator). */
export const annualCycleWorkflowId = (planId: string, year: number) => `annual-report-${planId}-${year}`;

/** The Schedule that starts a plan's cycle each year. */
export const annualScheduleId = (planId: string) => `annual-report-${planId}`;

export const digestWorkflowId = (recipient: string, day: string) => `digest-${recipient}-${day}`;
export const deliveryWorkflowId = (outboxId: string) => `mail-delivery-${outboxId}`;

/** The failure type of a message the mail server refused for good (5xx): not retried. */
export const PERMANENT_DELIVERY_ERROR = 'PermanentDeliveryError';

/**
 * A worker that has just signalled a digest does not signal it again for this long (recordNotification:
 * at 08:00 thousands of reminders of one agency arrive in a minute, one signal covers them); a digest
 * never composes sooner than twice this after any signal (workflows/mail.ts).
 */
export const DIGEST_SIGNAL_REUSE_MS = 30_000;
