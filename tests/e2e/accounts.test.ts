/**
 * Accounts in the browser, in Chromium against the real stack, a real OpenID Connect provider
 * (oidc-provider, in this process) and a real SMTP server:
 *
 * the province's administrator signs in with "Đăng nhập bằng tài khoản của tỉnh" — the provider's own
 * login and consent pages — and lands in the app signed in as the account its claims make; on the
 * users page disables, enables, issues a new token and a sign-in link, which a clerk opens once; a
 * clerk asks for a link by mail and opens it; the audit log page lists those actions, filters them,
 * shows a bad filter beside its field and downloads them as XLSX. Screenshots 12–14 for the README.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { ensureWebBuilt } from '../../scripts/build-web';
import { seedAgencies } from '../helpers/fixtures';
import { startIdentityProvider, type TestIdentityProvider } from '../helpers/identity-provider';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { startStack, type TestStack } from '../helpers/stack';
import { BrowserSession, errorFor, field, shot } from './browser-session';

let idp: TestIdentityProvider;
let smtp: TestSmtpServer;
let stack: TestStack;
let session: BrowserSession;
let admin: Page;
const clerk = { id: '', token: '', email: 'lo.thi.van@stttt.example.gov.vn' };

beforeAll(async () => {
  await ensureWebBuilt();
  [idp, smtp] = await Promise.all([startIdentityProvider(), startSmtpServer()]);
  stack = await startStack({ label: 'e2e_accounts', worker: { mailer: smtp.transport() }, config: (url) => ({ publicUrl: url, SMTP_URL: smtp.url, oidc: idp.configFor(url) }) });
  idp.start(`${stack.url}/auth/oidc/callback`);
  await seedAgencies(stack.database.db);
  idp.accounts.set('quantri.tinh', { email: 'quantri@sonla.example.gov.vn', email_verified: true, name: 'Hoàng Văn Quản Trị', groups: ['nhan-vien', 'giaoviec-quantri'] });
  const created = await stack.request('POST', '/api/users', { token: stack.adminToken, body: { name: 'Lò Thị Vân', email: clerk.email, role: 'agency', agencyCode: 'STTTT' } });
  Object.assign(clerk, created.body);
  await stack.request('POST', '/api/users', { token: stack.adminToken, body: { name: 'Cầm Văn Lãnh', email: 'lanh.cv@sonla.example.gov.vn', role: 'viewer' } });
  session = await BrowserSession.start(stack.url);
});

afterAll(async () => {
  await session?.close();
  await stack?.close();
  await Promise.all([smtp?.close(), idp?.close()]);
});

afterEach(({ task }) => (task.result?.state === 'fail' ? session.picturesOnFailure(task.name) : undefined));

const me = async (token: string) => (await stack.request('GET', '/api/me', { token })).status;
const row = (page: Page, name: string) => page.locator('tbody tr', { hasText: name });

describe('accounts in the browser', () => {
  it('signs in with the province account: the provider’s login and consent pages, then the app as the account the claims make', async () => {
    admin = await session.newPage();
    await admin.goto('/');
    await admin.waitForURL(/\/signin/);
    const button = admin.getByRole('link', { name: 'Đăng nhập bằng tài khoản của tỉnh' });
    await button.waitFor();
    await admin.getByRole('heading', { name: 'Nhận liên kết đăng nhập qua thư' }).waitFor();
    await shot(admin, '17-sign-in-province');

    await button.click();
    await admin.waitForURL(`${idp.issuer}/interaction/**`);
    await admin.locator('input[name="login"]').fill('quantri.tinh');
    await admin.locator('input[name="password"]').fill('mật khẩu của tỉnh');
    await admin.getByRole('button', { name: 'Sign-in' }).click();
    await admin.getByRole('button', { name: 'Continue' }).click();
    await admin.waitForURL(`${stack.url}/admin/users`);
    // The session token left the address bar; the page holds it, and it is a session's.
    expect(admin.url()).not.toContain('session=');
    const token = (await admin.evaluate(() => localStorage.getItem('giaoviec.token')))!;
    expect(token).toMatch(/^gvs_/);
    expect((await stack.request('GET', '/api/me', { token })).body).toMatchObject({ name: 'Hoàng Văn Quản Trị', role: 'admin' });
    await admin.locator('.user-chip__name', { hasText: 'Hoàng Văn Quản Trị' }).waitFor();
  });

  it('on the users page: disables and enables a clerk, issues a new token and a sign-in link that works once', async () => {
    await row(admin, 'Lò Thị Vân').getByRole('button', { name: 'Khóa tài khoản Lò Thị Vân' }).click();
    await admin.getByText('Đã khóa tài khoản Lò Thị Vân').waitFor();
    await row(admin, 'Lò Thị Vân').getByText('Đã khóa').waitFor();
    expect(await me(clerk.token)).toBe(401);
    await row(admin, 'Lò Thị Vân').getByRole('button', { name: 'Mở khóa tài khoản Lò Thị Vân' }).click();
    await admin.getByText('Đã mở khóa tài khoản Lò Thị Vân').waitFor();
    expect(await me(clerk.token)).toBe(200);

    await row(admin, 'Lò Thị Vân').getByRole('button', { name: 'Cấp mã mới cho Lò Thị Vân' }).click();
    await admin.getByText('Mã truy cập mới của Lò Thị Vân').waitFor();
    const rotated = await admin.locator('#new-token').inputValue();
    expect([await me(clerk.token), await me(rotated)]).toEqual([401, 200]);
    clerk.token = rotated;

    await row(admin, 'Lò Thị Vân').getByRole('button', { name: 'Tạo liên kết đăng nhập cho Lò Thị Vân' }).click();
    await admin.getByText('Liên kết đăng nhập cho Lò Thị Vân').waitFor();
    const link = await admin.locator('#new-token').inputValue();
    expect(link).toMatch(new RegExp(`^${stack.url}/signin#link=`));
    await admin.getByRole('heading', { name: 'Danh sách tài khoản' }).evaluate((h) => h.scrollIntoView());
    await shot(admin, '18-users');

    const clerkPage = await session.newPage();
    await clerkPage.goto(link);
    await clerkPage.waitForURL(/\/portal$/);
    await clerkPage.locator('.user-chip__name', { hasText: 'Lò Thị Vân' }).waitFor();
    expect(clerkPage.url()).not.toContain('link=');

    const again = await session.newPage();
    await again.goto(link);
    await again.getByText('Không đăng nhập được bằng liên kết').waitFor();
    await again.getByText('đã được dùng').waitFor();
    expect(await again.evaluate(() => localStorage.getItem('giaoviec.token'))).toBeNull();

    // Signing out of a link's session ends it on the server too.
    const sessionToken = (await clerkPage.evaluate(() => localStorage.getItem('giaoviec.token')))!;
    expect(await me(sessionToken)).toBe(200);
    await clerkPage.getByRole('button', { name: 'Đăng xuất' }).click();
    await clerkPage.waitForURL(/\/signin/);
    await expect.poll(() => me(sessionToken)).toBe(401);
  });

  it('a clerk asks for a sign-in link by mail and opens it from the message', async () => {
    const page = await session.newPage();
    await page.goto('/signin');
    await field(page, 'Địa chỉ thư điện tử').fill(clerk.email);
    await page.getByRole('button', { name: 'Gửi liên kết đăng nhập' }).click();
    await page.getByText('liên kết đăng nhập đã được gửi tới hộp thư').waitFor();
    const [mail] = await smtp.waitForMessages(1, 30_000);
    expect(mail!.to).toEqual([clerk.email]);
    const url = new RegExp(`${stack.url}/signin#link=[\\w.-]+`).exec(mail!.text)![0];
    // Opened from the mail: a new tab.
    const opened = await session.newPage();
    await opened.goto(url);
    await opened.waitForURL(/\/portal$/);
    await opened.locator('.user-chip__name', { hasText: 'Lò Thị Vân' }).waitFor();
  });

  it('the audit log lists those actions, filters them, shows a bad filter beside its field and downloads them as XLSX', async () => {
    await admin.getByRole('link', { name: 'Nhật ký quản trị' }).click();
    await admin.getByRole('heading', { name: 'Nhật ký quản trị', level: 1 }).waitFor();
    await admin.getByText(/Đang hiển thị \d+ dòng/).waitFor();
    const all = (await stack.request('GET', '/api/audit-log?limit=200', { token: stack.adminToken })).body.items as { action: string; actorName: string }[];
    expect(await admin.locator('.results tbody tr').count()).toBe(all.length);
    // Newest first: what the administrator did in the browser, after its own account was made at its first sign-in.
    const byAdmin = all.filter((r) => r.actorName === 'Hoàng Văn Quản Trị').map((r) => r.action);
    expect(byAdmin).toEqual(['user.sign_in_link', 'user.token_rotate', 'user.enable', 'user.disable', 'user.create']);

    await field(admin, 'Thao tác').selectOption({ label: 'Khóa tài khoản' });
    await admin.getByRole('button', { name: 'Lọc', exact: true }).click();
    await admin.waitForURL(/action=user\.disable/);
    await admin.getByText('Đang hiển thị 1 dòng').waitFor();
    const line = admin.locator('.results tbody tr');
    expect(await line.innerText()).toContain('Lò Thị Vân');
    expect(await line.innerText()).toContain('Hoàng Văn Quản Trị');

    await field(admin, 'Thao tác').selectOption({ label: 'Người dùng (mọi thao tác)' });
    await field(admin, 'Từ ngày').fill('31/02/2026');
    await admin.getByRole('button', { name: 'Lọc', exact: true }).click();
    const bad = await stack.request('GET', '/api/audit-log?from=2026-02-31&action=user', { token: stack.adminToken });
    expect(await errorFor(field(admin, 'Từ ngày'))).toContain(bad.body.error.details[0].message);

    await field(admin, 'Từ ngày').fill('');
    await admin.getByRole('button', { name: 'Lọc', exact: true }).click();
    await admin.waitForURL((u) => !u.search.includes('from='));
    const users = (await stack.request('GET', '/api/audit-log?action=user&limit=200', { token: stack.adminToken })).body.items as { action: string }[];
    await admin.getByText(`Đang hiển thị ${users.length} dòng`).waitFor();
    await shot(admin, '19-audit-log', { top: true });

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Tải về Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^nhat-ky-quan-tri-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as never);
    const exported: string[] = [];
    book.getWorksheet('Nhật ký quản trị')!.eachRow((r, n) => n > 1 && exported.push(String(r.getCell(6).value)));
    expect(exported).toEqual(users.map((r) => r.action));
    expect(session.pageErrors).toEqual([]);
  });
});
