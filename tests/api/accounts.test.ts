/**
 * Accounts (issue item 4), against the real stack — Postgres, the Temporal dev server (plans need
 * their yearly Schedule), the product's worker, an in-process SMTP server:
 *
 * - a user's token lifecycle: disable and enable, rotate (by an admin, or by the user), revoke;
 * - one-click sign-in links: issued by an admin, or mailed through the outbox on request; redeemed
 *   once for a session that expires; sign-out ends the session;
 * - the admin audit log: every configuration action of an admin or a coordinator (users, agencies,
 *   the import's agency names, calendar, plans) leaves one row with who, when, what and the fields
 *   before and after; filters, paging, and the CSV and XLSX exports.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createApp } from '../../api/app';
import { agencies, auditLog, outbox, sessions, users } from '../../db/schema';
import { AUDIT_EXPORT_TEXT } from '../../domain/audit';
import { createSignInLinkSigner, SIGN_IN_LINK_TTL_HOURS } from '../../runtime/sign-in-links';
import { seedAgencies } from '../helpers/fixtures';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { startStack, type ApiResponse, type TestStack } from '../helpers/stack';
import { testConfig } from '../helpers/temporal';

let stack: TestStack;
let smtp: TestSmtpServer;
let admin: string;
let adminId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  stack = await startStack({ label: 'accounts', temporal: 'local', worker: { mailer: smtp.transport() }, config: { SMTP_URL: smtp.url } });
  await seedAgencies(stack.database.db);
  admin = stack.adminToken;
  adminId = (await stack.request('GET', '/api/me', { token: admin })).body.id;
});
afterAll(async () => {
  await stack?.close();
  await smtp?.close();
});

const as = (token: string) => ({
  get: (path: string) => stack.request('GET', path, { token }),
  post: (path: string, body?: unknown) => stack.request('POST', path, { token, body }),
  patch: (path: string, body: unknown) => stack.request('PATCH', path, { token, body }),
  delete: (path: string) => stack.request('DELETE', path, { token }),
});

function ok(res: ApiResponse, status = 200): ApiResponse {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

/** A fresh account through the API, as an admin makes it. */
async function newUser(name: string, extra: Record<string, unknown> = {}): Promise<{ id: string; token: string; email: string }> {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const email = `${ascii.replace(/\W+/g, '.')}.${Date.now() % 100000}@stttt.example.gov.vn`;
  const res = ok(await as(admin).post('/api/users', { name, email, role: 'agency', agencyCode: 'STTTT', ...extra }), 201);
  return { ...res.body, email };
}

const meStatus = async (token: string) => (await as(token).get('/api/me')).status;

/** The log rows about one target, oldest first. */
async function auditOf(targetId: string) {
  return stack.database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.id);
}

const linkOf = (url: string) => decodeURIComponent(/#link=([^&\s]+)/.exec(url)![1]!);
const redeem = (link: string) => stack.request('POST', '/api/auth/sessions', { body: { link } });

describe('token lifecycle', () => {
  it('a disabled account is refused at once, its sessions ended; enabled again, the same token works', async () => {
    const u = await newUser('Lò Thị Khóa');
    const session = ok(await redeem(linkOf(ok(await as(admin).post(`/api/users/${u.id}/sign-in-link`), 201).body.url)), 201).body.token as string;
    expect(await meStatus(u.token)).toBe(200);
    expect(await meStatus(session)).toBe(200);

    const disabled = ok(await as(admin).post(`/api/users/${u.id}/disable`));
    expect(disabled.body).toMatchObject({ id: u.id, status: 'disabled', disabledAt: expect.any(String) });
    expect(await meStatus(u.token)).toBe(401);
    expect(await meStatus(session)).toBe(401);
    expect(await stack.database.db.$count(sessions, eq(sessions.userId, u.id))).toBe(0);
    // Disabling again changes nothing and records nothing.
    ok(await as(admin).post(`/api/users/${u.id}/disable`));

    const enabled = ok(await as(admin).post(`/api/users/${u.id}/enable`));
    expect(enabled.body).toMatchObject({ status: 'active', disabledAt: null });
    expect(await meStatus(u.token)).toBe(200);
    expect(await meStatus(session)).toBe(401);

    expect((await auditOf(u.id)).map((r) => [r.action, r.actorId, r.before, r.after])).toEqual([
      ['user.create', adminId, null, { name: 'Lò Thị Khóa', email: u.email, role: 'agency', agencyCode: 'STTTT', language: 'vi' }],
      ['user.sign_in_link', adminId, null, { expiresAt: expect.any(String) }],
      ['user.disable', adminId, { status: 'active' }, { status: 'disabled' }],
      ['user.enable', adminId, { status: 'disabled' }, { status: 'active' }],
    ]);
  });

  it('rotation: the new token is shown once and works, the old one is refused from then on', async () => {
    const u = await newUser('Cầm Văn Xoay');
    const rotated = ok(await as(admin).post(`/api/users/${u.id}/token`));
    expect(rotated.body.token).toMatch(/^gv_[\w-]{43}$/);
    expect(rotated.body.token).not.toBe(u.token);
    expect(rotated.body.user).toMatchObject({ id: u.id, status: 'active' });
    expect(await meStatus(u.token)).toBe(401);
    expect(await meStatus(rotated.body.token)).toBe(200);
    const [row] = await stack.database.db.select({ tokenHash: users.tokenHash }).from(users).where(eq(users.id, u.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify((await as(admin).get(`/api/users/${u.id}`)).body)).not.toContain(rotated.body.token);
  });

  it('a user rotates their own token; another role cannot rotate anyone else’s', async () => {
    const u = await newUser('Hà Thị Tự Đổi');
    const mine = ok(await as(u.token).post('/api/me/token'));
    expect(await meStatus(u.token)).toBe(401);
    expect(await meStatus(mine.body.token)).toBe(200);
    const other = await newUser('Tòng Văn Khác');
    expect((await as(mine.body.token).post(`/api/users/${other.id}/token`)).status).toBe(403);
    expect(await meStatus(other.token)).toBe(200);
    const [rotation] = (await auditOf(u.id)).filter((r) => r.action === 'user.token_rotate');
    // Nothing about the token itself, and no state to tell: it was active and stays so.
    expect(rotation).toMatchObject({ actorId: u.id, actorRole: 'agency', actorName: 'Hà Thị Tự Đổi', before: null, after: null });
  });

  it('revocation: no token, session or sign-in link works until an admin issues a new token', async () => {
    const u = await newUser('Quàng Văn Thu Hồi');
    const unused = ok(await as(admin).post(`/api/users/${u.id}/sign-in-link`), 201).body.url as string;
    const session = ok(await redeem(linkOf(ok(await as(admin).post(`/api/users/${u.id}/sign-in-link`), 201).body.url)), 201).body.token as string;

    const revoked = ok(await as(admin).delete(`/api/users/${u.id}/token`));
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect(await meStatus(u.token)).toBe(401);
    expect(await meStatus(session)).toBe(401);
    // A link issued before is refused, and none can be issued.
    const refused = await redeem(linkOf(unused));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/thu hồi/);
    const noLink = await as(admin).post(`/api/users/${u.id}/sign-in-link`);
    expect(noLink.status).toBe(409);
    expect(noLink.body.error.details).toEqual([{ field: 'id', message: 'quyền truy cập đã bị thu hồi' }]);
    const [row] = await stack.database.db.select({ tokenHash: users.tokenHash }).from(users).where(eq(users.id, u.id));
    expect(row!.tokenHash).toBeNull();

    const issued = ok(await as(admin).post(`/api/users/${u.id}/token`));
    expect(issued.body.user.status).toBe('active');
    expect(await meStatus(issued.body.token)).toBe(200);
    expect(await meStatus(u.token)).toBe(401);
    // The link refused while revoked was not spent: it still works now.
    expect((await redeem(linkOf(unused))).status).toBe(201);
    expect((await auditOf(u.id)).map((r) => r.action)).toEqual(['user.create', 'user.sign_in_link', 'user.sign_in_link', 'user.token_revoke', 'user.token_rotate']);
    expect((await auditOf(u.id)).find((r) => r.action === 'user.token_revoke')!.after).toEqual({ status: 'revoked', sessionsEnded: 1 });
    expect((await auditOf(u.id)).find((r) => r.action === 'user.token_rotate')).toMatchObject({ before: { status: 'revoked' }, after: { status: 'active' } });
  });

  it('an admin cannot disable or revoke their own account; unknown and malformed ids are named', async () => {
    for (const path of [`/api/users/${adminId}/disable`, `/api/users/${adminId}/token`]) {
      const res = path.endsWith('token') ? await as(admin).delete(path) : await as(admin).post(path);
      expect(res.status, path).toBe(409);
      expect(res.body.error.details[0].field).toBe('id');
    }
    expect(await meStatus(admin)).toBe(200);
    expect((await as(admin).post('/api/users/00000000-0000-4000-8000-000000000000/disable')).status).toBe(404);
    const bad = await as(admin).post('/api/users/not-a-uuid/token');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ field: 'path.id', message: 'phải là mã UUID' }]);
  });
});

describe('sign-in links', () => {
  it('an admin’s link opens a session once; the session expires; signing out ends it and leaves the personal token', async () => {
    const u = await newUser('Điêu Thị Liên Kết');
    const issued = ok(await as(admin).post(`/api/users/${u.id}/sign-in-link`), 201);
    expect(issued.body.url).toMatch(/^http:\/\/giaoviec\.test\/signin#link=[\w-]+\.[\w-]+\.[\w-]+$/);
    const hours = (Date.parse(issued.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(SIGN_IN_LINK_TTL_HOURS - 0.1);
    expect(hours).toBeLessThanOrEqual(SIGN_IN_LINK_TTL_HOURS);

    const link = linkOf(issued.body.url);
    const first = ok(await redeem(link), 201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body.token).toMatch(/^gvs_[\w-]{43}$/);
    expect(Date.parse(first.body.expiresAt) - Date.now()).toBeLessThanOrEqual(testConfig.SESSION_TTL_HOURS * 3_600_000);
    expect((await as(first.body.token).get('/api/me')).body).toMatchObject({ id: u.id, name: 'Điêu Thị Liên Kết' });

    const again = await redeem(link);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('link_used');

    // Past its hours, the session is refused.
    await stack.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, u.id));
    expect(await meStatus(first.body.token)).toBe(401);

    const second = ok(await redeem(linkOf(ok(await as(admin).post(`/api/users/${u.id}/sign-in-link`), 201).body.url)), 201).body.token as string;
    expect((await as(second).delete('/api/auth/session')).status).toBe(204);
    expect(await meStatus(second)).toBe(401);
    // A personal token is not a session: "signing out" with it leaves it valid.
    expect((await as(u.token).delete('/api/auth/session')).status).toBe(204);
    expect(await meStatus(u.token)).toBe(200);
  });

  it('redeeming races: one session for one link', async () => {
    const u = await newUser('Lường Văn Đua');
    const link = linkOf(ok(await as(admin).post(`/api/users/${u.id}/sign-in-link`), 201).body.url);
    const statuses = await Promise.all(Array.from({ length: 6 }, () => redeem(link).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    expect(await stack.database.db.$count(sessions, eq(sessions.userId, u.id))).toBe(1);
  });

  it('expired, tampered and foreign links are refused and say why; a malformed body names the field', async () => {
    const u = await newUser('Sa Thị Hết Hạn');
    const past = createSignInLinkSigner(testConfig.LINK_SECRET!, { now: () => Date.now() - (SIGN_IN_LINK_TTL_HOURS + 1) * 3_600_000 });
    const expired = await redeem((await past.sign(u.id)).token);
    expect(expired.status).toBe(410);
    expect(expired.body.error).toMatchObject({ code: 'link_expired', details: [{ field: 'link', message: 'đã hết hạn' }] });
    expect(expired.body.error.message).toMatch(/hết hạn/);

    const genuine = (await createSignInLinkSigner(testConfig.LINK_SECRET!).sign(u.id)).token;
    const [h, p, s] = genuine.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: adminId })).toString('base64url');
    for (const bad of [`${h}.${forged}.${s}`, (await createSignInLinkSigner('another-secret-of-at-least-32-characters!').sign(adminId)).token, 'not-a-link']) {
      const res = await redeem(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('link_invalid');
    }
    const empty = await stack.request('POST', '/api/auth/sessions', { body: {} });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details).toEqual([{ field: 'link', message: 'bắt buộc' }]);
    // The genuine one still works after all that.
    expect((await redeem(genuine)).status).toBe(201);
  });

  it('asked for by address: mailed through the outbox, at most once per ten minutes, not shown to coordinators; an unknown address gets the same answer and no mail', async () => {
    const u = await newUser('Bạc Thị Thư', { language: 'vi' });
    const before = smtp.messages.length;
    const asked = await stack.request('POST', '/api/auth/sign-in-links', { body: { email: u.email.toUpperCase() } });
    expect(asked.status).toBe(202);
    const unknown = await stack.request('POST', '/api/auth/sign-in-links', { body: { email: 'nobody@example.gov.vn' } });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(asked.body);

    const [mail] = (await smtp.waitForMessages(before + 1, 30_000)).slice(before);
    expect(mail!.to).toEqual([u.email]);
    expect(mail!.subject).toBe('[Giao việc] Liên kết đăng nhập');
    expect(mail!.text).toContain('Kính gửi');
    const url = /http:\/\/giaoviec\.test\/signin#link=[\w.-]+/.exec(mail!.text)![0];
    expect(mail!.html).toContain(url);
    const session = ok(await redeem(linkOf(url)), 201);
    expect((await as(session.body.token).get('/api/me')).body.id).toBe(u.id);

    // Asked again at once: the same message, not a second one.
    expect((await stack.request('POST', '/api/auth/sign-in-links', { body: { email: u.email } })).status).toBe(202);
    const rows = await stack.database.db.select({ id: outbox.id, status: outbox.status, kind: outbox.kind }).from(outbox).where(eq(outbox.recipient, `user:${u.id}`));
    expect(rows).toEqual([{ id: expect.any(String), status: 'sent', kind: 'sign_in_link' }]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.messagesTo(u.email)).toHaveLength(1);
    expect(smtp.messagesTo('nobody@example.gov.vn')).toHaveLength(0);

    // The mail is a credential: the coordinators' outbox does not show it.
    const coordinator = await stack.user({ role: 'coordinator', agencyCode: 'VPUBND' });
    const listed = ok(await as(coordinator).get('/api/outbox?limit=200')).body.items as { id: string }[];
    expect(listed.map((m) => m.id)).not.toContain(rows[0]!.id);
    expect((await as(coordinator).get(`/api/outbox/${rows[0]!.id}`)).status).toBe(404);

    const bad = await stack.request('POST', '/api/auth/sign-in-links', { body: { email: 'không phải thư' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ field: 'email', message: 'phải là địa chỉ email' }]);
  });

  it('without mail configured, asking for a link by address says to ask an administrator', async () => {
    const app = createApp({ ...stack.deps, config: { ...stack.deps.config, SMTP_URL: undefined } });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const options = await (await fetch(`${url}/api/auth/options`)).json();
      expect(options).toEqual({ oidc: false, mailLinks: false });
      const res = await fetch(`${url}/api/auth/sign-in-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.gov.vn' }) });
      expect(res.status).toBe(409);
      expect((await res.json()).error.message).toMatch(/quản trị/);
    } finally {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    }
    expect((await stack.request('GET', '/api/auth/options')).body).toEqual({ oidc: false, mailLinks: true });
  });
});

describe('the admin audit log', () => {
  let coordinator: string;
  let coordinatorId: string;
  let planId: string;

  beforeAll(async () => {
    const c = await newUser('Trần Văn Điều Phối', { role: 'coordinator', agencyCode: 'VPUBND' });
    coordinator = c.token;
    coordinatorId = c.id;
  });

  it('records each agency change with the fields before and after, and nothing for a change that changed nothing or failed', async () => {
    ok(await as(admin).post('/api/agencies', { code: 'SDL', name: 'Sở Du lịch', kind: 'department', emails: ['vanthu@sdl.example.gov.vn'] }), 201);
    ok(await as(admin).patch('/api/agencies/SDL', { shortName: 'Sở DL', aliases: ['Sở Du lịch và Lữ hành'] }));
    ok(await as(admin).patch('/api/agencies/SDL', { shortName: 'Sở DL' }));
    expect((await as(admin).post('/api/agencies', { code: 'SDL', name: 'Sở Du lịch 2', kind: 'department' })).status).toBe(409);
    await stack.database.db.insert(agencies).values({ code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', shortName: 'Sở VHTTDL', kind: 'department', emails: [] });
    ok(await as(admin).post('/api/agencies/SDL/merge', { into: 'SVHTTDL', effectiveDate: '2026-12-01' }), 202);

    const rows = await auditOf('SDL');
    expect(rows.map((r) => r.action)).toEqual(['agency.create', 'agency.update', 'agency.merge']);
    expect(rows[0]).toMatchObject({ actorId: adminId, actorRole: 'admin', via: 'api', targetType: 'agency', targetLabel: 'Sở Du lịch', before: null });
    expect(rows[0]!.after).toMatchObject({ code: 'SDL', name: 'Sở Du lịch', kind: 'department', emails: ['vanthu@sdl.example.gov.vn'] });
    expect(rows[1]!.before).toEqual({ shortName: 'Sở Du lịch', aliases: [] });
    expect(rows[1]!.after).toEqual({ shortName: 'Sở DL', aliases: ['Sở Du lịch và Lữ hành'] });
    expect(rows[2]!.after).toMatchObject({ active: false, mergedInto: 'SVHTTDL', mergedOn: '2026-12-01', openTasks: 0 });
    // Asked again (a resume of the same merger): no second line.
    ok(await as(admin).post('/api/agencies/SDL/merge', { into: 'SVHTTDL', effectiveDate: '2026-12-01' }), 202);
    expect(await auditOf('SDL')).toHaveLength(3);
  });

  it('records calendar amendments and their removal, plans created and changed, and names met during an import', async () => {
    ok(await as(admin).post('/api/calendar/holidays', { date: '2031-06-10', kind: 'off', name: 'Nghỉ bù' }), 201);
    ok(await as(admin).post('/api/calendar/holidays', { date: '2031-06-10', kind: 'off', name: 'Nghỉ bù Quốc khánh' }), 201);
    expect((await as(admin).delete('/api/calendar/holidays/2031-06-10')).status).toBe(204);
    expect((await auditOf('2031-06-10')).map((r) => [r.action, r.before, r.after])).toEqual([
      ['calendar.amend', null, { kind: 'off', name: 'Nghỉ bù', source: 'admin' }],
      ['calendar.amend', { kind: 'off', name: 'Nghỉ bù', source: 'admin' }, { kind: 'off', name: 'Nghỉ bù Quốc khánh', source: 'admin' }],
      ['calendar.remove', { kind: 'off', name: 'Nghỉ bù Quốc khánh', source: 'admin' }, null],
    ]);

    const plan = ok(
      await as(coordinator).post('/api/plans', {
        code: 'KH-AUDIT-01',
        title: 'Kế hoạch chuyển đổi số năm 2027',
        documentNumber: '15/KH-UBND',
        issuedOn: '2027-01-10',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        coordinatorAgencyCode: 'VPUBND',
      }),
      201,
    );
    planId = plan.body.id;
    ok(await as(coordinator).patch(`/api/plans/${planId}`, { settings: { reminders: { ackReminderWorkingDays: 5 } }, title: 'Kế hoạch chuyển đổi số năm 2027' }));
    const planRows = await auditOf(planId);
    expect(planRows.map((r) => r.action)).toEqual(['plan.create', 'plan.update']);
    expect(planRows[0]).toMatchObject({ actorId: coordinatorId, actorRole: 'coordinator', targetLabel: 'KH-AUDIT-01' });
    expect(planRows[0]!.after).toMatchObject({ code: 'KH-AUDIT-01', documentNumber: '15/KH-UBND', coordinatorAgencyCode: 'VPUBND' });
    // The title was sent unchanged: only the settings are in the line.
    expect(planRows[1]!.before).toEqual({ settings: {} });
    expect(planRows[1]!.after).toEqual({ settings: { reminders: { ackReminderWorkingDays: 5 } } });

    ok(await as(coordinator).post(`/api/plans/${planId}/import/agency-names`, { text: 'Sở TT&TT tỉnh', agencyCode: 'STTTT' }));
    ok(await as(coordinator).post(`/api/plans/${planId}/import/agency-names`, { text: 'Sở TT&TT tỉnh', agencyCode: 'STTTT' }));
    ok(await as(coordinator).post(`/api/plans/${planId}/import/agency-names`, { text: 'Ban Dân tộc tỉnh', newAgency: { code: 'BDT', name: 'Ban Dân tộc tỉnh', kind: 'department' } }), 201);
    const alias = (await auditOf('STTTT')).filter((r) => r.action === 'agency.alias');
    expect(alias).toHaveLength(1);
    expect(alias[0]!.before).toEqual({ aliases: [] });
    expect(alias[0]!.after).toEqual({ aliases: ['Sở TT&TT tỉnh'], importedName: { name: 'Sở TT&TT tỉnh', planId } });
    expect((await auditOf('BDT')).map((r) => [r.action, r.actorId])).toEqual([['agency.create', coordinatorId]]);
  });

  it('lists newest first with filters by action, group, actor and day, page by page without gaps', async () => {
    const all: { id: number; action: string; actorId: string | null; at: string }[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: ApiResponse = ok(await as(admin).get(`/api/audit-log?limit=3${cursor ? `&cursor=${cursor}` : ''}`));
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    const [{ n }] = (await stack.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)) as [{ n: number }];
    expect(all).toHaveLength(n);
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));

    const byGroup = ok(await as(admin).get('/api/audit-log?action=calendar&limit=200')).body.items as { action: string }[];
    expect(byGroup.map((r) => r.action)).toEqual(['calendar.remove', 'calendar.amend', 'calendar.amend']);
    const rotations = ok(await as(admin).get('/api/audit-log?action=user.token_rotate&limit=200')).body.items as { action: string }[];
    expect(rotations.length).toBe(all.filter((r) => r.action === 'user.token_rotate').length);
    const byCoordinator = ok(await as(admin).get(`/api/audit-log?actor=${coordinatorId}&limit=200`)).body.items as { actorId: string }[];
    expect(byCoordinator.length).toBe(all.filter((r) => r.actorId === coordinatorId).length);
    expect(byCoordinator.length).toBeGreaterThanOrEqual(4);

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(ok(await as(admin).get(`/api/audit-log?from=${today}&to=${today}&limit=200`)).body.items).toHaveLength(Math.min(200, n));
    expect(ok(await as(admin).get('/api/audit-log?to=2020-12-31')).body.items).toEqual([]);

    const bad = await as(admin).get('/api/audit-log?action=user.delete&from=2026-02-30&to=2026-01-01&actor=x');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['query.action', 'query.actor', 'query.from']);
    const backwards = await as(admin).get('/api/audit-log?from=2026-02-01&to=2026-01-01');
    expect(backwards.body.error.details).toEqual([{ field: 'query.to', message: 'không được trước ngày bắt đầu (from)' }]);
    for (const token of [coordinator, await stack.user({ role: 'viewer' })]) expect((await as(token).get('/api/audit-log')).status).toBe(403);
  });

  it('exports the matching rows as CSV (UTF-8 with BOM, formulas neutralised) and as XLSX', async () => {
    ok(await as(admin).post('/api/calendar/holidays', { date: '2031-07-01', kind: 'off', name: '=HYPERLINK("http://evil.example","Nghỉ")' }), 201);
    const json = ok(await as(admin).get('/api/audit-log?action=calendar&limit=200')).body.items as { action: string; targetId: string }[];

    const csv = await fetch(`${stack.url}/api/audit-log?action=calendar&format=csv`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?nhat-ky-quan-tri-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString('utf8').slice(1)) as string[][];
    expect(records[0]).toEqual([...AUDIT_EXPORT_TEXT.vi.columns]);
    expect(records.slice(1).map((r) => [r[5], r[7]])).toEqual(json.map((r) => [r.action, r.targetId]));
    expect(records[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(records[1]![4]).toBe('Điều chỉnh ngày nghỉ, ngày làm bù');
    expect(records[1]![8]).toBe(`'=HYPERLINK("http://evil.example","Nghỉ")`);

    const xlsx = await fetch(`${stack.url}/api/audit-log?action=calendar&format=xlsx&lang=en`, { headers: { authorization: `Bearer ${admin}` } });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet(AUDIT_EXPORT_TEXT.en.sheet)!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...AUDIT_EXPORT_TEXT.en.columns]);
    const exported: string[] = [];
    sheet.eachRow((row, n) => n > 1 && exported.push(String(row.getCell(6).value)));
    expect(exported).toEqual(json.map((r) => r.action));
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(String(sheet.getRow(2).getCell(9).value)).toBe(`'=HYPERLINK("http://evil.example","Nghỉ")`);
    expect(String(sheet.getRow(2).getCell(5).value)).toBe('Calendar day amended');
  });

  it('an action refused as invalid leaves no line', async () => {
    const before = await stack.database.db.$count(auditLog);
    expect((await as(admin).post('/api/users', { name: 'Người Sai', email: 'sai@example.gov.vn', role: 'agency', agencyCode: 'KHONGCO' })).status).toBe(422);
    expect((await as(admin).patch('/api/agencies/KHONGCO', { shortName: 'X' })).status).toBe(404);
    expect((await as(coordinator).patch('/api/plans/00000000-0000-4000-8000-000000000000', { title: 'Không có' })).status).toBe(404);
    expect(await stack.database.db.$count(auditLog)).toBe(before);
  });
});
