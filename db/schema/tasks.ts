import { relations } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TaskStatus } from '../../domain/task-status';
import type { Funding, Role, TaskKind } from '../../domain/vocabulary';
import type { PlannedReminder } from '../../domain/reminder-plan';
import type { ExtensionRequest } from '../../domain/task-machine';
import type { ImportedRow } from '../../domain/import/diff';
import { agencies } from './agencies';
import { lifecycleDates } from './lifecycle';
import { plans } from './plans';

/**
 * The read model of a task. The row is written by the import or task creation (status `assigned`,
 * lastSeq 0) and from then on only by the task workflow's projection activity.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    /** A task whose lead is a group is a parent; each member agency gets a child. */
    parentId: uuid('parent_id'),
    isGroup: boolean('is_group').notNull().default(false),
    importJobId: uuid('import_job_id'),
    /** Row of the imported file this task came from (1-based, as a spreadsheet shows it). */
    sourceRow: integer('source_row'),
    /** The appendix row as last imported: what a corrected appendix is compared with (null for tasks made by hand). */
    importedRow: jsonb('imported_row').$type<ImportedRow>(),
    /** Position in the plan, for listing in the appendix's order. */
    position: integer('position').notNull().default(0),
    /** "I", "II"… or "A", "B"… of the section row above the task. */
    sectionCode: text('section_code'),
    section: text('section'),
    /** STT/TT as printed; not unique, since numbering restarts per section. */
    number: text('number'),
    title: text('title').notNull(),
    /** Lower-cased, diacritics-free title for text search. */
    titleSearch: text('title_search').notNull(),
    description: text('description'),
    leadAgencyCode: text('lead_agency_code')
      .notNull()
      .references(() => agencies.code, { onUpdate: 'cascade' }),
    /** The lead as the document wrote it ("Sở.Thông tin và Truyền thông"). */
    leadAgencyText: text('lead_agency_text'),
    coordinatingAgencyCodes: jsonb('coordinating_agency_codes').$type<string[]>().notNull().default([]),
    coordinatingText: text('coordinating_text'),
    kind: text('kind').$type<TaskKind>().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The due date the task was assigned with, before any extension. */
    originalDueDate: date('original_due_date', { mode: 'string' }).notNull(),
    /**
     * The deadline the task is judged against (domain/deadline `currentDueDate`): the due date, or for a
     * recurring task the report date of the earliest year still owed; null when a recurring task owes
     * nothing. Written with the row and by every projection, so the SQL `overdue` filter reads the rule.
     */
    currentDueDate: date('current_due_date', { mode: 'string' }),
    timeframeText: text('timeframe_text'),
    funding: jsonb('funding').$type<Funding>(),
    note: text('note'),
    status: text('status').$type<TaskStatus>().notNull().default('assigned'),
    progress: integer('progress').notNull().default(0),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Extension requests and their decisions, as the workflow holds them. */
    extensionRequests: jsonb('extension_requests').$type<ExtensionRequest[]>().notNull().default([]),
    /** Reminders the workflow has planned, as of its last projection. */
    reminderPlan: jsonb('reminder_plan').$type<PlannedReminder[]>().notNull().default([]),
    /** Sequence number of the last workflow event projected here; projections only move it forward. */
    lastSeq: integer('last_seq').notNull().default(0),
    ...lifecycleDates,
  },
  (t) => [
    index('tasks_plan_status_idx').on(t.planId, t.status),
    index('tasks_lead_status_due_idx').on(t.leadAgencyCode, t.status, t.dueDate),
    index('tasks_due_id_idx').on(t.dueDate, t.id),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_plan_position_idx').on(t.planId, t.position),
    // "Tasks this agency coordinates": coordinating_agency_codes ? 'CODE'.
    index('tasks_coordinating_gin_idx').using('gin', t.coordinatingAgencyCodes),
  ],
);

/** The audit trail: one row per accepted transition, keyed by the workflow's event sequence. */
export const taskEvents = pgTable(
  'task_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status').$type<TaskStatus>(),
    toStatus: text('to_status').$type<TaskStatus>(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role').$type<Role | 'system'>(),
    actorAgencyCode: text('actor_agency_code'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('task_events_task_seq_uq').on(t.taskId, t.seq)],
);

export const tasksRelations = relations(tasks, ({ one, many }) => ({
  plan: one(plans, { fields: [tasks.planId], references: [plans.id] }),
  lead: one(agencies, { fields: [tasks.leadAgencyCode], references: [agencies.code] }),
  events: many(taskEvents),
}));

export const taskEventsRelations = relations(taskEvents, ({ one }) => ({
  task: one(tasks, { fields: [taskEvents.taskId], references: [tasks.id] }),
}));
