/**
 * The public holidays the law fixes (Bộ luật Lao động 2019, Điều 112 khoản 1), computed for a year, and
 * the rule of Điều 111 khoản 3: a holiday that falls on a weekly rest day is made up (nghỉ bù) on the
 * next working day. Điều 112 khoản 3 leaves two choices to the Prime Minister each year (which five days
 * are Tết, and whether 1/9 or 3/9 joins 2/9); the yearly notices in `announcements.ts` record them, and
 * for a year without a notice the rules below make them the way recent notices did.
 */
import { addDays, isWeekend, weekday, ymd } from './dates';
import { byYear, hungKingsDate, lunarLabel, solarToLunar, tetDate } from './lunar';

/** The occasions of Điều 112 khoản 1, and Ngày Văn hóa Việt Nam. */
export type HolidayOccasion = 'new_year' | 'tet' | 'hung_kings' | 'victory' | 'labour' | 'national_day' | 'culture_day';

/** The occasions whose days a yearly notice decides (Điều 112 khoản 3). */
export type SettledOccasion = Extract<HolidayOccasion, 'tet' | 'national_day'>;

export interface LawHoliday {
  date: string;
  occasion: HolidayOccasion;
  name: string;
}

/**
 * Ngày Văn hóa Việt Nam (24/11) is a paid day off from 2026 under Nghị quyết 28/2026/QH16 (in force
 * 1/7/2026), which implements Nghị quyết 80-NQ/TW. It is not one of Điều 112's days, so Điều 111's
 * make-up does not extend to it.
 */
export const CULTURE_DAY_FIRST_YEAR = 2026;

/**
 * Tết's five days when no notice says: the last two days of the old lunar year and mùng 1–3, the split
 * of the notices for 2024 (5015/TB-LĐTBXH) and 2025 (6150/TB-BLĐTBXH). The 2026 notice (9441/TB-BNV)
 * chose 29 tháng Chạp and mùng 1–4 instead; with the made-up Sunday the working days come out the same.
 */
export function tetDays(year: number): LawHoliday[] {
  return tetDaysOf(year).map((d) => ({ ...d }));
}
const tetDaysOf = byYear((year): LawHoliday[] => {
  const tet = tetDate(year);
  return [-2, -1, 0, 1, 2].map((offset) => {
    const date = addDays(tet, offset);
    return { date, occasion: 'tet' as const, name: `Tết Nguyên Đán (${lunarLabel(solarToLunar(date))})` };
  });
});

/**
 * The day that joins Quốc khánh when no notice says: the side that reaches the weekend, as the notices
 * did — Monday 2/9/2024 took 3/9, Tuesday 2/9/2025 and Wednesday 2/9/2026 took 1/9. Thursday takes the
 * Friday; Friday and Saturday take the day before; Sunday takes the Monday.
 */
export function nationalDayAdjacent(year: number): string {
  const day = weekday(ymd(year, 9, 2));
  const after = day === 0 || day === 1 || day === 4;
  return ymd(year, 9, after ? 3 : 1);
}

/**
 * The holidays of Điều 112 khoản 1 in `year`. For an occasion in `settled`, a notice names the days
 * the law leaves open (and their make-up days), so only the fixed date is given here.
 */
export function lawHolidays(year: number, settled: ReadonlySet<SettledOccasion> = new Set()): LawHoliday[] {
  const days: LawHoliday[] = [{ date: ymd(year, 1, 1), occasion: 'new_year', name: 'Tết Dương lịch' }];
  if (!settled.has('tet')) days.push(...tetDays(year));
  days.push(
    { date: hungKingsDate(year), occasion: 'hung_kings', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: ymd(year, 4, 30), occasion: 'victory', name: 'Ngày Chiến thắng (30/4)' },
    { date: ymd(year, 5, 1), occasion: 'labour', name: 'Ngày Quốc tế lao động (1/5)' },
    { date: ymd(year, 9, 2), occasion: 'national_day', name: 'Quốc khánh (2/9)' },
  );
  if (!settled.has('national_day')) {
    days.push({ date: nationalDayAdjacent(year), occasion: 'national_day', name: 'Quốc khánh (ngày liền kề)' });
  }
  if (year >= CULTURE_DAY_FIRST_YEAR) days.push({ date: ymd(year, 11, 24), occasion: 'culture_day', name: 'Ngày Văn hóa Việt Nam (24/11)' });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Điều 111 khoản 3: each holiday of Điều 112 that falls on a Saturday or Sunday gives a day off on the
 * next weekday that is not already off. `isOff` tells which days are off before any make-up is given;
 * holidays of settled occasions are left out by the caller, their notice lists their make-up days.
 */
export function compensatoryDays(holidays: readonly LawHoliday[], isOff: (date: string) => boolean): { date: string; name: string }[] {
  const given = new Set<string>();
  const out: { date: string; name: string }[] = [];
  for (const h of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    if (h.occasion === 'culture_day' || !isWeekend(h.date)) continue;
    let date = addDays(h.date, 1);
    // Bounded: a calendar amended to have no weekday free for weeks is an error, not a reason to spin.
    for (let i = 0; isWeekend(date) || isOff(date) || given.has(date); i++) {
      if (i > 60) throw new RangeError(`Không tìm được ngày nghỉ bù cho ${h.name} (${h.date}).`);
      date = addDays(date, 1);
    }
    given.add(date);
    out.push({ date, name: `Nghỉ bù ${h.name}` });
  }
  return out;
}
