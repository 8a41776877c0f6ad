import { foldVietnamese } from '../agencies/normalize';
import { parseTimeframe } from '../timeframe';
import { columnLetter } from './read';
import type { ColumnSource, Grid, ImportField } from './types';

/**
 * The header of an appendix table: which row it is (below any title rows), whether a second row
 * refines it ("Thời gian thực hiện, hoàn thành" over "2019-2020" | "2021-2025"), and which field each
 * column holds, by the synonyms Vietnamese plans use.
 */

export interface HeaderColumn {
  index: number;
  letter: string;
  header: string;
  field?: ImportField;
  /** Where `field` came from (set by mapping.ts). */
  source?: ColumnSource;
  /** Multiplier from the header's unit to triệu đồng ("(tỷ đồng)" → 1000). */
  unitFactor?: number;
  /** A period named in a timeframe header ("… 2019-2020"), for cells that only tick the column. */
  period?: { start: string; end: string };
}

export interface HeaderInfo {
  /** 0-based grid rows of the header (one or two). */
  rows: number[];
  /** Rows right below the header that only number the columns: "(1) (2) (3)…". */
  numberingRows: number[];
  columns: HeaderColumn[];
}

/** Folded header text: lower case, no diacritics, punctuation as spaces. */
export function foldHeader(s: string): string {
  return foldVietnamese(s.normalize('NFC'))
    .replace(/[^\p{L}\p{N}()]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function amountUnit(f: string): number {
  if (/\bty dong\b|\bty\b/.test(f)) return 1000;
  if (/\b(nghin|ngan) dong\b/.test(f)) return 0.001;
  if (/\(dong\)|\bvnd\b/.test(f) && !/trieu/.test(f)) return 0.000001;
  return 1;
}

/** The field a header names, by the synonyms plans use; `undefined` for columns the importer ignores. */
export function headerField(header: string): { field: ImportField } | undefined {
  const f = foldHeader(header);
  if (!f) return undefined;
  if (/^(?:stt|tt|so tt|so thu tu|thu tu|so)$/.test(f)) return { field: 'number' };
  if (/\bchu tri\b/.test(f)) return { field: 'lead' };
  if (/\bphoi hop\b/.test(f)) return { field: 'coordinating' };
  // District and commune appendices name the lead by who carries the task out: "Đơn vị thực hiện".
  if (/^(?:co quan|don vi)(?: (?:co quan|don vi))? (?:thuc hien|trien khai|dam nhiem|chiu trach nhiem)\b/.test(f)) return { field: 'lead' };
  if (/\bchuyen tiep\b|\bdu an moi\b|\bnhiem vu moi\b|^loai\b|^tinh chat\b|^phan loai\b/.test(f)) return { field: 'kind' };
  if (/^(?:thoi gian|thoi han|tien do|thoi diem|moc thoi gian|nam thuc hien|nam hoan thanh|nam bat dau)\b|^nam$/.test(f)) return { field: 'timeframe' };
  if (/^nguon(?: von| kinh phi| ngan sach)?\b/.test(f)) return { field: 'fundingText' };
  if (/\bsu nghiep\b/.test(f)) return { field: 'amountRecurrent' };
  if (/\btong muc dau tu\b/.test(f)) return { field: 'amountTotal' };
  if (/\bdau tu\b/.test(f)) return { field: 'amountInvestment' };
  if (/\bkinh phi\b|^tong von\b|^von\b|^du toan\b/.test(f)) return { field: 'amountTotal' };
  if (/^ghi chu\b/.test(f)) return { field: 'note' };
  if (/^(?:muc tieu|mo ta|san pham|ket qua|yeu cau|noi dung chi tiet|noi dung thuc hien)\b/.test(f)) return { field: 'description' };
  if (/^(?:ten|noi dung|nhiem vu|danh muc|cong viec|de an|du an|chuong trinh)\b/.test(f)) return { field: 'title' };
  return undefined;
}

/** What a header adds to its field: the unit of an amount, the period of a timeframe column. */
export function fieldExtras(field: ImportField, header: string): Pick<HeaderColumn, 'unitFactor' | 'period'> {
  if (field === 'amountRecurrent' || field === 'amountInvestment' || field === 'amountTotal') return { unitFactor: amountUnit(foldHeader(header)) };
  if (field === 'timeframe') {
    const period = headerPeriod(header);
    return period ? { period } : {};
  }
  return {};
}

/** A period written in a header ("Thời gian thực hiện, hoàn thành 2019-2020"). */
function headerPeriod(header: string): { start: string; end: string } | undefined {
  const m = /(\d{4})\s*[-–—]\s*(\d{4})|\b(\d{4})\b/.exec(header);
  if (!m) return undefined;
  const text = m[3] ?? `${m[1]}-${m[2]}`;
  const r = parseTimeframe(text, { periodStart: '1900-01-01', periodEnd: '1900-12-31' });
  return r.ok ? { start: r.start, end: r.end } : undefined;
}

const cellText = (grid: Grid, r: number, c: number) => (grid.rows[r]?.[c]?.text ?? '').replace(/\s+/g, ' ').trim();

/** The merge range whose master is (r, c), or that covers it. */
function mergeAt(grid: Grid, r: number, c: number) {
  return grid.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
}

/** Header text of a row, with horizontally merged cells repeated across their span. */
function rowHeaders(grid: Grid, r: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < grid.width; c++) {
    let t = cellText(grid, r, c);
    if (!t) {
      const m = mergeAt(grid, r, c);
      if (m) t = cellText(grid, m.top, m.left);
    }
    out.push(t);
  }
  return out;
}

function scoreRow(headers: string[]): { fields: Set<ImportField>; score: number } {
  const fields = new Set<ImportField>();
  for (const h of headers) {
    const f = h ? headerField(h) : undefined;
    if (f) fields.add(f.field);
  }
  return { fields, score: fields.size };
}

/** "(1) | (2) | (3)" or "1 | 2 | 3" under the header: column numbers, not data. */
function isNumberingRow(grid: Grid, r: number): boolean {
  const texts = (grid.rows[r] ?? []).map((c) => (c?.text ?? '').trim()).filter(Boolean);
  if (texts.length < 3) return false;
  if (!texts.every((t) => /^\(?(?:\d{1,2}|[A-Z])\)?(?:\s*=\s*.*)?$/.test(t))) return false;
  // "1 | 2 | 3…" counting up, or every cell in parentheses.
  return texts.every((t) => t.startsWith('(')) || texts.every((t, i) => t === String(i + 1));
}

/** How far to look for the header below title rows. */
const HEADER_SEARCH_ROWS = 40;

/**
 * Find the header. Returns the best candidate even when it lacks a required column, so the caller can
 * name what is missing; `undefined` when no row looks like a header at all.
 */
export function findHeader(grid: Grid): HeaderInfo | undefined {
  let found = -1;
  let fallback = -1;
  for (let r = 0; r < Math.min(grid.rows.length, HEADER_SEARCH_ROWS); r++) {
    const { fields, score } = scoreRow(rowHeaders(grid, r));
    if (fields.has('title') && fields.has('lead')) {
      found = r;
      break;
    }
    // A header missing a required column still names what is there, for the problem message.
    if (fallback < 0 && score >= 2 && (fields.has('title') || fields.has('lead') || fields.has('number'))) fallback = r;
  }
  const r = found >= 0 ? found : fallback;
  if (r < 0) return undefined;

  const parents = rowHeaders(grid, r);
  const rows = [r];
  let children: string[] | undefined;
  const next = r + 1;
  if (next < grid.rows.length && isSubHeader(grid, r, next, parents)) {
    rows.push(next);
    children = (grid.rows[next] ?? []).map((_, c) => cellText(grid, next, c));
  }

  // A parent written once over the columns its children occupy, without a merge ("Kinh phí", "", …).
  const filledParents = [...parents];
  if (children) {
    for (let c = 1; c < grid.width; c++) {
      if (!filledParents[c] && children[c] && children[c - 1] && filledParents[c - 1]) filledParents[c] = filledParents[c - 1]!;
    }
  }

  const columns: HeaderColumn[] = [];
  const taken = new Set<ImportField>();
  for (let c = 0; c < grid.width; c++) {
    const parent = filledParents[c] ?? '';
    const child = children?.[c] ?? '';
    const header = child && child !== parent ? (parent ? `${parent} ${child}` : child) : parent;
    const col: HeaderColumn = { index: c, letter: columnLetter(c), header };
    const mapped = header ? headerField(header) : undefined;
    if (mapped) {
      let field = mapped.field;
      // One column per field, except the ones that combine; a second title column is a description.
      if (taken.has(field) && field === 'title') field = 'description';
      if (!taken.has(field) || ['timeframe', 'description', 'amountRecurrent', 'amountInvestment', 'amountTotal'].includes(field)) {
        col.field = field;
        Object.assign(col, fieldExtras(field, header));
        taken.add(field);
      }
    }
    columns.push(col);
  }
  // Drop trailing columns with neither header nor field.
  while (columns.length && !columns[columns.length - 1]!.header) columns.pop();

  const numberingRows: number[] = [];
  const after = rows[rows.length - 1]! + 1;
  if (after < grid.rows.length && isNumberingRow(grid, after)) numberingRows.push(after);
  return { rows, numberingRows, columns };
}

/**
 * Whether row `s` refines header row `r`: it has text only where `r` has a horizontally merged
 * parent or an empty cell, and nothing where a task's number or title would be.
 */
function isSubHeader(grid: Grid, r: number, s: number, parents: string[]): boolean {
  const cells = grid.rows[s] ?? [];
  const texts = cells.map((_, c) => cellText(grid, s, c));
  if (!texts.some(Boolean)) return false;
  if (texts.some((t) => t.length > 120)) return false;
  let hasMergedParent = false;
  for (let c = 0; c < texts.length; c++) {
    if (!texts[c]) continue;
    const parent = parents[c] ?? '';
    const field = parent ? headerField(parent)?.field : undefined;
    if (field === 'number' || field === 'title' || field === 'lead' || field === 'coordinating') return false;
    const m = mergeAt(grid, r, c);
    if (m && m.right > m.left && m.top === r) hasMergedParent = true;
    else if (parent && field && !['timeframe', 'amountTotal', 'amountRecurrent', 'amountInvestment', 'fundingText', 'description'].includes(field)) return false;
  }
  if (hasMergedParent) return true;
  // Without merges: the children must themselves read as headers or periods ("2019-2020", "Sự nghiệp").
  return texts.filter(Boolean).every((t) => !!headerField(t) || /^\d{4}(\s*[-–]\s*\d{4})?$/.test(t) || /^(?:tong|trong do|tong so)\b/.test(foldHeader(t)));
}

/** "C — Đơn vị chủ trì". */
export function columnLabel(col: { letter: string; header: string }): string {
  return col.header ? `${col.letter} — ${col.header}` : col.letter;
}
