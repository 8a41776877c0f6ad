/**
 * Thời gian thực hiện as plan appendices write it — "2021", "2020-2025", "2022 - 2025", "Quý II/2022",
 * "Năm 2022", "6 tháng đầu năm 2022", "Tháng 6/2022", "Trước ngày 30/6/2022", blank — turned into the
 * first and the last day of that period. Pure: dates are `YYYY-MM-DD` strings, no `Date` arithmetic
 * in local time, so the result does not depend on the server's time zone.
 */

export interface PlanPeriod {
  periodStart: string;
  periodEnd: string;
}

export type TimeframeResult =
  | { ok: true; start: string; end: string; /** Blank or "thường xuyên": the plan's own period. */ fromPlan: boolean }
  | { ok: false; message: string };

interface Span {
  /** Absent for "trước ngày …": only the end is given. */
  start?: string;
  end: string;
}

type Parsed = Span | { error: string } | undefined;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written `YYYY-MM-DD` (no 31/02). */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

const MIN_YEAR = 1945;
const MAX_YEAR = 2100;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/** Lower case, no diacritics, en/em dashes as "-", single spaces. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function yearSpan(y: number): Parsed {
  if (y < MIN_YEAR || y > MAX_YEAR) return { error: `Năm ${y} nằm ngoài khoảng hợp lệ (${MIN_YEAR}–${MAX_YEAR}).` };
  return { start: isoDate(y, 1, 1), end: isoDate(y, 12, 31) };
}

function monthsSpan(y: number, fromMonth: number, toMonth: number): Span {
  return { start: isoDate(y, fromMonth, 1), end: isoDate(y, toMonth, daysInMonth(y, toMonth)) };
}

function dateSpan(y: number, m: number, d: number, original: string): Parsed {
  if (y < MIN_YEAR || y > MAX_YEAR) return { error: `Năm ${y} nằm ngoài khoảng hợp lệ.` };
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { error: `Ngày "${original}" không có thật.` };
  const iso = isoDate(y, m, d);
  return { start: iso, end: iso };
}

const SEP = String.raw`\s*(?:\/|-|\.|\s|nam)\s*`;

/** One period, no range. `undefined` when the text is not a period at all. */
function parseSingle(s: string, original: string): Parsed {
  let m: RegExpExecArray | null;
  if ((m = /^(?:nam\s*)?(\d{4})$/.exec(s))) return yearSpan(Number(m[1]));

  if ((m = new RegExp(String.raw`^quy\s*([ivx]+|\d+)${SEP}(\d{4})$`).exec(s))) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    const y = Number(m[2]);
    if (!(q >= 1 && q <= 4)) return { error: `Quý "${m[1]!.toUpperCase()}" không có (chỉ có quý I đến IV).` };
    if (y < MIN_YEAR || y > MAX_YEAR) return { error: `Năm ${y} nằm ngoài khoảng hợp lệ.` };
    return monthsSpan(y, q * 3 - 2, q * 3);
  }

  // "6 tháng đầu năm 2022", "6 tháng cuối năm 2022", "9 tháng đầu năm 2022".
  if ((m = /^(\d{1,2}) thang (dau|cuoi) (?:nam\s*)?(\d{4})$/.exec(s))) {
    const n = Number(m[1]);
    const y = Number(m[3]);
    if (n < 1 || n > 12) return { error: `"${original}": số tháng phải từ 1 đến 12.` };
    return m[2] === 'dau' ? monthsSpan(y, 1, n) : monthsSpan(y, 13 - n, 12);
  }
  if ((m = /^nua (dau|cuoi) (?:nam\s*)?(\d{4})$/.exec(s))) {
    const y = Number(m[2]);
    return m[1] === 'dau' ? monthsSpan(y, 1, 6) : monthsSpan(y, 7, 12);
  }

  if ((m = new RegExp(String.raw`^(?:thang\s*)(\d{1,2})${SEP}(\d{4})$`).exec(s)) || (m = /^(\d{1,2})\/(\d{4})$/.exec(s))) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    if (mo < 1 || mo > 12) return { error: `Tháng ${mo} không có (chỉ có tháng 1 đến 12).` };
    if (y < MIN_YEAR || y > MAX_YEAR) return { error: `Năm ${y} nằm ngoài khoảng hợp lệ.` };
    return monthsSpan(y, mo, mo);
  }

  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return dateSpan(Number(m[1]), Number(m[2]), Number(m[3]), original);
  if ((m = /^(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s)) || (m = /^(?:ngay\s*)?(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(s))) {
    return dateSpan(Number(m[3]), Number(m[2]), Number(m[1]), original);
  }
  return undefined;
}

const isSpan = (p: Parsed): p is Span => !!p && !('error' in p);

/** A range "A - B", "từ A đến B", "2021-25": the start of A to the end of B. */
function parseRange(s: string, original: string): Parsed {
  const single = parseSingle(s, original);
  if (single) return single;

  // "2021-25": the second year written with two digits.
  const short = /^(\d{4})\s*-\s*(\d{2})$/.exec(s);
  if (short) {
    const from = Number(short[1]);
    const to = Math.floor(from / 100) * 100 + Number(short[2]);
    if (to < from) return { error: `"${original}": năm kết thúc trước năm bắt đầu.` };
    return { start: isoDate(from, 1, 1), end: isoDate(to, 12, 31) };
  }

  const separators = /\s*(?:-|~|÷|\bden\b|\btoi\b)\s*/g;
  let firstError: { error: string } | undefined;
  for (const sep of s.matchAll(separators)) {
    const left = s.slice(0, sep.index).trim();
    const right = s.slice(sep.index + sep[0].length).trim();
    if (!left || !right) continue;
    const a = parseSingle(left.replace(/^(?:tu )/, ''), original);
    const b = parseSingle(right, original);
    if (a && 'error' in a) firstError ??= a;
    if (b && 'error' in b) firstError ??= b;
    if (isSpan(a) && isSpan(b)) {
      const start = a.start ?? a.end;
      if (b.end < start) return { error: `"${original}": thời gian kết thúc trước thời gian bắt đầu.` };
      return { start, end: b.end };
    }
  }
  return firstError;
}

/**
 * Parse one timeframe cell. Blank text, "thường xuyên" and "hằng năm" give the plan's period; a
 * deadline alone ("trước ngày 30/6/2022") starts at the plan's start (or on 1/1 of the deadline's
 * year when the plan starts later than that).
 */
export function parseTimeframe(text: string | undefined | null, plan: PlanPeriod): TimeframeResult {
  const original = (text ?? '').replace(/\s+/g, ' ').trim();
  let s = fold(original)
    .replace(/[.;,]+$/, '')
    .replace(/^(?:thoi gian|trien khai|thuc hien|trong|giai doan)\b\s*:?\s*/, '')
    .replace(/^(?:giai doan)\b\s*/, '')
    .trim();
  if (!s) return { ok: true, start: plan.periodStart, end: plan.periodEnd, fromPlan: true };
  if (/^(?:thuong xuyen|hang nam|hang quy|ca giai doan|theo giai doan ke hoach)$/.test(s)) {
    return { ok: true, start: plan.periodStart, end: plan.periodEnd, fromPlan: true };
  }

  // "Trước ngày 30/6/2022", "chậm nhất năm 2022", "đến năm 2025": only the end is given.
  const deadline = /^(?:hoan thanh\s+)?(?:truoc|cham nhat(?: la)?|han|den)\b\s*(?:ngay\b\s*|nam\b\s*)?/.exec(s);
  const deadlineOnly = !!deadline;
  if (deadline) s = s.slice(deadline[0].length).trim();
  s = s.replace(/^tu\s+/, '');

  const parsed = parseRange(s, original);
  if (!parsed) return { ok: false, message: `Không hiểu thời gian "${original}" (ví dụ hợp lệ: 2021, 2021-2025, Quý II/2022, Tháng 6/2022, 31/12/2022).` };
  if ('error' in parsed) return { ok: false, message: parsed.error };

  let start = parsed.start ?? parsed.end;
  if (deadlineOnly) {
    const yearStart = `${parsed.end.slice(0, 4)}-01-01`;
    start = plan.periodStart <= parsed.end ? plan.periodStart : yearStart;
  }
  return { ok: true, start, end: parsed.end, fromPlan: false };
}
