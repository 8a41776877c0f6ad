/** The one task queue every Giao việc worker polls; shared by client, worker and workflows. */
export const TASK_QUEUE = 'giao-viec';

/** Workflow ids are derived, so an API call, a retry and a repair all address the same execution. */
export const taskWorkflowId = (taskId: string) => `task-${taskId}`;
