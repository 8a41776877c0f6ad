/**
 * Numbers as Vietnamese documents print them: "." groups thousands and "," marks decimals
 * ("1.200" = 1200, "7.184,4" = 7184.4, "1,5" = 1.5). Tables pasted from English-locale
 * spreadsheets ("1,200,000", "7184.4") still read correctly where the grouping leaves no doubt.
 */

const GROUPED_DOTS = /^\d{1,3}(\.\d{3})+$/;
const GROUPED_COMMAS = /^\d{1,3}(,\d{3}){2,}$/;
const GROUPED_SPACES = /^\d{1,3}( \d{3})+$/;

/**
 * The number in `text`, or `undefined` when the text is not a number. Surrounding spaces, a leading
 * sign and non-breaking spaces used as thousands separators are accepted; units are not.
 */
export function parseVnNumber(text: string): number | undefined {
  let s = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (!s) return undefined;
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  if (!/^[\d., ]+$/.test(s) || !/\d/.test(s)) return undefined;

  let canonical: string;
  if (GROUPED_SPACES.test(s)) {
    canonical = s.replace(/ /g, '');
  } else if (s.includes(' ')) {
    // "1 200,5": spaces group thousands, the rest follows the rules below.
    const compact = s.replace(/ /g, '');
    if (!/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) return undefined;
    return parseVnNumber((sign < 0 ? '-' : '') + compact);
  } else {
    const dots = (s.match(/\./g) ?? []).length;
    const commas = (s.match(/,/g) ?? []).length;
    if (dots && commas) {
      // Both present: the one that comes last is the decimal mark.
      const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
      const group = decimal === ',' ? '.' : ',';
      const [int, frac, ...rest] = s.split(decimal);
      if (rest.length || frac === undefined || !/^\d+$/.test(frac)) return undefined;
      const groupPattern = new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`);
      if (!groupPattern.test(int!)) return undefined;
      canonical = `${int!.split(group).join('')}.${frac}`;
    } else if (dots) {
      if (GROUPED_DOTS.test(s)) canonical = s.replace(/\./g, '');
      else if (dots === 1 && /^\d*\.\d+$/.test(s)) canonical = s;
      else return undefined;
    } else if (commas) {
      if (GROUPED_COMMAS.test(s)) canonical = s.replace(/,/g, '');
      else if (commas === 1 && /^\d*,\d+$/.test(s)) canonical = s.replace(',', '.');
      else return undefined;
    } else {
      canonical = s;
    }
  }
  const n = Number(canonical);
  return Number.isFinite(n) ? sign * n : undefined;
}

/** Format a number the Vietnamese way: "7.184,4". */
export function formatVnNumber(n: number, maxFractionDigits = 3): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits }).format(n);
}
