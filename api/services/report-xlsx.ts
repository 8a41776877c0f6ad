import ExcelJS from 'exceljs';
import { CLASS_LABELS, fundingSourcesLabel, KIND_LABELS, REPORT_STATUS_LABELS, REPORT_TEXT } from '../../domain/report/labels';
import type { AnnualReport, ReportFundingRow } from '../../domain/report/compile';
import type { Language } from '../../domain/vocabulary';

/**
 * The compiled annual report as a workbook: one sheet per view (summary, tasks, agencies, funding,
 * cancelled tasks), each a plain table with a frozen header row and an autofilter, so a clerk can
 * sort and filter it. Numbers are numbers, percentages are fractions shown with a % format, dates are
 * dates shown dd/mm/yyyy.
 */

type CellValue = string | number | Date | null;

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
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A calendar date YYYY-MM-DD as the Date exceljs writes as that day (it converts via UTC). */
const excelDate = (iso: string | null): Date | null => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
/** The local (UTC+7) date of an instant. */
const localDate = (instant: string | null): Date | null => (instant ? excelDate(new Date(Date.parse(instant) + 7 * 3600_000).toISOString()) : null);

function displayLength(v: CellValue, numFmt?: string): number {
  if (v === null) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return numFmt === PERCENT ? 7 : String(Math.round(v * 1000) / 1000).length + 2;
  return Math.max(...v.split(/\r?\n/).map((l) => l.length));
}

/** One sheet holding one table: header row frozen, autofilter over header and data, widths from content. */
function addTable(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: CellValue[][], totalRow?: CellValue[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }] });
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  const write = (values: CellValue[]) => {
    const row = ws.addRow(values.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.numFmt && values[i] !== null) cell.numFmt = c.numFmt;
      cell.alignment = { vertical: 'top', wrapText: !!c.wrap };
    });
    return row;
  };
  rows.forEach(write);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  // The total sits below the filtered range, so sorting the table never moves it.
  if (totalRow) write(totalRow).font = { bold: true };

  columns.forEach((c, i) => {
    const longest = Math.max(c.header.length * 0.6, ...[...rows, ...(totalRow ? [totalRow] : [])].map((r) => displayLength(r[i] ?? null, c.numFmt)));
    ws.getColumn(i + 1).width = Math.min(c.max ?? 60, Math.max(c.min ?? 8, Math.ceil(longest) + 2));
  });
  return ws;
}

export async function renderAnnualReportXlsx(report: AnnualReport, language: Language): Promise<Buffer> {
  const t = REPORT_TEXT[language];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Giao việc';
  // The compilation time, not the rendering time: the same report renders to the same workbook content.
  wb.created = new Date(report.compiledAt);
  wb.modified = new Date(report.compiledAt);
  wb.title = `${report.plan.documentNumber} — ${report.year}`;

  const h = report.headline;
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
  const summarySheet = addTable(
    wb,
    t.sheetSummary,
    [
      { header: t.indicator, min: 30, max: 50 },
      { header: t.value, min: 14, max: 80, wrap: true },
    ],
    summary.map(([k, v]) => [k, v]),
  );
  summary.forEach(([, v, fmt], i) => {
    if (fmt && v !== null) summarySheet.getCell(i + 2, 2).numFmt = fmt;
    summarySheet.getCell(i + 2, 2).alignment = { horizontal: typeof v === 'string' ? 'left' : 'right', vertical: 'top', wrapText: true };
  });
  const noteRow = summarySheet.addRow([t.onTimeRate, neutraliseFormula(t.onTimeRateNote)]);
  noteRow.font = { italic: true };
  noteRow.getCell(2).alignment = { wrapText: true, vertical: 'top' };

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
    report.tasks.map((r) => [
      r.number,
      [r.sectionCode, r.section].filter(Boolean).join('. ') || null,
      r.title,
      r.leadAgencyName,
      KIND_LABELS[r.kind][language],
      REPORT_STATUS_LABELS[r.status][language],
      CLASS_LABELS[r.class][language],
      r.progress / 100,
      r.progressSource === 'report' ? t.fromReport : t.fromTask,
      excelDate(r.dueDate),
      excelDate(r.originalDueDate),
      excelDate(r.completedOn),
      r.funding ? r.funding.text || fundingSourcesLabel(r.funding.sources, language) : null,
      r.note,
    ]),
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
    report.agencies.map((a) => [
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
    ]),
    [null, t.grandTotal, h.total, h.open, h.completed, h.completedOnTime, h.completedLate, h.inProgressOnTime, h.overdue, h.notStarted, h.onTimeRate, h.agenciesReported, h.agenciesReportedOnTime, null, null],
  );

  const amount = (header: string): Column => ({ header, numFmt: AMOUNT, min: 14, max: 20 });
  const fundingCells = (r: ReportFundingRow): CellValue[] => [r.taskCount, r.itemsWithAmounts, r.recurrent, r.investment, r.total];
  addTable(
    wb,
    t.sheetFunding,
    [{ header: t.fundingSource, min: 24, max: 60, wrap: true }, count(t.taskCount), count(t.itemsWithAmounts), amount(t.recurrent), amount(t.investment), amount(t.amountTotal)],
    report.funding.rows.map((r) => [fundingSourcesLabel(r.sources, language), ...fundingCells(r)]),
    [t.grandTotal, ...fundingCells(report.funding.total)],
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
    report.cancelled.map((c) => [c.number, [c.sectionCode, c.section].filter(Boolean).join('. ') || null, c.title, c.leadAgencyName, excelDate(c.dueDate), c.note]),
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
