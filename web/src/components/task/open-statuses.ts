/** Statuses in which a task is still being worked on: actions, deadlines and discussion apply. */
export const OPEN_STATUSES = ['assigned', 'in_progress', 'completion_submitted'];
