/**
 * The web UI end to end, in Chromium (Debian's, or the one npm installs), against the real stack
 * (Postgres, Temporal test server, the product's worker, the Express app serving web/dist):
 *
 * an administrator creates a clerk's account; a coordinator imports a plan appendix through the
 * wizard (a file with errors first, then a good one) and assigns a task by hand; the clerk signs in
 * with the one-click link, acknowledges, reports progress, submits completion; the coordinator accepts
 * it and the dashboard counts move; the annual cycle is opened, the clerk reports, the compiled
 * report downloads as XLSX. Every form is shown the API's own validation messages beside its fields.
 * Every screen, at 1280 px and on a phone, must show all its columns without a sideways scroll and
 * pass axe-core's WCAG 2.1 AA rules. Screenshots of the main screens go to docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { fromToday, today } from '../helpers/dates';
import { ensureWebBuilt } from '../../scripts/build-web';
import { accessibilityViolations, BrowserSession, DESKTOP, errorFor, field, hiddenSideways, PHONE, shot } from './browser-session';

/** An excerpt of the Sơn La appendix (Kế hoạch 212/KH-UBND): rows whose lead agencies the test directory has. */
const APPENDIX = readFileSync(path.resolve('tests/e2e/fixtures/son-la-212-excerpt.csv'));

let stack: TestStack;
let session: BrowserSession;
let planId: string;
let coordinatorToken: string;
let viewerToken: string;

const dmy = (date: string) => date.split('-').reverse().join('/');

beforeAll(async () => {
  // Built before the app starts: it serves web/dist only when that exists.
  await ensureWebBuilt();
  stack = await startStack({ label: 'e2e' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db, { code: 'KH-212-2020' });
  coordinatorToken = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND', name: 'Trần Văn Điều', email: 'dieu.tv@vpubnd.example.gov.vn' });
  viewerToken = await stack.user({ role: 'viewer', name: 'Lò Văn Lãnh', email: 'lanh.lv@sonla.example.gov.vn' });
  session = await BrowserSession.start(stack.url);
});

afterAll(async () => {
  await session?.close();
  await stack?.close();
});

// A failed step leaves a picture of every open page, to see what the browser showed.
afterEach(({ task }) => (task.result?.state === 'fail' ? session.picturesOnFailure(task.name) : undefined));

const newPage = (viewport = DESKTOP) => session.newPage(viewport);

/** The API's own answer to the same request, to compare the UI with (no hard-coded wording). */
async function apiDetails(method: string, url: string, token: string, body: unknown): Promise<{ field: string; message: string }[]> {
  const res = await stack.request(method, url, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  return res.body.error.details;
}

async function tileValue(page: Page, key: string): Promise<number> {
  return Number(await page.locator(`[data-testid="tile-${key}"] .tile__value`).innerText());
}

async function planCounts() {
  const res = await stack.request('GET', `/api/plans/${planId}`, { token: coordinatorToken });
  return res.body.counts as { total: number; open: number; completed: number; overdue: number };
}

describe('the web UI, end to end', () => {
  let coordinator: Page;
  let clerk: Page;
  let clerkToken: string;
  const manualTitle = 'Triển khai nền tảng họp trực tuyến đến cấp xã';
  const manualDue = fromToday(5);
  let completedBefore = 0;

  it('signs in with a token, shows a wrong token beside the field, and lets the admin create a clerk whose token is shown once', async () => {
    const page = await newPage();
    await page.goto('/');
    await page.waitForURL(/\/signin/);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await shot(page, '01-sign-in');

    const tokenField = page.getByLabel('Mã truy cập');
    await tokenField.fill('not-a-valid-token');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const wrong = await stack.request('GET', '/api/me', { token: 'not-a-valid-token' });
    expect(await errorFor(tokenField)).toContain(wrong.body.error.message);

    await tokenField.fill(stack.adminToken);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/admin\/users/);

    // The English toggle switches the interface and keeps the choice.
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'VI' }).click();
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();

    await field(page, 'Họ và tên').fill('Nguyễn Thị Văn Thư');
    await field(page, 'Thư điện tử').fill('vanthu@stttt.example.gov.vn');
    await page.getByLabel('Đơn vị thực hiện').check();
    await field(page, 'Đơn vị').selectOption({ label: 'Sở Thông tin và Truyền thông' });
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const token = page.locator('#new-token');
    await token.waitFor();
    clerkToken = await token.inputValue();
    const me = await stack.request('GET', '/api/me', { token: clerkToken });
    expect(me.body).toMatchObject({ name: 'Nguyễn Thị Văn Thư', role: 'agency', agencyCode: 'STTTT' });

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/signin/);
    expect(await page.evaluate(() => localStorage.getItem('giaoviec.token'))).toBeNull();
  });

  it('imports an appendix: a file with errors is refused with each problem on its row and column, a good one is imported with progress', async () => {
    coordinator = await newPage();
    await coordinator.goto('/signin');
    await coordinator.getByLabel('Mã truy cập').fill(coordinatorToken);
    await coordinator.getByRole('button', { name: 'Đăng nhập' }).click();
    await coordinator.waitForURL(/\/plans$/);
    await coordinator.getByRole('link', { name: 'Kế hoạch ứng dụng CNTT, phát triển chính quyền số' }).click();
    await coordinator.getByRole('link', { name: 'Nhập từ tệp' }).click();
    await coordinator.getByRole('heading', { name: 'Nhập danh mục nhiệm vụ' }).waitFor();

    // Row 7 names an agency the directory does not have; row 4 has an impossible quarter.
    const broken = APPENDIX.toString('utf8').replace(',Sở Nội vụ,', ',Sở Nội vụ và Du lịch,').replace(',2021-2022,', ',Quý V/2022,');
    await coordinator.getByLabel('Tệp phụ lục').setInputFiles({ name: 'phu-luc-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(broken, 'utf8') });
    await coordinator.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await coordinator.getByText('Chưa thể nhập').waitFor();
    const preview = await stack.request('POST', `/api/plans/${planId}/import?dryRun=true`, {
      token: coordinatorToken,
      rawBody: broken,
      headers: { 'content-type': 'text/csv' },
    });
    const errors = (preview.body.problems as { row?: number; column?: string; severity: string; message: string }[]).filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(Number(await coordinator.locator('[data-testid="import-errors"] .tile__value').innerText())).toBe(errors.length);
    for (const problem of errors) {
      const letter = problem.column!.match(/^[A-Z]+/)![0];
      const cell = coordinator.locator(`tr[data-row="${problem.row}"] td[data-column="${letter}"]`);
      expect(await cell.getAttribute('class')).toContain('cell--error');
      const describedBy = await cell.getAttribute('aria-describedby');
      expect(await coordinator.locator(`[id="${describedBy}"]`).innerText()).toContain(problem.message);
    }
    expect(errors.map((p) => p.row)).toEqual(expect.arrayContaining([4, 7]));
    expect(await coordinator.getByRole('button', { name: /^Nhập \d+ nhiệm vụ$/ }).isDisabled()).toBe(true);
    await coordinator.locator('tr.row--error').first().scrollIntoViewIfNeeded();
    await coordinator.evaluate(() => window.scrollBy(0, 120));
    await shot(coordinator, '05-import-preview-errors');
    // Scrolled to the file's last column, the results and the problems are still in view.
    const sheet = coordinator.locator('.table-scroll--sheet');
    expect(await sheet.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    await sheet.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
    expect(await hiddenSideways(coordinator)).toEqual([]);

    await coordinator.getByRole('button', { name: 'Chọn tệp khác' }).click();
    await coordinator.getByLabel('Tệp phụ lục').setInputFiles({ name: 'son-la-212-kh-ubnd-2020.csv', mimeType: 'text/csv', buffer: APPENDIX });
    await coordinator.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await coordinator.getByText('Tệp hợp lệ').waitFor();
    await shot(coordinator, '05-import-preview');
    await coordinator.getByRole('button', { name: 'Nhập 7 nhiệm vụ' }).click();
    await coordinator.getByText('Đã nhập xong').waitFor({ timeout: 60_000 });
    expect(await coordinator.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

    const counts = await planCounts();
    // Seven rows; the row led by "Sở TTTT, UBND các huyện, thành phố" is one task per agency (1 + 3 districts).
    expect(counts.total).toBe(10);
    await coordinator.getByRole('link', { name: 'Về trang tổng quan kế hoạch' }).click();
    await coordinator.locator('[data-testid="tile-total"]').waitFor();
    expect(await tileValue(coordinator, 'total')).toBe(counts.total);
    expect(await tileValue(coordinator, 'overdue')).toBe(counts.overdue);
    completedBefore = await tileValue(coordinator, 'completed');
    expect(completedBefore).toBe(counts.completed);
  });

  it('assigns a task by hand; the form shows every API validation message beside its field', async () => {
    await coordinator.getByRole('link', { name: 'Giao nhiệm vụ mới' }).click();
    await coordinator.getByRole('heading', { name: 'Giao nhiệm vụ mới', level: 1 }).waitFor();
    await coordinator.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await coordinator.locator('.error-summary').waitFor();
    const details = await apiDetails('POST', `/api/plans/${planId}/tasks`, coordinatorToken, { title: '', leadAgency: '', coordinatingAgencies: [], dueDate: '', kind: 'new' });
    const labels: Record<string, string> = { title: 'Tên nhiệm vụ', leadAgency: 'Đơn vị chủ trì', dueDate: 'Hạn hoàn thành' };
    expect(details.map((d) => d.field).sort()).toEqual(Object.keys(labels).sort());
    for (const d of details) expect(await errorFor(field(coordinator, labels[d.field]!))).toContain(d.message);
    expect(await coordinator.locator('.error-summary').innerText()).toContain(details[0]!.message);

    await field(coordinator, 'Tên nhiệm vụ').fill(manualTitle);
    await field(coordinator, 'Đơn vị chủ trì').selectOption({ label: 'Sở Thông tin và Truyền thông' });
    await coordinator.getByLabel('Sở Tài chính').check();
    await field(coordinator, 'Hạn hoàn thành').fill(dmy(manualDue));
    await coordinator.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await coordinator.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await coordinator.getByRole('heading', { name: manualTitle, level: 1 }).waitFor();
    expect(await coordinator.locator('.page-header .badge--assigned').innerText()).toContain('Đã giao – chờ tiếp nhận');
    expect(await coordinator.locator('.page-header .badge--due-soon').innerText()).toContain('Sắp đến hạn');

    // The dashboard's "due soon" count opens the list of exactly those tasks, its filter ticked.
    await coordinator.goto(`/plans/${planId}`);
    const dueSoonTile = await tileValue(coordinator, 'dueSoon');
    const dueSoon = await stack.request('GET', `/api/tasks?plan=${planId}&dueSoon=true`, { token: coordinatorToken });
    expect(dueSoonTile).toBe(dueSoon.body.items.length);
    expect(dueSoonTile).toBeGreaterThan(0);
    await coordinator.locator('[data-testid="tile-dueSoon"] a').click();
    await coordinator.waitForURL(/dueSoon=true/);
    await coordinator.getByText(`Đang hiển thị ${dueSoonTile} nhiệm vụ`).waitFor();
    expect(await coordinator.getByLabel('Chỉ nhiệm vụ sắp đến hạn (7 ngày tới)').isChecked()).toBe(true);
    expect(await coordinator.locator('.results tbody .task-link').allInnerTexts()).toEqual(dueSoon.body.items.map((task: { title: string }) => task.title));
  });

  it('lists tasks with the API filters and shows a bad filter beside its field', async () => {
    await coordinator.goto(`/tasks?plan=${planId}`);
    await coordinator.getByText(/Đang hiển thị \d+ nhiệm vụ/).waitFor();
    await coordinator.getByLabel('Tìm theo tên').fill('kế toán');
    await coordinator.getByRole('button', { name: 'Lọc', exact: true }).click();
    await coordinator.getByText('Đang hiển thị 1 nhiệm vụ').waitFor();
    expect(await coordinator.locator('.results tbody tr').count()).toBe(1);
    expect(await coordinator.locator('.results tbody').innerText()).toContain('Xây dựng Hệ thống Kế toán - ngân sách tập trung');

    await coordinator.goto('/tasks?status=bogus');
    const api = await stack.request('GET', '/api/tasks?status=bogus', { token: coordinatorToken });
    const detail = (api.body.error.details as { field: string; message: string }[]).find((d) => d.field.startsWith('query.status'))!;
    expect(await errorFor(coordinator.getByRole('group', { name: 'Trạng thái', exact: true }))).toContain(detail.message);

    await coordinator.goto(`/tasks?plan=${planId}`);
    await coordinator.getByText(/Đang hiển thị \d+ nhiệm vụ/).waitFor();
    await shot(coordinator, '03-task-list');

    // The list as a workbook: every row shown, in the same order.
    const shownTitles = await coordinator.locator('.results tbody .task-link').allInnerTexts();
    const [download] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByRole('button', { name: 'Tải về Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`nhiem-vu-${today()}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as never);
    const exported: string[] = [];
    book.getWorksheet('Nhiệm vụ')!.eachRow((row, n) => n > 1 && exported.push(String(row.getCell(4).value)));
    expect(exported).toEqual(shownTitles.map((title) => title.trim()));

    // English labels are longer ("Assigned – awaiting acknowledgement"): the table still fits.
    await coordinator.getByRole('button', { name: 'EN' }).click();
    await coordinator.getByText(/Showing \d+ tasks?/).waitFor();
    expect(await coordinator.locator('.results tbody').innerText()).toContain('Assigned – awaiting acknowledgement');
    expect(await hiddenSideways(coordinator)).toEqual([]);
    await coordinator.getByRole('button', { name: 'VI' }).click();
    await coordinator.getByText(/Đang hiển thị \d+ nhiệm vụ/).waitFor();
  });

  it('an agency clerk signs in from a link, acknowledges, reports progress and completion; each form shows the API messages', async () => {
    clerk = await newPage();
    await clerk.goto(`/signin?token=${encodeURIComponent(clerkToken)}`);
    await clerk.waitForURL(/\/portal$/);
    expect(clerk.url()).not.toContain('token=');
    const toAcknowledge = clerk.locator('[data-section="ack"]');
    await toAcknowledge.getByText(manualTitle).waitFor();
    await shot(clerk, '06-agency-portal');

    const phone = await newPage(PHONE);
    await phone.goto(`/signin?token=${encodeURIComponent(clerkToken)}`);
    await phone.waitForURL(/\/portal$/);
    await phone.locator('[data-section="ack"]').getByText(manualTitle).waitFor();
    await shot(phone, '08-agency-portal-phone', { top: true });

    await clerk.getByRole('button', { name: `Tiếp nhận: ${manualTitle}` }).click();
    await clerk.getByText(`Đã tiếp nhận "${manualTitle}".`).waitFor();
    await clerk.getByRole('link', { name: manualTitle }).first().click();
    await clerk.getByRole('heading', { name: manualTitle, level: 1 }).waitFor();
    const taskId = clerk.url().split('/').pop()!;

    // Progress: out of range first.
    const percent = field(clerk, 'Tiến độ (%)');
    await percent.fill('150');
    await clerk.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    const progressDetails = await apiDetails('POST', `/api/tasks/${taskId}/progress`, clerkToken, { percent: 150 });
    expect(await errorFor(percent)).toContain(progressDetails.find((d) => d.field === 'percent')!.message);
    await percent.fill('60');
    await clerk.getByLabel('Kết quả, khó khăn, vướng mắc').fill('Đã lắp đặt thiết bị tại 12 xã');
    await clerk.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    await clerk.getByText('Đã gửi báo cáo tiến độ.').waitFor();
    await clerk.locator('.facts [role="progressbar"][aria-valuenow="60"]').waitFor();

    // Extension request: empty, then the messages.
    await clerk.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await clerk.getByRole('button', { name: 'Gửi đề nghị gia hạn' }).click();
    const extDetails = await apiDetails('POST', `/api/tasks/${taskId}/extension-requests`, clerkToken, { newDueDate: '', reason: '' });
    expect(extDetails.map((d) => d.field).sort()).toEqual(['newDueDate', 'reason']);
    expect(await errorFor(field(clerk, 'Hạn mới đề nghị'))).toContain(extDetails.find((d) => d.field === 'newDueDate')!.message);
    expect(await errorFor(field(clerk, 'Lý do'))).toContain(extDetails.find((d) => d.field === 'reason')!.message);

    await clerk.getByLabel('Kết quả, sản phẩm, văn bản').fill('Hệ thống đã vận hành tại 12/12 xã');
    await clerk.getByRole('button', { name: 'Gửi báo cáo hoàn thành' }).click();
    await clerk.getByText('Đã gửi báo cáo hoàn thành; chờ nghiệm thu.').waitFor();
    expect(await clerk.locator('.page-header .badge--completion_submitted').innerText()).toContain('Chờ nghiệm thu');
  });

  it('the coordinator accepts the completion and the dashboard counts change', async () => {
    await coordinator.goto(`/tasks?plan=${planId}&q=${encodeURIComponent('họp trực tuyến')}`);
    await coordinator.getByRole('link', { name: manualTitle }).click();
    await coordinator.getByRole('heading', { name: 'Nghiệm thu' }).waitFor();
    await coordinator.getByLabel('Ý kiến nghiệm thu').fill('Đạt yêu cầu');
    await coordinator.getByRole('button', { name: 'Công nhận hoàn thành' }).click();
    await coordinator.getByText('Đã nghiệm thu: nhiệm vụ hoàn thành.').waitFor();
    await coordinator.locator('.page-header .badge--completed').waitFor();
    const timeline = await coordinator.locator('.timeline').innerText();
    for (const step of ['Giao nhiệm vụ', 'Tiếp nhận nhiệm vụ', 'Báo cáo tiến độ', 'Báo cáo hoàn thành', 'Nghiệm thu, công nhận hoàn thành']) expect(timeline).toContain(step);
    expect(timeline).toContain('Nguyễn Thị Văn Thư');
    // Reminders planned and sent, as the API lists them.
    const taskId = coordinator.url().split('/').pop()!;
    const reminders = await stack.request('GET', `/api/tasks/${taskId}/reminders`, { token: coordinatorToken });
    expect(reminders.status).toBe(200);
    expect(await coordinator.locator('.detail--reminders .reminders__item').count()).toBe(reminders.body.items.length);
    await shot(coordinator, '04-task-detail');

    // The same page in English.
    await coordinator.getByRole('button', { name: 'EN' }).click();
    await coordinator.getByRole('heading', { name: 'History' }).waitFor();
    expect(await coordinator.locator('.page-header .badge--completed').innerText()).toContain('Completed');
    await coordinator.getByRole('button', { name: 'VI' }).click();
    await coordinator.getByRole('heading', { name: 'Quá trình xử lý' }).waitFor();

    await coordinator.goto(`/plans/${planId}`);
    await coordinator.locator('[data-testid="tile-completed"]').waitFor();
    const counts = await planCounts();
    expect(await tileValue(coordinator, 'completed')).toBe(completedBefore + 1);
    expect(await tileValue(coordinator, 'completed')).toBe(counts.completed);
    expect(await tileValue(coordinator, 'total')).toBe(counts.total);
    await coordinator.locator('.chart canvas').waitFor();
    expect(await coordinator.locator('.chart__caption').innerText()).toContain('Đã hoàn thành 1/');
    await coordinator.waitForFunction(() => ((document.querySelector('.chart canvas') as HTMLCanvasElement | null)?.width ?? 0) > 0);
    await shot(coordinator, '02-dashboard');
    await coordinator.getByRole('heading', { name: 'Tiến độ hoàn thành theo thời gian' }).scrollIntoViewIfNeeded();
    await coordinator.evaluate(() => window.scrollBy(0, 300));
    await shot(coordinator, '02-dashboard-chart');
  });

  it('an extension requested by the clerk is approved by the coordinator and the due date moves', async () => {
    const title = 'Kiện toàn Đội ứng cứu sự cố an toàn thông tin mạng';
    const newDue = fromToday(60);
    await clerk.goto(`/tasks?q=${encodeURIComponent('Đội ứng cứu')}`);
    await clerk.getByRole('link', { name: title }).click();
    await clerk.getByRole('heading', { name: title, level: 1 }).waitFor();
    await clerk.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await field(clerk, 'Hạn mới đề nghị').fill(dmy(newDue));
    await field(clerk, 'Lý do').fill('Chờ Quyết định kiện toàn của UBND tỉnh');
    await clerk.getByRole('button', { name: 'Gửi đề nghị gia hạn' }).click();
    await clerk.getByText('Đã gửi đề nghị gia hạn.').waitFor();
    await clerk.getByText('Đang chờ quyết định gia hạn').waitFor();

    await coordinator.goto(clerk.url().replace(/^https?:\/\/[^/]+/, ''));
    await coordinator.getByRole('heading', { name: 'Quyết định gia hạn' }).waitFor();
    await coordinator.getByLabel('Đồng ý', { exact: true }).check();
    await coordinator.getByRole('button', { name: 'Gửi quyết định' }).click();
    await coordinator.getByText('Đã gửi quyết định gia hạn.').waitFor();
    const facts = coordinator.locator('.detail--facts');
    await facts.getByText(dmy(newDue)).waitFor();
    expect(await facts.innerText()).toContain('Hạn ban đầu: 31/12/2021');
    expect(await coordinator.locator('.timeline').innerText()).toContain(`Hạn mới: ${dmy(newDue)}`);
  });

  it('runs the annual cycle: opened by the coordinator, reported by the agency, compiled and downloaded as XLSX', async () => {
    // Last year's cycle is past its due date, so it compiles at once; the agency's report is late.
    const year = Number(today().slice(0, 4)) - 1;
    await coordinator.goto(`/plans/${planId}/cycles?year=${year}`);
    await coordinator.getByRole('button', { name: `Mở kỳ báo cáo năm ${year}` }).click();
    await coordinator.getByRole('heading', { name: 'Tình hình gửi báo cáo' }).waitFor({ timeout: 30_000 });
    await coordinator.getByText(/Bản tổng hợp lần \d+/).waitFor({ timeout: 60_000 });

    await clerk.goto(`/portal/report?year=${year}`);
    await clerk.getByRole('button', { name: 'Gửi báo cáo' }).waitFor();
    await clerk.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const reportDetails = await apiDetails('POST', `/api/plans/${planId}/annual-cycles/${year}/reports`, clerkToken, { summary: '', tasks: [] });
    expect(await errorFor(field(clerk, 'Tóm tắt kết quả'))).toContain(reportDetails.find((d) => d.field === 'summary')!.message);
    await field(clerk, 'Tóm tắt kết quả').fill('Hoàn thành hạ tầng họp trực tuyến; các nhiệm vụ thường xuyên duy trì tốt.');
    await clerk.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await clerk.getByText('Đã gửi báo cáo', { exact: true }).waitFor();

    await coordinator.reload();
    const row = coordinator.locator('tr', { hasText: 'Sở Thông tin và Truyền thông' }).first();
    await row.getByText('Đã gửi (muộn)').waitFor();
    await coordinator.getByText(/Bản tổng hợp lần \d+/).waitFor({ timeout: 60_000 });
    await shot(coordinator, '07-annual-cycle');

    const [download] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByRole('button', { name: 'Tải về Excel (XLSX)' }).click()]);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('leadership sees every plan read-only', async () => {
    const page = await newPage();
    await page.goto(`/signin?token=${encodeURIComponent(viewerToken)}`);
    await page.waitForURL(/\/overview$/);
    await page.getByRole('link', { name: 'Kế hoạch ứng dụng CNTT, phát triển chính quyền số' }).waitFor();
    await shot(page, '09-leadership-overview');
    await page.goto(`/plans/${planId}`);
    await page.locator('[data-testid="tile-total"]').waitFor();
    expect(await page.getByRole('link', { name: 'Giao nhiệm vụ mới' }).count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });

  // One test per window size: 18 screens, each checked by axe-core, take 30 s or more on a busy machine.
  it.each([
    ['a 1280 px window', DESKTOP],
    ['a phone', PHONE],
  ])('every screen fits %s, nothing left to a sideways scroll, and passes the WCAG 2.1 AA checks of axe-core', { timeout: 180_000 }, async (_name, viewport) => {
    // A task of the clerk's agency, which every one of these users may open.
    const list = await stack.request('GET', `/api/tasks?plan=${planId}&limit=1`, { token: clerkToken });
    const taskId = list.body.items[0].id as string;
    const screens: [token: string, paths: string[]][] = [
      [
        coordinatorToken,
        ['/plans', `/plans/${planId}`, `/plans/${planId}/tasks/new`, `/plans/${planId}/import`, `/plans/${planId}/cycles`, '/tasks', `/tasks/${taskId}`, '/outbox', '/agencies', '/agencies/STTTT', '/overview'],
      ],
      [clerkToken, ['/portal', '/portal/report', '/tasks', `/tasks/${taskId}`]],
      [stack.adminToken, ['/admin/users', '/admin/calendar', '/agencies']],
    ];
    const problems: string[] = [];
    for (const [token, paths] of screens) {
      const page = await newPage(viewport);
      await page.goto(`/signin?token=${encodeURIComponent(token)}`);
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
      for (const p of paths) {
        await page.goto(p);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        for (const hidden of await hiddenSideways(page)) problems.push(`${viewport.width} px ${p}: ${hidden}`);
        for (const v of await accessibilityViolations(page)) problems.push(`${viewport.width} px ${p}: ${v}`);
      }
    }
    expect(problems).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
