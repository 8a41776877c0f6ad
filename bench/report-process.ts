/**
 * The annual report's compile in a process of its own, as the product runs it (the worker compiles, the
 * API renders the XLSX), rather than in the bench driver. The driver's heap holds the API, the baseline
 * worker and every earlier case's leftovers: its garbage collections fell inside the timed phases (31–45 ms
 * of a ~100 ms XLSX phase, profiled) and two complete runs of the same code gave 8.25× and 13.0×.
 *
 * The parent sends `{ planId, year, recordSizes }`; the child reads, compiles, serialises and renders
 * exactly as `activities/annual-report.ts` and the report endpoint do, and answers with its phases —
 * and with the floor of the download: exceljs' streaming writer writing the same cells with their
 * formats and nothing else, one sheet per view.
 */
import { fork, type ChildProcess } from 'node:child_process';
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { reportInput } from '../activities/annual-report';
import { renderAnnualReportXlsx } from '../api/services/report-xlsx';
import { openDatabase } from '../db/client';
import { CLASS_LABELS, compileAnnualReport, KIND_LABELS, REPORT_STATUS_LABELS, type AnnualReport } from '../domain/report';
import { WORKER_NODE_OPTIONS } from './worker-process';

export interface ReportRun {
  asOf: string;
  headlineTotal: number;
  xlsxBytes: number;
  /** Only when asked: measuring the JSON's bytes walks its 6.5 MB of text, which the product never does. */
  jsonBytes?: number;
  phases: { read: number; compile: number; json: number; xlsx: number };
  /** ms for exceljs to write the report's cells with their formats only, right after ours (`libraryFloorWorkbook`). */
  floorXlsx: number;
}

interface Request {
  planId: string;
  year: number;
  recordSizes: boolean;
}

export interface ReportProcess {
  compile(planId: string, year: number, recordSizes?: boolean): Promise<ReportRun>;
  stop(): Promise<void>;
}

export async function startReportProcess(databaseUrl: string): Promise<ReportProcess> {
  // The worker's heap limit (docker-compose.yml), as the process that compiles reports has it.
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: [...WORKER_NODE_OPTIONS.split(' '), '--import', 'tsx'],
    env: { ...process.env, BENCH_REPORT_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the report process exited with ${code}`)));
  });
  return {
    compile: (planId, year, recordSizes = false) =>
      new Promise((resolve, reject) => {
        const died = (code: number | null) => reject(new Error(`the report process exited with ${code}`));
        child.once('exit', died);
        child.once('message', (m: ReportRun | { error: string }) => {
          child.off('exit', died);
          if ('error' in m) reject(new Error(m.error));
          else resolve(m);
        });
        child.send({ planId, year, recordSizes } satisfies Request);
      }),
    // Disconnecting lets the child close its pool and exit.
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        if (child.connected) child.disconnect();
      }),
  };
}

async function serve(databaseUrl: string): Promise<void> {
  const database = await openDatabase({ url: databaseUrl, dataDir: '', poolSize: 5 });
  process.on('disconnect', () => void database.close().then(() => process.exit(0)));
  process.on('message', (req: Request) => {
    run(req).then(
      (r) => process.send!(r),
      (err: Error) => process.send!({ error: err.stack ?? err.message }),
    );
  });
  process.send!('ready');

  async function run({ planId, year, recordSizes }: Request): Promise<ReportRun> {
    const t0 = performance.now();
    const input = await reportInput(database.db, planId, year, 1, new Date());
    const t1 = performance.now();
    const report = compileAnnualReport(input);
    const t2 = performance.now();
    const json = JSON.stringify(report);
    const t3 = performance.now();
    const xlsx = await renderAnnualReportXlsx(report, 'vi');
    const t4 = performance.now();
    await libraryFloorWorkbook(report);
    const t5 = performance.now();
    return {
      asOf: report.asOf,
      headlineTotal: report.headline.total,
      xlsxBytes: xlsx.length,
      ...(recordSizes ? { jsonBytes: Buffer.byteLength(json) } : {}),
      phases: { read: t1 - t0, compile: t2 - t1, json: t3 - t2, xlsx: t4 - t3 },
      floorXlsx: t5 - t4,
    };
  }
}

/**
 * The report's cells — the same values, strings, numbers and dates as in ours, sheet by sheet — written by
 * exceljs with only what makes them readable as values: dates and percentages formatted, long text
 * wrapped (a date without a format shows as a serial number). What any workbook of this report costs with
 * the library, before the widths, header rows, frozen panes, filters and print setup ours adds.
 */
async function libraryFloorWorkbook(report: AnnualReport): Promise<Buffer> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: false, useStyles: true });
  const day = (iso: string | null) => (iso ? new Date(iso.slice(0, 10)) : null);
  const format = { date: { numFmt: 'dd/mm/yyyy' }, percent: { numFmt: '0%' }, wrap: { alignment: { wrapText: true } }, plain: {} } as const;
  const sheet = (name: string, formats: (keyof typeof format)[], rows: (string | number | Date | null)[][]) => {
    const ws = book.addWorksheet(name);
    const styles = formats.map((f) => format[f]);
    for (const values of rows) {
      const row = ws.addRow(values);
      for (let i = 0; i < values.length; i++) row.getCell(i + 1).style = styles[i] ?? format.plain;
      row.commit();
    }
    ws.commit();
  };
  const h = report.headline;
  sheet('summary', ['plain', 'wrap'], [['plan', report.plan.title], ['number', report.plan.documentNumber], ['year', report.year], ['total', h.total], ['completed', h.completed], ['open', h.open], ['on time', h.onTimeRate], ['cancelled', h.cancelled]]);
  sheet(
    'tasks',
    ['plain', 'wrap', 'wrap', 'wrap', 'plain', 'plain', 'plain', 'percent', 'plain', 'date', 'date', 'date', 'wrap', 'wrap'],
    report.tasks.map((r) => [r.number, r.section, r.title, r.leadAgencyName, KIND_LABELS[r.kind].vi, REPORT_STATUS_LABELS[r.status].vi, CLASS_LABELS[r.class].vi, r.progress / 100, r.progressSource, day(r.dueDate), day(r.originalDueDate), day(r.completedOn), r.funding?.text ?? null, r.note]),
  );
  sheet(
    'agencies',
    ['plain', 'wrap', 'plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'percent', 'plain', 'plain', 'date', 'wrap'],
    report.agencies.map((a) => [a.agencyCode, a.agencyName, a.total, a.open, a.completed, a.completedOnTime, a.completedLate, a.inProgressOnTime, a.overdue, a.notStarted, a.onTimeRate, String(a.reportSubmitted), String(a.reportOnTime), day(a.submittedAt), a.summary]),
  );
  sheet('funding', ['wrap'], report.funding.rows.map((r) => [r.sources.join(', '), r.taskCount, r.itemsWithAmounts, r.recurrent, r.investment, r.total]));
  sheet('cancelled', ['plain', 'wrap', 'wrap', 'wrap', 'date', 'wrap'], report.cancelled.map((c) => [c.number, c.section, c.title, c.leadAgencyName, day(c.dueDate), c.note]));
  await book.commit();
  return (book as unknown as { stream: { read(): Buffer } }).stream.read();
}

if (process.env.BENCH_REPORT_DATABASE_URL && process.send) void serve(process.env.BENCH_REPORT_DATABASE_URL);
