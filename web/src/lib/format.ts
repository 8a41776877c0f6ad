/**
 * Dates as Vietnamese documents write them (dd/mm/yyyy), in Asia/Ho_Chi_Minh. Vietnam keeps UTC+7 all
 * year (no daylight saving), so a fixed offset gives the same answer as a time-zone database would,
 * whatever the clerk's computer is set to.
 */
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-12-31" → "31/12/2025"; anything else is shown as is. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** The calendar date in Vietnam of an instant, as YYYY-MM-DD. */
export function vnDateOf(instant: string | number | Date): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** An ISO timestamp → "31/12/2025 08:00" in Vietnam time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const d = new Date(ms + VN_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function todayVn(now = Date.now()): string {
  return vnDateOf(now);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * What a clerk types in a date field → YYYY-MM-DD: "31/12/2025", "31-12-2025", "31.12.2025",
 * "1/2/2026" or "2025-12-31". Text that is no date is returned trimmed, unchanged, so that the API
 * names the field and says what is wrong with it.
 */
export function parseDateInput(text: string): string {
  const s = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (dmy) return `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}`;
  return s;
}

/** YYYY-MM-DD → what the date field shows (dd/mm/yyyy). */
export function dateInputValue(date: string | null | undefined): string {
  return date ? formatDate(date) : '';
}

export function formatPercent(rate: number | null | undefined, digits = 0): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${(rate * 100).toFixed(digits).replace('.', ',')} %`;
}

/** Numbers as Vietnamese write them: 1.200 and 7.184,4. */
export function formatNumber(n: number | null | undefined, maxDigits = 1): string {
  if (n === null || n === undefined) return '—';
  const fixed = n.toFixed(maxDigits);
  const [int, frac] = (fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
