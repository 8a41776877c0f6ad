import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, gte, inArray } from 'drizzle-orm';
import { tasks } from '../../db/schema';
import { addDays, atLocalHour } from '../../domain/calendar';
import { assignedDueDate } from '../../domain/deadline';
import type { AnnualReport } from '../../domain/report';
import { searchableText } from '../../domain/text';
import type { TaskKind } from '../../domain/vocabulary';
import { startTaskWorkflows } from '../../activities/task-starter';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { today } from '../helpers/dates';
import { startStack, type TestStack } from '../helpers/stack';
import { waitFor } from '../helpers/wait';

/**
 * The task list, the task's JSON, the plan statistics and the annual report judge recurring tasks by
 * the same rule (domain/deadline): overdue only for a year whose report is missing. On any day the
 * suite runs, the plan's report day is set 30 days ahead, so exactly one report day of the tasks'
 * period has passed (D1, in year Y1, about eleven months ago) and the next (D2) is to come. The tasks
 * were assigned before D1, 400 days ago, so Y1's report is owed:
 *
 * - R1 reported Y1 with the agency's annual report of Y1, its figure unchanged (0 %): not overdue.
 * - R2 never reported: overdue since D1.
 * - R3 reported late, from the task page, today: that makes up Y1, not overdue.
 * - R4, a row whose period ended on D1, reported with the annual report: owes nothing, not overdue.
 * - N1 and N2, tasks of kind `new`, one past its due date and one not: judged as before.
 */
const TODAY = today();
// About eleven months back; never 31/12 (the day a year's report is judged at) nor 29/02 (not a day of every year).
const D1 = [335, 337, 339].map((n) => addDays(TODAY, -n)).find((d) => !d.endsWith('-12-31') && !d.endsWith('-02-29'))!;
const Y1 = Number(D1.slice(0, 4));
const D2 = `${Y1 + 1}${D1.slice(4)}`;
const Y2 = Number(D2.slice(0, 4));
const START = addDays(TODAY, -400);
const END = addDays(TODAY, 400);

let stack: TestStack;
let planId: string;
let coordinator: string;
let viewer: string;
let stttt: string;
let snv: string;
const ids: Record<'r1' | 'r2' | 'r3' | 'r4' | 'n1' | 'n2', string> = { r1: randomUUID(), r2: randomUUID(), r3: randomUUID(), r4: randomUUID(), n1: randomUUID(), n2: randomUUID() };

beforeAll(async () => {
  stack = await startStack({ label: 'recurring' });
  const { db } = stack.database;
  await seedAgencies(db);
  planId = await seedPlan(db, { periodStart: `${START.slice(0, 4)}-01-01`, periodEnd: `${END.slice(0, 4)}-12-31`, settings: { report: { dueOn: D1.slice(5) } } });
  coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
  viewer = await stack.user({ role: 'viewer' });
  stttt = await stack.user({ role: 'agency', agencyCode: 'STTTT', name: 'Văn thư Sở TTTT' });
  snv = await stack.user({ role: 'agency', agencyCode: 'SNV', name: 'Văn thư Sở Nội vụ' });

  // Rows as an import 400 days ago wrote them; their workflows start now, assigned then.
  const row = (key: keyof typeof ids, lead: string, kind: TaskKind, dueDate: string, position: number) => {
    const title = `Nhiệm vụ ${key.toUpperCase()}`;
    const dates = { kind, isGroup: false, startDate: START, dueDate };
    return {
      ...dates,
      id: ids[key],
      planId,
      position,
      title,
      titleSearch: searchableText(title),
      leadAgencyCode: lead,
      originalDueDate: dueDate,
      currentDueDate: assignedDueDate(dates, D1.slice(5), START),
      createdAt: new Date(atLocalHour(START, 9)),
    };
  };
  await db.insert(tasks).values([
    row('r1', 'STTTT', 'recurring', END, 1),
    row('r2', 'STTTT', 'recurring', END, 2),
    row('r3', 'SNV', 'recurring', END, 3),
    row('r4', 'SNV', 'recurring', D1, 4),
    row('n1', 'STTTT', 'new', addDays(TODAY, -10), 5),
    row('n2', 'SNV', 'new', addDays(TODAY, 100), 6),
  ]);
  await startTaskWorkflows(stack.env.client, db, Object.values(ids), { userId: null, name: 'Chuyên viên VP UBND tỉnh', role: 'coordinator', agencyCode: 'VPUBND' });
  await waitFor(() => db.$count(tasks, and(inArray(tasks.id, Object.values(ids)), gte(tasks.lastSeq, 1))), (n) => n === 6, 'the tasks’ first projections');
}, 120_000);
afterAll(() => stack?.close());

const get = (path: string, token = coordinator) => stack.request('GET', path, { token });
const idsOf = (items: { id: string }[]) => items.map((t) => t.id).sort();

describe(`recurring tasks owing the report of ${Y1} (due ${D1}): one rule everywhere`, () => {
  it('reports reach the tasks: an annual report of Y1 (even an unchanged figure), a late one from the task page', async () => {
    // Late first, from the task page: it makes up Y1, the earliest year missing.
    const late = await stack.request('POST', `/api/tasks/${ids.r3}/progress`, { token: snv, body: { percent: 30, note: `Báo cáo bổ sung năm ${Y1}` } });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect(late.body).toMatchObject({ overdue: false, currentDueDate: D2, reportYear: Y2 });

    const started = await stack.request('POST', `/api/plans/${planId}/annual-cycles`, { token: coordinator, body: { year: Y1 } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    // Its due date long past, the cycle asks and compiles at once.
    await waitFor(async () => (await get(`/api/plans/${planId}/annual-cycles/${Y1}`)).body.status, (s) => s === 'compiled', 'the first compilation');

    const fromStttt = await stack.request('POST', `/api/plans/${planId}/annual-cycles/${Y1}/reports`, {
      token: stttt,
      body: { summary: `Báo cáo năm ${Y1} của Sở TTTT`, tasks: [{ taskId: ids.r1, percent: 0 }] },
    });
    expect(fromStttt.status, JSON.stringify(fromStttt.body)).toBe(201);
    expect(fromStttt.body.notApplied).toEqual([]);
    const fromSnv = await stack.request('POST', `/api/plans/${planId}/annual-cycles/${Y1}/reports`, {
      token: snv,
      body: { summary: `Báo cáo năm ${Y1} của Sở Nội vụ`, tasks: [{ taskId: ids.r4, percent: 100, note: 'Đã thực hiện xong' }] },
    });
    expect(fromSnv.status, JSON.stringify(fromSnv.body)).toBe(201);

    const r1 = (await get(`/api/tasks/${ids.r1}`)).body;
    const reported = r1.events.find((e: { type: string }) => e.type === 'progress_reported');
    expect(reported).toMatchObject({ data: { fromPercent: 0, percent: 0, reportYear: Y1, via: 'report' } });
    const r3 = (await get(`/api/tasks/${ids.r3}`)).body;
    expect(r3.events.find((e: { type: string }) => e.type === 'progress_reported')).toMatchObject({ data: { percent: 30, reportYear: Y1 } });
  });

  it('the task JSON: the deadline that applies, the year it is for, and the overdue flag', async () => {
    const view = async (id: string) => {
      const t = (await get(`/api/tasks/${id}`)).body;
      return { overdue: t.overdue, currentDueDate: t.currentDueDate, reportYear: t.reportYear, dueDate: t.dueDate };
    };
    expect(await view(ids.r1)).toEqual({ overdue: false, currentDueDate: D2, reportYear: Y2, dueDate: END });
    expect(await view(ids.r2)).toEqual({ overdue: true, currentDueDate: D1, reportYear: Y1, dueDate: END });
    expect(await view(ids.r3)).toEqual({ overdue: false, currentDueDate: D2, reportYear: Y2, dueDate: END });
    // Its period over and its one year reported: nothing owed, though its due date is long past.
    expect(await view(ids.r4)).toEqual({ overdue: false, currentDueDate: null, reportYear: null, dueDate: D1 });
    expect(await view(ids.n1)).toMatchObject({ overdue: true, currentDueDate: addDays(TODAY, -10), reportYear: null });
    expect(await view(ids.n2)).toMatchObject({ overdue: false, currentDueDate: addDays(TODAY, 100), reportYear: null });
  });

  it('the list’s overdue filter (SQL) picks the same tasks as the flag, for every role that lists them', async () => {
    const list = async (overdue: boolean, token = coordinator) => (await get(`/api/tasks?plan=${planId}&overdue=${overdue}&limit=100`, token)).body.items;
    expect(idsOf(await list(true))).toEqual([ids.r2, ids.n1].sort());
    expect(idsOf(await list(false))).toEqual([ids.r1, ids.r3, ids.r4, ids.n2].sort());
    for (const t of [...(await list(true)), ...(await list(false))]) expect(t.overdue, t.title).toBe([ids.r2, ids.n1].includes(t.id));
    expect(idsOf(await list(true, stttt))).toEqual([ids.r2, ids.n1].sort());
    expect(idsOf(await list(true, snv))).toEqual([]);
    // A task owing nothing has no deadline to be near either: the negated filter keeps it (no SQL unknown).
    const dueSoon = async (flag: boolean) => (await get(`/api/tasks?plan=${planId}&dueSoon=${flag}&limit=100`)).body.items;
    expect(idsOf(await dueSoon(true))).toEqual([]);
    expect(idsOf(await dueSoon(false))).toEqual(Object.values(ids).sort());
  });

  it('the plan statistics count the same tasks overdue', async () => {
    const stats = (await get(`/api/plans/${planId}/stats`, viewer)).body;
    expect(stats.totals).toMatchObject({ total: 6, overdue: 2 });
    const of = (code: string) => stats.agencies.find((a: { agencyCode: string }) => a.agencyCode === code);
    expect(of('STTTT')).toMatchObject({ total: 3, overdue: 2 });
    expect(of('SNV')).toMatchObject({ total: 3, overdue: 0 });
  });

  it(`the annual report of ${Y1} classes the recurring tasks as the list flags them`, async () => {
    const report = await waitFor(
      async () => (await get(`/api/plans/${planId}/annual-cycles/${Y1}/report`)).body as AnnualReport,
      (r) => r.headline?.agenciesReported === 2,
      'the report recompiled with both agencies’ reports',
    );
    const row = (id: string) => report.tasks.find((t) => t.id === id)!;
    expect(row(ids.r2)).toMatchObject({ class: 'in_progress_overdue', dueDate: D1 });
    expect(row(ids.r1)).toMatchObject({ class: 'in_progress_on_time', dueDate: D2 });
    expect(row(ids.r3)).toMatchObject({ class: 'in_progress_on_time', dueDate: D2 });
    expect(row(ids.r4)).toMatchObject({ class: 'in_progress_on_time', dueDate: D1 });
    for (const key of ['r1', 'r2', 'r3', 'r4'] as const) {
      const flagged = (await get(`/api/tasks/${ids[key]}`)).body.overdue;
      expect(row(ids[key]).class === 'in_progress_overdue', key).toBe(flagged);
    }
  });
});
