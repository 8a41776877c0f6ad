/** Plain-JSON shapes of the working-day calendar: what the activity loads and what the API lists. */

export const AMENDMENT_KINDS = ['off', 'work'] as const;
/** `off`: a day off that would be worked; `work`: a day worked that would be off (làm bù). */
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

export const AMENDMENT_SOURCES = ['decree', 'admin'] as const;
export type AmendmentSource = (typeof AMENDMENT_SOURCES)[number];

/** A row of `calendar_days`: a government notice's day (`decree`) or an administrator's (`admin`, the default). */
export interface CalendarAmendment {
  date: string;
  kind: AmendmentKind;
  name: string;
  source?: AmendmentSource;
}

/** What `loadCalendar` returns and `WorkingCalendar` is built from. */
export interface CalendarData {
  amendments: CalendarAmendment[];
}

/** One day of a year that is not a plain weekday or a plain weekend day. */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'off' | 'work';
  name: string;
  /** `law`: computed from Bộ luật Lao động; `decree`: a government notice; `admin`: amended here. */
  source: 'law' | 'decree' | 'admin';
  /** The notice that decided it, for the days shipped in `announcements.ts`. */
  document?: string;
}

/** Why a date is not a working day. */
export interface DayOff {
  kind: 'weekend' | 'holiday' | 'off';
  name?: string;
}
