/**
 * List at scale: `GET /api/tasks?agency=&status=&overdue=` (HTTP, auth, validation, the Drizzle query,
 * the JSON view) over a read model of `--list-tasks` tasks, against the same query in raw SQL with `pg`.
 * Beside them, the floor of any HTTP JSON API: the raw query's rows sent as JSON by bare node:http.
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { shownColumns } from '../../db/read-model/task-view';
import { localDate } from '../../domain/calendar';
import type { BenchContext } from '../context';
import { insertPlan, insertProjectedTasks } from '../generate';
import { serveLocally } from '../stack';
import { interleaved, latencies, summarize, type Latencies } from '../stats';
import { measured, type CaseResult } from '../types';

/**
 * What listTasks runs for a coordinator with agency, status and overdue=true (api/services/tasks.ts),
 * the same columns, run the same way: a named prepared statement, planned once per connection.
 */
const RAW_SQL = `
select ${Object.values(shownColumns).map((c) => `t.${c.name}`).join(', ')}, a.name as lead_agency_name
from tasks t left join agencies a on a.code = t.lead_agency_code
where t.lead_agency_code = $1
  and t.status = any($2::text[])
  and t.current_due_date is not null
  and ((t.status in ('assigned', 'in_progress') and t.current_due_date < $3)
    or (t.status = 'completion_submitted' and t.current_due_date < $3 and (t.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date > t.current_due_date))
order by t.due_date, t.id
limit $4`;

const STATUS_FILTERS = [['in_progress'], ['assigned', 'in_progress'], ['assigned']];
const LIMIT = 50;

const runRawQuery = (raw: pg.Client, agency: string, status: string[], today: string) =>
  raw.query({ name: 'bench_task_list', text: RAW_SQL, values: [agency, status, today, LIMIT + 1] });

/**
 * The least any HTTP JSON API adds to the query: node:http with no framework, no authentication and no
 * validation, answering with the raw query's rows as JSON, which the client parses (as it parses ours).
 * What separates it from the raw query is HTTP and JSON; what separates ours from it is the product.
 */
async function startHttpFloor(raw: pg.Client, today: string) {
  const server = http.createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://floor').searchParams;
    runRawQuery(raw, params.get('agency') ?? '', (params.get('status') ?? '').split(','), today).then(
      (result) => {
        const body = JSON.stringify({ items: result.rows.slice(0, LIMIT) });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      (err: Error) => res.writeHead(500).end(err.message),
    );
  });
  return serveLocally(server);
}

export async function listAtScale(ctx: BenchContext): Promise<CaseResult[]> {
  const { listTasks: n, listSamples: samples, reps } = ctx.opts;
  const leads = ctx.leads.slice(0, ctx.opts.agencies);
  ctx.log(`list at scale: inserting ${n} projected tasks`);
  const planId = await insertPlan(ctx.database.db, { code: 'LIST', periodStart: '2021-01-01', periodEnd: '2030-12-31' });
  await insertProjectedTasks(ctx.database.db, { planId, count: n, leads, seed: 7, now: Date.now() });
  await ctx.database.db.execute(sql`analyze tasks`);
  const raw = new pg.Client({ connectionString: ctx.database.url });
  await raw.connect();
  const today = localDate(Date.now());
  const floor = await startHttpFloor(raw, today);
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
    const res = await runRawQuery(raw, agency, status, today);
    const ms = performance.now() - start;
    rows += Math.min(res.rowCount ?? 0, LIMIT);
    return ms;
  };
  let floorItems = 0;
  const floorRequest = async (i: number) => {
    const { agency, status } = query(i);
    const start = performance.now();
    const res = await floor.request<{ items: unknown[] }>('GET', `/tasks?agency=${agency}&status=${status.join(',')}`);
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`the HTTP floor answered ${res.status}: ${String(res.body)}`);
    floorItems += res.body.items.length;
    return ms;
  };
  try {
    await interleaved({ api, rawQuery, floorRequest }, Math.max(10, samples / 10));
    items = 0;
    rows = 0;
    floorItems = 0;
    const ours: Latencies[] = [];
    const base: Latencies[] = [];
    const bare: Latencies[] = [];
    for (let r = 0; r < reps; r++) {
      const rep = await interleaved({ api, rawQuery, floorRequest }, samples);
      ours.push(latencies(rep.api));
      base.push(latencies(rep.rawQuery));
      bare.push(latencies(rep.floorRequest));
    }
    if (items !== rows || floorItems !== rows) throw new Error(`the API listed ${items} tasks, the HTTP floor ${floorItems}, the raw SQL ${rows}: not the same query`);
    const p95 = (ls: Latencies[]) => summarize(ls.map((l) => l.p95));
    const p50 = (ls: Latencies[]) => summarize(ls.map((l) => l.p50));
    const [o, b, f] = [p95(ours), p95(base), p95(bare)];
    // Judged against the floor of any HTTP JSON API over the same query (what the product adds on top of
    // node:http and JSON); the floor itself is shown against the raw query, which no HTTP API reaches.
    const ratio = o.median / f.median;
    const floorRatio = f.median / b.median;
    return [
      {
        name: `list at scale p95 (${n} tasks)`,
        ours: measured('GET /api/tasks?agency&status&overdue', 'ms', o),
        baseline: measured('the same rows as JSON from bare node:http', 'ms', f),
        ratio,
        target: '≤ 1.5 × baseline',
        pass: ratio <= 1.5,
        detail: {
          tasksInPlan: n,
          samplesPerRep: samples,
          itemsPerRequest: items / (samples * reps),
          oursPerRep: ours,
          baselinePerRep: bare,
          rawQueryPerRep: base,
          p50: { ours: p50(ours), httpFloor: p50(bare), rawQuery: p50(base) },
        },
        notes: [`ours is ${(o.median / b.median).toFixed(2)} × the raw query at p95 (${(p50(ours).median / p50(bare).median).toFixed(2)} × the floor at p50)`],
      },
      {
        name: 'list: bare HTTP floor p95',
        ours: measured('node:http, no framework or auth, raw rows as JSON', 'ms', f),
        baseline: measured('same query, raw SQL (pg)', 'ms', b),
        ratio: floorRatio,
        target: 'none: what HTTP and JSON add to any API',
        pass: true,
        informative: true,
        detail: {},
        notes: [],
      },
    ];
  } finally {
    await floor.close();
    await raw.end();
  }
}
