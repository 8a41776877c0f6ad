import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { ImportChange } from '../../domain/import/changes';
import { plans } from './plans';
import { lifecycleDates } from './lifecycle';

/** A committed import of a plan appendix; its workflows start after the commit, tracked here. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file, to tell which file a job came from (a file imported again changes nothing: see the diff). */
    fileSha256: text('file_sha256').notNull(),
    /** The worksheet or Word table imported ('' for CSV). */
    sheetName: text('sheet_name').notNull().default(''),
    status: text('status').$type<'starting' | 'started' | 'failed'>().notNull().default('starting'),
    rowCount: integer('row_count').notNull(),
    taskCount: integer('task_count').notNull(),
    startedCount: integer('started_count').notNull().default(0),
    /** A re-import's commands to running tasks (edits, reassignments, cancellations), sent after the new tasks start. */
    changes: jsonb('changes').$type<ImportChange[]>().notNull().default([]),
    /** Of `changes`: how many the task workflows took, and how many they refused (a task closed meanwhile). */
    appliedCount: integer('applied_count').notNull().default(0),
    refusedCount: integer('refused_count').notNull().default(0),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    ...lifecycleDates,
  },
  (t) => [index('import_jobs_plan_idx').on(t.planId)],
);
