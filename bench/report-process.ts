/**
 * The annual report's compile in a process of its own, as the product runs it (the worker compiles, the
 * API renders the XLSX), rather than in the bench driver. The driver's heap holds the API, the baseline
 * worker and every earlier case's leftovers: its garbage collections fell inside the timed phases (31–45 ms
 * of a ~100 ms XLSX phase, profiled) and two complete runs of the same code gave 8.25× and 13.0×.
 *
 * The parent sends `{ planId, year, recordSizes }`; the child reads, compiles, serialises and renders
 * exactly as `activities/annual-report.ts` and the report endpoint do, and answers with its phases.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { reportInput } from '../activities/annual-report';
import { renderAnnualReportXlsx } from '../api/services/report-xlsx';
import { openDatabase } from '../db/client';
import { compileAnnualReport } from '../domain/report';
import { WORKER_NODE_OPTIONS } from './worker-process';

export interface ReportRun {
  asOf: string;
  headlineTotal: number;
  xlsxBytes: number;
  /** Only when asked: measuring the JSON's bytes walks its 6.5 MB of text, which the product never does. */
  jsonBytes?: number;
  phases: { read: number; compile: number; json: number; xlsx: number };
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
    return {
      asOf: report.asOf,
      headlineTotal: report.headline.total,
      xlsxBytes: xlsx.length,
      ...(recordSizes ? { jsonBytes: Buffer.byteLength(json) } : {}),
      phases: { read: t1 - t0, compile: t2 - t1, json: t3 - t2, xlsx: t4 - t3 },
    };
  }
}

if (process.env.BENCH_REPORT_DATABASE_URL && process.send) void serve(process.env.BENCH_REPORT_DATABASE_URL);
