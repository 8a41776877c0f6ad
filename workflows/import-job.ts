/**
 * After an import commits its rows, this workflow starts one task workflow per new row, a bounded
 * number at a time (a child start-tasks workflow), then sends a re-import's changes to the running tasks (edits, reassignments,
 * cancellations), keeping the job's progress up to date. A crash of the API or a worker mid-way loses
 * nothing: the activities resume, a start that already happened is not repeated and each change's
 * Update carries an id of its own.
 */
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ImportJobInput } from './types';
import { importStartTasksWorkflowId } from './constants';
import { startTasksWorkflow } from './start-tasks';

const { startImportedTasks, applyImportChanges } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '2 minutes' },
});

export async function importJobWorkflow(input: ImportJobInput): Promise<{ started: number; applied?: number; refused?: number }> {
  const { started } = await startNewTasks(input);
  // Jobs started before re-imports existed ended after the starts: they replay without this step.
  if (!wf.patched('import-changes')) return { started };
  return { started, ...(await applyImportChanges(input)) };
}

/** The job's new tasks, started by the workflow that single creation uses too; jobs begun before it replay with their own activity. */
function startNewTasks({ jobId, actor }: ImportJobInput): Promise<{ started: number }> {
  if (!wf.patched('start-tasks-workflow')) return startImportedTasks({ jobId, actor });
  return wf.executeChild(startTasksWorkflow, { args: [{ importJobId: jobId, actor }], workflowId: importStartTasksWorkflowId(jobId) });
}
