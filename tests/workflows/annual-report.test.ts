import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startStack, type TestStack } from '../helpers/stack';
import { waitFor } from '../helpers/wait';
import { today } from '../helpers/dates';
import { seedAgencies } from '../../db/seed/agencies';
import { annualCycles, notifications, plans, tasks } from '../../db/schema';
import { annualCycleWorkflowId, annualScheduleId } from '../../workflows/constants';
import { getCycleQuery } from '../../workflows/messages';
import type { CycleStatus } from '../../workflows/types';
import type { AnnualReport } from '../../domain/report';
import { planFixture, SON_LA } from '../helpers/plan-fixtures';

const sonLa = planFixture(SON_LA);

async function importFixture(stack: TestStack, token: string, planId: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(sonLa)], { type: 'text/csv' }), 'son-la.csv');
  const res = await stack.request('POST', `/api/plans/${planId}/import`, { token, rawBody: form });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(202);
  await waitFor(async () => (await stack.request('GET', `/api/plans/${planId}/imports/${res.body.job.id}`, { token })).body.status, (s) => s === 'started', 'the import job');
}

/** The figures of a year, computed here from the task rows with the rules of DESIGN.md §8, independently of the report code. */
function expectedFigures(rows: (typeof tasks.$inferSelect)[], year: number) {
  const asOf = `${year}-12-31`;
  const inScope = rows.filter((t) => !t.isGroup && t.status !== 'cancelled' && t.startDate <= asOf);
  // Nobody acknowledged or reported anything: a task is overdue once its deadline has passed. A recurring
  // task is reported on year by year, but the plan was imported after its years had passed: it owes only
  // its final year's report, due 20/12 of its last year (or at its end, when that comes first).
  const due = (t: (typeof rows)[number]) => {
    if (t.kind !== 'recurring') return t.dueDate;
    const reportDay = `${t.dueDate.slice(0, 4)}-12-20`;
    return reportDay < t.dueDate ? reportDay : t.dueDate;
  };
  const overdue = inScope.filter((t) => asOf > due(t)).length;
  const perAgency = new Map<string, { total: number; overdue: number }>();
  for (const t of inScope) {
    const a = perAgency.get(t.leadAgencyCode) ?? { total: 0, overdue: 0 };
    a.total++;
    if (asOf > due(t)) a.overdue++;
    perAgency.set(t.leadAgencyCode, a);
  }
  return { total: inScope.length, overdue, notStarted: inScope.length - overdue, perAgency };
}

describe('a 2021–2025 plan: its Schedule starts each year’s cycle on its own', () => {
  let stack: TestStack;
  let coordinator: string;
  let planId: string;
  beforeAll(async () => {
    // Schedules need the real Temporal server: the Java time-skipping test server does not implement them.
    stack = await startStack({ label: 'annual_schedule', temporal: 'local' });
    await seedAgencies(stack.database.db, { province: 'son-la' });
    coordinator = await stack.user({ role: 'coordinator', agencyCode: 'STTTT' });
    await stack.user({ role: 'viewer', name: 'Lãnh đạo UBND tỉnh' });
    const res = await stack.request('POST', '/api/plans', {
      token: coordinator,
      body: {
        code: '212-KH-UBND',
        title: 'Ứng dụng CNTT, phát triển chính quyền số và bảo đảm an toàn thông tin mạng tỉnh Sơn La giai đoạn 2021–2025',
        documentNumber: '212/KH-UBND',
        issuer: 'UBND tỉnh Sơn La',
        issuedOn: '2020-11-03',
        periodStart: '2021-01-01',
        periodEnd: '2025-12-31',
        coordinatorAgencyCode: 'STTTT',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    planId = res.body.id;
    await importFixture(stack, coordinator, planId);
  });
  afterAll(() => stack?.close());

  it('the plan’s Schedule fires on 1 December, Asia/Ho_Chi_Minh, within the plan’s period', async () => {
    const schedule = await stack.env.client.schedule.getHandle(annualScheduleId(planId)).describe();
    expect(schedule.spec.calendars).toHaveLength(1);
    expect(JSON.stringify(schedule.spec.calendars![0]!.month)).toContain('DECEMBER');
    expect(JSON.stringify(schedule.spec.calendars![0]!.dayOfMonth)).toContain('1');
    expect(schedule.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(schedule.spec.startAt?.toISOString()).toBe('2020-12-31T17:00:00.000Z');
    const next = schedule.info.nextActionTimes;
    // 2021–2025 are past: the schedule has nothing left to do.
    expect(next).toEqual([]);
  });

  it('a backfill over 2021–2025 starts exactly the five yearly cycles, each compiled with the right figures', async () => {
    const handle = stack.env.client.schedule.getHandle(annualScheduleId(planId));
    await handle.backfill({ start: new Date('2021-01-01T00:00:00+07:00'), end: new Date('2025-12-31T23:59:59+07:00'), overlap: 'ALLOW_ALL' });
    const db = stack.database.db;
    await expect
      .poll(async () => (await db.select().from(annualCycles).where(eq(annualCycles.planId, planId))).filter((c) => c.status === 'compiled').map((c) => c.year).sort(), {
        timeout: 90_000,
        interval: 500,
      })
      .toEqual([2021, 2022, 2023, 2024, 2025]);

    const rows = await db.select().from(tasks).where(eq(tasks.planId, planId));
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      const report: AnnualReport = (await stack.request('GET', `/api/plans/${planId}/annual-cycles/${year}/report`, { token: coordinator })).body;
      const expected = expectedFigures(rows, year);
      expect(report, `year ${year}`).toMatchObject({ year, asOf: `${year}-12-31`, dueDate: `${year}-12-20`, version: 1 });
      expect(report.headline, `year ${year}`).toMatchObject({ total: expected.total, overdue: expected.overdue, notStarted: expected.notStarted, completed: 0 });
      for (const a of report.agencies.filter((r) => r.total > 0)) {
        expect({ code: a.agencyCode, total: a.total, overdue: a.overdue }).toEqual({ code: a.agencyCode, ...expected.perAgency.get(a.agencyCode) });
      }
      expect(report.funding.total.taskCount).toBe(expected.total);
      expect(report.funding.rows.reduce((n, r) => n + r.taskCount, 0)).toBe(expected.total);
      // Every agency leading an open task was asked; none reported.
      expect(report.headline.agenciesMissing).toBe(report.headline.agenciesRequested);
    }
    // The five cycles were started by the Schedule (one run each) and then finished.
    const [cycle2023] = await db.select().from(annualCycles).where(and(eq(annualCycles.planId, planId), eq(annualCycles.year, 2023)));
    expect(cycle2023!.agencyCodes.length).toBeGreaterThan(10);
    // The row says compiled as soon as the compile activity commits; the run closes just after it.
    const status: CycleStatus = await stack.env.client.workflow.getHandle(annualCycleWorkflowId(planId, 2023)).result();
    expect(status).toMatchObject({ year: 2023, phase: 'closed', compiledVersion: 1 });
    // Old years are asked once, not reminded or escalated after the fact.
    const sent = await db.select().from(notifications).where(and(eq(notifications.planId, planId), eq(notifications.cycleYear, 2023)));
    expect(new Set(sent.map((n) => n.kind))).toEqual(new Set(['report_request', 'report_compiled']));
  });

  it('the XLSX and HTML renderings carry the same figures', async () => {
    const json: AnnualReport = (await stack.request('GET', `/api/plans/${planId}/annual-cycles/2024/report`, { token: coordinator })).body;
    const res = await fetch(`${stack.url}/api/plans/${planId}/annual-cycles/2024/report?format=xlsx`, { headers: { authorization: `Bearer ${coordinator}` } });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const agenciesSheet = wb.worksheets.find((w) => /Đơn vị/.test(w.name))!;
    const header = (agenciesSheet.getRow(1).values as unknown[]).map(String);
    const totalCol = header.findIndex((h) => /Tổng số/.test(h));
    let sheetTotal = 0;
    agenciesSheet.eachRow((row, n) => {
      if (n > 1 && typeof row.getCell(totalCol).value === 'number') sheetTotal += row.getCell(totalCol).value as number;
    });
    // Per-agency rows plus their total row: twice the headline.
    expect(sheetTotal).toBe(json.headline.total * 2);
    expect(agenciesSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const html = await (await fetch(`${stack.url}/api/plans/${planId}/annual-cycles/2024/report?format=html`, { headers: { authorization: `Bearer ${coordinator}` } })).text();
    expect(html).toContain('Kính gửi');
    expect(html).toContain('212/KH-UBND');
  });
});

/**
 * The year of the scenario below: the time-skipping server's clock starts at today's date and only
 * moves forward, so it is the next December whose 1st is still ahead. ANNUAL_SCENARIO_YEAR runs a later
 * one today (the scenario the clock will pick after 1 December).
 */
function scenarioYear(): number {
  const given = process.env.ANNUAL_SCENARIO_YEAR;
  if (given !== undefined) {
    if (!/^\d{4}$/.test(given)) throw new Error(`ANNUAL_SCENARIO_YEAR must be a year such as 2027, not "${given}"`);
    return Number(given);
  }
  const day = today();
  const thisYear = Number(day.slice(0, 4));
  return day < `${thisYear}-12-01` ? thisYear : thisYear + 1;
}

/**
 * The days the cycle of `year` acts on with the default settings (request 1/12, due 20/12), counted
 * here by hand rather than with domain/calendar: December has no public holiday in Vietnam, so its
 * working days are Monday to Friday. The request goes out on the first working day from 1/12, the
 * reminders 5 and 1 working days before 20/12, the escalation on the first working day after it.
 */
function decemberScenario(year: number): { request: string; reminders: [string, string]; escalation: string } {
  const isWorkingDay = (day: number) => ![0, 6].includes(new Date(Date.UTC(year, 11, day)).getUTCDay());
  const date = (day: number) => `${year}-12-${String(day).padStart(2, '0')}`;
  const firstWorkingDayFrom = (day: number): number => (isWorkingDay(day) ? day : firstWorkingDayFrom(day + 1));
  const workingDaysBefore = (day: number, n: number): number => (n === 0 ? day : workingDaysBefore(day - 1, isWorkingDay(day - 1) ? n - 1 : n));
  return { request: date(firstWorkingDayFrom(1)), reminders: [date(workingDaysBefore(20, 5)), date(workingDaysBefore(20, 1))], escalation: date(firstWorkingDayFrom(21)) };
}

describe('a cycle by hand, through time: request, reminders, compile, escalation, a late report', () => {
  let stack: TestStack;
  let coordinator: string;
  let planId: string;
  const year = scenarioYear();
  const days = decemberScenario(year);
  const at8 = (date: string) => `${date}T01:00:00.000Z`;

  beforeAll(async () => {
    stack = await startStack({ label: 'annual_cycle' });
    await seedAgencies(stack.database.db, { province: 'son-la' });
    coordinator = await stack.user({ role: 'coordinator', agencyCode: 'STTTT' });
    await stack.user({ role: 'viewer' });
    const [plan] = await stack.database.db
      .insert(plans)
      .values({ code: `KH-${year}`, title: `Kế hoạch chuyển đổi số ${year}`, documentNumber: '88/KH-UBND', issuer: 'UBND tỉnh Sơn La', issuedOn: `${year}-01-05`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, coordinatorAgencyCode: 'STTTT' })
      .returning({ id: plans.id });
    planId = plan!.id;
    for (const [title, leadAgency] of [
      ['Số hóa hồ sơ hộ tịch', 'STP'],
      ['Đào tạo kỹ năng số cho cán bộ', 'SNV'],
      ['Nâng cấp Trung tâm dữ liệu', 'STTTT'],
    ]) {
      const res = await stack.request('POST', `/api/plans/${planId}/tasks`, { token: coordinator, body: { title, leadAgency, startDate: `${year}-01-01`, dueDate: `${year}-12-31` } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => stack?.close());

  it('runs on the right working days and recompiles for a late report', { timeout: 240_000 }, async () => {
    // The scenario lives in December of `year`: the test server's clock starts at today's date.
    expect(await stack.env.currentTimeMs(), `the scenario needs a clock before 1/12/${year}`).toBeLessThan(Date.parse(at8(days.request)));
    const start = await stack.request('POST', `/api/plans/${planId}/annual-cycles`, { token: coordinator, body: { year } });
    expect(start.status).toBe(201);
    expect((await stack.request('POST', `/api/plans/${planId}/annual-cycles`, { token: coordinator, body: { year } })).status).toBe(409);
    expect((await stack.request('POST', `/api/plans/${planId}/annual-cycles`, { token: coordinator, body: { year: 2030 } })).status).toBe(422);
    const handle = stack.env.client.workflow.getHandle(annualCycleWorkflowId(planId, year));
    const db = stack.database.db;
    const kinds = async () =>
      (await db.select().from(notifications).where(and(eq(notifications.planId, planId), eq(notifications.cycleYear, year))).orderBy(asc(notifications.scheduledFor), asc(notifications.id))).map((n) => [
        n.kind,
        n.scheduledFor.toISOString(),
        n.recipient,
      ]);
    const skipTo = async (iso: string) => stack.env.sleep(Math.max(0, Date.parse(iso) - (await stack.env.currentTimeMs())) + 60_000);

    // 1/12 08:00: the three lead agencies are asked.
    await skipTo(at8(days.request));
    await expect.poll(kinds, { timeout: 20_000 }).toEqual(['agency:SNV', 'agency:STP', 'agency:STTTT'].map((r) => ['report_request', at8(days.request), r]));

    // Two agencies report on time.
    const taskOf = async (code: string) => (await db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.leadAgencyCode, code))))[0]!;
    for (const code of ['STP', 'SNV']) {
      const token = await stack.user({ role: 'agency', agencyCode: code });
      const res = await stack.request('POST', `/api/plans/${planId}/annual-cycles/${year}/reports`, {
        token,
        body: { summary: `Báo cáo năm ${year} của ${code}`, tasks: [{ taskId: (await taskOf(code)).id, percent: 70, note: 'Đã hoàn thành phần lớn khối lượng' }] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.onTime).toBe(true);
    }
    expect((await taskOf('STP')).progress).toBe(70);

    // 5 and 1 working days before 20/12: only STTTT, which has not reported, is reminded.
    await skipTo(at8(days.reminders[1]));
    await expect
      .poll(async () => (await kinds()).filter((k) => k[0] === 'report_reminder'), { timeout: 20_000 })
      .toEqual(days.reminders.map((d) => ['report_reminder', at8(d), 'agency:STTTT']));

    // After the due date: compiled (v1) with STTTT missing; the next working day 08:00, escalated to the coordinator and leadership.
    await skipTo(at8(days.escalation));
    await expect.poll(async () => (await handle.query(getCycleQuery)).compiledVersion, { timeout: 20_000 }).toBe(1);
    const v1: AnnualReport = (await stack.request('GET', `/api/plans/${planId}/annual-cycles/${year}/report`, { token: coordinator })).body;
    expect(v1.headline).toMatchObject({ agenciesRequested: 3, agenciesReported: 2, agenciesReportedOnTime: 2, missingAgencyCodes: ['STTTT'] });
    expect(v1.tasks.find((t) => t.leadAgencyCode === 'STP')).toMatchObject({ progress: 70, progressSource: 'report' });
    await expect.poll(async () => (await kinds()).filter((k) => k[0] === 'report_escalation').map((k) => k[1]), { timeout: 20_000 }).toContain(at8(days.escalation));

    // STTTT reports late: the report recompiles (v2) and says so.
    const late = await stack.request('POST', `/api/plans/${planId}/annual-cycles/${year}/reports`, {
      token: await stack.user({ role: 'agency', agencyCode: 'STTTT' }),
      body: { summary: 'Báo cáo muộn', tasks: [{ taskId: (await taskOf('STTTT')).id, percent: 40 }] },
    });
    expect(late.body.onTime).toBe(false);
    await expect.poll(async () => (await handle.query(getCycleQuery)).compiledVersion, { timeout: 20_000 }).toBe(2);
    const v2: AnnualReport = (await stack.request('GET', `/api/plans/${planId}/annual-cycles/${year}/report`, { token: coordinator })).body;
    expect(v2.headline).toMatchObject({ agenciesReported: 3, agenciesReportedOnTime: 2, agenciesMissing: 0 });
    expect(v2.agencies.find((a) => a.agencyCode === 'STTTT')).toMatchObject({ reportSubmitted: true, reportOnTime: false });
    const status = (await stack.request('GET', `/api/plans/${planId}/annual-cycles/${year}`, { token: coordinator })).body;
    expect(status.agencies.map((a: { code: string; onTime: boolean }) => [a.code, a.onTime])).toEqual([
      ['SNV', true],
      ['STP', true],
      ['STTTT', false],
    ]);
  });

  it('refuses a report on another agency’s task, a percentage out of range; a second report replaces the first', async () => {
    const token = await stack.user({ role: 'agency', agencyCode: 'SNV' });
    const stp = (await stack.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.leadAgencyCode, 'STP'))))[0]!;
    const mine = (await stack.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.leadAgencyCode, 'SNV'))))[0]!;
    const send = (tasksBody: unknown) => stack.request('POST', `/api/plans/${planId}/annual-cycles/${year}/reports`, { token, body: { summary: 'Báo cáo bổ sung', tasks: tasksBody } });
    expect((await send([{ taskId: stp.id, percent: 50 }])).status).toBe(403);
    const outOfRange = await send([{ taskId: mine.id, percent: 120 }]);
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.error.details[0].field).toBe('tasks.0.percent');
    expect((await send([{ taskId: mine.id, percent: 80 }])).status).toBe(201);
    const status = (await stack.request('GET', `/api/plans/${planId}/annual-cycles/${year}`, { token: coordinator })).body;
    expect(status.agencies.find((a: { code: string }) => a.code === 'SNV')).toMatchObject({ summary: 'Báo cáo bổ sung', versions: 2 });
  });
});
