/**
 * The Vietnamese lunar calendar (âm lịch), through `vietnamese-lunar-calendar`: a port of Hồ Ngọc Đức's
 * algorithm (Meeus' new moons and solar longitudes) that takes the time zone as a parameter. Vietnam has
 * computed its lunar calendar for UTC+7 since 1968, China for UTC+8; where a new moon falls between 23:00
 * and 24:00 Hanoi time the two calendars start the month on different days, so Tết differs in some years
 * (1985, 2007, 2030, 2053). Only the library's pure `solar-lunar` functions are imported: its date models
 * read the host's clock and time zone.
 */
import { convertLunar2Solar } from 'vietnamese-lunar-calendar/build/solar-lunar/convert-solar.js';
import { convertSolar2Lunar } from 'vietnamese-lunar-calendar/build/solar-lunar/convert-lunar.js';
import { dayNumber, ymd } from './dates';

/** Giờ Việt Nam (UTC+7), the meridian Vietnam's lunar calendar is computed for. */
export const VIETNAM_LUNAR_TIME_ZONE = 7;

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, numbered like the Gregorian year in which its Tết falls. */
  year: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
}

/** The Gregorian date of a lunar date, in Vietnam's calendar. */
export function lunarToSolar({ day, month, year, leap }: LunarDate): string {
  if (!Number.isInteger(day) || day < 1 || day > 30 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Ngày âm lịch ${day}/${month}/${year} không hợp lệ.`);
  }
  const solar = convertLunar2Solar(day, month, year, leap ? 1 : 0, VIETNAM_LUNAR_TIME_ZONE);
  // The library answers [0, 0, 0] for a leap month that the year does not have.
  if (!(solar instanceof Date)) throw new RangeError(`Năm âm lịch ${year} không có tháng ${month} nhuận.`);
  // It builds the date in the host's local time: read it back the same way.
  const date = ymd(solar.getFullYear(), solar.getMonth() + 1, solar.getDate());
  // It quietly ignores a leap flag in a year without one and runs day 30 of a 29-day month into the
  // next month: a date that does not convert back does not exist.
  const back = solarToLunar(date);
  if (back.day !== day || back.month !== month || back.year !== year || back.leap !== leap) {
    throw new RangeError(`Ngày âm lịch ${day}/${month}${leap ? ' nhuận' : ''}/${year} không có trong lịch.`);
  }
  return date;
}

/** The lunar date of a Gregorian `YYYY-MM-DD` date, in Vietnam's calendar. */
export function solarToLunar(date: string): LunarDate {
  dayNumber(date); // validates
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lunar = convertSolar2Lunar(day, month, year, VIETNAM_LUNAR_TIME_ZONE);
  return { day: lunar.date, month: lunar.month, year: lunar.year, leap: lunar.isLeap };
}

/**
 * A pure function of the year, remembered: the lunar conversion is the costliest step of building a
 * working-day calendar. Safe to share, because the answer never changes; callers must not mutate it.
 */
export function byYear<T>(compute: (year: number) => T): (year: number) => T {
  const known = new Map<number, T>();
  return (year) => {
    if (!known.has(year)) known.set(year, compute(year));
    return known.get(year)!;
  };
}

/** Mùng 1 Tết: the first day of the lunar year that begins in Gregorian `year`. */
export const tetDate = byYear((year) => lunarToSolar({ day: 1, month: 1, year, leap: false }));

/** Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month (never a leap month). */
export const hungKingsDate = byYear((year) => lunarToSolar({ day: 10, month: 3, year, leap: false }));

/** "mùng 3 tháng Giêng", "29 tháng Chạp": how a lunar date is named in a holiday notice. */
export function lunarLabel({ day, month, leap }: LunarDate): string {
  const monthName = month === 1 ? 'Giêng' : month === 12 ? 'Chạp' : String(month);
  return `${day <= 10 ? `mùng ${day}` : day} tháng ${monthName}${leap ? ' nhuận' : ''}`;
}
