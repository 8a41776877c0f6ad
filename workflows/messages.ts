/**
 * Every Signal, Query and Update of the workflows, in one module that imports no workflow or activity
 * code: the API and the activities send these very objects, and the workflows handle them, without an
 * import loop between workflows and the activities' types. Names carry their kind.
 */
import * as wf from '@temporalio/workflow';
import type { ReminderPolicy } from '../domain/plan-settings';
import type { ChildChange, CommandAnswer, CommandArgs, CycleStatus, TaskSnapshot } from './types';

// The task workflow (workflows/task.ts): one Update per command, so a command is accepted or refused in one round trip.
export const acknowledgeTaskUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'acknowledge'>]>('acknowledgeTask');
export const reportProgressUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'report_progress'>]>('reportProgress');
export const requestExtensionUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'request_extension'>]>('requestExtension');
export const decideExtensionUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'decide_extension'>]>('decideExtension');
export const submitCompletionUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'submit_completion'>]>('submitCompletion');
export const acceptCompletionUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'accept_completion'>]>('acceptCompletion');
export const returnCompletionUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'return_completion'>]>('returnCompletion');
export const cancelTaskUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'cancel'>]>('cancelTask');
export const reassignTaskUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'reassign'>]>('reassignTask');
export const editTaskUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'edit'>]>('editTask');
export const addContributionUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'add_contribution'>]>('addContribution');
export const transferTaskUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'transfer'>]>('transferTask');
export const addChildTaskUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'add_child'>]>('addChildTask');
/** A comment in the task's discussion; an Update like the others, so the audit trail numbers it in order. */
export const commentTaskUpdate = wf.defineUpdate<CommandAnswer, [CommandArgs<'comment'>]>('commentTask');
export const getTaskQuery = wf.defineQuery<TaskSnapshot>('getTask');
/** The plan's reminder settings changed: the task re-plans its reminders by them. A signal: nothing to answer. */
export const changePolicySignal = wf.defineSignal<[ReminderPolicy]>('changePolicy');
/** From a child of a group task to its parent. A signal: the child needs no answer. */
export const childChangedSignal = wf.defineSignal<[ChildChange]>('childChanged');

/** To a start-tasks workflow (workflows/start-tasks.ts), from the API once the rows of a creation are committed. */
export const rowsCommittedSignal = wf.defineSignal('rowsCommitted');

// The annual report cycle (workflows/annual-report.ts).
/** From the API after an agency submitted (or replaced) its report. */
export const agencyReportedSignal = wf.defineSignal<[{ agencyCode: string }]>('agencyReported');
export const getCycleQuery = wf.defineQuery<CycleStatus>('getCycle');

/** To a mail digest (workflows/mail.ts): a notification for its recipient and day was recorded; its data is in the database. */
export const notificationRecordedSignal = wf.defineSignal('notificationRecorded');
