import { describe, expect, it } from 'vitest';
import { isValidIsoDate, parseTimeframe } from '../../domain/timeframe';
import { formatVnNumber, parseVnNumber } from '../../domain/vn-number';

const plan = { periodStart: '2021-01-01', periodEnd: '2025-12-31' };

describe('parseTimeframe', () => {
  it.each([
    ['2021', '2021-01-01', '2021-12-31'],
    ['2020-2025', '2020-01-01', '2025-12-31'],
    ['2022 - 2025', '2022-01-01', '2025-12-31'],
    ['2019 -2020', '2019-01-01', '2020-12-31'],
    ['2021–2025', '2021-01-01', '2025-12-31'],
    ['2021-25', '2021-01-01', '2025-12-31'],
    ['Năm 2022', '2022-01-01', '2022-12-31'],
    ['năm 2024.', '2024-01-01', '2024-12-31'],
    ['Giai đoạn 2021-2025', '2021-01-01', '2025-12-31'],
    ['Từ năm 2021 đến năm 2023', '2021-01-01', '2023-12-31'],
    ['Quý II/2022', '2022-04-01', '2022-06-30'],
    ['Quý 4/2023', '2023-10-01', '2023-12-31'],
    ['quý I năm 2024', '2024-01-01', '2024-03-31'],
    ['Quý I/2022 - Quý III/2023', '2022-01-01', '2023-09-30'],
    ['6 tháng đầu năm 2022', '2022-01-01', '2022-06-30'],
    ['6 tháng cuối năm 2022', '2022-07-01', '2022-12-31'],
    ['Tháng 6/2022', '2022-06-01', '2022-06-30'],
    ['tháng 2 năm 2024', '2024-02-01', '2024-02-29'],
    ['02/2023', '2023-02-01', '2023-02-28'],
    ['30/6/2022', '2022-06-30', '2022-06-30'],
    ['2022-06-30', '2022-06-30', '2022-06-30'],
    ['Trong năm 2022', '2022-01-01', '2022-12-31'],
  ])('"%s" → %s … %s', (text, start, end) => {
    expect(parseTimeframe(text, plan)).toEqual({ ok: true, start, end, fromPlan: false });
  });

  it('a deadline alone starts at the plan start, or on 1/1 of its year when the plan starts later', () => {
    expect(parseTimeframe('Trước ngày 30/6/2022', plan)).toMatchObject({ ok: true, start: '2021-01-01', end: '2022-06-30' });
    expect(parseTimeframe('Chậm nhất 31/3/2020', plan)).toMatchObject({ ok: true, start: '2020-01-01', end: '2020-03-31' });
    expect(parseTimeframe('đến năm 2023', plan)).toMatchObject({ ok: true, start: '2021-01-01', end: '2023-12-31' });
  });

  it('blank, "thường xuyên" and "hằng năm" mean the plan period', () => {
    for (const text of ['', '   ', undefined, null, 'Thường xuyên', 'Hằng năm']) {
      expect(parseTimeframe(text, plan)).toEqual({ ok: true, start: plan.periodStart, end: plan.periodEnd, fromPlan: true });
    }
  });

  it('accepts decomposed Unicode (NFD) as well as composed', () => {
    expect(parseTimeframe('Quý II/2022'.normalize('NFD'), plan)).toMatchObject({ ok: true, start: '2022-04-01' });
    expect(parseTimeframe('6 tháng đầu năm 2022'.normalize('NFD'), plan)).toMatchObject({ ok: true, end: '2022-06-30' });
  });

  it.each([
    ['31/02/2022', /không có thật/],
    ['29/02/2023', /không có thật/],
    ['Quý V/2022', /Quý "V" không có/],
    ['Quý 5/2022', /không có/],
    ['Tháng 13/2022', /Tháng 13 không có/],
    ['2025-2021', /kết thúc trước/],
    ['Năm 3022', /ngoài khoảng/],
    ['sớm nhất có thể', /Không hiểu thời gian/],
  ])('"%s" is a problem', (text, message) => {
    const r = parseTimeframe(text, plan);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('leap years', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(parseTimeframe('Quý I/2024', plan)).toMatchObject({ end: '2024-03-31' });
    expect(parseTimeframe('Tháng 2/2100', plan)).toMatchObject({ end: '2100-02-28' });
  });
});

describe('parseVnNumber', () => {
  it.each([
    ['1.200', 1200],
    ['7.184,4', 7184.4],
    ['1,5', 1.5],
    ['0,25', 0.25],
    ['1.200.000', 1200000],
    ['12.345.678,9', 12345678.9],
    ['1 200', 1200],
    ['1\u00a0200,5', 1200.5],
    ['350', 350],
    [' 42 ', 42],
    ['-3,5', -3.5],
    // English-locale tables where the grouping leaves no doubt.
    ['1,200,000', 1200000],
    ['1,234.5', 1234.5],
    ['7184.4', 7184.4],
  ])('"%s" → %d', (text, n) => {
    expect(parseVnNumber(text)).toBeCloseTo(n, 9);
  });

  it.each(['', 'abc', '1.2.3', '12 triệu', '1,2,3', '--1'])('"%s" is not a number', (text) => {
    expect(parseVnNumber(text)).toBeUndefined();
  });

  it('formats back the Vietnamese way', () => {
    expect(formatVnNumber(7184.4)).toBe('7.184,4');
    expect(parseVnNumber(formatVnNumber(1234567.25))).toBe(1234567.25);
  });
});
