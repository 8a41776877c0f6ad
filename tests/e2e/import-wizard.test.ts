/**
 * The import wizard in Chromium against the real stack, with appendices worded as other provinces word
 * them (tables written for this test): the coordinator maps a column the importer could not name,
 * resolves unknown agency names without leaving the wizard (one as an alias, one as a new agency),
 * imports, then uploads a corrected appendix, reads the changes and applies them, ticking the task the
 * new file dropped.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStack, type TestStack } from '../helpers/stack';
import { seedPlan } from '../helpers/fixtures';
import { seedAgencies } from '../../db/seed/agencies';
import { ensureWebBuilt } from '../../scripts/build-web';
import { APPENDIX_I, APPENDIX_II, planDocx } from '../helpers/appendix-docx';
import { BrowserSession, field, shot } from './browser-session';

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n'), 'utf8');
const TITLE = ['KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM 2026'];
const HEADER = ['TT', 'Tên nhiệm vụ', 'Phụ trách', 'Thời gian hoàn thành'];
const APPENDIX = csv([
  TITLE,
  HEADER,
  ['1', 'Lắp đặt camera giám sát giao thông', 'Trung tâm Giám sát điều hành đô thị thông minh', '2026'],
  ['2', 'Phần mềm quản lý văn bản cấp xã', 'Sở Thông tn và Truyền thông', '2027'],
  ['3', 'Cổng dữ liệu mở của tỉnh', 'Sở Thông tn và Truyền thông', '2027'],
]);
// Row 2 is due later, row 3 is gone, row 4 is new, given to the department and the districts, by level.
const CORRECTED = csv([
  TITLE,
  HEADER,
  ['1', 'Lắp đặt camera giám sát giao thông', 'Trung tâm Giám sát điều hành đô thị thông minh', '2026'],
  ['2', 'Phần mềm quản lý văn bản cấp xã', 'Sở Thông tn và Truyền thông', 'Quý II/2028'],
  ['4', 'Đào tạo kỹ năng số cho cán bộ cấp xã', 'Cấp tỉnh: Sở Nội vụ Cấp huyện: UBND cấp huyện', '2027'],
]);

let stack: TestStack;
let session: BrowserSession;
let planId: string;
let coordinatorToken: string;

beforeAll(async () => {
  await ensureWebBuilt();
  stack = await startStack({ label: 'e2e_import' });
  await seedAgencies(stack.database.db, { province: 'generic' });
  planId = await seedPlan(stack.database.db, { code: 'KH-45-2026' });
  coordinatorToken = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND', name: 'Trần Văn Điều' });
  session = await BrowserSession.start(stack.url);
});

afterAll(async () => {
  await session?.close();
  await stack?.close();
});

afterEach(({ task }) => (task.result?.state === 'fail' ? session.picturesOnFailure(task.name) : undefined));

async function upload(page: Page, name: string, data: Buffer) {
  await page.getByLabel('Tệp phụ lục').setInputFiles({ name, mimeType: 'text/csv', buffer: data });
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
}

/** The plan's tasks, a group's children included. */
const planTasks = async () => {
  const res = await stack.request('GET', `/api/tasks?plan=${planId}&limit=50`, { token: coordinatorToken });
  return res.body.items as { id: string; title: string; dueDate: string; status: string; leadAgency: string; isGroup: boolean }[];
};

describe('the import wizard with another province’s appendix', () => {
  let page: Page;

  it('asks for the lead column, resolves unknown names in place, and imports', async () => {
    page = await session.newPage();
    await page.goto('/signin');
    await page.getByLabel('Mã truy cập').fill(coordinatorToken);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/plans$/);
    await page.goto(`/plans/${planId}/import`);
    await upload(page, 'ke-hoach-45.csv', APPENDIX);

    const mapping = page.getByTestId('column-mapping');
    await mapping.getByText('Chưa tìm thấy cột bắt buộc').waitFor();
    expect(await mapping.innerText()).toContain('Hãy chọn cột chứa: Đơn vị chủ trì.');
    // The first values of the column say what it holds.
    expect(await mapping.locator('tr[data-column="C"]').innerText()).toContain('Trung tâm Giám sát điều hành đô thị thông minh');
    await page.getByLabel('Trường của cột C').selectOption('lead');

    const names = page.getByTestId('unknown-names');
    await names.waitFor();
    await expect.poll(() => names.locator('li').count()).toBe(2);
    expect(await page.getByLabel('Trường của cột C').inputValue()).toBe('lead');
    expect(await mapping.locator('tr[data-column="C"]').innerText()).toContain('bạn đã chọn');
    await mapping.evaluate((el) => el.scrollIntoView());
    await shot(page, '10-import-mapping-names');

    // The misspelt department: its closest match is offered first.
    const typo = names.locator('li', { hasText: 'Sở Thông tn và Truyền thông' });
    expect(await typo.getByLabel('Đơn vị', { exact: true }).inputValue()).toBe('STTTT');
    expect(await typo.innerText()).toContain('dòng 4, 5');
    await typo.getByRole('button', { name: 'Lưu và kiểm tra lại' }).click();
    await expect.poll(() => names.locator('li').count()).toBe(1);

    // The centre is new to the directory.
    const centre = names.locator('li', { hasText: 'Trung tâm Giám sát' });
    await centre.getByLabel('Thêm đơn vị mới').check();
    expect(await field(centre, 'Tên đầy đủ').inputValue()).toBe('Trung tâm Giám sát điều hành đô thị thông minh');
    await field(centre, 'Mã').fill('IOC');
    await centre.getByLabel('Loại').selectOption('province');
    await centre.getByRole('button', { name: 'Lưu và kiểm tra lại' }).click();
    await page.getByText('Tệp hợp lệ').waitFor();
    expect(await names.count()).toBe(0);

    await page.getByRole('button', { name: 'Nhập 3 nhiệm vụ' }).click();
    await page.getByText('Đã nhập xong').waitFor({ timeout: 60_000 });
    const tasks = await planTasks();
    expect(tasks.map((t) => [t.title, t.leadAgency]).sort()).toEqual([
      ['Cổng dữ liệu mở của tỉnh', 'STTTT'],
      ['Lắp đặt camera giám sát giao thông', 'IOC'],
      ['Phần mềm quản lý văn bản cấp xã', 'STTTT'],
    ]);
    // The name is now the department's alias, the mapping the plan's.
    expect((await stack.request('GET', '/api/agencies/STTTT', { token: coordinatorToken })).body.aliases).toContain('Sở Thông tn và Truyền thông');
  });

  it('shows what a corrected appendix changes, and applies it with the dropped task ticked for cancellation', async () => {
    await page.getByRole('button', { name: 'Chọn tệp khác' }).click();
    await upload(page, 'ke-hoach-45-sua-doi.csv', CORRECTED);
    const diff = page.getByTestId('import-diff');
    await diff.waitFor();
    // The column is mapped as chosen the first time, without asking.
    expect(await page.getByTestId('column-mapping').locator('tr[data-column="C"]').innerText()).toContain('như lần nhập trước');
    expect(await diff.getByTestId('diff-changed').innerText()).toContain('Hạn hoàn thành: 31/12/2027 → 30/06/2028');
    expect(await diff.getByTestId('diff-added').innerText()).toContain('Đào tạo kỹ năng số cho cán bộ cấp xã');
    const dropped = diff.getByTestId('diff-removed').getByLabel(/Cổng dữ liệu mở của tỉnh/);
    expect(await dropped.isChecked()).toBe(false);
    await dropped.check();
    await diff.evaluate((el) => el.scrollIntoView());
    await shot(page, '11-import-diff');

    await page.getByRole('button', { name: 'Áp dụng: 1 dòng mới, 1 thay đổi, 1 hủy' }).click();
    await page.getByText('Đã nhập xong').waitFor({ timeout: 60_000 });
    expect(await page.getByText('3 nhiệm vụ mới đã được giao; 2 thay đổi đã áp dụng, 0 bị từ chối').count()).toBe(1);

    const tasks = await planTasks();
    const titled = (title: string) => tasks.filter((t) => t.title === title);
    expect(titled('Phần mềm quản lý văn bản cấp xã').map((t) => t.dueDate)).toEqual(['2028-06-30']);
    expect(titled('Cổng dữ liệu mở của tỉnh').map((t) => t.status)).toEqual(['cancelled']);
    // A parent led by the department, a child for it and one for the districts.
    expect(titled('Đào tạo kỹ năng số cho cán bộ cấp xã').map((t) => `${t.leadAgency}${t.isGroup ? ' (nhóm)' : ''}`).sort()).toEqual(['HUYEN', 'SNV', 'SNV (nhóm)']);
    expect(session.pageErrors).toEqual([]);
  });

  it('reads the Word document itself: the appendix table is found, and another can be picked', async () => {
    const docx = Buffer.from(await planDocx([APPENDIX_I, APPENDIX_II]));
    const otherPlan = await seedPlan(stack.database.db, { code: 'KH-86-2023' });
    const res = await stack.request('POST', `/api/plans/${otherPlan}/import?dryRun=true`, { token: coordinatorToken, rawBody: docx, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
    const second = await stack.request('POST', `/api/plans/${otherPlan}/import?dryRun=true&sheet=${encodeURIComponent('Bảng 3')}`, { token: coordinatorToken, rawBody: docx, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
    expect(res.body.sheetName).toBe('Bảng 2');
    expect(second.body.summary.tasks).not.toBe(res.body.summary.tasks);

    await page.goto(`/plans/${otherPlan}/import`);
    await page.getByLabel('Tệp phụ lục').setInputFiles({ name: 'ke-hoach-86.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const picker = page.getByLabel('Bảng phụ lục trong văn bản');
    await picker.waitFor();
    expect(await picker.inputValue()).toBe('Bảng 2');
    expect(await page.locator('.tile', { hasText: 'Nhiệm vụ' }).first().locator('.tile__value').innerText()).toBe(String(res.body.summary.tasks));
    await picker.selectOption('Bảng 3');
    await expect.poll(() => page.locator('.tile', { hasText: 'Nhiệm vụ' }).first().locator('.tile__value').innerText()).toBe(String(second.body.summary.tasks));
    expect(await picker.inputValue()).toBe('Bảng 3');
    expect(await page.getByText('Tệp ke-hoach-86.docx (DOCX)').count()).toBe(1);
  });
});
