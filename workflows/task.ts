/**
 * One durable workflow per task (id `task-<taskId>`), from assignment to completion or cancellation.
 *
 * Every command is an Update whose validator runs the pure state machine (domain/task-machine), so a
 * command the state or the caller's role/agency forbids is rejected before it enters history. The
 * handlers change the run's state (workflows/task-run.ts); the main loop sends the reminders due, keeps
 * the read model, the group parent and the children in step, and sleeps until the next reminder or
 * the next message.
 */
import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { atLocalHour, localDate } from '../domain/calendar';
import { checkCommand, SYSTEM_ACTOR, type TaskCommand, type TaskCommandType } from '../domain/task-machine';
import { isOpen } from '../domain/task-status';
import { DomainError } from '../domain/errors';
import { KeptTimer } from './task-timer';
import { TaskRun } from './task-run';
import {
  acceptCompletionUpdate,
  acknowledgeTaskUpdate,
  addChildTaskUpdate,
  addContributionUpdate,
  cancelTaskUpdate,
  changePolicySignal,
  childChangedSignal,
  commentTaskUpdate,
  decideExtensionUpdate,
  editTaskUpdate,
  getTaskQuery,
  reassignTaskUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnCompletionUpdate,
  submitCompletionUpdate,
  transferTaskUpdate,
} from './messages';
import type { CommandAnswer, CommandArgs, TaskSnapshot, TaskWorkflow, TaskWorkflowInput } from './types';

/** Continue-as-new once a run's history reaches this many events (tests set fewer). */
const DEFAULT_MAX_HISTORY = 1000;

export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskSnapshot> {
  const task = new TaskRun(input);
  setCommandHandlers(task);
  wf.setHandler(getTaskQuery, () => task.snapshot());
  wf.setHandler(changePolicySignal, (policy) => task.changePolicy(policy));
  wf.setHandler(childChangedSignal, async ({ childId, status, progress }) => {
    // A signal cannot be rejected: a stale or unknown child is logged and ignored.
    try {
      await task.execute({ type: 'child_changed', actor: SYSTEM_ACTOR, childId, status, progress });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      wf.log.warn('ignored a child change', { childId, reason: err.message });
    }
  });
  if (!task.opened) await task.open();

  const maxHistory = input.maxHistoryLength ?? DEFAULT_MAX_HISTORY;
  // Wake at the local new year to continue-as-new: each year's history starts small.
  const nextYearStart = atLocalHour(`${Number(localDate(Date.now()).slice(0, 4)) + 1}-01-01`, 0);
  const timer = new KeptTimer();
  for (;;) {
    task.changed = false;
    const reminders = await task.dueReminders();
    await task.sendReminders(reminders);
    await task.projectPlan(reminders.upcoming);
    await task.tellParent();
    await task.cascade();

    if (!isOpen(task.state.status) && !task.cascading) {
      await wf.condition(wf.allHandlersFinished);
      if (task.settled) return task.snapshot();
      continue;
    }
    const info = wf.workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength >= maxHistory || Date.now() >= nextYearStart) {
      await wf.condition(wf.allHandlersFinished);
      await wf.continueAsNew<typeof taskWorkflow>(task.continueAsNewInput());
    }
    // A message handled while this pass awaited an activity has already changed the task: look again at once.
    if (task.changed) continue;
    timer.setFor(Math.min(reminders.next ? Date.parse(reminders.next.at) : Infinity, nextYearStart));
    await wf.condition(() => task.changed || timer.fired);
  }
}

/** Each command's Update: its validator runs the state machine's checks, its handler the transition. */
function setCommandHandlers(task: TaskRun): void {
  function handle<T extends TaskCommandType>(update: UpdateDefinition<CommandAnswer, [CommandArgs<T>]>, type: T): void {
    const command = (args: CommandArgs<T>) => ({ ...args, type }) as TaskCommand;
    wf.setHandler(
      update,
      async (args) => {
        try {
          return await task.execute(command(args));
        } catch (err) {
          throw asFailure(err);
        }
      },
      {
        validator: (args) => {
          try {
            checkCommand(task.state, command(args));
          } catch (err) {
            throw asFailure(err);
          }
        },
      },
    );
  }
  handle(acknowledgeTaskUpdate, 'acknowledge');
  handle(reportProgressUpdate, 'report_progress');
  handle(requestExtensionUpdate, 'request_extension');
  handle(decideExtensionUpdate, 'decide_extension');
  handle(submitCompletionUpdate, 'submit_completion');
  handle(acceptCompletionUpdate, 'accept_completion');
  handle(returnCompletionUpdate, 'return_completion');
  handle(cancelTaskUpdate, 'cancel');
  handle(reassignTaskUpdate, 'reassign');
  handle(editTaskUpdate, 'edit');
  handle(addContributionUpdate, 'add_contribution');
  handle(transferTaskUpdate, 'transfer');
  handle(addChildTaskUpdate, 'add_child');
  handle(commentTaskUpdate, 'comment');
}

/**
 * A rejected command fails its Update with an ApplicationFailure whose type is the domain error's
 * name (Forbidden, InvalidTransition, InvalidInput, NotFound): the API maps it to 403/409/422/404.
 * Any other error is a bug: rethrown as is, it fails the workflow task, to be retried after a fix.
 */
function asFailure(err: unknown): unknown {
  return err instanceof DomainError ? ApplicationFailure.create({ type: err.type, message: err.message, details: [err.details], nonRetryable: true }) : err;
}

// The task starter starts it by name, typed by this signature.
taskWorkflow satisfies TaskWorkflow;
