/**
 * Vietnamese text folded for search and matching: lower case, no diacritics ("đ" → "d"), single spaces.
 * "Sở Thông tin và Truyền thông" → "so thong tin va truyen thong".
 */
export function searchableText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
