/**
 * A plan's reminder settings in Chromium against the real stack (the Temporal dev server, whose
 * Schedules move with the report days): the coordinator sees the settings in force, a value the API
 * refuses is shown beside its field, and a saved change reaches the plan's running task.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../helpers/stack';
import { seedAgencies, seedPlan } from '../helpers/fixtures';
import { fromToday } from '../helpers/dates';
import { waitFor } from '../helpers/wait';
import { ensureWebBuilt } from '../../scripts/build-web';
import { BrowserSession, errorFor, field, shot } from './browser-session';

let stack: TestStack;
let session: BrowserSession;
let planId: string;
let coordinatorToken: string;

beforeAll(async () => {
  await ensureWebBuilt();
  stack = await startStack({ label: 'e2e_settings', temporal: 'local' });
  await seedAgencies(stack.database.db);
  planId = await seedPlan(stack.database.db, { code: 'KH-30-2026' });
  coordinatorToken = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND', name: 'Trần Văn Điều' });
  await stack.user({ role: 'viewer', name: 'Lò Văn Lãnh', email: 'lanh.lv@sonla.example.gov.vn' });
  session = await BrowserSession.start(stack.url);
});

afterAll(async () => {
  await session?.close();
  await stack?.close();
});

afterEach(({ task }) => (task.result?.state === 'fail' ? session.picturesOnFailure(task.name) : undefined));

const dueReminders = async (taskId: string) =>
  ((await stack.request('GET', `/api/tasks/${taskId}/reminders`, { token: coordinatorToken })).body.items as { kind: string; status: string }[]).filter(
    (r) => r.kind === 'due_reminder' && r.status === 'planned',
  ).length;

describe('plan settings', () => {
  it('shows the settings in force, names a refused value beside its field, and a saved change reaches the running task', async () => {
    const created = await stack.request('POST', `/api/plans/${planId}/tasks`, {
      token: coordinatorToken,
      body: { title: 'Nâng cấp hệ thống một cửa điện tử', leadAgency: 'STTTT', coordinatingAgencies: [], dueDate: fromToday(120), kind: 'new' },
    });
    expect(created.status).toBe(201);
    await waitFor(() => dueReminders(created.body.id), (n) => n === 3, 'the default reminders');

    const page = await session.newPage();
    await page.goto('/signin');
    await page.getByLabel('Mã truy cập').fill(coordinatorToken);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/plans$/);
    await page.goto(`/plans/${planId}`);
    await page.getByRole('link', { name: 'Cài đặt nhắc việc' }).click();
    await page.getByRole('heading', { name: 'Cài đặt nhắc việc và cảnh báo' }).waitFor();
    expect(await field(page, 'Nhắc trước hạn (ngày làm việc)').inputValue()).toBe('30, 7, 1');
    expect(await field(page, 'Hạn nộp báo cáo').inputValue()).toBe('20/12');
    await page.getByLabel('Lò Văn Lãnh (lanh.lv@sonla.example.gov.vn)').waitFor();

    const hour = field(page, 'Giờ gửi thư');
    await hour.fill('22');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    const refused = await stack.request('PATCH', `/api/plans/${planId}`, { token: coordinatorToken, body: { settings: { reminders: { sendHour: 22 } } } });
    expect(refused.status).toBe(422);
    expect(await errorFor(hour)).toContain(refused.body.error.details.find((d: { field: string }) => d.field === 'settings.reminders.sendHour').message);

    await hour.fill('8');
    await field(page, 'Nhắc trước hạn (ngày làm việc)').fill('20, 3');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByText('Đã lưu cài đặt').waitFor();
    await shot(page, '16-plan-settings', { top: true });
    const plan = (await stack.request('GET', `/api/plans/${planId}`, { token: coordinatorToken })).body;
    expect(plan.settings.reminders.dueReminderWorkingDays).toEqual([20, 3]);
    await waitFor(() => dueReminders(created.body.id), (n) => n === 2, 'the running task re-planned');
    expect(session.pageErrors).toEqual([]);
  });
});
