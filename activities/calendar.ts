import { and, asc, gte, lte } from 'drizzle-orm';
import { ApplicationFailure } from '@temporalio/common';
import { calendarDays } from '../db/schema';
import type { CalendarData } from '../domain/calendar';
import type { ActivityDeps } from './deps';

/** The working-day calendar's amendments, read for workflows (which may not touch the database). */
export function createCalendarActivities({ db }: Pick<ActivityDeps, 'db'>) {
  return {
    /** Every `calendar_days` row dated in fromYear…toYear, as plain JSON for `new WorkingCalendar(data)`. */
    async loadCalendar({ fromYear, toYear }: { fromYear: number; toYear: number }): Promise<CalendarData> {
      if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || fromYear < 1 || toYear > 9999) {
        throw ApplicationFailure.create({ type: 'InvalidInput', message: `Khoảng năm không hợp lệ: ${fromYear}–${toYear}.`, nonRetryable: true });
      }
      const from = `${String(fromYear).padStart(4, '0')}-01-01`;
      const to = `${String(toYear).padStart(4, '0')}-12-31`;
      const rows = await db
        .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source })
        .from(calendarDays)
        .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)))
        .orderBy(asc(calendarDays.date));
      return { amendments: rows };
    },
  };
}

export type CalendarActivities = ReturnType<typeof createCalendarActivities>;
