/** The run's table on stdout and its JSON under bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CASES, type BenchOptions } from './options';
import { meetsTarget, type CaseResult, type Measured } from './types';

const fmtNumber = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const fmt = (m: Measured | undefined) => (m ? `${fmtNumber(m.summary.median)} ${m.unit} ±${(m.summary.spread * 50).toFixed(0)}%` : '—');

/** The table: one line per case; the spread is half the (max − min) / median of the repetitions. */
export function table(results: CaseResult[]): string {
  const head = ['case', 'ours', 'baseline', 'ratio', 'target', 'verdict'];
  const rows = results.map((r) => [r.name, fmt(r.ours), fmt(r.baseline), r.ratio === undefined ? '—' : r.ratio.toFixed(2), r.target, r.informative ? 'info' : r.pass ? 'PASS' : 'MISS']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Figures a Temporal cluster on Postgres (or Cassandra) would change, and why. */
export const CLUSTER_CHANGES = [
  'bulk start and the saturation sweep: the dev server persists through one SQLite connection, so starts and activity completions are serialised; a cluster writes through a connection pool to history shards and scales out with matching/history hosts',
  'command latency: each Update is a few persistence round trips; SQLite with synchronous=off is faster per write than networked Postgres with fsync, so absolute latencies grow a little on a cluster while the ratio to the baseline stays (both pay the same round trips)',
  'worker memory, list at scale, annual report and reminders do not depend on the Temporal persistence: they measure the worker process and the read model',
  'history size depends only on the workflow code',
];

export function writeResults(dir: string, opts: BenchOptions, results: CaseResult[], started: Date, errors: { case: string; error: string }[]): { file: string; latest: boolean } {
  mkdirSync(dir, { recursive: true });
  const doc = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.release()}` },
    temporal: { server: 'temporal server start-dev (SQLite, one connection)', sqlitePragmas: ['journal_mode=wal', 'synchronous=off'] },
    options: { ...opts, databaseUrl: undefined },
    allPass: errors.length === 0 && results.every(meetsTarget),
    results,
    errors,
    clusterWouldChange: CLUSTER_CHANGES,
    table: table(results),
  };
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  const file = path.join(dir, `${started.toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}.json`);
  writeFileSync(file, json);
  // latest.json is what the README links: only a complete run at full size replaces it.
  const latest = !opts.quick && opts.only.length === CASES.length;
  if (latest) writeFileSync(path.join(dir, 'latest.json'), json);
  return { file, latest };
}
