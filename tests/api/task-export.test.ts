/**
 * The task list exported to XLSX (`GET /api/tasks/export`), against the real stack: the workbook holds
 * exactly what the list shows for the same filters and the same user, in the same order; an agency
 * exports only its own tasks; a bad filter is refused by name; text is never a formula; an export
 * larger than one workbook holds is refused, not cut short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { fromToday, today } from '../helpers/dates';
import { plans, tasks } from '../../db/schema';
import { dayNumber } from '../../domain/calendar';
import { REPORT_STATUS_LABELS } from '../../domain/report/labels';
import { EXPORT_LIMIT } from '../../api/services/task-export';
import type { TaskStatus } from '../../domain/task-status';

let stack: TestStack;
let planId: string;
let otherPlanId: string;
const tokens = {} as Record<'coordinator' | 'viewer' | 'lead' | 'other', string>;
const FORMULA_TITLE = '=HYPERLINK("http://evil.example","Bấm vào đây")';

interface ListItem {
  id: string;
  title: string;
  leadAgencyName: string;
  dueDate: string;
  status: TaskStatus;
  progress: number;
  overdue: boolean;
}

beforeAll(async () => {
  stack = await startStack({ label: 'task_export' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db);
  otherPlanId = await seedPlan(stack.database.db);
  await stack.database.db.update(plans).set({ documentNumber: '15/QĐ-UBND' }).where(eq(plans.id, otherPlanId));
  tokens.coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND', name: 'Trần Văn Điều' });
  tokens.viewer = await stack.user({ role: 'viewer', name: 'Lãnh đạo UBND tỉnh' });
  tokens.lead = await stack.user({ role: 'agency', agencyCode: 'STTTT', name: 'Nguyễn Thị Văn Thư' });
  tokens.other = await stack.user({ role: 'agency', agencyCode: 'SNV', name: 'Lò Văn Nội', language: 'en' });

  const assign = async (plan: string, body: Record<string, unknown>) => {
    const res = await stack.request('POST', `/api/plans/${plan}/tasks`, { token: tokens.coordinator, body: { coordinatingAgencies: [], ...body } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const overdue = await assign(planId, { title: 'Kiện toàn Ban chỉ đạo xây dựng chính quyền điện tử tỉnh', leadAgency: 'STTTT', coordinatingAgencies: ['STC', 'SNV'], startDate: '2021-01-01', dueDate: '2021-12-31', section: 'Nhiệm vụ chung', number: '1' });
  // Due within the week: the one task the dueSoon filter finds.
  await assign(planId, { title: 'Triển khai nền tảng họp trực tuyến đến cấp xã', leadAgency: 'STTTT', dueDate: fromToday(5), funding: { text: 'Ngân sách tỉnh' } });
  await assign(planId, { title: 'Số hóa hồ sơ cán bộ, công chức', leadAgency: 'SNV', dueDate: fromToday(60) });
  await assign(planId, { title: FORMULA_TITLE, leadAgency: 'STC', coordinatingAgencies: ['STTTT'], dueDate: fromToday(90) });
  await assign(otherPlanId, { title: 'Xây dựng kho dữ liệu dùng chung', leadAgency: 'STTTT', dueDate: fromToday(120) });
  const ack = await stack.request('POST', `/api/tasks/${overdue}/acknowledge`, { token: tokens.lead, body: {} });
  expect(ack.status).toBe(200);
});
afterAll(() => stack?.close());

async function exportSheet(token: string, query: string) {
  const res = await fetch(`${stack.url}/api/tasks/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const [tasksSheet, aboutSheet] = wb.worksheets;
  const header = (tasksSheet!.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  tasksSheet!.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  const about = new Map<string, unknown>();
  aboutSheet!.eachRow((row, n) => n > 1 && about.set(String(row.getCell(1).value), row.getCell(2).value));
  return { res, names: wb.worksheets.map((w) => w.name), header, rows, about, frozen: tasksSheet!.views[0] };
}

const list = async (token: string, query: string): Promise<ListItem[]> => {
  const res = await stack.request('GET', `/api/tasks?${query}&limit=200`, { token });
  expect(res.status).toBe(200);
  return res.body.items;
};

/** A sheet date (UTC midnight of the day) as YYYY-MM-DD. */
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

describe('GET /api/tasks/export', () => {
  it('holds the tasks the list shows for the same filters, in its order, with names, dates and labels', async () => {
    const sheet = await exportSheet(tokens.coordinator, `plan=${planId}`);
    const items = await list(tokens.coordinator, `plan=${planId}`);
    expect(items.length).toBe(4);
    expect(sheet.names).toEqual(['Nhiệm vụ', 'Thông tin']);
    expect(sheet.header.slice(0, 5)).toEqual(['Kế hoạch', 'Mục', 'STT', 'Tên nhiệm vụ', 'Đơn vị chủ trì']);
    expect(sheet.frozen).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rows.map((r) => r['Tên nhiệm vụ'])).toEqual(items.map((t) => (t.title.startsWith('=') ? `'${t.title}` : t.title)));
    for (const [i, t] of items.entries()) {
      expect(sheet.rows[i]).toMatchObject({ 'Kế hoạch': '212/KH-UBND', 'Đơn vị chủ trì': t.leadAgencyName, 'Trạng thái': REPORT_STATUS_LABELS[t.status].vi, 'Tiến độ (%)': t.progress / 100 });
      expect(day(sheet.rows[i]!['Hạn hoàn thành'])).toBe(t.dueDate);
    }
    const first = sheet.rows[0]!;
    expect(first).toMatchObject({ Mục: 'Nhiệm vụ chung', STT: '1', 'Cơ quan phối hợp': 'Sở Tài chính; Sở Nội vụ', 'Số ngày quá hạn': dayNumber(today()) - dayNumber('2021-12-31') });
    expect(day(first['Ngày tiếp nhận'])).toBe(today());
    expect(sheet.rows.find((r) => String(r['Tên nhiệm vụ']).startsWith('Triển khai'))).toMatchObject({ 'Nguồn vốn': 'Ngân sách tỉnh', 'Số ngày quá hạn': null });

    expect(sheet.about.get('Người xuất')).toBe('Trần Văn Điều');
    expect(sheet.about.get('Số nhiệm vụ')).toBe(4);
    expect(sheet.about.get('Kế hoạch')).toBe('212/KH-UBND');
    expect(sheet.about.get('Quá hạn')).toBe('Tất cả');
    expect(sheet.res.headers.get('content-disposition')).toContain(`nhiem-vu-${today()}.xlsx`);
  });

  it('applies every filter the list takes: agency, status, overdue, a title search, across plans', async () => {
    for (const query of [`agency=STTTT`, `status=in_progress`, `overdue=true`, `overdue=false&plan=${planId}`, `q=${encodeURIComponent('họp trực tuyến')}`, `agency=STTTT&status=assigned,in_progress`, `dueSoon=true`, `dueSoon=false&plan=${planId}`]) {
      const sheet = await exportSheet(tokens.viewer, query);
      const items = await list(tokens.viewer, query);
      expect(sheet.rows.map((r) => r['Tên nhiệm vụ']), query).toEqual(items.map((t) => (t.title.startsWith('=') ? `'${t.title}` : t.title)));
    }
    const overdue = await exportSheet(tokens.coordinator, 'overdue=true&status=in_progress');
    expect(overdue.rows.map((r) => r['Tên nhiệm vụ'])).toEqual(['Kiện toàn Ban chỉ đạo xây dựng chính quyền điện tử tỉnh']);
    expect(overdue.about.get('Quá hạn')).toBe('Chỉ các nhiệm vụ này');
    expect(overdue.about.get('Trạng thái')).toBe('Đang thực hiện');
    const soon = await exportSheet(tokens.coordinator, 'dueSoon=true');
    expect(soon.rows.map((r) => r['Tên nhiệm vụ'])).toEqual(['Triển khai nền tảng họp trực tuyến đến cấp xã']);
    expect(soon.about.get('Sắp đến hạn (7 ngày tới)')).toBe('Chỉ các nhiệm vụ này');
    const across = await exportSheet(tokens.coordinator, 'agency=STTTT');
    expect(across.rows.map((r) => r['Kế hoạch'])).toContain('15/QĐ-UBND');
  });

  it('gives an agency only the tasks it leads or coordinates, in its own language, and refuses another agency', async () => {
    const mine = await exportSheet(tokens.lead, '');
    const items = await list(tokens.lead, '');
    expect(mine.rows.map((r) => r['Tên nhiệm vụ'])).toEqual(items.map((t) => (t.title.startsWith('=') ? `'${t.title}` : t.title)));
    expect(mine.rows).toHaveLength(4); // three it leads in two plans, one it coordinates
    expect(String(mine.about.get('Phạm vi'))).toContain('Sở Thông tin và Truyền thông');

    const english = await exportSheet(tokens.other, '');
    expect(english.names).toEqual(['Tasks', 'About']);
    expect(english.header).toContain('Lead agency');
    expect(english.rows.map((r) => r.Task)).toEqual((await list(tokens.other, '')).map((t) => t.title));
    expect(english.res.headers.get('content-disposition')).toContain(`tasks-${today()}.xlsx`);
    const vietnamese = await exportSheet(tokens.other, 'lang=vi');
    expect(vietnamese.names[0]).toBe('Nhiệm vụ');

    const refused = await stack.request('GET', '/api/tasks/export?agency=SNV', { token: tokens.lead });
    expect(refused.status).toBe(403);
    expect((await stack.request('GET', '/api/tasks/export', {})).status).toBe(401);
  });

  it('keeps text as text: a title that looks like a formula is not one', async () => {
    const sheet = await exportSheet(tokens.coordinator, `plan=${planId}&q=HYPERLINK`);
    expect(sheet.rows).toHaveLength(1);
    // A string cell with the apostrophe that keeps it text wherever it is copied; never a formula object.
    expect(sheet.rows[0]!['Tên nhiệm vụ']).toBe(`'${FORMULA_TITLE}`);
  });

  it('names the bad filter', async () => {
    for (const [query, field] of [
      ['status=bogus', 'query.status'],
      ['plan=not-a-uuid', 'query.plan'],
      ['lang=fr', 'query.lang'],
      ['overdue=maybe', 'query.overdue'],
    ] as const) {
      const res = await stack.request('GET', `/api/tasks/export?${query}`, { token: tokens.coordinator });
      expect(res.status, query).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field).some((f: string) => f.startsWith(field)), JSON.stringify(res.body)).toBe(true);
    }
  });

  it(`refuses more than ${EXPORT_LIMIT} tasks rather than cutting the list short`, async () => {
    const bigPlan = await seedPlan(stack.database.db);
    const row = (i: number) => ({
      planId: bigPlan,
      title: `Nhiệm vụ số ${i}`,
      titleSearch: `nhiem vu so ${i}`,
      leadAgencyCode: 'STTTT',
      kind: 'new' as const,
      startDate: '2025-01-01',
      dueDate: fromToday(30),
      originalDueDate: fromToday(30),
    });
    const all = Array.from({ length: EXPORT_LIMIT + 1 }, (_, i) => row(i));
    for (let i = 0; i < all.length; i += 2000) await stack.database.db.insert(tasks).values(all.slice(i, i + 2000));
    const res = await stack.request('GET', `/api/tasks/export?plan=${bigPlan}`, { token: tokens.coordinator });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('lọc bớt');
    expect(res.body.error.details[0].field).toBe('query');
    // One task fewer is exported whole.
    await stack.database.db.delete(tasks).where(eq(tasks.title, `Nhiệm vụ số ${EXPORT_LIMIT}`));
    const whole = await exportSheet(tokens.coordinator, `plan=${bigPlan}`);
    expect(whole.rows).toHaveLength(EXPORT_LIMIT);
    await stack.database.db.delete(tasks).where(eq(tasks.planId, bigPlan));
  });
});
