/**
 * `npm run bench`: every case of the benchmark issue side by side with its baseline, in one run on this
 * machine, then one table and bench/results/<time>.json (+ latest.json). `--help` lists the flags.
 */
import { parseOptions, type CaseName } from '../bench/options';
import { closeContext, createContext, type BenchContext } from '../bench/context';
import { table, writeResults } from '../bench/report';
import { meetsTarget, type CaseResult } from '../bench/types';
import { bulkStart } from '../bench/cases/bulk-start';
import { workerMemory } from '../bench/cases/worker-memory';
import { commandLatency } from '../bench/cases/command-latency';
import { listAtScale } from '../bench/cases/list';
import { annualReport } from '../bench/cases/annual-report';
import { reminders } from '../bench/cases/reminders';
import { historyCase } from '../bench/cases/history';
import { saturationSweep } from '../bench/cases/sweep';

// In this order: the latency case acknowledges tasks bulk start left open; the memory case comes last,
// because it fills the worker's cache with thousands of open workflows, which would weigh on every case
// after it, and it counts the workflows the earlier cases left open.
const RUN: Record<CaseName, (ctx: BenchContext) => Promise<CaseResult | CaseResult[]>> = {
  bulk: bulkStart,
  latency: commandLatency,
  list: listAtScale,
  report: annualReport,
  reminders,
  history: historyCase,
  sweep: saturationSweep,
  memory: workerMemory,
};

const opts = parseOptions(process.argv.slice(2));
const started = new Date();
const ctx = await createContext(opts);
const results: CaseResult[] = [];
const errors: { case: string; error: string }[] = [];
try {
  for (const name of Object.keys(RUN) as CaseName[]) {
    if (!opts.only.includes(name)) continue;
    const t0 = performance.now();
    try {
      const r = await RUN[name](ctx);
      results.push(...(Array.isArray(r) ? r : [r]));
    } catch (err) {
      // One broken case must not hide the others' figures; it is reported and fails the run.
      ctx.log(`case ${name} failed: ${(err as Error).stack}`);
      errors.push({ case: name, error: (err as Error).message });
    }
    ctx.log(`case ${name} took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
} finally {
  await closeContext(ctx).catch((err: Error) => ctx.log(`cleanup: ${err.message}`));
}
const { file, latest } = writeResults(opts.out, opts, results, started, errors);
process.stdout.write(`\n${table(results)}\n\n`);
for (const r of results) for (const n of r.notes) process.stdout.write(`- ${r.name}: ${n}\n`);
for (const e of errors) process.stdout.write(`- FAILED ${e.case}: ${e.error}\n`);
process.stdout.write(`\nresults: ${file}${latest ? ` (and ${opts.out}/latest.json)` : ''}; ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min\n`);
process.exit(errors.length === 0 && results.every(meetsTarget) ? 0 : 1);
