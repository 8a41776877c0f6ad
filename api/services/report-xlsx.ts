import { CLASS_LABELS, fundingSourcesLabel, KIND_LABELS, REPORT_STATUS_LABELS, REPORT_TEXT } from '../../domain/report/labels';
import type { AnnualReport, ReportFundingRow } from '../../domain/report/types';
import type { Language } from '../../domain/vocabulary';
import { addIndicatorTable, addRow, addTable, AMOUNT, DATE, excelDate, excelDates, excelLocalDate, INTEGER, PERCENT, sectionTexts, neutraliseFormula, newWorkbook, workbookBuffer, type CellValue, type Column, type Indicator } from './xlsx-table';

/**
 * The compiled annual report as a workbook: one sheet per view (summary, tasks, agencies, funding,
 * cancelled tasks), each a plain table with a frozen header row and an autofilter, so a clerk can
 * sort and filter it. Numbers are numbers, percentages are fractions shown with a % format, dates are
 * dates shown dd/mm/yyyy.
 */
export async function renderAnnualReportXlsx(report: AnnualReport, language: Language): Promise<Buffer> {
  const t = REPORT_TEXT[language];
  // The compilation time, not the rendering time: the same report renders to the same workbook.
  const wb = newWorkbook({ creator: 'Giao việc', title: `${report.plan.documentNumber} — ${report.year}`, created: new Date(report.compiledAt) });

  const h = report.headline;
  const date = excelDates();
  const taskSection = sectionTexts();
  const cancelledSection = sectionTexts();
  const yesNo = (b: boolean | null) => (b === null ? null : b ? t.yes : t.no);
  const nameOf = (code: string) => report.agencies.find((a) => a.agencyCode === code)?.agencyName ?? code;

  // Tổng hợp: indicator / value pairs, each value with its own format.
  const summary: Indicator[] = [
    [t.plan, report.plan.title],
    [t.documentNumber, report.plan.documentNumber],
    [t.issuer, report.plan.issuer],
    [t.issuedOn, excelDate(report.plan.issuedOn), DATE],
    [t.period, `${report.plan.periodStart.slice(0, 4)}–${report.plan.periodEnd.slice(0, 4)}`],
    [t.coordinator, report.coordinator.name],
    [t.year, report.year, '0'],
    [t.asOf, excelDate(report.asOf), DATE],
    [t.dueDate, excelDate(report.dueDate), DATE],
    [t.compiledAt, excelLocalDate(report.compiledAt), DATE],
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
  const summarySheet = addIndicatorTable(wb, t.sheetSummary, t, summary);
  addRow(summarySheet, [t.onTimeRate, neutraliseFormula(t.onTimeRateNote)], [{ font: { italic: true } }, { font: { italic: true }, alignment: { vertical: 'top', wrapText: true } }]);

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
      excelLocalDate(a.submittedAt),
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

  return workbookBuffer(wb);
}
