/**
 * An agency joined a group (a district founded, a department split) after tasks were given to the
 * group: every open task of the group gets a child for the newcomer, through the parent's workflow,
 * so the parent waits for it too and the audit trail says when it joined.
 */
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { GroupMembersInput } from './types';

const { addMemberTasks } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function groupMembersWorkflow(input: GroupMembersInput): Promise<{ added: number }> {
  return addMemberTasks(input);
}
