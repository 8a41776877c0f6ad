/**
 * Agency names as documents write them, folded to one key: "Sở.Thông tin và Truyền thông",
 * "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông tỉnh Sơn La" and the same text in
 * decomposed Unicode all give "so thong tin va truyen thong". Pure string code, usable anywhere.
 */

import { PROVINCE_NAMES } from './provinces';

/** Words that usually follow "tỉnh" in a name without being a province name ("Văn phòng Tỉnh ủy"). */
const NOT_A_PROVINCE = new Set(['uy', 'doan', 'hoi', 'doi']);

/**
 * Common long forms folded to the abbreviations documents use as often: both sides of every
 * comparison go through this, so "Ủy ban nhân dân tỉnh" and "UBND tỉnh" meet.
 */
const LONG_FORMS: [RegExp, string][] = [
  [/\buy ban nhan dan\b/g, 'ubnd'],
  [/\bhoi dong nhan dan\b/g, 'hdnd'],
  [/\bdai bieu quoc hoi\b/g, 'dbqh'],
  [/\bvan phong\b/g, 'vp'],
  [/\bthanh pho\b/g, 'tp'],
  [/\bthi xa\b/g, 'tx'],
  [/\btoa an nhan dan\b/g, 'tand'],
  [/\bvien kiem sat nhan dan\b/g, 'vksnd'],
];

/** Lower case without diacritics ("đ" → "d"), tolerant of decomposed marks and stray spaces before them. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    // A combining mark typed (or extracted from a PDF) after a space belongs to the letter before it.
    .replace(/\s+(?=[\u0300-\u036f])/g, '')
    .replace(/[\u0300-\u036f]/g, '')
    // Spacing accents (´ ` ˜ ˆ and the modifier-letter forms) that some old fonts produce.
    .replace(/[\u00b4\u0060\u02c6-\u02dd]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Drop "tỉnh Sơn La" / "tỉnh Tây Ninh" at the end, as long as what follows "tỉnh" is a proper name. */
function dropProvinceName(nfc: string): string {
  // In an all-capitals name the case of the words after "TỈNH" says nothing: look at it word-capitalised.
  if (nfc === nfc.toUpperCase() && nfc !== nfc.toLowerCase()) {
    nfc = nfc.toLowerCase().replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, ch: string) => sp + ch.toUpperCase());
  }
  const m = /\s+[tT]ỉnh((?:\s*-?\s*\p{Lu}[\p{L}\p{M}]*){1,4})[\s.,;:]*$/u.exec(nfc);
  if (!m) return nfc;
  const first = foldVietnamese(m[1]!.trim().split(/[\s-]+/)[0] ?? '');
  if (NOT_A_PROVINCE.has(first)) return nfc;
  return `${nfc.slice(0, m.index)} tỉnh`;
}

/** Folded, punctuation as spaces, "&" kept tight, long forms abbreviated: the words of a key. */
function foldKey(s: string): string {
  let t = foldVietnamese(s)
    .replace(/\s*&\s*/g, '&')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [long, short] of LONG_FORMS) t = t.replace(long, short);
  return t;
}

/** Province names as folded keys ("vinh long", "ba ria vung tau", "tp ho chi minh"). */
const PROVINCE_KEYS = new Set(PROVINCE_NAMES.map(foldKey));
const LONGEST_PROVINCE = Math.max(...[...PROVINCE_KEYS].map((k) => k.split(' ').length));

/**
 * Words after which a province name is the name of a district or commune ("UBND thành phố Sơn La",
 * "Huyện Phù Yên", "thị xã Quảng Trị"), which must stay.
 */
const BEFORE_LOCAL_NAME = new Set(['tp', 'tx', 'huyen', 'quan', 'xa', 'phuong', 'tran', 'thi']);

/** "viettel vinh long" → "viettel": a province name closing a folded key, when something is left. */
function dropTrailingProvince(key: string): string {
  const words = key.split(' ');
  for (let n = Math.min(LONGEST_PROVINCE, words.length - 1); n >= 1; n--) {
    if (!PROVINCE_KEYS.has(words.slice(-n).join(' '))) continue;
    if (BEFORE_LOCAL_NAME.has(words[words.length - n - 1]!)) return key;
    return words.slice(0, -n).join(' ');
  }
  return key;
}

/**
 * The key under which a name is looked up: folded, punctuation as spaces ("Sở." = "Sở"), "&" kept
 * tight ("KH & ĐT" = "KH&ĐT"), long forms abbreviated, and trailing words that do not change who is
 * meant dropped: "liên quan", "trên địa bàn", "tỉnh" and a province's name ("VNPT Vĩnh Long").
 */
export function normalizeAgencyName(s: string): string {
  let t = foldKey(dropProvinceName(s.normalize('NFC').replace(/\s+/g, ' ').trim()));
  let previous: string;
  do {
    previous = t;
    t = dropTrailingProvince(t)
      .replace(/\s+(?:co\s+)?lien quan$/, '')
      .replace(/\s+tren dia ban$/, '')
      .replace(/\s+tinh$/, '')
      .trim();
  } while (t !== previous);
  return t;
}

const VAGUE_WORDS = new Set([
  'cac', 'nhung', 'moi', 'va', 'co', 'quan', 'lien', 'don', 'vi', 'to', 'chuc', 'ca', 'nhan', 'dia', 'phuong',
  'doanh', 'nghiep', 'khac', 'tham', 'gia', 'thuoc', 'nganh', 'tren', 'ban', 'huu',
]);
const VAGUE_NOUNS = /\b(?:co quan|don vi|to chuc|ca nhan|dia phuong|doanh nghiep)\b|\bnganh\b.*\blien quan\b/;

/**
 * "Các cơ quan liên quan", "Các đơn vị liên quan", "các cơ quan, đơn vị liên quan": phrases that name
 * nobody in particular. They are not errors, but no agency can be assigned from them.
 */
export function isVaguePhrase(s: string): boolean {
  const folded = foldVietnamese(s.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!folded || !VAGUE_NOUNS.test(folded)) return false;
  return folded.split(' ').every((w) => VAGUE_WORDS.has(w));
}
