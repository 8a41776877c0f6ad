import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { plans } from './plans';
import { lifecycleDates } from './lifecycle';
import type { EvidenceFile } from '../../domain/attachments';

/** One annual reporting cycle of a plan (DESIGN.md §8). */
export const annualCycles = pgTable(
  'annual_cycles',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    year: integer('year').notNull(),
    status: text('status').$type<'requested' | 'compiled'>().notNull().default('requested'),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Agencies asked to report (leads of open or recently completed tasks). */
    agencyCodes: jsonb('agency_codes').$type<string[]>().notNull().default([]),
    compiledAt: timestamp('compiled_at', { withTimezone: true }),
    /** Incremented on each compilation (a late report recompiles). */
    version: integer('version').notNull().default(0),
    report: jsonb('report').$type<Record<string, unknown>>(),
    ...lifecycleDates,
  },
  (t) => [primaryKey({ columns: [t.planId, t.year] })],
);

/** An agency's yearly report; a second submission supersedes the first, which stays as history. */
export const agencyReports = pgTable(
  'agency_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    year: integer('year').notNull(),
    agencyCode: text('agency_code').notNull(),
    summary: text('summary').notNull(),
    /** Per task: the figure, a note, and the evidence files cited. */
    items: jsonb('items').$type<{ taskId: string; percent: number; note?: string; attachments?: EvidenceFile[] }[]>().notNull(),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    onTime: boolean('on_time').notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [index('agency_reports_cycle_idx').on(t.planId, t.year, t.agencyCode)],
);
