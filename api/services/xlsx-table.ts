/**
 * Plain tables on the sheets of a workbook (xlsx-writer): a frozen header row, an autofilter, widths
 * from the content, dates as dates and text that can never be taken for a formula. The annual report
 * and the task list export are both made of them.
 */
import { localDate } from '../../domain/calendar';
import { type CellStyle, type CellValue, type Sheet, type XlsxWriter } from './xlsx-writer';

export interface Column {
  header: string;
  /** Excel number format for the column's values. */
  numFmt?: string;
  /** Width limits in characters. */
  min?: number;
  max?: number;
  wrap?: boolean;
}

export const PERCENT = '0.0%';
export const INTEGER = '#,##0';
export const AMOUNT = '#,##0.###';
export const DATE = 'dd/mm/yyyy';

/**
 * Text that a spreadsheet could take for a formula (=, +, -, @, and the tab and carriage return that
 * precede them in CSV-injection payloads) is prefixed with an apostrophe, so it stays text wherever
 * the sheet is copied or re-saved.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.has(text.charCodeAt(0)) ? `'${text}` : text;
}

/** `=`, `+`, `-`, `@`, tab and carriage return, as character codes: one set lookup per cell rather than a regex. */
const FORMULA_START = new Set([...'=+-@\t\r'].map((c) => c.charCodeAt(0)));

/** A calendar date YYYY-MM-DD as the Date the sheet shows as that day (a date-only ISO string reads as UTC midnight). */
export const excelDate = (iso: string | null): Date | null => (iso ? new Date(iso.slice(0, 10)) : null);

/**
 * `excelDate`, made once per distinct date: ten thousand rows hold a few thousand dates, and parsing
 * one is dearer than looking it up. The writer only reads the Dates, so rows can share them.
 */
export function excelDates(): (iso: string | null) => Date | null {
  const made = new Map<string, Date | null>();
  return (iso) => {
    if (iso === null) return null;
    let date = made.get(iso);
    if (date === undefined) made.set(iso, (date = excelDate(iso)));
    return date;
  };
}

type Sectioned = { sectionCode: string | null; section: string | null };
/** "II. Phát triển hạ tầng số": the section's code and title, whichever the plan gives. */
const sectionText = ({ sectionCode: code, section }: Sectioned): string | null => (code && section ? `${code}. ${section}` : code || section || null);

/**
 * `sectionText` that reuses the last row's text while the section stays the same (rows come in plan
 * order, a section at a time): one string per section, rather than a new one to hash for every row.
 */
export function sectionTexts(): (row: Sectioned) => string | null {
  let code: string | null = null;
  let section: string | null = null;
  let text: string | null = null;
  return (row) => {
    if (row.sectionCode !== code || row.section !== section || text === null) {
      ({ sectionCode: code, section } = row);
      text = sectionText(row);
    }
    return text;
  };
}

/** The day an instant falls on in the province (domain/calendar's rule), as the Date the sheet shows as that day. */
export const excelLocalDate = (instant: string | Date | null): Date | null =>
  instant === null ? null : excelDate(localDate(typeof instant === 'string' ? Date.parse(instant) : instant.getTime()));

function displayLength(v: CellValue, numFmt?: string): number {
  if (v === null) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return numFmt === PERCENT ? 7 : String(Math.round(v * 1000) / 1000).length + 2;
  return v.includes('\n') ? Math.max(...v.split(/\r?\n/).map((l) => l.length)) : v.length;
}

const HEADER_STYLE: CellStyle = { font: 'bold', fill: 'FFE7EEF7', bottomBorder: true, horizontal: 'center', vertical: 'center', wrap: true };

export interface TableOptions<T> {
  /** A bold total row below the filtered range, so sorting the table never moves it. */
  total?: CellValue[];
  /** Styles of an item's cells when they are not the columns' own. */
  styles?: (item: T) => number[];
}

/**
 * One sheet holding one table: header row frozen, autofilter over header and data, widths from
 * content. Each row is made from its item and written straight away, so no row is kept.
 */
export function addTable<T>(book: XlsxWriter, name: string, columns: Column[], items: readonly T[], cells: (item: T) => CellValue[], options: TableOptions<T> = {}): Sheet {
  const sheet = book.addSheet(name, 1);
  const columnStyles = (font?: 'bold') => columns.map((c) => book.style({ numFmt: c.numFmt, vertical: 'top', wrap: c.wrap, font }));
  const longest = columns.map((c) => c.header.length * 0.6);
  const write = (values: CellValue[], styles: number[]) => {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (typeof v === 'string') {
        // A text no longer than the widest so far cannot widen the column (lines are never longer than the text).
        if (v.length > longest[i]!) longest[i] = Math.max(longest[i]!, displayLength(v));
        values[i] = neutraliseFormula(v);
      } else longest[i] = Math.max(longest[i]!, displayLength(v, columns[i]!.numFmt));
    }
    sheet.addRow(values, styles);
  };

  const header = book.style(HEADER_STYLE);
  sheet.addRow(
    columns.map((c) => c.header),
    columns.map(() => header),
  );
  const plain = columnStyles();
  for (const item of items) write(cells(item), options.styles?.(item) ?? plain);
  sheet.autoFilterTo = items.length + 1;
  if (options.total) write([...options.total], columnStyles('bold'));
  sheet.widths = columns.map((c, i) => Math.min(c.max ?? 60, Math.max(c.min ?? 8, Math.ceil(longest[i]!) + 2)));
  return sheet;
}

/** An indicator, its value, and the value's number format. */
export type Indicator = [label: string, value: CellValue, numFmt?: string];

/** A sheet of indicator / value pairs: text to the left, figures to the right, each value in its own format. */
export function addIndicatorTable(book: XlsxWriter, name: string, headers: { indicator: string; value: string }, rows: readonly Indicator[]): Sheet {
  const valueStyle = ([, v, numFmt]: Indicator) => book.style({ numFmt: v === null ? undefined : numFmt, horizontal: typeof v === 'string' ? 'left' : 'right', vertical: 'top', wrap: true });
  const indicatorStyle = book.style({ vertical: 'top' });
  return addTable(
    book,
    name,
    [
      { header: headers.indicator, min: 30, max: 50 },
      { header: headers.value, min: 14, max: 80, wrap: true },
    ],
    rows,
    ([k, v]) => [k, v],
    { styles: (item) => [indicatorStyle, valueStyle(item)] },
  );
}
