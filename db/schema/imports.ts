import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** SHA-256 of the file: importing the same file (and the same sheet of it) again changes nothing. */
    fileSha256: text('file_sha256').notNull(),
    /** The worksheet or Word table imported ('' for CSV): a document with two appendices imports each once. */
    sheetName: text('sheet_name').notNull().default(''),
    status: text('status').$type<'starting' | 'started' | 'failed'>().notNull().default('starting'),
    rowCount: integer('row_count').notNull(),
    taskCount: integer('task_count').notNull(),
    startedCount: integer('started_count').notNull().default(0),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    ...lifecycleDates,
  },
  (t) => [uniqueIndex('import_jobs_plan_file_sheet_uq').on(t.planId, t.fileSha256, t.sheetName)],
);
