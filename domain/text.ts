import { foldVietnamese } from './agencies/normalize';

/**
 * Vietnamese text folded for search and matching: lower case, no diacritics ("đ" → "d"), single spaces.
 * "Sở Thông tin và Truyền thông" → "so thong tin va truyen thong".
 */
export function searchableText(s: string): string {
  return foldVietnamese(s).replace(/\s+/g, ' ').trim();
}
