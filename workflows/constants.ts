/** The one task queue every Giao việc worker polls; shared by client, worker and workflows. */
export const TASK_QUEUE = 'giao-viec';

/** Workflow ids are derived, so an API call, a retry and a repair all address the same execution. */
export const taskWorkflowId = (taskId: string) => `task-${taskId}`;

/** One reporting cycle per plan and year, whoever starts it (the Schedule or a coordinator). */
export const annualCycleWorkflowId = (planId: string, year: number) => `annual-report-${planId}-${year}`;

/** The Schedule that starts a plan's cycle each year. */
export const annualScheduleId = (planId: string) => `annual-report-${planId}`;
