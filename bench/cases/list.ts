/**
 * List at scale: `GET /api/tasks?agency=&status=&overdue=` (HTTP, auth, validation, the Drizzle query,
 * the JSON view) over a read model of `--list-tasks` tasks, against the same query in raw SQL with `pg`.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { localDate } from '../../domain/calendar';
import type { BenchContext } from '../context';
import { insertPlan, insertProjectedTasks } from '../generate';
import { latencies, summarize, type Latencies } from '../stats';
import { measured, type CaseResult } from '../types';

/**
 * What listTasks runs for a coordinator with agency, status and overdue=true (api/services/tasks.ts),
 * run the same way: a named prepared statement, planned once per connection.
 */
const RAW_SQL = `
select t.*, a.name as lead_agency_name
from tasks t left join agencies a on a.code = t.lead_agency_code
where t.lead_agency_code = $1
  and t.status = any($2::text[])
  and ((t.status in ('assigned', 'in_progress') and t.due_date < $3)
    or (t.status = 'completion_submitted' and t.due_date < $3 and (t.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date > t.due_date))
order by t.due_date, t.id
limit $4`;

const STATUS_FILTERS = [['in_progress'], ['assigned', 'in_progress'], ['assigned']];
const LIMIT = 50;

export async function listAtScale(ctx: BenchContext): Promise<CaseResult> {
  const { listTasks: n, listSamples: samples, reps } = ctx.opts;
  const leads = ctx.leads.slice(0, ctx.opts.agencies);
  ctx.log(`list at scale: inserting ${n} projected tasks`);
  const planId = await insertPlan(ctx.database.db, { code: 'LIST', periodStart: '2021-01-01', periodEnd: '2030-12-31' });
  await insertProjectedTasks(ctx.database.db, { planId, count: n, leads, seed: 7, now: Date.now() });
  await ctx.database.db.execute(sql`analyze tasks`);
  const raw = new pg.Client({ connectionString: ctx.database.url });
  await raw.connect();
  const today = localDate(Date.now());
  const query = (i: number) => ({ agency: leads[i % leads.length]!.code, status: STATUS_FILTERS[i % STATUS_FILTERS.length]! });

  let items = 0;
  const api = async (i: number) => {
    const { agency, status } = query(i);
    const start = performance.now();
    const res = await ctx.api.request<{ items: unknown[] }>('GET', `/api/tasks?agency=${agency}&status=${status.join(',')}&overdue=true&limit=${LIMIT}`, { token: ctx.coordinatorToken });
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`GET /api/tasks answered ${res.status}`);
    items += res.body.items.length;
    return ms;
  };
  let rows = 0;
  const rawQuery = async (i: number) => {
    const { agency, status } = query(i);
    const start = performance.now();
    const res = await raw.query({ name: 'bench_task_list', text: RAW_SQL, values: [agency, status, today, LIMIT + 1] });
    const ms = performance.now() - start;
    rows += Math.min(res.rowCount ?? 0, LIMIT);
    return ms;
  };
  const sample = async (fn: (i: number) => Promise<number>) => {
    const out: number[] = [];
    for (let i = 0; i < samples; i++) out.push(await fn(i));
    return out;
  };
  try {
    for (let i = 0; i < Math.max(10, samples / 10); i++) {
      await api(i);
      await rawQuery(i);
    }
    items = 0;
    rows = 0;
    const ours: Latencies[] = [];
    const base: Latencies[] = [];
    for (let r = 0; r < reps; r++) {
      ours.push(latencies(await sample(api)));
      base.push(latencies(await sample(rawQuery)));
    }
    if (items !== rows) throw new Error(`the API listed ${items} tasks, the raw SQL ${rows}: not the same query`);
    const o = summarize(ours.map((l) => l.p95));
    const b = summarize(base.map((l) => l.p95));
    const ratio = o.median / b.median;
    return {
      name: `list at scale p95 (${n} tasks)`,
      ours: measured('GET /api/tasks?agency&status&overdue', 'ms', o),
      baseline: measured('same query, raw SQL (pg)', 'ms', b),
      ratio,
      target: '≤ 2 × baseline',
      pass: ratio <= 2,
      detail: { tasksInPlan: n, samplesPerRep: samples, itemsPerRequest: items / (samples * reps), oursPerRep: ours, baselinePerRep: base, p50: { ours: summarize(ours.map((l) => l.p50)), baseline: summarize(base.map((l) => l.p50)) } },
      notes: [],
    };
  } finally {
    await raw.end();
  }
}
