/**
 * A reorganisation (e.g. Sở Thông tin và Truyền thông merged into Sở Khoa học và Công nghệ in 2025):
 * every open task the old agency leads or coordinates passes to its successor through the task's own
 * workflow, so reminders re-target and the audit trail records the hand-over under the old name.
 */
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { AgencyMergeInput } from './types';

const { transferOpenTasks } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function agencyMergeWorkflow(input: AgencyMergeInput): Promise<{ transferred: number }> {
  return transferOpenTasks(input);
}
