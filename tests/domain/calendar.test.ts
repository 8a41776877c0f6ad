/**
 * The working-day calendar against facts: Tết dates and lunar dates the government's notices state,
 * the days off those notices decided, and — for 2027, which had no notice — the law's rules, commented
 * as such. Sources are named in domain/calendar/announcements.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  WorkingCalendar,
  atLocalHour,
  addDays,
  hungKingsDate,
  localDate,
  lunarToSolar,
  nationalDayAdjacent,
  solarToLunar,
  tetDate,
  type CalendarDay,
} from '../../domain/calendar';
import { dayNumber, fromDayNumber } from '../../domain/calendar/dates';

const cal = new WorkingCalendar({ amendments: [] });
/** The law alone, without the shipped notices. */
const lawOnly = new WorkingCalendar({ amendments: [] }, []);

function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const offDays = (c: WorkingCalendar, from: string, to: string) => datesBetween(from, to).filter((d) => !c.isWorkingDay(d));

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('puts mùng 1 Tết on the officially announced dates', () => {
    expect(tetDate(2024)).toBe('2024-02-10');
    expect(tetDate(2025)).toBe('2025-01-29');
    expect(tetDate(2026)).toBe('2026-02-17');
    expect(tetDate(2027)).toBe('2027-02-06');
  });

  it('agrees with the lunar dates the holiday notices print', () => {
    // 5015/TB-LĐTBXH: 8/2/2024 is 29 tháng Chạp Quý Mão, 14/2/2024 mùng 5 tháng Giêng Giáp Thìn.
    expect(solarToLunar('2024-02-08')).toEqual({ day: 29, month: 12, year: 2023, leap: false });
    expect(solarToLunar('2024-02-14')).toEqual({ day: 5, month: 1, year: 2024, leap: false });
    // 6150/TB-BLĐTBXH: 25/1/2025 is 26 tháng Chạp Giáp Thìn, 2/2/2025 mùng 5 tháng Giêng Ất Tỵ.
    expect(solarToLunar('2025-01-25')).toEqual({ day: 26, month: 12, year: 2024, leap: false });
    expect(solarToLunar('2025-02-02')).toEqual({ day: 5, month: 1, year: 2025, leap: false });
    // 9441/TB-BNV: 14/2/2026 is 27 tháng Chạp Ất Tỵ, 16/2 the 29th (its last day), 22/2/2026 mùng 6 Bính Ngọ.
    expect(solarToLunar('2026-02-14')).toEqual({ day: 27, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2026-02-22')).toEqual({ day: 6, month: 1, year: 2026, leap: false });
    expect(lunarToSolar({ day: 6, month: 1, year: 2026, leap: false })).toBe('2026-02-22');
  });

  it("keeps Vietnam's Tết where it differs from China's (UTC+8)", () => {
    // 1968: the new moon at 16:29 UTC on 29/1 is 23:29 in Hanoi, 00:29 on 30/1 in Beijing.
    expect(tetDate(1968)).toBe('1968-01-29');
    // 1985: the month-11 difference put Vietnam's Tết a whole month before China's (20/2/1985).
    expect(tetDate(1985)).toBe('1985-01-21');
    // 2007: Vietnam 17/2, China 18/2.
    expect(tetDate(2007)).toBe('2007-02-17');
    // 2030: Vietnam celebrates a day before China, whose Spring Festival is 3/2/2030.
    expect(tetDate(2030)).toBe('2030-02-02');
  });

  it('finds Giỗ Tổ Hùng Vương (10/3 âm lịch)', () => {
    expect(hungKingsDate(2024)).toBe('2024-04-18');
    expect(hungKingsDate(2025)).toBe('2025-04-07'); // Monday, as the 2025 notices say
    expect(hungKingsDate(2026)).toBe('2026-04-26'); // a Sunday
    expect(hungKingsDate(2027)).toBe('2027-04-16');
  });

  it('rejects a leap month the year does not have, and a 30th in a 29-day month', () => {
    // Ất Tỵ (2025) has a leap 6th month; Bính Ngọ (2026) has none; tháng Chạp Ất Tỵ has 29 days (16/2/2026 is its last).
    const leapSixth = lunarToSolar({ day: 1, month: 6, year: 2025, leap: true });
    expect(leapSixth > lunarToSolar({ day: 1, month: 6, year: 2025, leap: false })).toBe(true);
    expect(solarToLunar(leapSixth)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(() => lunarToSolar({ day: 1, month: 5, year: 2026, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toThrow(RangeError);
  });
});

describe('days off', () => {
  it('Tết 2026: Saturday 14/2 to Sunday 22/2 (9441/TB-BNV)', () => {
    expect(offDays(cal, '2026-02-12', '2026-02-24')).toEqual(datesBetween('2026-02-14', '2026-02-22'));
    expect(cal.dayOff('2026-02-17')).toEqual({ kind: 'holiday', name: 'Tết Nguyên Đán (mùng 1 tháng Giêng)' });
    expect(cal.dayOff('2026-02-14')).toEqual({ kind: 'weekend' });
    expect(cal.dayOff('2026-02-13')).toBeUndefined();
  });

  it("Tết 2027, by the law's rule (no notice yet): Thursday 4/2 to Wednesday 10/2", () => {
    // Rule: 28 and 29 tháng Chạp (4–5/2) and mùng 1–3 (6–8/2); mùng 1 and 2 fall on Saturday and
    // Sunday, so Điều 111 khoản 3 adds Tuesday 9/2 and Wednesday 10/2.
    expect(offDays(cal, '2027-02-01', '2027-02-14')).toEqual(datesBetween('2027-02-04', '2027-02-10').concat(['2027-02-13', '2027-02-14']));
    expect(cal.dayOff('2027-02-04')).toEqual({ kind: 'holiday', name: 'Tết Nguyên Đán (28 tháng Chạp)' });
    expect(cal.dayOff('2027-02-09')?.kind).toBe('off');
    expect(cal.isWorkingDay('2027-02-03')).toBe(true);
    expect(cal.isWorkingDay('2027-02-11')).toBe(true);
  });

  it('Quốc khánh 2025: Saturday 30/8 to Tuesday 2/9, Monday 1/9 the adjacent day (6150/TB-BLĐTBXH)', () => {
    expect(offDays(cal, '2025-08-28', '2025-09-04')).toEqual(['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02']);
    expect(cal.dayOff('2025-09-01')).toEqual({ kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' });
    expect(cal.dayOff('2025-09-02')).toEqual({ kind: 'holiday', name: 'Quốc khánh (2/9)' });
  });

  it('30/4–1/5 2025: Wednesday 30/4 to Sunday 4/5, Friday 2/5 swapped for Saturday 26/4', () => {
    expect(offDays(cal, '2025-04-25', '2025-05-06')).toEqual(['2025-04-27', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04']);
    expect(cal.isWorkingDay('2025-04-26')).toBe(true); // a Saturday worked (làm bù)
    expect(cal.dayOff('2025-05-02')).toEqual({ kind: 'off', name: 'Nghỉ hoán đổi dịp 30/4 và 1/5' });
  });

  it('makes up a holiday on a weekend on the next working day (nghỉ bù)', () => {
    // Giỗ Tổ 2026 is Sunday 26/4: Monday 27/4 is off, Tuesday 28/4 is worked.
    expect(cal.dayOff('2026-04-27')).toEqual({ kind: 'off', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
    // 1/5/2027 is a Saturday (law's rule, no notice yet): made up on Monday 3/5.
    expect(cal.dayOff('2027-05-03')?.kind).toBe('off');
    expect(cal.isWorkingDay('2027-05-04')).toBe(true);
  });

  it("2026's swaps: Tết Dương lịch (12729/VPCP-KGVX) and Quốc khánh (9441/TB-BNV)", () => {
    expect(offDays(cal, '2025-12-31', '2026-01-10')).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(offDays(cal, '2026-08-21', '2026-09-03')).toEqual(['2026-08-23', '2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02']);
    expect(cal.isWorkingDay('2026-08-22')).toBe(true);
  });

  it('2024 (5015/TB-LĐTBXH, 2450/VPCP-KGVX): Tết 8–14/2, 27/4–1/5 with Saturday 4/5 worked, 31/8–3/9', () => {
    expect(offDays(cal, '2024-02-07', '2024-02-15')).toEqual(datesBetween('2024-02-08', '2024-02-14'));
    expect(offDays(cal, '2024-04-26', '2024-05-05')).toEqual(['2024-04-27', '2024-04-28', '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-05']);
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
    expect(offDays(cal, '2024-08-30', '2024-09-04')).toEqual(['2024-08-31', '2024-09-01', '2024-09-02', '2024-09-03']);
  });

  it("the law's default rules give the working days the 2024–2026 notices decided for Tết and Quốc khánh", () => {
    // The rule is what 2027 relies on: check it against the years whose notices are known.
    for (const [from, to] of [
      ['2024-01-15', '2024-03-01'],
      ['2025-01-10', '2025-02-20'],
      ['2026-02-01', '2026-03-01'],
      ['2024-08-25', '2024-09-10'],
      ['2025-08-25', '2025-09-10'],
    ] as const) {
      expect(offDays(lawOnly, from, to)).toEqual(offDays(cal, from, to));
    }
    expect(nationalDayAdjacent(2024)).toBe('2024-09-03');
    expect(nationalDayAdjacent(2025)).toBe('2025-09-01');
    expect(nationalDayAdjacent(2026)).toBe('2026-09-01');
  });

  it("lists 2026's days, with where each comes from", () => {
    const summary = (d: CalendarDay) => `${d.date} ${d.kind} ${d.source}`;
    expect(cal.nonWorkingDays(2026).map(summary)).toEqual([
      '2026-01-01 holiday law',
      '2026-01-02 off decree',
      '2026-01-10 work decree',
      '2026-02-16 holiday decree',
      '2026-02-17 holiday decree',
      '2026-02-18 holiday decree',
      '2026-02-19 holiday decree',
      '2026-02-20 holiday decree',
      '2026-04-26 holiday law',
      '2026-04-27 off law',
      '2026-04-30 holiday law',
      '2026-05-01 holiday law',
      '2026-08-22 work decree',
      '2026-08-31 off decree',
      '2026-09-01 holiday decree',
      '2026-09-02 holiday law',
      // Ngày Văn hóa Việt Nam, Nghị quyết 28/2026/QH16 (in force 1/7/2026); a Tuesday in 2026.
      '2026-11-24 holiday law',
    ]);
    expect(cal.nonWorkingDays(2026).find((d) => d.date === '2026-02-16')?.document).toContain('9441/TB-BNV');
  });
});

describe('amendments', () => {
  it('an administrator overrides the law and the notices, date by date', () => {
    const amended = new WorkingCalendar({
      amendments: [
        { date: '2027-02-10', kind: 'work', name: 'Thông báo năm 2027 không cho nghỉ ngày này', source: 'admin' },
        { date: '2026-01-02', kind: 'work', name: 'Làm việc bình thường' },
        { date: '2026-03-04', kind: 'off', name: 'Nghỉ theo quyết định của UBND tỉnh', source: 'admin' },
      ],
    });
    expect(amended.isWorkingDay('2027-02-10')).toBe(true);
    expect(amended.isWorkingDay('2026-01-02')).toBe(true);
    expect(amended.dayOff('2026-03-04')).toEqual({ kind: 'off', name: 'Nghỉ theo quyết định của UBND tỉnh' });
    expect(amended.nonWorkingDays(2026).find((d) => d.date === '2026-01-02')).toEqual({ date: '2026-01-02', kind: 'work', name: 'Làm việc bình thường', source: 'admin' });
  });

  it("applies a notice recorded in the table for a year the code does not ship, and the shipped text wins where both have a day", () => {
    const data = {
      amendments: [
        { date: '2028-05-02', kind: 'off' as const, name: 'Nghỉ hoán đổi dịp 30/4 và 1/5', source: 'decree' as const },
        { date: '2026-02-16', kind: 'off' as const, name: 'Tết (bản ghi trong bảng)', source: 'decree' as const },
      ],
    };
    const c = new WorkingCalendar(data);
    expect(c.dayOff('2028-05-02')).toEqual({ kind: 'off', name: 'Nghỉ hoán đổi dịp 30/4 và 1/5' });
    expect(c.nonWorkingDays(2026).find((d) => d.date === '2026-02-16')).toMatchObject({ kind: 'holiday', source: 'decree', name: 'Tết Nguyên Đán (29 tháng Chạp)' });
  });
});

describe('working-day arithmetic', () => {
  it('counts working days forward across Tết 2027', () => {
    expect(cal.addWorkingDays('2027-02-03', 0)).toBe('2027-02-03');
    expect(cal.addWorkingDays('2027-02-03', 1)).toBe('2027-02-11');
    // From Monday 1/2: Tue 2/2, Wed 3/2, then Tết, then Thu 11/2, Fri 12/2, Mon 15/2.
    expect(cal.addWorkingDays('2027-02-01', 5)).toBe('2027-02-15');
    expect(cal.addWorkingDays('2027-02-08', 0)).toBe('2027-02-11');
    expect(cal.addWorkingDays('2027-02-06', 1)).toBe('2027-02-11');
    expect(cal.addWorkingDays('2027-02-06', 2)).toBe('2027-02-12');
  });

  it('counts working days backward across Tết 2027', () => {
    expect(cal.workingDaysBefore('2027-02-11', 1)).toBe('2027-02-03');
    expect(cal.workingDaysBefore('2027-02-15', 3)).toBe('2027-02-03');
    expect(cal.workingDaysBefore('2027-02-09', 0)).toBe('2027-02-03');
    expect(cal.workingDaysBefore('2027-02-09', 1)).toBe('2027-02-03');
    expect(cal.workingDaysBefore('2027-02-09', 2)).toBe('2027-02-02');
  });

  it('counts the working days in (from, to]', () => {
    expect(cal.workingDaysBetween('2027-02-03', '2027-02-11')).toBe(1);
    expect(cal.workingDaysBetween('2027-02-01', '2027-02-15')).toBe(5);
    expect(cal.workingDaysBetween('2027-02-15', '2027-02-01')).toBe(-5);
    expect(cal.workingDaysBetween('2027-02-04', '2027-02-04')).toBe(0);
    for (const n of [1, 7, 30]) expect(cal.workingDaysBetween('2026-12-20', cal.addWorkingDays('2026-12-20', n))).toBe(n);
  });

  it('rejects a negative or fractional count, and a date that does not exist', () => {
    expect(() => cal.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => cal.workingDaysBefore('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('30/04/2026')).toThrow(RangeError);
  });
});

describe('instants in Asia/Ho_Chi_Minh', () => {
  it('converts between instants and local dates at UTC+7', () => {
    expect(localDate(Date.parse('2026-02-16T16:59:59.999Z'))).toBe('2026-02-16');
    expect(localDate(Date.parse('2026-02-16T17:00:00Z'))).toBe('2026-02-17');
    expect(atLocalHour('2026-02-23', 8)).toBe(Date.parse('2026-02-23T08:00:00+07:00'));
    expect(atLocalHour('2026-02-23', 0)).toBe(Date.parse('2026-02-22T17:00:00Z'));
  });

  it('lands on 08:00 +07:00 of the first working day after a holiday block', () => {
    // Mùng 1 Tết 2026, 10:00 in Hanoi: the office reopens Monday 23/2.
    expect(cal.nextWorkingDayAt(Date.parse('2026-02-17T10:00:00+07:00'))).toBe(Date.parse('2026-02-23T08:00:00+07:00'));
    // Friday 13/2 after 08:00: the next 08:00 on a working day is after Tết.
    expect(cal.nextWorkingDayAt(Date.parse('2026-02-13T08:00:01+07:00'))).toBe(Date.parse('2026-02-23T08:00:00+07:00'));
    // 30/4–4/5 2025: from the evening of Tuesday 29/4 to Monday 5/5.
    expect(cal.nextWorkingDayAt(Date.parse('2025-04-29T17:30:00+07:00'))).toBe(Date.parse('2025-05-05T08:00:00+07:00'));
  });

  it('keeps an instant that already is 08:00 on a working day, and takes another hour when asked', () => {
    const friday8 = Date.parse('2026-02-13T08:00:00+07:00');
    expect(cal.nextWorkingDayAt(friday8)).toBe(friday8);
    expect(cal.nextWorkingDayAt(Date.parse('2026-02-13T07:00:00+07:00'))).toBe(friday8);
    expect(cal.nextWorkingDayAt(Date.parse('2026-02-13T07:00:00+07:00'), 14)).toBe(Date.parse('2026-02-13T14:00:00+07:00'));
    // Saturday 10/1/2026 is worked (làm bù for 2/1).
    expect(cal.nextWorkingDayAt(Date.parse('2026-01-09T09:00:00+07:00'))).toBe(Date.parse('2026-01-10T08:00:00+07:00'));
  });
});

describe('date arithmetic without Date objects', () => {
  // The reference: what a JavaScript Date says of the same day.
  const byDate = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

  it('gives every day from 1600 to 2400 the number and the text a Date gives it', () => {
    const wrong: string[] = [];
    for (let n = dayNumber('1600-01-01'); n <= dayNumber('2400-12-31'); n++) {
      const text = byDate(n);
      if (fromDayNumber(n) !== text || dayNumber(text) !== n) wrong.push(`${n} ${text}`);
    }
    expect(wrong).toEqual([]);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(dayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(fromDayNumber(dayNumber('9999-12-31'))).toBe('9999-12-31');
  });

  it('refuses text that is not a date, and dates that do not exist', () => {
    for (const bad of ['2026-1-05', '2026/01/05', '2026-01-05T00:00', ' 2026-01-05', '2026-0a-05', '', '20260105']) {
      expect(() => dayNumber(bad), bad).toThrow(/không đúng dạng/);
    }
    for (const unreal of ['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01']) {
      expect(() => dayNumber(unreal), unreal).toThrow(/không có thật/);
    }
    expect(dayNumber('2024-02-29')).toBe(dayNumber('2024-02-28') + 1);
    expect(dayNumber('2000-02-29')).toBe(dayNumber('2000-03-01') - 1);
    expect(() => fromDayNumber(dayNumber('9999-12-31') + 1)).toThrow(/nằm ngoài các năm 1–9999/);
    expect(() => fromDayNumber(0.5)).toThrow(/phải là số nguyên/);
    expect(() => fromDayNumber(Number.NaN)).toThrow(/phải là số nguyên/);
  });
});
