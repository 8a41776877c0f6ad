import { and, eq, getTableColumns, lte, sql, type Column, type SQL, type Table } from 'drizzle-orm';
import { oncePerDatabase } from '../db/prepared';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { heartbeat, log } from '@temporalio/activity';
import { agencies, taskEvents, tasks } from '../db/schema';
import { shownColumns, taskView } from '../db/read-model/task-view';
import { searchableText } from '../domain/text';
import { currentDueDate } from '../domain/deadline';
import { isOpen } from '../domain/task-status';
import { taskWorkflowId } from '../workflows/constants';
import type { CascadeInput, ChildChange, OpenTaskInput, ProjectTaskInput } from '../workflows/types';
import type { TaskEvent, TaskState } from '../domain/task-machine';
import type { TaskView } from '../domain/task-view';
import { decideReminders, type PlannedReminder } from '../domain/reminder-plan';
import { WorkingCalendar, type CalendarData } from '../domain/calendar';
import type { MailActivities } from './mail';
import type { CalendarActivities } from './calendar';
import { cancelTaskUpdate, childChangedSignal, editTaskUpdate } from '../workflows/messages';
import type { ActivityDeps } from './deps';

/** Side effects of the task workflow: the read model (with the mail an event calls for), and messages to related task workflows. */
export function createTaskActivities({
  db,
  client,
  recordNotification,
  loadCalendar,
}: Pick<ActivityDeps, 'db' | 'client'> & Pick<MailActivities, 'recordNotification'> & Pick<CalendarActivities, 'loadCalendar'>) {
  const activities = {
    /**
     * Project the workflow's state (and the event that produced it) into `tasks` and `task_events`.
     * Idempotent and order-tolerant: the event is keyed by (task, seq), and the row only moves forward.
     */
    async projectTask({ state, event, reminderPlan, notification, answer }: ProjectTaskInput): Promise<TaskView | null> {
      // One statement, so one round trip and atomic: the event row (a CTE, run whether or not the update
      // reads it) and the task row, which only moves forward. Prepared: it runs on every transition.
      // It returns the row as the API shows it, for a command's Update to answer with (`answer`), so the
      // API need not read the task again right after; null when a newer projection had already landed.
      const { withEvent, stateOnly } = projectionStatements(db);
      const values = { ...encoded(tasks, TASK_SET_KEYS, { ...taskValues(state, reminderPlan), updatedAt: new Date() }), id: state.taskId };
      const updated = event
        ? await withEvent.execute({ ...values, ...encoded(taskEvents, EVENT_KEYS, eventValues(state.taskId, event), eventSlot) })
        : await stateOnly.execute(values);
      if (updated.length === 0) {
        const [row] = await db.select({ lastSeq: tasks.lastSeq }).from(tasks).where(eq(tasks.id, state.taskId));
        // A newer projection already landed (activities may finish out of order): nothing to do.
        if (!row) throw ApplicationFailure.nonRetryable(`Task ${state.taskId} has no row in the read model`, 'TaskRowMissing');
      }
      // After the projection, so that a digest composed from it finds the task as the event left it.
      if (notification) await recordNotification(notification);
      // Only when asked: a local activity's result is kept in the workflow's history.
      const [projected] = updated;
      return answer && projected && 'task' in projected ? taskView(projected.task, projected.leadAgencyName) : null;
    },

    /**
     * A new task's first step, in one local activity instead of three: the calendar, the first reminder
     * plan (domain/reminder-plan, decided as of the workflow's clock, so the workflow that builds its
     * calendar from the answer decides the same), the `created` projection and the assignment mail.
     */
    async openTask({ calendarYears, policy, nowMs, sentReminders, ...projection }: OpenTaskInput): Promise<CalendarData> {
      const calendar = await loadCalendar(calendarYears);
      const reminderPlan = decideReminders(projection.state, policy, new WorkingCalendar(calendar), nowMs, new Set(sentReminders)).upcoming;
      await activities.projectTask({ ...projection, reminderPlan });
      return calendar;
    },

    /** Tell a group parent that one of its children changed. */
    async notifyParent({ parentWorkflowId, change }: { parentWorkflowId: string; change: ChildChange }): Promise<void> {
      try {
        await client.workflow.getHandle(parentWorkflowId).signal(childChangedSignal, change);
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
        // A closed parent has nothing left to track; one not started yet will be (retry).
        const parentId = parentWorkflowId.replace(/^task-/, '');
        const [parent] = await db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, parentId));
        if (parent && !isOpen(parent.status)) return;
        throw err;
      }
    },

    /** Pass a group parent's cancel or new due date to every child, once (the update id dedupes). */
    async cascadeToChildren({ parentSeq, childIds, command }: CascadeInput): Promise<void> {
      for (const childId of childIds) {
        heartbeat(childId);
        const handle = client.workflow.getHandle(taskWorkflowId(childId));
        const updateId = `cascade-${parentSeq}-${childId}`;
        try {
          if (command.type === 'cancel') {
            await handle.executeUpdate(cancelTaskUpdate, { args: [{ actor: command.actor, reason: command.reason }], updateId });
          } else {
            await handle.executeUpdate(editTaskUpdate, { args: [{ actor: command.actor, dueDate: command.dueDate, note: command.note }], updateId });
          }
        } catch (err) {
          // A child already completed or cancelled keeps its outcome.
          if (err instanceof WorkflowNotFoundError || err instanceof WorkflowUpdateFailedError) {
            log.info('child not changed by cascade', { childId, reason: (err as Error).message });
            continue;
          }
          throw err;
        }
      }
    },
  };
  return activities;
}

/** The columns a projection writes, each a placeholder of its statement (below). */
const TASK_SET_KEYS = [
  'title',
  'titleSearch',
  'leadAgencyCode',
  'coordinatingAgencyCodes',
  'startDate',
  'dueDate',
  'currentDueDate',
  'status',
  'progress',
  'acknowledgedAt',
  'submittedAt',
  'completedAt',
  'cancelledAt',
  'extensionRequests',
  'reminderPlan',
  'lastSeq',
  // Set here rather than by the column's $onUpdate, which a prepared statement would run only once.
  'updatedAt',
] as const satisfies readonly (keyof typeof tasks.$inferInsert)[];
const EVENT_KEYS = ['taskId', 'seq', 'type', 'fromStatus', 'toStatus', 'actorUserId', 'actorName', 'actorRole', 'actorAgencyCode', 'note', 'data', 'at'] as const satisfies readonly (keyof typeof taskEvents.$inferInsert)[];
const eventSlot = (key: string) => `event_${key}`;

/** Placeholders for `keys`, named `name(key)`; their values are given as the driver takes them (`encoded`). */
function slots<K extends string>(keys: readonly K[], name: (key: K) => string = (k) => k): Record<K, SQL> {
  return Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(name(k))}`])) as Record<K, SQL>;
}

/**
 * The values of `keys` for the placeholders of `slots`, each through its column's encoder (jsonb,
 * arrays, timestamps) as Drizzle encodes a value it is given directly; null stays null. Not left to
 * Drizzle: a placeholder given as a column's value is encoded when the statement runs, but null reaches
 * the encoder too (a nullable timestamp fails with "toISOString of null", drizzle-orm#1113), so the
 * placeholders bypass it (`slots`, as the maintainers advise) and the values arrive encoded.
 */
function encoded<K extends string>(table: Table, keys: readonly K[], values: Record<K, unknown>, name: (key: K) => string = (k) => k): Record<string, unknown> {
  const columns = getTableColumns(table) as Record<string, Column>;
  return Object.fromEntries(keys.map((k) => [name(k), values[k] === null || values[k] === undefined ? null : columns[k]!.mapToDriverValue(values[k])]));
}

/**
 * The projection's two statements, built by Drizzle once and planned by Postgres once per connection:
 * building this UPDATE (and its CTE) took ~0.5 ms of the worker's CPU on every transition.
 */
const projectionStatements = oncePerDatabase((db) => {
  const forward = and(eq(tasks.id, sql.placeholder('id')), lte(tasks.lastSeq, sql.placeholder('lastSeq')));
  const projected = { task: shownColumns, leadAgencyName: sql<string | null>`(select ${agencies.name} from ${agencies} where ${agencies.code} = ${tasks.leadAgencyCode})` };
  const eventRow = db
    .$with('event_row')
    .as(db.insert(taskEvents).values(slots(EVENT_KEYS, eventSlot)).onConflictDoNothing({ target: [taskEvents.taskId, taskEvents.seq] }).returning({ seq: taskEvents.seq }));
  return {
    withEvent: db.with(eventRow).update(tasks).set(slots(TASK_SET_KEYS)).where(forward).returning(projected).prepare('project_task_with_event'),
    // A reminder plan alone answers no command: nothing to return but that the row moved.
    stateOnly: db.update(tasks).set(slots(TASK_SET_KEYS)).where(forward).returning({ id: tasks.id }).prepare('project_task_state'),
  };
});

function eventValues(taskId: string, event: TaskEvent): Required<Pick<typeof taskEvents.$inferInsert, (typeof EVENT_KEYS)[number]>> {
  return {
    taskId,
    seq: event.seq,
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorUserId: event.actor.userId,
    actorName: event.actor.name,
    actorRole: event.actor.role,
    actorAgencyCode: event.actor.agencyCode,
    note: event.note,
    data: { ...event.data, ...(event.actor.via ? { via: event.actor.via } : {}) },
    at: new Date(event.at),
  };
}

function taskValues(state: TaskState, reminderPlan: PlannedReminder[]): Required<Pick<typeof tasks.$inferInsert, Exclude<(typeof TASK_SET_KEYS)[number], 'updatedAt'>>> {
  return {
    title: state.title,
    titleSearch: searchableText(state.title),
    leadAgencyCode: state.leadAgencyCode,
    coordinatingAgencyCodes: state.coordinatingAgencyCodes,
    startDate: state.startDate,
    dueDate: state.dueDate,
    // The rule's deadline, from the state as the workflow judges it: the list's SQL filters on it.
    currentDueDate: currentDueDate(state),
    status: state.status,
    progress: state.progress,
    acknowledgedAt: state.acknowledgedAt ? new Date(state.acknowledgedAt) : null,
    submittedAt: state.submittedAt ? new Date(state.submittedAt) : null,
    completedAt: state.completedAt ? new Date(state.completedAt) : null,
    cancelledAt: state.cancelledAt ? new Date(state.cancelledAt) : null,
    extensionRequests: state.extensionRequests,
    reminderPlan,
    lastSeq: state.seq,
  };
}
