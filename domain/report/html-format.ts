/** How the report's HTML writes numbers, dates and the heading's names. */
import type { Language } from '../vocabulary';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
export const formatNumber = (n: number, language: Language, maxFractionDigits = 3): string =>
  new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: maxFractionDigits }).format(n);
export const formatPercent = (rate: number | null, language: Language): string => (rate === null ? '—' : `${formatNumber(rate * 100, language, 1)}%`);
export const formatAmount = (n: number | null, language: Language): string => (n === null ? '—' : formatNumber(n, language));
/** dd/mm/yyyy, as Vietnamese documents write dates. */
export const formatDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** Local (UTC+7) date and time of an instant: "dd/mm/yyyy hh:mm". */
export function formatInstant(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "Sơn La, ngày 05 tháng 12 năm 2024". Nghị định 30/2020 writes a 0 before days below 10 and before
 * months 1 and 2 only.
 */
export function placeAndDate(place: string, date: string, language: Language): string {
  const [y, m, d] = [date.slice(0, 4), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  if (language === 'en') return `${place}, ${d} ${MONTHS_EN[m - 1]} ${y}`;
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** "UBND tỉnh Sơn La" → "Sơn La": the place name of the date line. */
export function placeOf(issuer: string): string {
  const m = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|TP\.?)\s+(.+)$/iu.exec(issuer.trim());
  return m ? m[1]!.trim() : issuer.trim();
}

/** The kind of document the plan was issued as, from its number ("212/KH-UBND", "1234/QĐ-UBND"). */
export function documentKind(documentNumber: string, language: Language): string {
  const kinds: [RegExp, string, string][] = [
    [/\/QĐ-/iu, 'Quyết định', 'Decision'],
    [/\/CT-/iu, 'Chỉ thị', 'Directive'],
    [/\/NQ-/iu, 'Nghị quyết', 'Resolution'],
    [/\/CTr-/iu, 'Chương trình', 'Programme'],
    [/\/ĐA-/iu, 'Đề án', 'Scheme'],
  ];
  const found = kinds.find(([re]) => re.test(documentNumber));
  return found ? found[language === 'vi' ? 1 : 2] : language === 'vi' ? 'Kế hoạch' : 'Plan';
}

export const upper = (s: string): string => s.toLocaleUpperCase('vi');
