/** The states of a task's lifecycle (DESIGN.md §5). */
export const TASK_STATUSES = ['assigned', 'in_progress', 'completion_submitted', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const OPEN_STATUSES: readonly TaskStatus[] = ['assigned', 'in_progress', 'completion_submitted'];
export const isOpen = (s: TaskStatus): boolean => OPEN_STATUSES.includes(s);

/** The edges of the lifecycle diagram; every status change the machine makes is one of these. */
const EDGES: Record<TaskStatus, readonly TaskStatus[]> = {
  assigned: ['in_progress', 'cancelled', 'assigned'],
  in_progress: ['completion_submitted', 'cancelled', 'assigned'],
  completion_submitted: ['completed', 'in_progress', 'cancelled', 'assigned'],
  completed: [],
  cancelled: [],
};

export function canTransition(from: TaskStatus, to: TaskStatus): boolean {
  return EDGES[from].includes(to);
}

/** Vietnamese names as the UI and mails show them. */
export const STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  assigned: { vi: 'Đã giao, chờ tiếp nhận', en: 'Assigned, awaiting acknowledgement' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  completion_submitted: { vi: 'Đã báo cáo hoàn thành, chờ nghiệm thu', en: 'Completion submitted' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};
