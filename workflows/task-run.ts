/**
 * One run of a task workflow (workflows/task.ts): the task's state, its reminder plan and what it still
 * owes the read model, its group parent and its children, with the steps the main loop takes on them.
 * A continue-as-new carries it over to the next run (`continueAsNewInput`).
 */
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import { localDate, WorkingCalendar } from '../domain/calendar';
import { currentDueDate, yearlyReportsFor } from '../domain/deadline';
import { DEFAULT_REPORT_SETTINGS, type ReminderPolicy } from '../domain/plan-settings';
import { decideReminders, reminderKey, type PlannedReminder, type ReminderDecision } from '../domain/reminder-plan';
import { applyCommand, type TaskCommand, type TaskEvent, type TaskState } from '../domain/task-machine';
import { notificationForEvent } from '../domain/task-notifications';
import { taskWorkflowId } from './constants';
import type { CommandAnswer, ProjectTaskInput, TaskSnapshot, TaskWorkflowInput } from './types';

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

/** A calendar older than this is reloaded before reminders go out: an admin may have declared a holiday. */
const CALENDAR_FRESH_MS = 3600_000;

/**
 * Recurring tasks judged year by year (domain/deadline): each year's report date is their deadline,
 * not the end of their period. A run that began before this version replays its history with the
 * reminders of that rule and keeps it until its next continue-as-new (at the latest the local new year).
 */
export const YEARLY_DEADLINES_PATCH = 'recurring-yearly-deadlines';

const nowIso = () => new Date(Date.now()).toISOString();

export class TaskRun {
  state: TaskState;
  /** The plan's reminder settings, as the task was started with or as the plan last changed them. */
  private policy: ReminderPolicy;
  /** Whether the task's `created` event is recorded (in this run or an earlier one). */
  opened: boolean;
  /** Whether a message changed the task since the main loop last looked. */
  changed = false;
  /** Only a workflow that records the yearly rule's marker decides and projects by it (see YEARLY_DEADLINES_PATCH). */
  private readonly yearlyRule: boolean;
  /**
   * Under the yearly rule, the deadline the read model holds as far as this run knows: unknown when a
   * run starts (the earlier rule may have projected the due date), so its first pass projects it.
   */
  private projectedDeadline: string | null | undefined;
  /** Reminders decided (sent or skipped as superseded), and of those the ones actually recorded for mail. */
  private readonly sent: Set<string>;
  private readonly recorded: Set<string>;
  private parentSyncedSeq: number;
  private cascadedSeq: number;
  /** Group events (cancel, edit) not yet sent on to the children. */
  private readonly cascadeQueue: TaskEvent[] = [];
  private upcoming: PlannedReminder[] = [];
  /** The working-day calendar, loaded by an activity and refreshed before reminders go out. */
  private calendar: WorkingCalendar | undefined;
  private calendarLoadedAt = 0;
  private readonly workflowId = wf.workflowInfo().workflowId;
  /** The last projection under way: the next one starts after it (see `inOrder`). */
  private lastProjection: Promise<unknown> = Promise.resolve();
  private lastDecision: { state: TaskState; policy: ReminderPolicy; calendar: WorkingCalendar; nowMs: number; sentCount: number; decision: ReminderDecision } | undefined;

  constructor(private readonly input: TaskWorkflowInput) {
    let state = input.state;
    if (!state.yearly) {
      // A new task owes the years from its assignment; one that ran under the earlier rule, from the start
      // of this run, which replays the reports of the run's own history (years before it were judged then).
      const owedFrom = localDate(state.seq === 0 ? Date.parse(state.assignedAt) : Date.now());
      const yearly = yearlyReportsFor(state, input.policy.reportDueOn ?? DEFAULT_REPORT_SETTINGS.dueOn, owedFrom);
      if (yearly) state = { ...state, yearly };
    }
    this.state = state;
    this.policy = input.policy;
    this.opened = input.state.seq > 0;
    this.yearlyRule = state.yearly !== undefined && wf.patched(YEARLY_DEADLINES_PATCH);
    this.sent = new Set(input.sentReminders ?? []);
    this.recorded = new Set(input.recordedReminders ?? []);
    this.parentSyncedSeq = input.parentSyncedSeq ?? 0;
    this.cascadedSeq = input.cascadedSeq ?? input.state.seq;
  }

  snapshot(): TaskSnapshot {
    return { state: this.state, reminders: this.upcoming, recordedReminders: [...this.recorded], currentDueDate: currentDueDate(this.judged(this.state)) };
  }

  /** The state as reminders and the read model judge it: without its years under the earlier rule. */
  private judged(s: TaskState): TaskState {
    return this.yearlyRule || !s.yearly ? s : { ...s, yearly: undefined };
  }

  /** Record the `created` event: one local activity loads the calendar, projects the first plan and records the mail. */
  async open(): Promise<void> {
    this.state = { ...this.state, seq: 1 };
    const { state } = this;
    const created: TaskEvent = { seq: 1, type: 'created', fromStatus: 'assigned', toStatus: 'assigned', actor: this.input.createdBy, note: null, data: { dueDate: state.dueDate }, at: state.assignedAt };
    // openTask decides the first reminder plan with the same pure function and clock as here.
    const nowMs = Date.now();
    const opening = { ...this.eventProjection(created), calendarYears: this.calendarYears(), policy: this.policy, nowMs, sentReminders: [...this.sent] };
    const data = await this.inOrder(() => openTask(opening));
    this.calendar = new WorkingCalendar(data);
    this.calendarLoadedAt = Date.now();
    this.upcoming = decideReminders(this.judged(this.state), this.policy, this.calendar, nowMs, this.sent).upcoming;
    this.projectedDeadline = currentDueDate(this.judged(this.state));
    this.opened = true;
  }

  /** Apply a command the validator accepted; the answer comes once its event is projected. */
  async execute(cmd: TaskCommand): Promise<CommandAnswer> {
    // A command delivered with the workflow's start reaches its handler as soon as the handler is set,
    // before the task is opened: it waits, so that `created` stays the first event.
    if (!this.opened) await wf.condition(() => this.opened);
    const { state: next, event } = applyCommand(this.state, cmd, nowIso());
    // A comment changes nothing a group parent follows: its child does not signal it (status, progress).
    if (cmd.type === 'comment' && this.parentSyncedSeq === this.state.seq) this.parentSyncedSeq = next.seq;
    // The state changes before any await: a concurrent command's validator sees it.
    this.state = next;
    // Re-plan now, so the projection of this event already shows the reminders of the new deadline.
    if (this.calendar) this.upcoming = this.decide(this.calendar).upcoming;
    if (next.isGroup && (cmd.type === 'cancel' || cmd.type === 'edit')) this.cascadeQueue.push(event);
    this.changed = true;
    const projection = { ...this.eventProjection(event), reminderPlan: this.upcoming, answer: true };
    this.projectedDeadline = currentDueDate(projection.state);
    const task = await this.inOrder(() => projectTask(projection));
    return { seq: event.seq, task };
  }

  /**
   * The plan's reminder settings changed. Reminders they would have sent before now are not sent late:
   * like a new deadline, the settings count from now on. A recurring task's yearly reports fall due on
   * the plan's new report day.
   */
  changePolicy(next: ReminderPolicy): void {
    this.policy = next;
    const dueOn = next.reportDueOn;
    const { yearly } = this.state;
    this.state = { ...this.state, deadlineSetAt: nowIso(), ...(yearly && dueOn && dueOn !== yearly.dueOn ? { yearly: { ...yearly, dueOn } } : {}) };
    this.changed = true;
  }

  /** The reminders due now and the plan after them; a calendar older than an hour is reloaded before any is sent. */
  async dueReminders(): Promise<ReminderDecision> {
    const decision = this.decide(this.calendar ?? (await this.reloadCalendar()));
    if (decision.send.length === 0 || Date.now() - this.calendarLoadedAt <= CALENDAR_FRESH_MS) return decision;
    return this.decide(await this.reloadCalendar());
  }

  /** Record the mail of the reminders due; those superseded by a later one of their kind are only marked done. */
  async sendReminders({ send, skip }: ReminderDecision): Promise<void> {
    for (const r of skip) this.sent.add(reminderKey(r));
    for (const r of send) {
      const { state } = this;
      await recordNotification({
        key: `${this.workflowId}:${reminderKey(r)}`,
        kind: r.kind,
        taskId: state.taskId,
        planId: state.planId,
        scheduledFor: r.at,
        to: r.to,
        cc: r.cc,
        // The deadline the reminder is about: a recurring task's is that year's report date.
        data: { dueDate: r.dueDate, status: state.status, progress: state.progress },
      });
      this.sent.add(reminderKey(r));
      this.recorded.add(reminderKey(r));
    }
  }

  /** Project the reminder plan when it changed; under the yearly rule, also a deadline the read model lacks. */
  async projectPlan(plan: PlannedReminder[]): Promise<void> {
    const deadlineMoved = this.yearlyRule && currentDueDate(this.state) !== this.projectedDeadline;
    if (samePlan(this.upcoming, plan) && !deadlineMoved) return;
    this.upcoming = plan;
    const current = this.judged(this.state);
    this.projectedDeadline = currentDueDate(current);
    await this.inOrder(() => projectTask({ state: current, reminderPlan: plan }));
  }

  /** A child of a group tells its parent of every change since it last did (comments aside). */
  async tellParent(): Promise<void> {
    const { state } = this;
    if (!state.parentId || this.parentSyncedSeq >= state.seq) return;
    await notifyParent({ parentWorkflowId: taskWorkflowId(state.parentId), change: { childId: state.taskId, status: state.status, progress: state.progress, seq: state.seq } });
    this.parentSyncedSeq = state.seq;
  }

  /** A group's cancel and edit go on to every child, once each (`cascadedSeq` survives continue-as-new). */
  async cascade(): Promise<void> {
    while (this.cascadeQueue.length > 0) {
      const event = this.cascadeQueue.shift()!;
      if (event.seq <= this.cascadedSeq) continue;
      const command =
        event.type === 'cancelled'
          ? ({ type: 'cancel', actor: event.actor, reason: event.note ?? '' } as const)
          : ({ type: 'edit', actor: event.actor, dueDate: event.data.dueDate as string | undefined, note: event.note ?? undefined } as const);
      await cascadeToChildren({ parentSeq: event.seq, childIds: Object.keys(this.state.children), command });
      this.cascadedSeq = event.seq;
    }
  }

  /** Whether a cancel or edit still has to reach the children. */
  get cascading(): boolean {
    return this.cascadeQueue.length > 0;
  }

  /** Nothing left to tell the children or the parent: a closed task may end. */
  get settled(): boolean {
    return !this.cascading && (!this.state.parentId || this.parentSyncedSeq >= this.state.seq);
  }

  /** The next run's input. Keys of reminders about an earlier deadline can never match again: left behind. */
  continueAsNewInput(): TaskWorkflowInput {
    const stillRelevant = (keys: Set<string>) => [...keys].filter((key) => key.slice(key.indexOf(':') + 1) >= this.state.deadlineSetAt);
    const { parentSyncedSeq, cascadedSeq } = this;
    return { ...this.input, policy: this.policy, state: this.state, sentReminders: stillRelevant(this.sent), recordedReminders: stillRelevant(this.recorded), parentSyncedSeq, cascadedSeq };
  }

  /**
   * The reminder decision for the state, calendar and clock of now. A command decides while it is
   * handled and the main loop again in the same activation, where the answer cannot differ: remembering
   * it saves the second decision, ~0.3 ms of the workflow thread per command (CPU profile, docs/scaling.md).
   */
  private decide(calendar: WorkingCalendar): ReminderDecision {
    const { state, policy, sent } = this;
    const nowMs = Date.now();
    const d = this.lastDecision;
    if (d && d.state === state && d.policy === policy && d.calendar === calendar && d.nowMs === nowMs && d.sentCount === sent.size) return d.decision;
    const decision = decideReminders(this.judged(state), policy, calendar, nowMs, sent);
    this.lastDecision = { state, policy, calendar, nowMs, sentCount: sent.size, decision };
    return decision;
  }

  private async reloadCalendar(): Promise<WorkingCalendar> {
    this.calendar = new WorkingCalendar(await loadCalendar(this.calendarYears()));
    this.calendarLoadedAt = Date.now();
    return this.calendar;
  }

  /** The years the calendar must cover: from the assignment (or today) to the year after the deadline. */
  private calendarYears(): { fromYear: number; toYear: number } {
    const year = Number(localDate(Date.now()).slice(0, 4));
    return { fromYear: Math.min(year, Number(this.state.assignedAt.slice(0, 4))), toYear: Math.max(year, Number(this.state.dueDate.slice(0, 4))) + 1 };
  }

  /**
   * Projections run one after the other, in event order: a command handled while the previous event is
   * still being projected waits for it, so when a command returns every earlier event is in the read model.
   */
  private inOrder<T>(step: () => Promise<T>): Promise<T> {
    const run = this.lastProjection.then(step);
    this.lastProjection = run.catch(() => undefined);
    return run;
  }

  /** What the read model and the mail need of an accepted event, as of now. */
  private eventProjection(event: TaskEvent): Omit<ProjectTaskInput, 'reminderPlan'> {
    const { state } = this;
    const notice = notificationForEvent(event, state.isGroup);
    const notification = notice && {
      key: `${this.workflowId}:${event.seq}:${notice.kind}`,
      kind: notice.kind,
      taskId: state.taskId,
      planId: state.planId,
      scheduledFor: event.at,
      to: notice.to,
      cc: notice.cc,
      ...(notice.agencyCodes ? { agencyCodes: notice.agencyCodes } : {}),
      data: { event: event.type, note: event.note, actorName: event.actor.name, actorAgency: event.actor.agencyCode, dueDate: state.dueDate, ...event.data },
    };
    return { state: this.judged(state), event, notification };
  }
}

function samePlan(a: PlannedReminder[], b: PlannedReminder[]): boolean {
  return a.length === b.length && a.every((r, i) => reminderKey(r) === reminderKey(b[i]!));
}
