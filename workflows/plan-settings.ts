/**
 * A plan's reminder settings changed: every open task of the plan re-plans its reminders by the new
 * ones (DESIGN.md §6, "each plan may override"), not only tasks started afterwards.
 */
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { PlanSettingsInput } from './types';

const { signalPlanPolicy } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function planSettingsWorkflow(input: PlanSettingsInput): Promise<{ signalled: number }> {
  return signalPlanPolicy(input);
}
