/**
 * Evidence and discussion in Chromium against the real stack (Postgres, the Temporal test server with
 * the product's worker, the app serving web/dist): the lead agency's clerk sends a completion report
 * with evidence files (a file that is not what its name says is refused beside the field), the
 * coordinator downloads one and returns the report as "Thiếu minh chứng" with one click, the clerk
 * answers in the discussion naming the coordinating agency, which is told in its digest; and the annual
 * report page attaches evidence to a task. Screenshots 12–15 for the README; each passes axe-core's
 * WCAG 2.1 AA checks and needs no sideways scroll.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { createAnnualReportActivities } from '../../activities/annual-report';
import { agencyReports, notifications } from '../../db/schema';
import { ensureWebBuilt } from '../../scripts/build-web';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { fromToday, today } from '../helpers/dates';
import { BrowserSession, errorFor, field, PHONE, shot } from './browser-session';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

let stack: TestStack;
let session: BrowserSession;
let planId: string;
let taskId: string;
const tokens = { coordinator: '', clerk: '', partner: '' };
const TITLE = 'Triển khai hệ thống một cửa điện tử liên thông cấp xã';

beforeAll(async () => {
  await ensureWebBuilt();
  stack = await startStack({ label: 'e2e_collab' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db, { code: 'KH-212-2020' });
  tokens.coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND', name: 'Trần Văn Điều', email: 'dieu.tv@vpubnd.example.gov.vn' });
  tokens.clerk = await stack.user({ role: 'agency', agencyCode: 'STTTT', name: 'Nguyễn Thị Văn Thư', email: 'thu.nt@stttt.example.gov.vn' });
  tokens.partner = await stack.user({ role: 'agency', agencyCode: 'STC', name: 'Lê Văn Tài', email: 'tai.lv@stc.example.gov.vn' });
  const created = await stack.request('POST', `/api/plans/${planId}/tasks`, {
    token: tokens.coordinator,
    body: { title: TITLE, leadAgency: 'STTTT', coordinatingAgencies: ['STC'], startDate: fromToday(-30), dueDate: fromToday(45) },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  taskId = created.body.id;
  expect((await stack.request('POST', `/api/tasks/${taskId}/acknowledge`, { token: tokens.clerk })).status).toBe(200);
  expect((await stack.request('POST', `/api/tasks/${taskId}/progress`, { token: tokens.clerk, body: { percent: 80, note: 'Đã triển khai tại 150/204 xã' } })).status).toBe(200);
  session = await BrowserSession.start(stack.url);
});

afterAll(async () => {
  await session?.close();
  await stack?.close();
});

afterEach(({ task }) => (task.result?.state === 'fail' ? session.picturesOnFailure(task.name) : undefined));

async function signIn(token: string, viewport?: typeof PHONE): Promise<Page> {
  const page = await session.newPage(viewport);
  await page.goto(`/signin?token=${encodeURIComponent(token)}`);
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  return page;
}

const fileNames = async () => ((await stack.request('GET', `/api/tasks/${taskId}/attachments`, { token: tokens.coordinator })).body.items as { fileName: string }[]).map((f) => f.fileName);

const detail = async () => (await stack.request('GET', `/api/tasks/${taskId}`, { token: tokens.coordinator })).body as { status: string; events: { type: string; note: string | null; data: Record<string, unknown> }[] };

describe('evidence and discussion on a task', () => {
  let clerk: Page;
  let coordinator: Page;

  it('the clerk submits completion with evidence files; a file that is not what its name says is refused beside the field', async () => {
    clerk = await signIn(tokens.clerk);
    await clerk.goto(`/tasks/${taskId}`);
    await clerk.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const completion = clerk.locator('[data-action="completion"]');
    const evidence = field(completion, 'Minh chứng kèm theo');

    // A web page named like a PDF: the API reads its bytes and says no, in its own words.
    await evidence.setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: HTML });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(HTML)], { type: 'application/pdf' }), 'bien-ban.pdf');
    const refused = await stack.request('POST', `/api/tasks/${taskId}/attachments`, { token: tokens.clerk, rawBody: form });
    expect(refused.status).toBe(422);
    const message = await errorFor(evidence);
    expect(message).toContain(refused.body.error.details[0].message);
    expect(message).toContain('bien-ban.pdf');

    await evidence.setInputFiles([
      { name: 'Biên bản nghiệm thu.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'Ảnh vận hành tại xã Chiềng Sinh.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await completion.getByText('Đã tải lên Ảnh vận hành tại xã Chiềng Sinh.png.').waitFor();
    const attached = completion.locator('.evidence__item');
    expect(await attached.allInnerTexts()).toEqual([expect.stringContaining('Biên bản nghiệm thu.pdf'), expect.stringContaining('Ảnh vận hành tại xã Chiềng Sinh.png')]);
    // A file chosen by mistake and taken off the form is taken off the task too.
    await evidence.setInputFiles({ name: 'Bản nháp.png', mimeType: 'image/png', buffer: PNG });
    await completion.getByText('Đã tải lên Bản nháp.png.').waitFor();
    await completion.getByRole('button', { name: 'Bỏ Bản nháp.png' }).click();
    await completion.getByText('Đã xóa Bản nháp.png.').waitFor();
    expect(await attached.count()).toBe(2);
    await completion.getByLabel('Kết quả, sản phẩm, văn bản').fill('Hệ thống đã vận hành tại 204/204 xã, phường, thị trấn.');
    await completion.scrollIntoViewIfNeeded();
    await shot(clerk, '12-evidence-completion');

    await completion.getByRole('button', { name: 'Gửi báo cáo hoàn thành' }).click();
    await clerk.getByText('Đã gửi báo cáo hoàn thành; chờ nghiệm thu.').waitFor();
    const submitted = (await detail()).events.find((e) => e.type === 'completion_submitted')!;
    expect((submitted.data.attachments as { fileName: string }[]).map((f) => f.fileName)).toEqual(['Biên bản nghiệm thu.pdf', 'Ảnh vận hành tại xã Chiềng Sinh.png']);
    // The timeline shows them under the report; the task's list says which report cites them.
    await clerk.locator('.timeline__item--completion_submitted').getByRole('button', { name: 'Tải về Biên bản nghiệm thu.pdf' }).waitFor();
    expect(await clerk.locator('.detail--attachments').innerText()).toContain('Kèm theo: Báo cáo hoàn thành');
    expect(await fileNames()).toEqual(['Biên bản nghiệm thu.pdf', 'Ảnh vận hành tại xã Chiềng Sinh.png']);

    // In the task's list, a file no report cites can be deleted, after a second click; a cited one cannot.
    const stray = new FormData();
    stray.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'Ảnh chụp nhầm.png');
    expect((await stack.request('POST', `/api/tasks/${taskId}/attachments`, { token: tokens.clerk, rawBody: stray })).status).toBe(201);
    await clerk.reload();
    const list = clerk.locator('.detail--attachments');
    await list.getByRole('button', { name: 'Xóa Ảnh chụp nhầm.png' }).click();
    expect(await list.getByRole('button', { name: 'Xóa Biên bản nghiệm thu.pdf' }).count()).toBe(0);
    await list.getByRole('group', { name: 'Xóa Ảnh chụp nhầm.png' }).getByRole('button', { name: 'Xóa hẳn' }).click();
    await list.getByText('Đã xóa Ảnh chụp nhầm.png.').waitFor();
    expect(await fileNames()).toEqual(['Biên bản nghiệm thu.pdf', 'Ảnh vận hành tại xã Chiềng Sinh.png']);
  });

  it('the coordinator downloads the evidence and returns the report for "Thiếu minh chứng" with one click', async () => {
    coordinator = await signIn(tokens.coordinator);
    await coordinator.goto(`/tasks/${taskId}`);
    await coordinator.getByRole('heading', { name: 'Trả lại' }).waitFor();
    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.locator('.timeline__item--completion_submitted').getByRole('button', { name: 'Tải về Biên bản nghiệm thu.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Biên bản nghiệm thu.pdf');
    expect(Buffer.compare(readFileSync((await download.path())!), PDF)).toBe(0);

    const returning = coordinator.locator('[data-action="return"]');
    await returning.getByRole('button', { name: 'Thiếu minh chứng' }).click();
    const reason = field(returning, 'Lý do trả lại, nội dung cần bổ sung');
    expect(await reason.inputValue()).toBe('Thiếu minh chứng');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reason.pressSequentially(': cần biên bản bàn giao có chữ ký của UBND các xã.');
    await returning.scrollIntoViewIfNeeded();
    await shot(coordinator, '13-return-missing-evidence');
    await returning.getByRole('button', { name: 'Trả lại cho đơn vị' }).click();
    await coordinator.getByText('Đã trả lại cho đơn vị chủ trì.').waitFor();
    const after = await detail();
    expect(after.status).toBe('in_progress');
    expect(after.events.find((e) => e.type === 'completion_returned')!.note).toBe('Thiếu minh chứng: cần biên bản bàn giao có chữ ký của UBND các xã.');
  });

  it('the clerk answers in the discussion, naming the coordinating agency, which is told in its digest', async () => {
    await clerk.reload();
    const discussion = clerk.locator('.detail--discussion');
    await discussion.getByRole('heading', { name: 'Trao đổi' }).waitFor();
    const text = 'Đề nghị @STC gửi biên bản bàn giao thiết bị cho 54 xã còn lại để Sở TTTT bổ sung minh chứng.';
    await field(discussion, 'Nội dung trao đổi').fill(text);
    await discussion.getByLabel('Văn phòng UBND tỉnh (@VPUBND) — cơ quan theo dõi').check();
    await field(discussion, 'Minh chứng kèm theo').setInputFiles({ name: 'Danh sách xã còn thiếu.pdf', mimeType: 'application/pdf', buffer: PDF });
    await discussion.getByText('Đã tải lên Danh sách xã còn thiếu.pdf.').waitFor();
    await discussion.getByRole('button', { name: 'Gửi ý kiến trao đổi' }).click();
    await clerk.getByText('Đã gửi ý kiến trao đổi.').waitFor();

    const comment = clerk.locator('.timeline__item--commented').first();
    await comment.waitFor();
    expect(await comment.innerText()).toContain(text);
    expect(await comment.innerText()).toContain('Nhắc đến: Văn phòng UBND tỉnh; Sở Tài chính');
    await comment.getByRole('button', { name: 'Tải về Danh sách xã còn thiếu.pdf' }).waitFor();
    const named = await stack.database.db
      .select({ recipient: notifications.recipient })
      .from(notifications)
      .where(and(eq(notifications.taskId, taskId), eq(notifications.kind, 'mention')));
    expect(named.map((n) => n.recipient).sort()).toEqual(['agency:STC', 'agency:VPUBND']);

    // The coordinating agency reads it on its own page of the task.
    const partner = await signIn(tokens.partner);
    await partner.goto(`/tasks/${taskId}`);
    await partner.locator('.timeline__item--commented').getByText(text).waitFor();
    // The end of the comment form and the newest events: the comment, its files, the return before it.
    await partner.evaluate(() => {
      document.getElementById('timeline-h')!.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -260);
    });
    await shot(partner, '14-discussion');

    // On a phone too, the discussion and the files fit.
    const phone = await signIn(tokens.clerk, PHONE);
    await phone.goto(`/tasks/${taskId}`);
    await phone.locator('.timeline__item--commented').first().scrollIntoViewIfNeeded();
    await shot(phone, '14-discussion-phone');
  });

  it('the annual report page attaches evidence to a task of the report', async () => {
    const year = Number(today().slice(0, 4));
    await createAnnualReportActivities({ db: stack.database.db }).openCycle({ planId, year });
    await clerk.goto(`/portal/report?plan=${planId}&year=${year}`);
    const item = clerk.locator('.report-task', { hasText: TITLE });
    await item.waitFor();
    await field(item, 'Minh chứng kèm theo').setInputFiles({ name: 'Báo cáo năm - Sở TTTT.pdf', mimeType: 'application/pdf', buffer: PDF });
    await item.getByText('Đã tải lên Báo cáo năm - Sở TTTT.pdf.').waitFor();
    await field(clerk, 'Tóm tắt kết quả').fill('Hoàn thành hệ thống một cửa điện tử liên thông tại 204 xã.');
    await field(item, 'Kết quả, ghi chú').fill('Đang bổ sung biên bản bàn giao.');
    await item.scrollIntoViewIfNeeded();
    await shot(clerk, '15-annual-report-evidence');
    await clerk.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await clerk.getByText('Đã gửi báo cáo', { exact: true }).waitFor();
    const [report] = await stack.database.db.select().from(agencyReports).where(eq(agencyReports.planId, planId));
    const line = report!.items.find((i) => i.taskId === taskId)!;
    expect(line.attachments!.map((f) => f.fileName)).toEqual(['Báo cáo năm - Sở TTTT.pdf']);
    expect(session.pageErrors).toEqual([]);
  });
});
