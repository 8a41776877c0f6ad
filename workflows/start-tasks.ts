/**
 * Start the task workflows of newly inserted task rows: those of one creation by hand (a task, or a
 * group parent and its children), or an import job's new rows. One workflow for both, so that a crash
 * of the API or a worker half-way leaves no task without its workflow: the activity resumes, and a start
 * that already happened is not repeated (the task starter's REJECT_DUPLICATE).
 *
 * A creation by hand starts this workflow inside the transaction that inserts its rows, before the
 * commit, so the intent (and who assigned the tasks) is durable first: if starting fails, nothing is
 * written; if the API stops after the commit but before its signal, the rows are looked for once the
 * wait is over; if the commit never happened, there are none and nothing starts.
 */
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import { rowsCommittedSignal } from './messages';
import type { StartTasksInput } from './types';

const { startTasks } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  // The activity heartbeats once per start: a worker lost mid-way is noticed within a minute.
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '2 minutes' },
});

/** Longer than any creation's transaction takes; after it the rows are there or never will be. */
const COMMIT_WAIT = '2 minutes';

export async function startTasksWorkflow(input: StartTasksInput): Promise<{ started: number }> {
  if ('taskIds' in input && input.awaitCommit) {
    let committed = false;
    wf.setHandler(rowsCommittedSignal, () => {
      committed = true;
    });
    await wf.condition(() => committed, COMMIT_WAIT);
  }
  return startTasks(input);
}
