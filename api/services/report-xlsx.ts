import { CLASS_LABELS, fundingSourcesLabel, KIND_LABELS, REPORT_STATUS_LABELS, REPORT_TEXT } from '../../domain/report/labels';
import type { AnnualReport, ReportFundingRow } from '../../domain/report/compile';
import type { Language } from '../../domain/vocabulary';
import { XlsxWriter, type CellStyle, type CellValue, type Sheet } from './xlsx-writer';

/**
 * The compiled annual report as a workbook: one sheet per view (summary, tasks, agencies, funding,
 * cancelled tasks), each a plain table with a frozen header row and an autofilter, so a clerk can
 * sort and filter it. Numbers are numbers, percentages are fractions shown with a % format, dates are
 * dates shown dd/mm/yyyy.
 */

interface Column {
  header: string;
  /** Excel number format for the column's values. */
  numFmt?: string;
  /** Width limits in characters. */
  min?: number;
  max?: number;
  wrap?: boolean;
}

const PERCENT = '0.0%';
const INTEGER = '#,##0';
const AMOUNT = '#,##0.###';
const DATE = 'dd/mm/yyyy';

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
const excelDate = (iso: string | null): Date | null => (iso ? new Date(iso.slice(0, 10)) : null);

/**
 * `excelDate`, made once per distinct date: ten thousand rows hold a few thousand dates, and parsing
 * one is dearer than looking it up. The writer only reads the Dates, so rows can share them.
 */
function excelDates(): (iso: string | null) => Date | null {
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
function sectionTexts(): (row: Sectioned) => string | null {
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

/** The local (UTC+7) date of an instant. */
const localDate = (instant: string | null): Date | null => (instant ? excelDate(new Date(Date.parse(instant) + 7 * 3600_000).toISOString()) : null);

function displayLength(v: CellValue, numFmt?: string): number {
  if (v === null) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return numFmt === PERCENT ? 7 : String(Math.round(v * 1000) / 1000).length + 2;
  return v.includes('\n') ? Math.max(...v.split(/\r?\n/).map((l) => l.length)) : v.length;
}

const HEADER_STYLE: CellStyle = { font: 'bold', fill: 'FFE7EEF7', bottomBorder: true, horizontal: 'center', vertical: 'center', wrap: true };

interface TableOptions<T> {
  /** A bold total row below the filtered range, so sorting the table never moves it. */
  total?: CellValue[];
  /** Styles of an item's cells when they are not the columns' own. */
  styles?: (item: T) => number[];
}

/**
 * One sheet holding one table: header row frozen, autofilter over header and data, widths from
 * content. Each row is made from its item and written straight away, so no row is kept.
 */
function addTable<T>(book: XlsxWriter, name: string, columns: Column[], items: readonly T[], cells: (item: T) => CellValue[], options: TableOptions<T> = {}): Sheet {
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

export async function renderAnnualReportXlsx(report: AnnualReport, language: Language): Promise<Buffer> {
  const t = REPORT_TEXT[language];
  // The compilation time, not the rendering time: the same report renders to the same workbook.
  const wb = new XlsxWriter({ creator: 'Giao việc', title: `${report.plan.documentNumber} — ${report.year}`, created: new Date(report.compiledAt) });

  const h = report.headline;
  const date = excelDates();
  const taskSection = sectionTexts();
  const cancelledSection = sectionTexts();
  const yesNo = (b: boolean | null) => (b === null ? null : b ? t.yes : t.no);
  const nameOf = (code: string) => report.agencies.find((a) => a.agencyCode === code)?.agencyName ?? code;

  // Tổng hợp: indicator / value pairs, each value with its own format.
  const summary: [string, CellValue, string?][] = [
    [t.plan, report.plan.title],
    [t.documentNumber, report.plan.documentNumber],
    [t.issuer, report.plan.issuer],
    [t.issuedOn, excelDate(report.plan.issuedOn), DATE],
    [t.period, `${report.plan.periodStart.slice(0, 4)}–${report.plan.periodEnd.slice(0, 4)}`],
    [t.coordinator, report.coordinator.name],
    [t.year, report.year, '0'],
    [t.asOf, excelDate(report.asOf), DATE],
    [t.dueDate, excelDate(report.dueDate), DATE],
    [t.compiledAt, localDate(report.compiledAt), DATE],
    [t.version, report.version, '0'],
    [t.totalTasks, h.total, INTEGER],
    ...report.classes.map((c): [string, CellValue, string] => [CLASS_LABELS[c.class][language], c.count, INTEGER]),
    [t.completed, h.completed, INTEGER],
    [t.open, h.open, INTEGER],
    [t.onTimeRate, h.onTimeRate, PERCENT],
    [t.cancelled, h.cancelled, INTEGER],
    [t.agenciesRequested, h.agenciesRequested, INTEGER],
    [t.agenciesReported, h.agenciesReported, INTEGER],
    [t.agenciesReportedOnTime, h.agenciesReportedOnTime, INTEGER],
    [t.agenciesMissing, h.agenciesMissing, INTEGER],
    [t.missingAgencies, h.missingAgencyCodes.map(nameOf).join('; ') || null],
  ];
  // Text to the left, figures to the right.
  const valueStyle = ([, v, numFmt]: (typeof summary)[number]) =>
    wb.style({ numFmt: v === null ? undefined : numFmt, horizontal: typeof v === 'string' ? 'left' : 'right', vertical: 'top', wrap: true });
  const indicatorStyle = wb.style({ vertical: 'top' });
  const summarySheet = addTable(
    wb,
    t.sheetSummary,
    [
      { header: t.indicator, min: 30, max: 50 },
      { header: t.value, min: 14, max: 80, wrap: true },
    ],
    summary,
    ([k, v]) => [k, v],
    { styles: (item) => [indicatorStyle, valueStyle(item)] },
  );
  summarySheet.addRow([t.onTimeRate, neutraliseFormula(t.onTimeRateNote)], [wb.style({ font: 'italic' }), wb.style({ font: 'italic', vertical: 'top', wrap: true })]);

  addTable(
    wb,
    t.sheetTasks,
    [
      { header: t.number, min: 6, max: 8 },
      { header: t.section, min: 12, max: 40, wrap: true },
      { header: t.title, min: 30, max: 70, wrap: true },
      { header: t.leadAgency, min: 18, max: 40, wrap: true },
      { header: t.kind, min: 10, max: 14 },
      { header: t.status, min: 14, max: 26 },
      { header: t.class, min: 18, max: 30 },
      { header: t.progress, numFmt: '0%', min: 10, max: 12 },
      { header: t.progressSource, min: 14, max: 24 },
      { header: t.taskDueDate, numFmt: DATE, min: 12, max: 14 },
      { header: t.originalDueDate, numFmt: DATE, min: 12, max: 14 },
      { header: t.completedOn, numFmt: DATE, min: 12, max: 14 },
      { header: t.funding, min: 14, max: 40, wrap: true },
      { header: t.note, min: 20, max: 60, wrap: true },
    ],
    report.tasks,
    (r) => [
      r.number,
      taskSection(r),
      r.title,
      r.leadAgencyName,
      KIND_LABELS[r.kind][language],
      REPORT_STATUS_LABELS[r.status][language],
      CLASS_LABELS[r.class][language],
      r.progress / 100,
      r.progressSource === 'report' ? t.fromReport : t.fromTask,
      date(r.dueDate),
      date(r.originalDueDate),
      date(r.completedOn),
      r.funding ? r.funding.text || fundingSourcesLabel(r.funding.sources, language) : null,
      r.note,
    ],
  );

  const count = (header: string): Column => ({ header, numFmt: INTEGER, min: 10, max: 14 });
  addTable(
    wb,
    t.sheetAgencies,
    [
      { header: t.agencyCode, min: 10, max: 16 },
      { header: t.agency, min: 24, max: 45, wrap: true },
      count(t.total),
      count(t.open),
      count(t.completed),
      count(t.completedOnTime),
      count(t.completedLate),
      count(t.inProgressOnTime),
      count(t.overdue),
      count(t.notStarted),
      { header: t.onTimeRate, numFmt: PERCENT, min: 12, max: 14 },
      { header: t.reportSubmitted, min: 10, max: 20 },
      { header: t.reportOnTime, min: 10, max: 20 },
      { header: t.submittedAt, numFmt: DATE, min: 12, max: 14 },
      { header: t.summary, min: 30, max: 80, wrap: true },
    ],
    report.agencies,
    (a) => [
      a.agencyCode,
      a.agencyName,
      a.total,
      a.open,
      a.completed,
      a.completedOnTime,
      a.completedLate,
      a.inProgressOnTime,
      a.overdue,
      a.notStarted,
      a.onTimeRate,
      a.requested || a.reportSubmitted ? yesNo(a.reportSubmitted) : t.notRequested,
      yesNo(a.reportOnTime),
      localDate(a.submittedAt),
      a.summary,
    ],
    { total: [null, t.grandTotal, h.total, h.open, h.completed, h.completedOnTime, h.completedLate, h.inProgressOnTime, h.overdue, h.notStarted, h.onTimeRate, h.agenciesReported, h.agenciesReportedOnTime, null, null] },
  );

  const amount = (header: string): Column => ({ header, numFmt: AMOUNT, min: 14, max: 20 });
  const fundingCells = (r: ReportFundingRow): CellValue[] => [r.taskCount, r.itemsWithAmounts, r.recurrent, r.investment, r.total];
  addTable(
    wb,
    t.sheetFunding,
    [{ header: t.fundingSource, min: 24, max: 60, wrap: true }, count(t.taskCount), count(t.itemsWithAmounts), amount(t.recurrent), amount(t.investment), amount(t.amountTotal)],
    report.funding.rows,
    (r) => [fundingSourcesLabel(r.sources, language), ...fundingCells(r)],
    { total: [t.grandTotal, ...fundingCells(report.funding.total)] },
  );

  addTable(
    wb,
    t.sheetCancelled,
    [
      { header: t.number, min: 6, max: 8 },
      { header: t.section, min: 12, max: 40, wrap: true },
      { header: t.title, min: 30, max: 70, wrap: true },
      { header: t.leadAgency, min: 18, max: 40, wrap: true },
      { header: t.taskDueDate, numFmt: DATE, min: 12, max: 14 },
      { header: t.note, min: 20, max: 60, wrap: true },
    ],
    report.cancelled,
    (c) => [c.number, cancelledSection(c), c.title, c.leadAgencyName, date(c.dueDate), c.note],
  );

  return wb.toBuffer();
}
