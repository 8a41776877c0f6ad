/** The benchmark's flags (node:util parseArgs): sizes, repetitions and which cases to run. */
import { parseArgs } from 'node:util';

export const CASES = ['bulk', 'memory', 'latency', 'list', 'report', 'reminders', 'history', 'sweep'] as const;
export type CaseName = (typeof CASES)[number];

export interface BenchOptions {
  quick: boolean;
  reps: number;
  bulkTasks: number;
  bulkWarmup: number;
  concurrency: number;
  memoryTasks: number;
  latencySamples: number;
  listTasks: number;
  listSamples: number;
  reportTasks: number;
  reminderTasks: number;
  agencies: number;
  historyYears: number;
  sweep: number[];
  sweepSteps: number;
  only: CaseName[];
  databaseUrl: string;
  out: string;
}

const USAGE = `npm run bench -- [flags]
  --quick                 small sizes: a sanity run in a few minutes
  --reps N                repetitions per case after the warm-up (default 3)
  --bulk-tasks N          tasks per imported plan (default 5000, the issue's size: ~80 s a repetition here)
  --bulk-warmup N         tasks of the warm-up import (default 100)
  --concurrency N         starts in flight, for the import job and the baseline alike (default 16)
  --memory-tasks N        open task workflows for the worker memory case (default 10000, the issue's size,
                          ten times the worker's workflow cache; bulk start's workflows count)
  --latency-samples N     commands per repetition (default 200)
  --list-tasks N          tasks in the read model for the list case (default 10000)
  --list-samples N        requests per repetition (default 300)
  --report-tasks N        tasks of the annual report plan (default 10000)
  --reminder-tasks N      tasks due the same day (default 10000)
  --agencies N            agencies they belong to (default 50)
  --history-years N       simulated life of the history case (default 5)
  --sweep a,b,c           busy workflows in flight per sweep step (default 25,100,400,1000)
  --sweep-steps N         activities per busy workflow (default 5)
  --only a,b              run only these cases: ${CASES.join(', ')}
  --database-url URL      the Postgres server (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --out DIR               where the results go (default bench/results)`;

const num = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, not "${v}"`);
  return n;
};

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      quick: { type: 'boolean' },
      reps: { type: 'string' },
      'bulk-tasks': { type: 'string' },
      'bulk-warmup': { type: 'string' },
      concurrency: { type: 'string' },
      'memory-tasks': { type: 'string' },
      'latency-samples': { type: 'string' },
      'list-tasks': { type: 'string' },
      'list-samples': { type: 'string' },
      'report-tasks': { type: 'string' },
      'reminder-tasks': { type: 'string' },
      agencies: { type: 'string' },
      'history-years': { type: 'string' },
      sweep: { type: 'string' },
      'sweep-steps': { type: 'string' },
      only: { type: 'string' },
      'database-url': { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const q = values.quick ?? false;
  const only = (values.only?.split(',').map((s) => s.trim()).filter(Boolean) ?? [...CASES]) as CaseName[];
  for (const c of only) if (!CASES.includes(c)) throw new Error(`--only: unknown case "${c}" (known: ${CASES.join(', ')})`);
  const sweep = (values.sweep ?? (q ? '10,50,200' : '25,100,400,1000')).split(',').map((s) => num(s.trim(), 1, 'sweep'));
  return {
    quick: q,
    reps: num(values.reps, q ? 2 : 3, 'reps'),
    bulkTasks: num(values['bulk-tasks'], q ? 200 : 5000, 'bulk-tasks'),
    bulkWarmup: num(values['bulk-warmup'], q ? 20 : 100, 'bulk-warmup'),
    concurrency: num(values.concurrency, 16, 'concurrency'),
    memoryTasks: num(values['memory-tasks'], q ? 500 : 10000, 'memory-tasks'),
    latencySamples: num(values['latency-samples'], q ? 30 : 200, 'latency-samples'),
    listTasks: num(values['list-tasks'], q ? 1000 : 10_000, 'list-tasks'),
    listSamples: num(values['list-samples'], q ? 50 : 300, 'list-samples'),
    reportTasks: num(values['report-tasks'], q ? 1000 : 10_000, 'report-tasks'),
    reminderTasks: num(values['reminder-tasks'], q ? 500 : 10_000, 'reminder-tasks'),
    agencies: num(values.agencies, 50, 'agencies'),
    historyYears: num(values['history-years'], q ? 2 : 5, 'history-years'),
    sweep,
    sweepSteps: num(values['sweep-steps'], 5, 'sweep-steps'),
    only,
    databaseUrl: values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    out: values.out ?? 'bench/results',
  };
}
