/**
 * One durable workflow per task (id `task-<taskId>`), from assignment to completion or cancellation.
 *
 * Every command is an Update whose validator runs the pure state machine (domain/task-machine), so a
 * command the state or the caller's role/agency forbids is rejected before it enters history. The main
 * loop waits on a single timer — the next reminder — and re-plans whenever an event moves the deadline,
 * the lead or the status (the updatable-timer pattern of temporalio/samples-typescript).
 */
import * as wf from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../activities';
import { atLocalHour, localDate, WorkingCalendar } from '../domain/calendar';
import { currentDueDate, yearlyReportsFor } from '../domain/deadline';
import { DEFAULT_REPORT_SETTINGS } from '../domain/plan-settings';
import { decideReminders, reminderKey, type PlannedReminder, type ReminderDecision } from '../domain/reminder-plan';
import { applyCommand, checkCommand, SYSTEM_ACTOR, type TaskCommand, type TaskCommandType, type TaskEvent, type TaskState } from '../domain/task-machine';
import { notificationForEvent } from '../domain/task-notifications';
import { isOpen } from '../domain/task-status';
import { DomainError } from '../domain/errors';
import { taskWorkflowId } from './constants';
import type { ChildChange, CommandAnswer, CommandArgs, ProjectTaskInput, TaskSnapshot, TaskWorkflowInput } from './types';

const DEFAULT_MAX_HISTORY = 1000;

// Messages. The API sends these very objects; names carry their kind.
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
export const getTaskQuery = wf.defineQuery<TaskSnapshot>('getTask');
/** From a child of a group task to its parent. A signal: the child needs no answer. */
export const childChangedSignal = wf.defineSignal<[ChildChange]>('childChanged');


// Activities retry until the database is back: a transition accepted here is never lost, only late.
// Each attempt is a few row writes: one that takes 10 s is stuck (a dead worker) and is retried elsewhere.
const RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['InvalidInput'] };
// Opening a task, a projection, the calendar look-up and recording a notification are a few row reads and
// writes (and a coalesced signal): as local activities they run inside the workflow task instead of costing
// an activity task round trip through the server on every start, command and reminder (`npm run bench`).
const { openTask, projectTask, loadCalendar, recordNotification } = wf.proxyLocalActivities<Activities>({ startToCloseTimeout: '10 seconds', retry: RETRY });
// Telling the parent signals another workflow: a normal activity, retried on its own.
const { notifyParent } = wf.proxyActivities<Activities>({ startToCloseTimeout: '10 seconds', retry: RETRY });
// A group's cascade sends one update per child: long, so it heartbeats.
const { cascadeToChildren } = wf.proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', heartbeatTimeout: '30 seconds', retry: RETRY });

const CALENDAR_FRESH_MS = 3600_000;

/**
 * Recurring tasks judged year by year (domain/deadline): each year's report date is their deadline,
 * not the end of their period. A run that began before this version replays its history with the
 * reminders of that rule and keeps it until its next continue-as-new (at the latest the local new year).
 */
export const YEARLY_DEADLINES_PATCH = 'recurring-yearly-deadlines';

export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskSnapshot> {
  let state: TaskState = input.state;
  if (!state.yearly) {
    // A new task owes the years from its assignment; one that ran under the earlier rule, from the start
    // of this run, which replays the reports of the run's own history (years before it were judged then).
    const owedFrom = localDate(state.seq === 0 ? Date.parse(state.assignedAt) : Date.now());
    const yearly = yearlyReportsFor(state, input.policy.reportDueOn ?? DEFAULT_REPORT_SETTINGS.dueOn, owedFrom);
    if (yearly) state = { ...state, yearly };
  }
  // Only a workflow that records the yearly rule's marker decides and projects by it (see YEARLY_DEADLINES_PATCH).
  const yearlyRule = state.yearly !== undefined && wf.patched(YEARLY_DEADLINES_PATCH);
  /** The state as reminders and the read model judge it: without its years under the earlier rule. */
  const judged = (s: TaskState): TaskState => (yearlyRule || !s.yearly ? s : { ...s, yearly: undefined });
  /**
   * Under the yearly rule, the deadline the read model holds as far as this run knows: unknown when a
   * run starts (the earlier rule may have projected the due date), so its first pass projects it.
   */
  let projectedDeadline: string | null | undefined;
  /** Reminders decided (sent or skipped as superseded), and of those the ones actually recorded for mail. */
  const sent = new Set(input.sentReminders ?? []);
  const recorded = new Set(input.recordedReminders ?? []);
  let parentSyncedSeq = input.parentSyncedSeq ?? 0;
  let cascadedSeq = input.cascadedSeq ?? input.state.seq;
  let upcoming: PlannedReminder[] = [];
  /** The working-day calendar, loaded by an activity and refreshed before reminders go out. */
  let calendar: WorkingCalendar | undefined;
  let calendarLoadedAt = 0;
  /** Events not yet acted on by the main loop (cascades to children). */
  const cascadeQueue: TaskEvent[] = [];
  /** Whether the task's `created` event is recorded (in this run or an earlier one). */
  let opened = input.state.seq > 0;
  /** Whether a command changed the task since the main loop last looked, and how to wake it. */
  let changed = false;
  let wakeSleeper = () => {};
  const wakeLoop = () => {
    changed = true;
    wakeSleeper();
  };
  const workflowId = wf.workflowInfo().workflowId;

  const snapshot = (): TaskSnapshot => ({ state, reminders: upcoming, recordedReminders: [...recorded], currentDueDate: currentDueDate(judged(state)) });
  const nowIso = () => new Date(Date.now()).toISOString();

  /**
   * Projections run one after the other, in event order: a command handled while the previous event is
   * still being projected waits for it, so when a command returns every earlier event is in the read model.
   */
  let lastProjection: Promise<void> = Promise.resolve();
  let projectionsUnderWay = 0;
  function inOrder<T>(step: () => Promise<T>): Promise<T> {
    // With none under way the step starts at once: every promise made in a workflow costs the SDK a
    // stack trace (its stack-trace query), and this is on every command's path.
    const run = projectionsUnderWay === 0 ? step() : lastProjection.then(step);
    projectionsUnderWay++;
    lastProjection = run.then(
      () => void projectionsUnderWay--,
      () => void projectionsUnderWay--,
    );
    return run;
  }

  /**
   * The reminder decision for the state, calendar and clock of now: a command decides while it is
   * handled and the main loop again in the same activation, where the answer cannot differ.
   */
  let lastDecision: { state: TaskState; calendar: WorkingCalendar; nowMs: number; sentCount: number; decision: ReminderDecision } | undefined;
  function decide(cal: WorkingCalendar): ReminderDecision {
    const nowMs = Date.now();
    const d = lastDecision;
    if (d && d.state === state && d.calendar === cal && d.nowMs === nowMs && d.sentCount === sent.size) return d.decision;
    const decision = decideReminders(judged(state), input.policy, cal, nowMs, sent);
    lastDecision = { state, calendar: cal, nowMs, sentCount: sent.size, decision };
    return decision;
  }

  /** What the read model and the mail need of an accepted event, as of now. */
  function eventProjection(event: TaskEvent): Omit<ProjectTaskInput, 'reminderPlan'> {
    const notice = notificationForEvent(event, state.isGroup);
    const notification = notice && {
      key: `${workflowId}:${event.seq}:${notice.kind}`,
      kind: notice.kind,
      taskId: state.taskId,
      planId: state.planId,
      scheduledFor: event.at,
      to: notice.to,
      cc: notice.cc,
      data: { event: event.type, note: event.note, actorName: event.actor.name, dueDate: state.dueDate, ...event.data },
    };
    return { state: judged(state), event, notification };
  }

  /** Record a command's event: project it and, in the same local activity, tell whoever must hear of it. */
  function record(event: TaskEvent): Promise<CommandAnswer['task']> {
    const projection = { ...eventProjection(event), reminderPlan: upcoming, answer: true };
    projectedDeadline = currentDueDate(projection.state);
    return inOrder(() => projectTask(projection));
  }

  /**
   * Apply a command the validator accepted; the answer comes once its event is projected. Not async:
   * each promise a workflow makes costs the SDK a stack trace (its stack-trace query), and this runs on
   * every command, so it makes one. A refusal (DomainError) is thrown before it returns.
   */
  function execute(cmd: TaskCommand): Promise<CommandAnswer> {
    // A command delivered with the workflow's start reaches its handler as soon as the handler is set,
    // before the task is opened below: it waits, so that `created` stays the first event.
    if (!opened) return wf.condition(() => opened).then(() => asFailure(() => execute(cmd)));
    const { state: next, event } = applyCommand(state, cmd, nowIso());
    // Once the task is open, the state changes before any await: a concurrent command's validator sees it.
    state = next;
    // Re-plan now, so the projection of this event already shows the reminders of the new deadline.
    if (calendar) upcoming = decide(calendar).upcoming;
    if (state.isGroup && (cmd.type === 'cancel' || cmd.type === 'edit')) cascadeQueue.push(event);
    wakeLoop();
    return record(event).then((task) => ({ seq: event.seq, task }));
  }

  function handleCommand<T extends TaskCommandType>(update: UpdateDefinition<CommandAnswer, [CommandArgs<T>]>, type: T): void {
    const command = (args: CommandArgs<T>) => ({ ...args, type }) as TaskCommand;
    wf.setHandler(update, (args) => asFailure(() => execute(command(args))), {
      validator: (args) => asFailure(() => checkCommand(state, command(args))),
    });
  }
  handleCommand(acknowledgeTaskUpdate, 'acknowledge');
  handleCommand(reportProgressUpdate, 'report_progress');
  handleCommand(requestExtensionUpdate, 'request_extension');
  handleCommand(decideExtensionUpdate, 'decide_extension');
  handleCommand(submitCompletionUpdate, 'submit_completion');
  handleCommand(acceptCompletionUpdate, 'accept_completion');
  handleCommand(returnCompletionUpdate, 'return_completion');
  handleCommand(cancelTaskUpdate, 'cancel');
  handleCommand(reassignTaskUpdate, 'reassign');
  handleCommand(editTaskUpdate, 'edit');
  handleCommand(addContributionUpdate, 'add_contribution');
  handleCommand(transferTaskUpdate, 'transfer');
  handleCommand(addChildTaskUpdate, 'add_child');
  wf.setHandler(getTaskQuery, snapshot);
  wf.setHandler(childChangedSignal, async (change) => {
    // A signal cannot be rejected: a stale or unknown child is logged and ignored.
    try {
      await execute({ type: 'child_changed', actor: SYSTEM_ACTOR, childId: change.childId, status: change.status, progress: change.progress });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      wf.log.warn('ignored a child change', { childId: change.childId, reason: err.message });
    }
  });

  /** The years the calendar must cover: from the assignment (or today) to the year after the deadline. */
  function calendarYears(): { fromYear: number; toYear: number } {
    const year = Number(localDate(Date.now()).slice(0, 4));
    return { fromYear: Math.min(year, Number(state.assignedAt.slice(0, 4))), toYear: Math.max(year, Number(state.dueDate.slice(0, 4))) + 1 };
  }

  if (state.seq === 0) {
    state = { ...state, seq: 1 };
    const created: TaskEvent = { seq: 1, type: 'created', fromStatus: 'assigned', toStatus: 'assigned', actor: input.createdBy, note: null, data: { dueDate: state.dueDate }, at: state.assignedAt };
    // One local activity starts the task: it loads the calendar, decides the first reminder plan with the
    // same pure function and clock as here, projects it with the `created` event and records the mail.
    const nowMs = Date.now();
    const opening = { ...eventProjection(created), calendarYears: calendarYears(), policy: input.policy, nowMs, sentReminders: [...sent] };
    const data = await inOrder(() => openTask(opening));
    calendar = new WorkingCalendar(data);
    calendarLoadedAt = Date.now();
    upcoming = decideReminders(judged(state), input.policy, calendar, nowMs, sent).upcoming;
    projectedDeadline = currentDueDate(judged(state));
    opened = true;
  }

  async function reloadCalendar(): Promise<WorkingCalendar> {
    calendar = new WorkingCalendar(await loadCalendar(calendarYears()));
    calendarLoadedAt = Date.now();
    return calendar;
  }

  const maxHistory = input.maxHistoryLength ?? DEFAULT_MAX_HISTORY;
  const runYear = localDate(Date.now()).slice(0, 4);
  // Wake at the local new year to continue-as-new: each year's history starts small.
  const nextYearStart = atLocalHour(`${Number(runYear) + 1}-01-01`, 0);

  /**
   * The main loop's one timer. It is kept while it is due no later than the next wake-up, so a command
   * that moves the next reminder later costs no timer commands (a cancel and a start on every command
   * otherwise); when it fires early the loop finds nothing due and sets the next one.
   */
  let timer: { at: number; scope: wf.CancellationScope; fired: Promise<void> } | undefined;
  function timerUntil(at: number): Promise<void> {
    if (timer && timer.at <= at) return timer.fired;
    timer?.scope.cancel();
    const scope = new wf.CancellationScope();
    const next = {
      at,
      scope,
      fired: scope.run(() => wf.sleep(Math.max(1, at - Date.now()))).then(
        () => void (timer === next && (timer = undefined)),
        () => undefined, // cancelled: replaced by an earlier one
      ),
    };
    timer = next;
    return next.fired;
  }

  for (;;) {
    changed = false;
    // No await when the calendar is at hand: an await is a promise, and each costs the SDK a stack trace.
    let decision = decide(calendar ?? (await reloadCalendar()));
    if (decision.send.length > 0 && Date.now() - calendarLoadedAt > CALENDAR_FRESH_MS) {
      // An admin may have declared a holiday since the timer was set: decide again on today's calendar.
      decision = decide(await reloadCalendar());
    }
    for (const r of decision.skip) sent.add(reminderKey(r));
    for (const r of decision.send) {
      await recordNotification({
        key: `${workflowId}:${reminderKey(r)}`,
        kind: r.kind,
        taskId: state.taskId,
        planId: state.planId,
        scheduledFor: r.at,
        to: r.to,
        cc: r.cc,
        // The deadline the reminder is about: a recurring task's is that year's report date.
        data: { dueDate: r.dueDate, status: state.status, progress: state.progress },
      });
      sent.add(reminderKey(r));
      recorded.add(reminderKey(r));
    }
    // Only under the yearly rule does the deadline count here: other runs project as they always did.
    if (!samePlan(upcoming, decision.upcoming) || (yearlyRule && currentDueDate(state) !== projectedDeadline)) {
      upcoming = decision.upcoming;
      const [current, plan] = [judged(state), upcoming];
      projectedDeadline = currentDueDate(current);
      await inOrder(() => projectTask({ state: current, reminderPlan: plan }));
    }
    if (state.parentId && parentSyncedSeq < state.seq) {
      const seq = state.seq;
      await notifyParent({ parentWorkflowId: taskWorkflowId(state.parentId), change: { childId: state.taskId, status: state.status, progress: state.progress, seq } });
      parentSyncedSeq = seq;
    }
    while (cascadeQueue.length > 0) {
      const event = cascadeQueue.shift()!;
      if (event.seq <= cascadedSeq) continue;
      const command =
        event.type === 'cancelled'
          ? ({ type: 'cancel', actor: event.actor, reason: event.note ?? '' } as const)
          : ({ type: 'edit', actor: event.actor, dueDate: event.data.dueDate as string | undefined, note: event.note ?? undefined } as const);
      await cascadeToChildren({ parentSeq: event.seq, childIds: Object.keys(state.children), command });
      cascadedSeq = event.seq;
    }

    if (!isOpen(state.status) && cascadeQueue.length === 0) {
      await wf.condition(wf.allHandlersFinished);
      if (cascadeQueue.length === 0 && (!state.parentId || parentSyncedSeq >= state.seq)) return snapshot();
      continue;
    }
    if (wf.workflowInfo().continueAsNewSuggested || wf.workflowInfo().historyLength >= maxHistory || Date.now() >= nextYearStart) {
      await wf.condition(wf.allHandlersFinished);
      // Keys of reminders about an earlier deadline can never match again: leave them behind.
      const stillRelevant = (keys: Set<string>) => [...keys].filter((key) => key.slice(key.indexOf(':') + 1) >= state.deadlineSetAt);
      await wf.continueAsNew<typeof taskWorkflow>({
        ...input,
        state,
        sentReminders: stillRelevant(sent),
        recordedReminders: stillRelevant(recorded),
        parentSyncedSeq,
        cascadedSeq,
      });
    }
    // A command handled while this pass awaited an activity has already said so: look again at once.
    if (changed) continue;
    const wakeAt = Math.min(decision.next ? Date.parse(decision.next.at) : Infinity, nextYearStart);
    // The timer or a command, whichever comes first: one promise rather than Promise.race's several.
    await new Promise<void>((resolve) => {
      wakeSleeper = resolve;
      void timerUntil(wakeAt).then(resolve);
    });
  }
}

/**
 * A rejected command fails its Update with an ApplicationFailure whose type is the domain error's
 * name (Forbidden, InvalidTransition, InvalidInput, NotFound): the API maps it to 403/409/422/404.
 * Domain errors are thrown synchronously, by the validator or before `execute` awaits anything; any
 * other error is a bug and fails the workflow task, to be retried after a fix.
 */
function asFailure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw err instanceof DomainError ? ApplicationFailure.create({ type: err.type, message: err.message, details: [err.details], nonRetryable: true }) : err;
  }
}

function samePlan(a: PlannedReminder[], b: PlannedReminder[]): boolean {
  return a.length === b.length && a.every((r, i) => reminderKey(r) === reminderKey(b[i]!));
}
