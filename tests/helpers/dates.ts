import { addDays, localDate } from '../../domain/calendar';

/**
 * Dates for tests that run against the real clock (the API, the workflows' reminders, overdue flags),
 * counted from today in the province (UTC+7): a test keeps the same distances to its dates on any day
 * it runs, where a fixed date would turn a future deadline into a past one some day.
 */
export const today = (): string => localDate(Date.now());

/** The date `days` days from today (negative: before). */
export const fromToday = (days: number): string => addDays(today(), days);
