import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies } from '../../db/seed/agencies';
import { importJobs, plans, taskEvents, tasks } from '../../db/schema';
import { planFixture, SON_LA, TAY_NINH } from '../helpers/plan-fixtures';

const sonLa = planFixture(SON_LA);
const tayNinh = planFixture(TAY_NINH);

async function createPlan(stack: TestStack, values: Partial<typeof plans.$inferInsert>) {
  const [plan] = await stack.database.db
    .insert(plans)
    .values({
      code: `KH-${Math.random().toString(36).slice(2, 8)}`,
      title: 'Kế hoạch',
      documentNumber: '212/KH-UBND',
      issuedOn: '2020-11-03',
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
      coordinatorAgencyCode: 'STTTT',
      ...values,
    })
    .returning({ id: plans.id });
  return plan!.id;
}

function upload(stack: TestStack, token: string, planId: string, data: Uint8Array, opts: { dryRun?: boolean; name?: string } = {}) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(data)], { type: 'text/csv' }), opts.name ?? 'phu-luc.csv');
  return stack.request('POST', `/api/plans/${planId}/import${opts.dryRun ? '?dryRun=true' : ''}`, { token, rawBody: form });
}

async function waitForJob(stack: TestStack, token: string, planId: string, jobId: string) {
  await expect
    .poll(async () => (await stack.request('GET', `/api/plans/${planId}/imports/${jobId}`, { token })).body.status, { timeout: 60_000, interval: 300 })
    .toBe('started');
  // Every task's workflow ran its first step: its `created` event is in the read model.
  await expect
    .poll(async () => Number((await stack.database.db.select({ n: sql`count(*)` }).from(tasks).where(and(eq(tasks.importJobId, jobId), eq(tasks.lastSeq, 0))))[0]!.n), {
      timeout: 60_000,
      interval: 300,
    })
    .toBe(0);
}

/** Task rows (one per appendix row: a parent, or the task itself) per lead text as written. */
async function rowsPerLeadText(stack: TestStack, planId: string) {
  const rows = await stack.database.db
    .select({ text: tasks.leadAgencyText, n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.parentId)))
    .groupBy(tasks.leadAgencyText);
  return Object.fromEntries(rows.map((r) => [r.text, r.n]));
}

describe('importing Sơn La 212/KH-UBND', () => {
  let stack: TestStack;
  let coordinator: string;
  let planId: string;
  beforeAll(async () => {
    stack = await startStack({ label: 'import_sonla' });
    await seedAgencies(stack.database.db, { province: 'son-la' });
    coordinator = await stack.user({ role: 'coordinator', agencyCode: 'STTTT' });
    planId = await createPlan(stack, { issuer: 'UBND tỉnh Sơn La' });
  });
  afterAll(() => stack?.close());

  it('a dry run previews every row and writes nothing', async () => {
    const res = await upload(stack, coordinator, planId, sonLa, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, format: 'csv', summary: { tasks: 30, sections: 0 } });
    expect(res.body.summary.byKind).toEqual({ recurring: 15, new: 11, carried_over: 4 });
    expect(await stack.database.db.$count(tasks)).toBe(0);
    expect(await stack.database.db.$count(importJobs)).toBe(0);
  });

  it('a commit writes every task and starts its workflow; the counts are the appendix’s', async () => {
    const res = await upload(stack, coordinator, planId, sonLa);
    expect(res.status).toBe(202);
    const { job } = res.body;
    expect(job).toMatchObject({ rowCount: expect.any(Number), status: 'starting' });
    await waitForJob(stack, coordinator, planId, job.id);

    expect(await rowsPerLeadText(stack, planId)).toEqual({
      'Sở Thông tin và Truyền thông': 19,
      'Các sở, ban, ngành, UBND các huyện, thành phố, UBND các xã phường, thị trấn.': 4,
      'VP UBND tỉnh, Công an tỉnh, Tòa án nhân dân tỉnh, UBND các huyện thành phố': 1,
      'Sở Thông tin và Truyền thông, UBND các huyện, thành phố': 1,
      'Các sở, ban, ngành, UBND huyện, thành phố': 1,
      'Sở Nội vụ': 1,
      'Sở Tài chính': 1,
      'VP UBND tỉnh, các sở, ngành, UBND các huyện thành phố': 1,
      'Các sở, ban, ngành, UBND các huyện, thành phố liên quan': 1,
    });
    const db = stack.database.db;
    const top = await db.select().from(tasks).where(and(eq(tasks.planId, planId), isNull(tasks.parentId)));
    expect(top).toHaveLength(30);
    // The lead "Sở TTTT, UBND các huyện, thành phố" is a parent with Sở TTTT and each of the 12 districts.
    const shared = top.find((t) => t.leadAgencyText === 'Sở Thông tin và Truyền thông, UBND các huyện, thành phố')!;
    const children = await db.select().from(tasks).where(eq(tasks.parentId, shared.id));
    expect(shared.isGroup).toBe(true);
    expect(children.map((c) => c.leadAgencyCode)).toContain('STTTT');
    expect(children.filter((c) => c.leadAgencyCode.startsWith('H-') || c.leadAgencyCode.startsWith('TP-'))).toHaveLength(12);
    // Kinds, timeframes → dates, funding.
    const byKind = Object.fromEntries(['new', 'carried_over', 'recurring'].map((k) => [k, top.filter((t) => t.kind === k).length]));
    expect(byKind).toEqual({ new: 11, carried_over: 4, recurring: 15 });
    expect(top.filter((t) => t.timeframeText === '2020-2025').every((t) => t.dueDate === '2025-12-31')).toBe(true);
    expect(top.filter((t) => t.timeframeText === '2021').every((t) => t.startDate === '2021-01-01' && t.dueDate === '2021-12-31')).toBe(true);
    expect(top.find((t) => t.timeframeText === '2021-2023')!.dueDate).toBe('2023-12-31');
    expect(top.filter((t) => t.funding?.text === 'Ngân sách tỉnh')).toHaveLength(24);
    expect(top.find((t) => t.funding?.text === 'Ngân sách tỉnh, huyện, xã')!.funding!.sources).toEqual(['province', 'district', 'commune']);
    // Each workflow recorded who assigned the task.
    const [created] = await db.select().from(taskEvents).where(and(eq(taskEvents.taskId, top[0]!.id), eq(taskEvents.seq, 1)));
    expect(created).toMatchObject({ type: 'created', actorRole: 'coordinator' });
  });

  it('importing the same file again changes nothing and says so', async () => {
    const before = await stack.database.db.$count(tasks);
    const res = await upload(stack, coordinator, planId, sonLa, { name: 'ban-sao.csv' });
    expect(res.status).toBe(200);
    expect(res.body.alreadyImported).toBe(true);
    expect(await stack.database.db.$count(tasks)).toBe(before);
  });

  it('a merger hands the open tasks of Sở TTTT to Sở KH&CN, keeps their history and re-targets reminders', async () => {
    const db = stack.database.db;
    const open = await db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.leadAgencyCode, 'STTTT')));
    expect(open.length).toBeGreaterThan(19);
    const res = await stack.request('POST', '/api/agencies/STTTT/merge', { token: stack.adminToken, body: { into: 'SKHCN', effectiveDate: '2025-03-01' } });
    expect(res.status).toBe(202);
    expect(res.body.openTasks).toBe(open.length + (await db.$count(tasks, sql`${tasks.coordinatingAgencyCodes} ? 'STTTT'`)));
    await expect.poll(async () => db.$count(tasks, eq(tasks.leadAgencyCode, 'STTTT')), { timeout: 60_000, interval: 500 }).toBe(0);
    const sample = open.find((t) => !t.isGroup)!;
    const detail = (await stack.request('GET', `/api/tasks/${sample.id}`, { token: coordinator })).body;
    expect(detail.leadAgency).toBe('SKHCN');
    expect(detail.events.at(-1)).toMatchObject({ type: 'transferred', data: { fromAgency: 'STTTT', toAgency: 'SKHCN', effectiveDate: '2025-03-01' } });
    expect(detail.events[0]).toMatchObject({ type: 'created' });
    const reminders = (await stack.request('GET', `/api/tasks/${sample.id}/reminders`, { token: coordinator })).body.items;
    const planned = reminders.filter((r: { status: string }) => r.status === 'planned');
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.filter((r: { to: string[] }) => r.to.includes('agency:STTTT'))).toEqual([]);
    expect(planned.some((r: { to: string[] }) => r.to.includes('agency:SKHCN'))).toBe(true);
    // The directory remembers the old agency and where it went.
    const old = (await stack.request('GET', '/api/agencies/STTTT', { token: coordinator })).body;
    expect(old).toMatchObject({ active: false, mergedInto: 'SKHCN', mergedOn: '2025-03-01' });
  });
});

describe('importing Tây Ninh 794/KH-UBND', () => {
  let stack: TestStack;
  let coordinator: string;
  let planId: string;
  beforeAll(async () => {
    stack = await startStack({ label: 'import_tayninh' });
    await seedAgencies(stack.database.db, { province: 'tay-ninh' });
    coordinator = await stack.user({ role: 'coordinator', agencyCode: 'STTTT' });
    planId = await createPlan(stack, { issuer: 'UBND tỉnh Tây Ninh', documentNumber: '794/KH-UBND', issuedOn: '2019-04-23', periodStart: '2019-01-01', periodEnd: '2025-12-31' });
  });
  afterAll(() => stack?.close());

  it('commits 24 tasks in 5 sections with the two timeframe columns joined', async () => {
    const res = await upload(stack, coordinator, planId, tayNinh);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(202);
    await waitForJob(stack, coordinator, planId, res.body.job.id);
    const top = await stack.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), isNull(tasks.parentId)));
    expect(top).toHaveLength(24);
    const bySection = Object.fromEntries(['I', 'II', 'III', 'IV', 'V'].map((s) => [s, top.filter((t) => t.sectionCode === s).length]));
    expect(bySection).toEqual({ I: 3, II: 7, III: 4, IV: 3, V: 7 });
    expect(await rowsPerLeadText(stack, planId)).toEqual({
      'Sở Thông tin và Truyền thông': 18,
      'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh': 2,
      'Các sở, ban, ngành, UBND các huyện, thành phố': 1,
      'Sở.Thông tin và Truyền thông': 1,
      'Sở Kế hoạch và Đầu tư': 1,
      'Sở Khoa học và Công nghệ': 1,
    });
    // The typo "Sở.Thông tin" resolves to the same agency.
    expect(top.find((t) => t.leadAgencyText === 'Sở.Thông tin và Truyền thông')!.leadAgencyCode).toBe('STTTT');
    // "2019-2020" and "2021-2025" in the two columns: 2019-01-01 to 2025-12-31; only the first: 2020-12-31.
    const both = top.filter((t) => t.timeframeText?.includes('2021-2025'));
    expect(both).toHaveLength(15);
    expect(both.every((t) => t.dueDate === '2025-12-31')).toBe(true);
    expect(both.filter((t) => t.timeframeText === '2019-2020 | 2021-2025').every((t) => t.startDate === '2019-01-01')).toBe(true);
    expect(both.filter((t) => t.timeframeText === '2020 | 2021-2025').map((t) => t.startDate)).toEqual(['2020-01-01', '2020-01-01']);
    expect(top.filter((t) => t.timeframeText === '2019-2020').every((t) => t.dueDate === '2020-12-31')).toBe(true);
    // Coordinating "Các sở, ban, ngành, UBND các huyện, thành phố": every department and district coordinates.
    const wide = top.find((t) => t.coordinatingText === 'Các sở, ban, ngành, UBND các huyện, thành phố' && !t.isGroup)!;
    expect(wide.coordinatingAgencyCodes.length).toBeGreaterThan(20);
    expect(wide.funding).toBeNull();
  });

  it('bad input is refused with row and column, and nothing is written', async () => {
    const before = await stack.database.db.$count(tasks);
    const cases: [string, Uint8Array, number, RegExp][] = [
      ['empty file', new Uint8Array(), 422, /trống|rỗng|empty/i],
      ['unknown agency', Buffer.from('STT,Tên nhiệm vụ,Cơ quan chủ trì,Thời gian thực hiện\n1,Số hóa,Sở Hàng không Vũ trụ,2022\n'), 422, /Sở Hàng không Vũ trụ/],
      ['impossible date', Buffer.from('STT,Tên nhiệm vụ,Cơ quan chủ trì,Thời gian thực hiện\n1,Số hóa,Sở Nội vụ,Quý V/2022\n'), 422, /./],
      ['formula', Buffer.from('STT,Tên nhiệm vụ,Cơ quan chủ trì,Thời gian thực hiện\n1,=HYPERLINK("http://x"),Sở Nội vụ,2022\n'), 422, /./],
      ['missing column', Buffer.from('STT,Tên nhiệm vụ,Thời gian thực hiện\n1,Số hóa,2022\n'), 422, /chủ trì/i],
    ];
    for (const [what, data, status, message] of cases) {
      const res = await upload(stack, coordinator, planId, data, { name: `${what}.csv` });
      expect(res.status, what).toBe(status);
      expect(res.body.error.message + JSON.stringify(res.body.error.details), what).toMatch(message);
    }
    const unknown = await upload(stack, coordinator, planId, Buffer.from('STT,Tên nhiệm vụ,Cơ quan chủ trì,Thời gian thực hiện\n1,Số hóa,Sở Thông tin và Truyền thôngg,2022\n'));
    expect(unknown.body.error.details[0]).toMatchObject({ row: 2, column: expect.stringContaining('Cơ quan chủ trì') });
    expect(unknown.body.error.details[0].suggestions).toContain('Sở Thông tin và Truyền thông');
    const big = await upload(stack, coordinator, planId, new Uint8Array(11 * 1024 * 1024).fill(65));
    expect(big.status).toBe(413);
    const noFile = await stack.request('POST', `/api/plans/${planId}/import`, { token: coordinator, body: {} });
    expect(noFile.status).toBe(422);
    expect(noFile.body.error.details[0].field).toBe('file');
    expect(await stack.database.db.$count(tasks)).toBe(before);
  });

  it('only a coordinator imports', async () => {
    const viewer = await stack.user({ role: 'viewer' });
    expect((await upload(stack, viewer, planId, tayNinh, { dryRun: true })).status).toBe(403);
  });
});
