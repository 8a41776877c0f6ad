/** The states of a task's lifecycle (DESIGN.md §5). */
export const TASK_STATUSES = ['assigned', 'in_progress', 'completion_submitted', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const OPEN_STATUSES: readonly TaskStatus[] = ['assigned', 'in_progress', 'completion_submitted'];
export const isOpen = (s: TaskStatus): boolean => OPEN_STATUSES.includes(s);
