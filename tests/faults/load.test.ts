/**
 * Load: concurrent simulated clerks (default 50) acting on a plan of 2,000 tasks for 60 s against the
 * API on loopback. No 5xx, the p95 reported, verify clean afterwards. Sizes: FAULT_LOAD_TASKS,
 * FAULT_LOAD_CLERKS, FAULT_LOAD_SECONDS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latencies } from '../../bench/stats';
import { rng } from '../../bench/generate';
import { recordFaults, startFaultStack, type FaultStack } from './harness';
import { appendix, commitAppendix, seedProvince, waitAllProjected, type Province } from './province';

const TASKS = Number(process.env.FAULT_LOAD_TASKS ?? 2000);
const CLERKS = Number(process.env.FAULT_LOAD_CLERKS ?? 50);
const SECONDS = Number(process.env.FAULT_LOAD_SECONDS ?? 60);

let stack: FaultStack;
let province: Province;

beforeAll(async () => {
  stack = await startFaultStack('load');
  province = await seedProvince(stack);
  const committed = await commitAppendix(stack, province, appendix(province, TASKS, 11));
  expect(committed.status, JSON.stringify(committed.body)).toBe(202);
  await waitAllProjected(stack, province.planId, TASKS, 600_000);
}, 900_000);
afterAll(() => stack?.close());

interface Sample {
  ms: number;
  status: number;
  what: string;
}

/** One clerk of one agency: looks at its lists, acknowledges, reports progress, opens tasks. */
async function clerk(agencyCode: string, token: string, until: number, seed: number, samples: Sample[]): Promise<void> {
  const random = rng(seed);
  const call = async (what: string, method: string, path: string, body?: unknown, key?: string) => {
    const started = performance.now();
    const res = await stack.request(method, path, { token, body, headers: key ? { 'Idempotency-Key': key } : {} });
    samples.push({ ms: performance.now() - started, status: res.status, what });
    return res;
  };
  // The agency's list holds the tasks it coordinates too; only those it leads are its to act on.
  const list = async (status: string) =>
    (((await call('list', 'GET', `/api/tasks?agency=${agencyCode}&status=${status}&limit=20`)).body as { items?: { id: string; leadAgency: string }[] }).items ?? []).filter(
      (t) => t.leadAgency === agencyCode,
    );
  let n = 0;
  while (Date.now() < until) {
    n++;
    const r = random();
    if (r < 0.35) {
      const [task] = await list('assigned');
      if (task) await call('acknowledge', 'POST', `/api/tasks/${task.id}/acknowledge`, {}, `ack-${task.id}`);
    } else if (r < 0.65) {
      const items = await list('in_progress');
      const task = items[Math.floor(random() * items.length)];
      if (task) await call('progress', 'POST', `/api/tasks/${task.id}/progress`, { percent: 10 + Math.floor(random() * 80), note: 'Cập nhật tiến độ' }, `progress-${agencyCode}-${n}`);
    } else if (r < 0.85) {
      const items = await list('in_progress');
      const task = items[Math.floor(random() * items.length)];
      if (task) await call('detail', 'GET', `/api/tasks/${task.id}`);
    } else {
      await call('overdue', 'GET', `/api/tasks?agency=${agencyCode}&overdue=true&limit=50`);
    }
  }
}

describe(`${CLERKS} clerks on ${TASKS} tasks for ${SECONDS} s`, () => {
  it('no 5xx; every answer a success or a refusal the state explains; verify clean', async () => {
    const samples: Sample[] = [];
    const clerks = province.agencies.slice(0, CLERKS);
    expect(clerks).toHaveLength(CLERKS);
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(clerks.map((a, i) => clerk(a.code, province.clerks.get(a.code)!, until, i + 1, samples)));

    const serverErrors = samples.filter((s) => s.status >= 500);
    expect(serverErrors, JSON.stringify(serverErrors.slice(0, 5))).toEqual([]);
    // 409: another command changed the task between the list and the action — the only refusal expected.
    const unexpected = samples.filter((s) => s.status >= 400 && s.status !== 409);
    expect(unexpected, JSON.stringify(unexpected.slice(0, 5))).toEqual([]);
    const writes = samples.filter((s) => s.what === 'acknowledge' || s.what === 'progress');
    expect(writes.length).toBeGreaterThan(CLERKS);

    const all = latencies(samples.map((s) => s.ms));
    const ofWrites = latencies(writes.map((s) => s.ms));
    const report = await stack.verify();
    expect(report.mismatches).toEqual([]);
    const notes = `${samples.length} requests (${(samples.length / SECONDS).toFixed(0)}/s), p50 ${all.p50.toFixed(0)} ms, p95 ${all.p95.toFixed(0)} ms; commands p95 ${ofWrites.p95.toFixed(0)} ms`;
    console.log(`load: ${notes}`);
    recordFaults({ scenario: `load: ${CLERKS} clerks × ${SECONDS} s on ${TASKS} tasks`, faults: 0, lost: 0, duplicated: 0, notes }, report);
  });
});
