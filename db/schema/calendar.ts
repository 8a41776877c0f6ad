import { date, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { lifecycleDates } from './lifecycle';

/**
 * The government's yearly announcements on top of the fixed holidays computed in code: extra days
 * off (nghỉ bù, ngày nghỉ liền kề) and weekend days made working days (làm bù). Admins amend it.
 */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').$type<'off' | 'work'>().notNull(),
  name: text('name').notNull(),
  source: text('source').$type<'decree' | 'admin'>().notNull().default('admin'),
  createdBy: uuid('created_by'),
  ...lifecycleDates,
});
