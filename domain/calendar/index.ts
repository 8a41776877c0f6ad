/**
 * Vietnam's working-day calendar for deadlines and reminders (DESIGN.md §6). Pure: imported by workflows.
 */
export { WorkingCalendar } from './working-days';
export { localDate, atLocalHour, addDays, weekday, isWeekend, dayNumber, VIETNAM_UTC_OFFSET_HOURS } from './dates';
export { lunarToSolar, solarToLunar, tetDate, hungKingsDate, lunarLabel, VIETNAM_LUNAR_TIME_ZONE, type LunarDate } from './lunar';
export { lawHolidays, tetDays, nationalDayAdjacent, compensatoryDays, CULTURE_DAY_FIRST_YEAR, type HolidayOccasion, type LawHoliday } from './holidays';
export { ANNOUNCEMENTS, type Announcement, type AnnouncedDay } from './announcements';
export * from './types';
