import { date, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { PlanSettings } from '../../domain/plan-settings';
import type { ColumnChoice } from '../../domain/import/types';
import { agencies } from './agencies';
import { lifecycleDates } from './lifecycle';

/** A kế hoạch / quyết định whose appendix lists the tasks. */
export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  /** "212/KH-UBND". */
  documentNumber: text('document_number').notNull(),
  /** The issuing authority as the report heading names it: "UBND tỉnh Sơn La". */
  issuer: text('issuer').notNull().default('UBND tỉnh'),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  coordinatorAgencyCode: text('coordinator_agency_code')
    .notNull()
    .references(() => agencies.code, { onUpdate: 'cascade' }),
  settings: jsonb('settings').$type<PlanSettings>().notNull().default({}),
  /** Column choices of this plan's imports (folded header → field), applied to its next appendix. */
  importColumns: jsonb('import_columns').$type<Record<string, ColumnChoice>>().notNull().default({}),
  status: text('status').$type<'active' | 'closed'>().notNull().default('active'),
  createdBy: uuid('created_by'),
  ...lifecycleDates,
});
