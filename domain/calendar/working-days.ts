/**
 * The working-day calendar of Vietnam's civil service: Monday to Friday, less the public holidays and
 * their make-up days (computed from the law), the government's notices (shipped with the code) and the
 * administrators' amendments (the `calendar_days` table), each layer overriding the one before by date.
 * Pure and deterministic, so workflows can build one from `loadCalendar`'s answer and replay it.
 */
import { ANNOUNCEMENTS, type Announcement } from './announcements';
import { addDays, atLocalHour, dayNumber, isWeekend, localDate, yearOf } from './dates';
import { compensatoryDays, lawHolidays, type SettledOccasion } from './holidays';
import type { CalendarAmendment, CalendarData, CalendarDay, DayOff } from './types';

/** Far more consecutive days off than any calendar has: a longer run means the amendments are wrong. */
const MAX_SCAN_DAYS = 3_660;

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} phải là số nguyên không âm (nhận được ${n}).`);
}

export class WorkingCalendar {
  private readonly years = new Map<number, Map<string, CalendarDay>>();
  /** Answers already given: a reminder plan asks about the same few hundred days again and again. */
  private readonly working = new Map<string, boolean>();
  private readonly decreeAmendments: CalendarAmendment[];
  private readonly adminAmendments: CalendarAmendment[];

  /**
   * @param data the `calendar_days` rows (`loadCalendar`'s answer).
   * @param announcements the government notices; the shipped ones unless a test wants the law alone.
   */
  constructor(
    data: CalendarData,
    private readonly announcements: readonly Announcement[] = ANNOUNCEMENTS,
  ) {
    for (const a of data.amendments) dayNumber(a.date); // reject malformed rows here, not at first use
    this.decreeAmendments = data.amendments.filter((a) => a.source === 'decree');
    this.adminAmendments = data.amendments.filter((a) => a.source !== 'decree');
  }

  /** Every day of `year` that differs from the plain weekday/weekend pattern or is a holiday on a weekend. */
  private yearDays(year: number): Map<string, CalendarDay> {
    const cached = this.years.get(year);
    if (cached) return cached;
    const days = new Map<string, CalendarDay>();
    const inYear = (date: string) => yearOf(date) === year;
    const notices = this.announcements.filter((a) => a.year === year);
    const settled = new Set<SettledOccasion>(notices.flatMap((a) => a.settles));

    const holidays = lawHolidays(year, settled);
    for (const h of holidays) days.set(h.date, { date: h.date, kind: 'holiday', name: h.name, source: 'law' });
    // The notices' days as recorded in the table first, then as shipped: the code carries the notice's text.
    for (const a of this.decreeAmendments.filter((x) => inYear(x.date))) days.set(a.date, { date: a.date, kind: a.kind, name: a.name, source: 'decree' });
    for (const d of this.announcements.flatMap((a) => a.days).filter((x) => inYear(x.date))) {
      days.set(d.date, { date: d.date, kind: d.kind, name: d.name, source: 'decree', document: d.document });
    }
    // Make-up days for the holidays whose occasion no notice settled (a notice lists its own).
    const unsettled = holidays.filter((h) => !settled.has(h.occasion as SettledOccasion));
    const isOff = (date: string) => {
      const day = days.get(date);
      return day !== undefined && day.kind !== 'work';
    };
    for (const c of compensatoryDays(unsettled, isOff)) {
      if (!days.has(c.date)) days.set(c.date, { date: c.date, kind: 'off', name: c.name, source: 'law' });
    }
    for (const a of this.adminAmendments.filter((x) => inYear(x.date))) days.set(a.date, { date: a.date, kind: a.kind, name: a.name, source: 'admin' });

    this.years.set(year, days);
    return days;
  }

  private special(date: string): CalendarDay | undefined {
    dayNumber(date); // validates
    return this.yearDays(yearOf(date)).get(date);
  }

  isWorkingDay(date: string): boolean {
    let answer = this.working.get(date);
    if (answer === undefined) {
      const day = this.special(date);
      answer = day ? day.kind === 'work' : !isWeekend(date);
      this.working.set(date, answer);
    }
    return answer;
  }

  /** Why `date` is not a working day, or undefined when it is one. */
  dayOff(date: string): DayOff | undefined {
    const day = this.special(date);
    if (day) return day.kind === 'work' ? undefined : { kind: day.kind, name: day.name };
    return isWeekend(date) ? { kind: 'weekend' } : undefined;
  }

  /** The next working day on or after `date`, stepping by `step` (+1 or -1). */
  private scan(date: string, step: 1 | -1): string {
    let d = date;
    for (let i = 0; !this.isWorkingDay(d); i++) {
      if (i > MAX_SCAN_DAYS) throw new RangeError(`Không có ngày làm việc nào trong ${MAX_SCAN_DAYS} ngày kể từ ${date}.`);
      d = addDays(d, step);
    }
    return d;
  }

  /** The `n`-th working day after `date`; with n = 0, `date` itself if it is a working day, else the next one. */
  addWorkingDays(date: string, n: number): string {
    assertCount(n, 'Số ngày làm việc');
    let d = this.scan(date, 1);
    if (n > 0 && d !== date) n--; // the first working day after a day off is already one step forward
    for (let i = 0; i < n; i++) d = this.scan(addDays(d, 1), 1);
    return d;
  }

  /** The `n`-th working day before `date`; with n = 0, `date` itself if it is a working day, else the one before. */
  workingDaysBefore(date: string, n: number): string {
    assertCount(n, 'Số ngày làm việc');
    let d = this.scan(date, -1);
    if (n > 0 && d !== date) n--;
    for (let i = 0; i < n; i++) d = this.scan(addDays(d, -1), -1);
    return d;
  }

  /** The number of working days in (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b < a) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let d = addDays(from, 1), i = a + 1; i <= b; i++, d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /** The first instant at or after `instantMs` that is `hour`:00 Asia/Ho_Chi_Minh on a working day. */
  nextWorkingDayAt(instantMs: number, hour = 8): number {
    let date = localDate(instantMs);
    if (atLocalHour(date, hour) < instantMs) date = addDays(date, 1);
    return atLocalHour(this.scan(date, 1), hour);
  }

  /** The year's holidays and days off other than plain weekends, and its weekend days worked, by date. */
  nonWorkingDays(year: number): CalendarDay[] {
    if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Năm "${year}" không hợp lệ.`);
    return [...this.yearDays(year).values()].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ ...d }));
  }
}
