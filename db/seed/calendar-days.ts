import type { Db } from '../client';
import { calendarDays } from '../schema';
import { ANNOUNCEMENTS } from '../../domain/calendar';

/**
 * The government's holiday notices shipped with the code (domain/calendar/announcements.ts), copied into
 * `calendar_days` as source 'decree' so that the table shows every day a notice decided. Idempotent: a
 * date that already has a row, an administrator's above all, is left as it is.
 * Returns how many rows were inserted.
 */
export async function seedCalendarDays(db: Db): Promise<number> {
  const rows = ANNOUNCEMENTS.flatMap((a) =>
    a.days.map((d) => ({
      date: d.date,
      // The table records whether the day is worked; which holiday it is stays in the name.
      kind: d.kind === 'work' ? ('work' as const) : ('off' as const),
      name: d.name,
      source: 'decree' as const,
    })),
  );
  if (rows.length === 0) return 0;
  const inserted = await db.insert(calendarDays).values(rows).onConflictDoNothing({ target: calendarDays.date }).returning({ date: calendarDays.date });
  return inserted.length;
}
