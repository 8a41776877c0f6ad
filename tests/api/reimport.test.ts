/**
 * Appendices as other provinces publish them, through the API against the real stack (Postgres, the
 * Temporal test server, the product's worker): a column the importer cannot name is mapped by the
 * coordinator and remembered for the plan; an unknown agency name is resolved in the wizard and kept as
 * an alias; a corrected appendix changes only what it changed, in the running tasks' workflows.
 * The tables are written for these tests in the shapes of district-level plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { startStack, type TestStack } from '../helpers/stack';
import { waitFor } from '../helpers/wait';
import { seedAgencies } from '../../db/seed/agencies';
import { importJobs, plans, taskEvents, tasks } from '../../db/schema';

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n'));

function upload(stack: TestStack, token: string, planId: string, data: Uint8Array, opts: { dryRun?: boolean; name?: string; options?: unknown } = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'text/csv' }), opts.name ?? 'phu-luc.csv');
  if (opts.options !== undefined) form.append('options', typeof opts.options === 'string' ? opts.options : JSON.stringify(opts.options));
  return stack.request('POST', `/api/plans/${planId}/import${opts.dryRun ? '?dryRun=true' : ''}`, { token, rawBody: form });
}

/** The job of a commit, once its workflow has started the new tasks and applied the changes. */
async function committed(stack: TestStack, token: string, planId: string, res: { status: number; body: any }) {
  expect(res.status, JSON.stringify(res.body).slice(0, 800)).toBe(202);
  const read = async () => (await stack.request('GET', `/api/plans/${planId}/imports/${res.body.job.id}`, { token })).body;
  return waitFor(read, (job) => job.status === 'started', `import job ${res.body.job.id}`);
}

async function createPlan(stack: TestStack) {
  const [plan] = await stack.database.db
    .insert(plans)
    .values({ code: `KH-${Math.random().toString(36).slice(2, 8)}`, title: 'Kế hoạch chuyển đổi số', documentNumber: '45/KH-UBND', issuedOn: '2026-01-15', periodStart: '2026-01-01', periodEnd: '2030-12-31', coordinatorAgencyCode: 'STTTT' })
    .returning({ id: plans.id });
  return plan!.id;
}

const topTasks = (stack: TestStack, planId: string) => stack.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), isNull(tasks.parentId)));

describe('a column the importer cannot name, and agency names it does not know', () => {
  let stack: TestStack;
  let coordinator: string;
  let planId: string;
  // "Phụ trách" says nothing the importer knows, and its cells name agencies the directory lacks.
  const appendix = csv([
    ['KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM 2026'],
    ['TT', 'Tên nhiệm vụ', 'Phụ trách', 'Năm'],
    ['1', 'Lắp đặt camera giám sát giao thông', 'Trung tâm Giám sát điều hành đô thị thông minh', '2026'],
    ['2', 'Phần mềm quản lý văn bản cấp xã', 'Trung tâm Giám sát điều hành đô thị thông minh', '2027'],
    ['3', 'Cổng dữ liệu mở của tỉnh', 'Sở Thông tn và Truyền thông', '2027'],
  ]);

  beforeAll(async () => {
    stack = await startStack({ label: 'import_mapping' });
    await seedAgencies(stack.database.db, { province: 'generic' });
    coordinator = await stack.user({ role: 'coordinator', agencyCode: 'STTTT' });
    planId = await createPlan(stack);
  });
  afterAll(() => stack?.close());

  it('asks which column holds the lead instead of refusing the file', async () => {
    const res = await upload(stack, coordinator, planId, appendix, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, missingFields: ['lead'], headerRow: 2 });
    expect(res.body.columns.map((c: { header: string }) => c.header)).toEqual(['TT', 'Tên nhiệm vụ', 'Phụ trách', 'Năm']);
  });

  it('with the column mapped, lists each unknown name once; resolving them keeps aliases and a new agency; the commit remembers the mapping', async () => {
    const options = { mapping: { C: 'lead' } };
    const mapped = await upload(stack, coordinator, planId, appendix, { dryRun: true, options });
    expect(mapped.body.missingFields).toEqual([]);
    expect(mapped.body.unknownNames.map((n: { text: string; rows: number[] }) => [n.text, n.rows])).toEqual([
      ['Trung tâm Giám sát điều hành đô thị thông minh', [3, 4]],
      ['Sở Thông tn và Truyền thông', [5]],
    ]);
    const typo = mapped.body.unknownNames[1];
    expect(typo.suggestions[0]).toEqual({ code: 'STTTT', name: 'Sở Thông tin và Truyền thông' });

    // The typo is an alias of the department; the centre is a new agency.
    const alias = await stack.request('POST', `/api/plans/${planId}/import/agency-names`, { token: coordinator, body: { text: typo.text, agencyCode: 'STTTT' } });
    expect(alias.status).toBe(200);
    expect(alias.body.agency.aliases).toContain('Sở Thông tn và Truyền thông');
    const created = await stack.request('POST', `/api/plans/${planId}/import/agency-names`, {
      token: coordinator,
      body: { text: 'Trung tâm Giám sát điều hành đô thị thông minh', newAgency: { code: 'IOC', name: 'Trung tâm Giám sát điều hành đô thị thông minh', shortName: 'Trung tâm IOC', kind: 'province', emails: ['ioc@example.gov.vn'] } },
    });
    expect(created.status).toBe(201);
    expect(created.body.agency).toMatchObject({ code: 'IOC', kind: 'province' });
    // The same name for another agency is refused, naming the field.
    const clash = await stack.request('POST', `/api/plans/${planId}/import/agency-names`, { token: coordinator, body: { text: typo.text, agencyCode: 'STC' } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details[0]).toMatchObject({ field: 'text', message: expect.stringContaining('STTTT') });

    const again = await upload(stack, coordinator, planId, appendix, { dryRun: true, options });
    expect(again.body.ok, JSON.stringify(again.body.problems)).toBe(true);
    expect(again.body.tasks.map((t: { leads: { code: string }[] }) => t.leads[0]!.code)).toEqual(['IOC', 'IOC', 'STTTT']);

    const job = await committed(stack, coordinator, planId, await upload(stack, coordinator, planId, appendix, { options }));
    expect(job).toMatchObject({ taskCount: 3, startedCount: 3 });
    const [plan] = await stack.database.db.select({ importColumns: plans.importColumns }).from(plans).where(eq(plans.id, planId));
    expect(plan!.importColumns).toEqual({ 'phu trach': 'lead' });
  });

  it('the next upload of this plan maps the column as chosen before, without being asked', async () => {
    const res = await upload(stack, coordinator, planId, appendix, { dryRun: true });
    expect(res.body.ok).toBe(true);
    expect(res.body.columns[2]).toMatchObject({ header: 'Phụ trách', field: 'lead', source: 'plan' });
    expect(res.body.diff).toMatchObject({ compared: 3, added: [], changed: [], removed: [] });
  });

  it('refuses malformed options, naming the field', async () => {
    const cases: [unknown, string][] = [
      ['{not json', 'options'],
      [{ mapping: { c: 'lead' } }, 'options.mapping.c'],
      [{ mapping: { C: 'boss' } }, 'options.mapping.C'],
      [{ cancelRemoved: ['x'] }, 'options.cancelRemoved.0'],
      [{ colour: 'red' }, 'options'],
    ];
    for (const [options, field] of cases) {
      const res = await upload(stack, coordinator, planId, appendix, { dryRun: true, options });
      expect(res.status, JSON.stringify(options)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field), JSON.stringify(options)).toContain(field);
    }
  });

  it('only a coordinator resolves names', async () => {
    const clerk = await stack.user({ role: 'agency', agencyCode: 'STC' });
    const res = await stack.request('POST', `/api/plans/${planId}/import/agency-names`, { token: clerk, body: { text: 'Sở Tài chánh', agencyCode: 'STC' } });
    expect(res.status).toBe(403);
  });
});

describe('lead cells as other provinces write them', () => {
  let stack: TestStack;
  let coordinator: string;
  let planId: string;
  // A district-level table: "Cơ quan thực hiện", counts and levels in the lead cells, bodies every province has.
  const appendix = csv([
    ['PHỤ LỤC: DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2027'],
    ['STT', 'Nội dung', 'Cơ quan thực hiện', 'Đơn vị phối hợp thực hiện', 'Kinh phí (triệu đồng)', 'Tiến độ'],
    ['1', 'Rà soát, chuẩn hóa dữ liệu thủ tục hành chính', '19 Sở, Ban, ngành, 09 UBND cấp huyện', 'Trung tâm Phục vụ hành chính công', '', 'Năm 2027'],
    ['2', 'Triển khai chữ ký số chuyên dùng', 'Cấp tỉnh: Sở Thông tin và Truyền thông Cấp huyện: UBND cấp huyện', '', '500', 'Quý III/2027'],
    ['3', 'Số hóa văn bản của Tỉnh ủy', 'Văn phòng Tỉnh ủy', 'VNPT Vĩnh Long', '1.200', '2027'],
    ['4', 'Hóa đơn điện tử cho hộ kinh doanh', 'Cục Thuế tỉnh Vĩnh Long', 'các cơ quan thông tấn, báo chí', '', '2027'],
  ]);

  beforeAll(async () => {
    stack = await startStack({ label: 'import_lead_cells' });
    await seedAgencies(stack.database.db, { province: 'generic' });
    coordinator = await stack.user({ role: 'coordinator', agencyCode: 'STTTT' });
    planId = await createPlan(stack);
  });
  afterAll(() => stack?.close());

  it('splits counted and level-labelled leads into their agencies and fans the task out to each', async () => {
    const dry = await upload(stack, coordinator, planId, appendix, { dryRun: true });
    expect(dry.body.ok, JSON.stringify(dry.body.problems)).toBe(true);
    expect(dry.body.columns.map((c: { field?: string }) => c.field)).toEqual(['number', 'title', 'lead', 'coordinating', 'amountTotal', 'timeframe']);
    expect(dry.body.tasks.map((t: { leads: { code: string }[] }) => t.leads.map((l) => l.code))).toEqual([['SBN', 'HUYEN'], ['STTTT', 'HUYEN'], ['VPTU'], ['CTHUE']]);

    const job = await committed(stack, coordinator, planId, await upload(stack, coordinator, planId, appendix));
    const db = stack.database.db;
    const departments = (await stack.request('GET', '/api/agencies/SBN', { token: coordinator })).body.members as string[];
    expect(departments.length).toBeGreaterThan(15);
    const top = await topTasks(stack, planId);
    const byNumber = Object.fromEntries(top.map((t) => [t.number, t]));
    const childrenOf = async (id: string) => (await db.select().from(tasks).where(eq(tasks.parentId, id))).map((c) => c.leadAgencyCode).sort();
    // Every department and the district group (without named districts here, it leads itself).
    expect(await childrenOf(byNumber['1']!.id)).toEqual([...departments, 'HUYEN'].sort());
    expect(await childrenOf(byNumber['2']!.id)).toEqual(['HUYEN', 'STTTT']);
    expect(byNumber['3']).toMatchObject({ isGroup: false, leadAgencyCode: 'VPTU', coordinatingAgencyCodes: ['VNPT'] });
    expect(byNumber['4']!.leadAgencyCode).toBe('CTHUE');
    expect(byNumber['4']!.coordinatingAgencyCodes.sort()).toEqual(((await stack.request('GET', '/api/agencies/BAOCHI', { token: coordinator })).body.members as string[]).sort());
    expect(job.taskCount).toBe(4 + departments.length + 1 + 2);
  });
});

describe('a corrected appendix', () => {
  let stack: TestStack;
  let coordinator: string;
  let planId: string;
  const header = [
    ['TT', 'Nội dung nhiệm vụ', 'Đơn vị thực hiện', 'Đơn vị phối hợp thực hiện', 'Kinh phí (triệu đồng)', '', 'Thời gian hoàn thành'],
    ['', '', '', '', 'Đầu tư', 'Sự nghiệp', ''],
  ];
  const original = csv([
    ...header,
    ['I', 'Hạ tầng số', '', '', '', '', ''],
    ['1', 'Nâng cấp mạng nội bộ tại trụ sở các sở', 'Sở Thông tin và Truyền thông', 'Sở Tài chính', '1.200', '', '2027'],
    ['2', 'Số hóa hồ sơ lưu trữ lịch sử', 'Sở Nội vụ', '', '', '350', '2027'],
    ['3', 'Trang bị chữ ký số cho cán bộ', 'Sở Nội vụ', 'Sở Thông tin và Truyền thông', '', '500', '2027'],
    ['II', 'Dữ liệu số', '', '', '', '', ''],
    ['1', 'Xây dựng cơ sở dữ liệu đất đai', 'Sở Tài nguyên và Môi trường', '', '7.184,4', '', '2028'],
    ['2', 'Chuẩn hóa dữ liệu hộ tịch', 'Sở Tư pháp', 'Sở Nội vụ', '', '120', '2027'],
    ['3', 'Cơ sở dữ liệu về giá', 'Sở Tài chính', '', '', '90', '2027'],
  ]);
  // I.1 due later; I.2 reworded; I.3 funding changed; II.1 unchanged (its deadline was extended in the
  // app meanwhile); II.2 handed to another department; II.3 gone; II.4 new.
  const corrected = csv([
    ...header,
    ['I', 'Hạ tầng số', '', '', '', '', ''],
    ['1', 'Nâng cấp mạng nội bộ tại trụ sở các sở', 'Sở Thông tin và Truyền thông', 'Sở Tài chính', '1.200', '', 'Quý II/2028'],
    ['2', 'Số hóa hồ sơ lưu trữ lịch sử của tỉnh', 'Sở Nội vụ', '', '', '350', '2027'],
    ['3', 'Trang bị chữ ký số cho cán bộ', 'Sở Nội vụ', 'Sở Thông tin và Truyền thông', '', '650', '2027'],
    ['II', 'Dữ liệu số', '', '', '', '', ''],
    ['1', 'Xây dựng cơ sở dữ liệu đất đai', 'Sở Tài nguyên và Môi trường', '', '7.184,4', '', '2028'],
    ['2', 'Chuẩn hóa dữ liệu hộ tịch', 'Sở Nội vụ', 'Sở Tư pháp', '', '120', '2027'],
    ['4', 'Kết nối dữ liệu dân cư với các hệ thống của tỉnh', 'Công an tỉnh', 'Sở Thông tin và Truyền thông', '', '', '2027'],
  ]);
  let ids: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ label: 'reimport' });
    await seedAgencies(stack.database.db, { province: 'generic' });
    coordinator = await stack.user({ role: 'coordinator', agencyCode: 'STTTT' });
    planId = await createPlan(stack);
    const job = await committed(stack, coordinator, planId, await upload(stack, coordinator, planId, original, { name: 'phu-luc-45.csv' }));
    expect(job.taskCount).toBe(6);
    const top = await topTasks(stack, planId);
    ids = Object.fromEntries(top.map((t) => [`${t.sectionCode}.${t.number}`, t.id]));
    await waitFor(() => topTasks(stack, planId), (rows) => rows.every((t) => t.lastSeq > 0), 'the first projection of every task');
    // II.1's deadline is extended in the app: the corrected file must not put it back.
    const clerk = await stack.user({ role: 'agency', agencyCode: 'STNMT' });
    const req = await stack.request('POST', `/api/tasks/${ids['II.1']}/extension-requests`, { token: clerk, body: { newDueDate: '2029-06-30', reason: 'Chờ vốn đối ứng' } });
    expect(req.status).toBe(201);
    const decided = await stack.request('POST', `/api/tasks/${ids['II.1']}/extension-requests/${req.body.requestId}/decision`, { token: coordinator, body: { approve: true, note: 'Đồng ý' } });
    expect(decided.status).toBe(200);
  });
  afterAll(() => stack?.close());

  it('a dry run shows exactly what the file changed, and writes nothing', async () => {
    const res = await upload(stack, coordinator, planId, corrected, { dryRun: true, name: 'phu-luc-45-sua-doi.csv' });
    expect(res.status).toBe(200);
    const { diff } = res.body;
    expect(diff.compared).toBe(6);
    expect(diff.unchanged.map((u: { taskId: string }) => u.taskId)).toEqual([ids['II.1']]);
    expect(diff.added).toEqual([{ row: 10, title: 'Kết nối dữ liệu dân cư với các hệ thống của tỉnh' }]);
    expect(diff.removed).toEqual([{ taskId: ids['II.3'], title: 'Cơ sở dữ liệu về giá', number: '3', section: 'Dữ liệu số', status: 'assigned' }]);
    const changes = Object.fromEntries(diff.changed.map((c: { taskId: string; changes: { field: string; from: unknown; to: unknown }[] }) => [c.taskId, c.changes.map(({ field, from, to }) => ({ field, from, to }))]));
    expect(changes).toEqual({
      [ids['I.1']!]: [
        { field: 'startDate', from: '2027-01-01', to: '2028-04-01' },
        { field: 'dueDate', from: '2027-12-31', to: '2028-06-30' },
      ],
      [ids['I.2']!]: [{ field: 'title', from: 'Số hóa hồ sơ lưu trữ lịch sử', to: 'Số hóa hồ sơ lưu trữ lịch sử của tỉnh' }],
      [ids['I.3']!]: [{ field: 'funding', from: { sources: [], amounts: { recurrent: 500, total: 500 } }, to: { sources: [], amounts: { recurrent: 650, total: 650 } } }],
      [ids['II.2']!]: [
        { field: 'lead', from: ['STP'], to: ['SNV'] },
        { field: 'coordinating', from: ['SNV'], to: ['STP'] },
      ],
    });
    expect(await stack.database.db.$count(importJobs)).toBe(1);
  });

  it('a commit applies only the diff, through each task’s workflow; the removed task stays until ticked', async () => {
    const eventsBefore = await stack.database.db.$count(taskEvents);
    const job = await committed(stack, coordinator, planId, await upload(stack, coordinator, planId, corrected, { name: 'phu-luc-45-sua-doi.csv' }));
    expect(job).toMatchObject({ taskCount: 1, startedCount: 1, changeCount: 5, appliedCount: 5, refusedCount: 0 });

    const get = async (id: string) => (await stack.request('GET', `/api/tasks/${id}`, { token: coordinator })).body;
    const i1 = await get(ids['I.1']!);
    expect([i1.startDate, i1.dueDate]).toEqual(['2028-04-01', '2028-06-30']);
    expect(i1.events.at(-1)).toMatchObject({ type: 'edited', actor: { role: 'coordinator' }, note: 'Theo phụ lục sửa đổi (phu-luc-45-sua-doi.csv)', data: { previousDueDate: '2027-12-31', dueDate: '2028-06-30', via: 'import' } });
    // The deadline moved: the reminders are planned before the new one.
    const reminders = (await stack.request('GET', `/api/tasks/${ids['I.1']}/reminders`, { token: coordinator })).body.items;
    expect(reminders.filter((r: { kind: string; status: string }) => r.kind === 'due_reminder' && r.status === 'planned').every((r: { at: string }) => r.at < '2028-07-01')).toBe(true);
    expect(reminders.some((r: { kind: string; at: string; status: string }) => r.kind === 'due_reminder' && r.status === 'planned' && r.at > '2028-05-01')).toBe(true);

    expect((await get(ids['I.2']!)).title).toBe('Số hóa hồ sơ lưu trữ lịch sử của tỉnh');
    const i3 = await get(ids['I.3']!);
    expect(i3.funding.amounts).toEqual({ recurrent: 650, total: 650 });
    expect(i3.events.at(-1)).toMatchObject({ type: 'edited', data: { details: { funding: { from: { amounts: { recurrent: 500 } }, to: { amounts: { recurrent: 650 } } } } } });
    const ii2 = await get(ids['II.2']!);
    expect(ii2).toMatchObject({ leadAgency: 'SNV', coordinatingAgencies: ['STP'], status: 'assigned' });
    expect(ii2.events.map((e: { type: string }) => e.type).slice(-2)).toEqual(['reassigned', 'edited']);
    // Untouched: the extension stands, the removed task is open, nothing else moved.
    expect((await get(ids['II.1']!)).dueDate).toBe('2029-06-30');
    expect((await get(ids['II.3']!)).status).toBe('assigned');
    const top = await topTasks(stack, planId);
    expect(top).toHaveLength(7);
    const added = top.find((t) => t.title === 'Kết nối dữ liệu dân cư với các hệ thống của tỉnh')!;
    expect(added).toMatchObject({ leadAgencyCode: 'CAT', dueDate: '2027-12-31', sectionCode: 'II', number: '4' });
    await expect.poll(async () => (await get(added.id)).events[0]?.type, { timeout: 30_000 }).toBe('created');
    // One event per change and one for the new task: nothing else was written.
    expect(await stack.database.db.$count(taskEvents)).toBe(eventsBefore + 6);
  });

  it('the same corrections again change nothing; ticking the removed task cancels it, with the reason', async () => {
    const same = await upload(stack, coordinator, planId, corrected, { name: 'phu-luc-45-sua-doi (1).csv' });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ alreadyImported: true, diff: { changed: [], added: [] } });
    expect(same.body.diff.removed.map((r: { taskId: string }) => r.taskId)).toEqual([ids['II.3']]);

    const wrong = await upload(stack, coordinator, planId, corrected, { options: { cancelRemoved: [ids['I.1']] } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0]).toMatchObject({ field: 'cancelRemoved' });

    const job = await committed(stack, coordinator, planId, await upload(stack, coordinator, planId, corrected, { name: 'phu-luc-45-sua-doi.csv', options: { cancelRemoved: [ids['II.3']] } }));
    expect(job).toMatchObject({ taskCount: 0, changeCount: 1, appliedCount: 1 });
    const ii3 = (await stack.request('GET', `/api/tasks/${ids['II.3']}`, { token: coordinator })).body;
    expect(ii3.status).toBe('cancelled');
    expect(ii3.events.at(-1)).toMatchObject({ type: 'cancelled', note: 'Không còn trong phụ lục sửa đổi (phu-luc-45-sua-doi.csv).' });
  });

  it('a change to a task closed meanwhile is shown and not applied', async () => {
    const res = await upload(stack, coordinator, planId, csv([...header.slice(0, 2), ['I', 'Hạ tầng số', '', '', '', '', ''], ['1', 'Nâng cấp mạng nội bộ tại trụ sở các sở', 'Sở Thông tin và Truyền thông', 'Sở Tài chính', '1.200', '', '2026'], ['II', 'Dữ liệu số', '', '', '', '', ''], ['3', 'Cơ sở dữ liệu về giá', 'Sở Tài chính', '', '', '95', '2027']]), { dryRun: true });
    const closed = res.body.diff.changed.find((c: { taskId: string }) => c.taskId === ids['II.3']);
    expect(closed.changes).toEqual([{ field: 'funding', from: expect.anything(), to: expect.anything(), notApplied: 'nhiệm vụ đã bị hủy' }]);
  });
});
