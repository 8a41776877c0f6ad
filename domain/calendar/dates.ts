/**
 * Calendar dates as `YYYY-MM-DD` strings and instants as epoch ms, with the arithmetic the working-day
 * calendar needs. Asia/Ho_Chi_Minh is UTC+7 all year (Vietnam has no daylight saving time), so a
 * fixed offset is exact and no time-zone database is needed: workflow code can use it.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Giờ Việt Nam: UTC+7. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;
const OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * HOUR_MS;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws on text that is not a real date. */
export function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Ngày "${date}" không đúng dạng YYYY-MM-DD.`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`Ngày "${date}" không có thật.`);
  }
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday, like `Date.getDay()`. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday: the weekly rest days of the civil service (ngày nghỉ hằng tuần). */
export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

/** The calendar date in Asia/Ho_Chi_Minh of an instant. */
export function localDate(instantMs: number): string {
  if (!Number.isFinite(instantMs)) throw new RangeError('Thời điểm không hợp lệ.');
  return fromDayNumber(Math.floor((instantMs + OFFSET_MS) / DAY_MS));
}

/** Epoch ms of `hour`:00 on `date` in Asia/Ho_Chi_Minh. */
export function atLocalHour(date: string, hour: number): number {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`Giờ "${hour}" phải là số nguyên từ 0 đến 23.`);
  return dayNumber(date) * DAY_MS - OFFSET_MS + hour * HOUR_MS;
}
