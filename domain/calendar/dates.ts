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

const CHAR_0 = 48;
/** The value of the `count` decimal digits of `text` from `at`, or NaN if one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - CHAR_0;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in month `m` (1–12) of year `y`. */
export const daysInMonth = (y: number, m: number) => (m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!);

// Date arithmetic on the proleptic Gregorian calendar without Date objects (H. Hinnant's
// days_from_civil / civil_from_days): the working-day calendar calls these thousands of times per
// reminder plan, and parsing through a RegExp and a Date costs several times more.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(n: number): [year: number, month: number, day: number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - Math.floor((153 * mp + 2) / 5) + 1];
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws on text that is not a real date. */
export function dayNumber(date: string): number {
  const [year, month, day] = [digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2)];
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || Number.isNaN(year + month + day)) {
    throw new RangeError(`Ngày "${date}" không đúng dạng YYYY-MM-DD.`);
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Ngày "${date}" không có thật.`);
  }
  return daysFromCivil(year, month, day);
}

/** The `YYYY-MM-DD` date of a day number (years 1 to 9999). */
export function fromDayNumber(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Số ngày "${n}" phải là số nguyên.`);
  const [year, month, day] = civilFromDays(n);
  if (year < 1 || year > 9999) throw new RangeError(`Ngày thứ ${n} nằm ngoài các năm 1–9999.`);
  return ymd(year, month, day);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

export function ymd(year: number, month: number, day: number): string {
  return `${year >= 1000 ? year : String(year).padStart(4, '0')}-${TWO_DIGITS[month] ?? String(month).padStart(2, '0')}-${TWO_DIGITS[day] ?? String(day).padStart(2, '0')}`;
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
