/**
 * Start the task workflows of newly inserted task rows: those of one creation by hand (a task, or a
 * group parent and its children), or an import job's new rows. One workflow for both, so that a crash
 * of the API or a worker half-way leaves no task without its workflow: the activity resumes, and a start
 * that already happened is not repeated (the task starter's REJECT_DUPLICATE).
 */
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { StartTasksInput } from './types';

const { startTasks } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  // The activity heartbeats once per start: a worker lost mid-way is noticed within a minute.
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '2 minutes' },
});

export async function startTasksWorkflow(input: StartTasksInput): Promise<{ started: number }> {
  return startTasks(input);
}
