/**
 * After an import commits its rows, this workflow starts one task workflow per row, a bounded number
 * at a time, and keeps the job's progress up to date. A crash of the API or a worker mid-way loses
 * nothing: the activity resumes and a start that already happened is not repeated.
 */
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Actor } from '../domain/task-machine';

export interface ImportJobInput {
  jobId: string;
  actor: Actor;
}

const { startImportedTasks } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '2 minutes' },
});

export async function importJobWorkflow(input: ImportJobInput): Promise<{ started: number }> {
  return startImportedTasks(input);
}
