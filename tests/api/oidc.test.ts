/**
 * Sign-in through the province's identity provider, against a real OpenID Connect provider started in
 * this process (oidc-provider) and the real stack: the whole authorization-code flow with PKCE by
 * HTTP — redirects followed, the provider's login and consent forms sent — then the claims mapped to
 * a role and an agency of the directory, the account made, linked or refused, and the session token
 * handed to the sign-in page in the URL fragment. The configuration check is here too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, sessions, users } from '../../db/schema';
import { loadConfig } from '../../runtime/config';
import { seedAgencies } from '../helpers/fixtures';
import { signInThroughProvider, startIdentityProvider, type Hop, type TestIdentityProvider } from '../helpers/identity-provider';
import { startStack, type TestStack } from '../helpers/stack';

let idp: TestIdentityProvider;
let stack: TestStack;

beforeAll(async () => {
  idp = await startIdentityProvider();
  stack = await startStack({ label: 'oidc', config: (url) => ({ publicUrl: url, oidc: idp.configFor(url) }) });
  idp.start(`${stack.url}/auth/oidc/callback`);
  await seedAgencies(stack.database.db);
});
afterAll(async () => {
  await stack?.close();
  await idp?.close();
});

/** The fragment of the app's last redirect: `session` (the token) and `next`. */
function fragmentOf(hops: Hop[]): URLSearchParams {
  const last = hops.at(-1)!;
  expect(last.status, `${last.url}: ${last.body.slice(0, 400)}`).toBe(302);
  expect(last.location).toMatch(/^\/signin#/);
  return new URLSearchParams(last.location!.split('#')[1]);
}

/** The app's refusal page at the end of the flow: its status and text. */
function refusalOf(hops: Hop[]): { status: number; text: string } {
  const last = hops.at(-1)!;
  expect(last.url.startsWith(`${stack.url}/auth/oidc/callback`), last.url).toBe(true);
  return { status: last.status, text: last.body.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ') };
}

const me = (token: string) => stack.request('GET', '/api/me', { token });
const userBySubject = async (sub: string) => (await stack.database.db.select().from(users).where(eq(users.oidcSubject, sub)))[0];

describe('the authorization code flow', () => {
  it('the sign-in page is told the province account can be used', async () => {
    expect((await stack.request('GET', '/api/auth/options')).body).toEqual({ oidc: true, mailLinks: false });
  });

  it('sends the browser to the provider with PKCE (S256), a state and a nonce, remembered in an encrypted, http-only cookie', async () => {
    const res = await fetch(`${stack.url}/auth/oidc/start?next=/tasks`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(`${idp.issuer}/auth`);
    expect(Object.fromEntries([...to.searchParams].filter(([k]) => !['code_challenge', 'state', 'nonce'].includes(k)))).toEqual({
      client_id: 'giaoviec',
      redirect_uri: `${stack.url}/auth/oidc/callback`,
      response_type: 'code',
      scope: 'openid email profile giaoviec',
      code_challenge_method: 'S256',
    });
    for (const k of ['code_challenge', 'state', 'nonce']) expect(to.searchParams.get(k)).toMatch(/^[\w-]{43}$/);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^giaoviec_oidc=[\w.-]+; Max-Age=600; Path=\/auth\/oidc; Expires=.+; HttpOnly; SameSite=Lax$/);
    // Encrypted: the verifier and the state cannot be read from it.
    const value = cookie!.split(';')[0]!.split('=')[1]!;
    expect(value.split('.')).toHaveLength(5);
    expect(Buffer.from(value.split('.')[0]!, 'base64url').toString()).toContain('"enc":"A256GCM"');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('a first sign-in makes the account from the claims — role from the groups, agency from its name in the directory — and opens a session', async () => {
    idp.accounts.set('vanthu.stttt', { email: 'vanthu.tinh@stttt.example.gov.vn', email_verified: true, name: 'Mùa Thị Văn Thư', groups: ['nhan-vien', 'giaoviec-donvi'], donvi: 'Sở TTTT' });
    const hops = await signInThroughProvider(stack.url, 'vanthu.stttt', { next: '/portal' });
    // The provider's pages were really gone through: its login form, then its consent.
    expect(hops.filter((h) => h.url.startsWith(idp.issuer) && h.status === 200)).toHaveLength(2);
    const fragment = fragmentOf(hops);
    expect(fragment.get('next')).toBe('/portal');
    const token = fragment.get('session')!;
    expect(token).toMatch(/^gvs_[\w-]{43}$/);
    expect((await me(token)).body).toMatchObject({ name: 'Mùa Thị Văn Thư', email: 'vanthu.tinh@stttt.example.gov.vn', role: 'agency', agencyCode: 'STTTT' });

    const user = (await userBySubject('vanthu.stttt'))!;
    expect(user).toMatchObject({ tokenHash: null, revokedAt: null, lastSignInAt: expect.any(Date) });
    const [row] = await stack.database.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(row).toMatchObject({ action: 'user.create', via: 'oidc', actorId: user.id, actorRole: 'agency', after: expect.objectContaining({ role: 'agency', agencyCode: 'STTTT', oidcSubject: 'vanthu.stttt' }) });
  });

  it('the next sign-in finds the same account by its subject, and follows the provider when it changes the role', async () => {
    const first = (await userBySubject('vanthu.stttt'))!;
    idp.accounts.set('vanthu.stttt', { ...idp.accounts.get('vanthu.stttt')!, email: 'doi-dia-chi@stttt.example.gov.vn', groups: ['giaoviec-lanhdao'] });
    const token = fragmentOf(await signInThroughProvider(stack.url, 'vanthu.stttt')).get('session')!;
    expect((await me(token)).body).toMatchObject({ id: first.id, role: 'viewer', agencyCode: 'STTTT' });
    expect(await stack.database.db.$count(users, eq(users.oidcSubject, 'vanthu.stttt'))).toBe(1);
    const rows = await stack.database.db.select().from(auditLog).where(eq(auditLog.targetId, first.id)).orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.via, r.before, r.after])).toEqual([
      ['user.create', 'oidc', null, expect.any(Object)],
      ['user.update', 'oidc', { role: 'agency' }, { role: 'viewer' }],
    ]);
  });

  it('an existing account with the same verified address is linked and keeps the role an admin gave it', async () => {
    const created = await stack.request('POST', '/api/users', { token: stack.adminToken, body: { name: 'Trần Văn Điều Phối', email: 'Dieu.Phoi@vpubnd.example.gov.vn', role: 'coordinator', agencyCode: 'VPUBND' } });
    idp.accounts.set('dieuphoi', { email: 'dieu.phoi@vpubnd.example.gov.vn', email_verified: true, name: 'Trần Văn Điều Phối', groups: ['nhan-vien'] });
    const token = fragmentOf(await signInThroughProvider(stack.url, 'dieuphoi')).get('session')!;
    expect((await me(token)).body).toMatchObject({ id: created.body.id, role: 'coordinator', agencyCode: 'VPUBND' });
    // The personal token the admin issued still works beside the session.
    expect((await me(created.body.token)).status).toBe(200);
    const linked = await stack.database.db.select().from(auditLog).where(eq(auditLog.targetId, created.body.id)).orderBy(auditLog.id);
    expect(linked.map((r) => r.action)).toEqual(['user.create', 'user.oidc_link']);
    expect(linked[1]!.after).toEqual({ oidcSubject: 'dieuphoi', email: 'dieu.phoi@vpubnd.example.gov.vn' });
    const listed = (await stack.request('GET', '/api/users', { token: stack.adminToken })).body.items.find((u: { id: string }) => u.id === created.body.id);
    expect(listed).toMatchObject({ provinceAccount: true, lastSignInAt: expect.any(String) });
  });
});

describe('refusals, each a page that says why', () => {
  it('an account the provider gives no mapped role', async () => {
    idp.accounts.set('khachmoi', { email: 'khach@example.gov.vn', email_verified: true, name: 'Khách Mời', groups: ['nhan-vien'] });
    const refused = refusalOf(await signInThroughProvider(stack.url, 'khachmoi'));
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('chưa được cấp quyền sử dụng Giao việc');
    expect(refused.text).toContain('groups');
    expect(await userBySubject('khachmoi')).toBeUndefined();
  });

  it('an agency the directory does not have, or none for an agency clerk', async () => {
    idp.accounts.set('donvi.la', { email: 'la@example.gov.vn', email_verified: true, groups: ['giaoviec-donvi'], donvi: 'Sở Du lịch Hạ Long' });
    const unknown = refusalOf(await signInThroughProvider(stack.url, 'donvi.la'));
    expect(unknown.status).toBe(403);
    expect(unknown.text).toContain('"Sở Du lịch Hạ Long"');
    expect(unknown.text).toContain('không có trong danh mục');

    idp.accounts.set('donvi.thieu', { email: 'thieu@example.gov.vn', email_verified: true, groups: ['giaoviec-donvi'] });
    const missing = refusalOf(await signInThroughProvider(stack.url, 'donvi.thieu'));
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('donvi');
    // A group is not an agency one works for.
    idp.accounts.set('donvi.nhom', { email: 'nhom@example.gov.vn', email_verified: true, groups: ['giaoviec-donvi'], donvi: 'HUYEN' });
    expect(refusalOf(await signInThroughProvider(stack.url, 'donvi.nhom')).status).toBe(403);
    for (const sub of ['donvi.la', 'donvi.thieu', 'donvi.nhom']) expect(await userBySubject(sub)).toBeUndefined();
  });

  it('a disabled or revoked account, found by subject or by address', async () => {
    const created = await stack.request('POST', '/api/users', { token: stack.adminToken, body: { name: 'Lò Văn Khóa', email: 'khoa@snv.example.gov.vn', role: 'agency', agencyCode: 'SNV' } });
    await stack.request('POST', `/api/users/${created.body.id}/disable`, { token: stack.adminToken });
    idp.accounts.set('bi.khoa', { email: 'khoa@snv.example.gov.vn', email_verified: true, groups: ['giaoviec-donvi'], donvi: 'SNV' });
    const disabled = refusalOf(await signInThroughProvider(stack.url, 'bi.khoa'));
    expect(disabled.status).toBe(403);
    expect(disabled.text).toContain('Tài khoản đã bị khóa');

    await stack.request('POST', `/api/users/${created.body.id}/enable`, { token: stack.adminToken });
    const session = fragmentOf(await signInThroughProvider(stack.url, 'bi.khoa')).get('session')!;
    await stack.request('DELETE', `/api/users/${created.body.id}/token`, { token: stack.adminToken });
    expect((await me(session)).status).toBe(401);
    const revoked = refusalOf(await signInThroughProvider(stack.url, 'bi.khoa'));
    expect(revoked.status).toBe(403);
    expect(revoked.text).toContain('đã bị thu hồi');
  });

  it('two accounts with the address, or an address the provider has not verified', async () => {
    for (const name of ['Văn thư 1', 'Văn thư 2']) {
      await stack.request('POST', '/api/users', { token: stack.adminToken, body: { name, email: 'chung@stc.example.gov.vn', role: 'agency', agencyCode: 'STC' } });
    }
    idp.accounts.set('chung', { email: 'chung@stc.example.gov.vn', email_verified: true });
    const shared = refusalOf(await signInThroughProvider(stack.url, 'chung'));
    expect(shared.status).toBe(409);
    expect(shared.text).toContain('Có 2 tài khoản cùng địa chỉ chung@stc.example.gov.vn');

    // Unverified, the address links nothing: without a mapped role there is no account to make either.
    const admin = await stack.request('GET', '/api/me', { token: stack.adminToken });
    idp.accounts.set('gia.mao', { email: admin.body.email, email_verified: false, name: 'Giả mạo' });
    expect(refusalOf(await signInThroughProvider(stack.url, 'gia.mao')).status).toBe(403);
    expect(await userBySubject('gia.mao')).toBeUndefined();
  });

  it('cancelled at the provider', async () => {
    idp.accounts.set('huy.bo', { email: 'huy@example.gov.vn', email_verified: true, groups: ['giaoviec-lanhdao'] });
    const cancelled = refusalOf(await signInThroughProvider(stack.url, 'huy.bo', { cancel: true }));
    expect(cancelled.status).toBe(400);
    expect(cancelled.text).toContain('từ chối hoặc hủy đăng nhập');
    expect(await userBySubject('huy.bo')).toBeUndefined();
  });

  it('an answer without the browser’s cookie, crossed with another attempt’s, or replayed, opens no session', async () => {
    idp.accounts.set('lanhdao', { email: 'lanhdao@sonla.example.gov.vn', email_verified: true, name: 'Lãnh đạo', groups: ['giaoviec-lanhdao'] });
    const hops = await signInThroughProvider(stack.url, 'lanhdao');
    fragmentOf(hops);
    const ownCookie = hops[0]!.setCookies[0]!.split(';')[0]!;
    const callback = hops.at(-1)!.url;
    // The callback cleared the cookie: the attempt cannot be finished twice from the browser.
    expect(hops.at(-1)!.setCookies.join()).toMatch(/giaoviec_oidc=; Path=\/auth\/oidc; Expires=Thu, 01 Jan 1970/);

    const noCookie = await fetch(callback, { redirect: 'manual' });
    expect(noCookie.status).toBe(400);
    expect(await noCookie.text()).toContain('Phiên đăng nhập đã hết hạn');

    // Another attempt's cookie with this answer: its state does not match.
    const other = (await fetch(`${stack.url}/auth/oidc/start`, { redirect: 'manual' })).headers.getSetCookie()[0]!.split(';')[0]!;
    const crossed = await fetch(callback, { redirect: 'manual', headers: { cookie: other } });
    expect(crossed.status).toBe(400);
    expect(await crossed.text()).toContain('Không xác nhận được kết quả đăng nhập');

    // The same answer with its own cookie, replayed: the provider has spent the code.
    const replayed = await fetch(callback, { redirect: 'manual', headers: { cookie: ownCookie } });
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain('Không xác nhận được kết quả đăng nhập');
    const user = (await userBySubject('lanhdao'))!;
    expect(await stack.database.db.$count(sessions, eq(sessions.userId, user.id))).toBe(1);
  });

  it('a provider that cannot be reached: a page that says so, not an error', async () => {
    const config = { ...stack.deps.config, oidc: { ...stack.deps.config.oidc!, issuer: 'http://127.0.0.1:9' } };
    const { createApp } = await import('../../api/app');
    const { createServer } = await import('node:http');
    const server = createServer(createApp({ ...stack.deps, config }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/auth/oidc/start`, { redirect: 'manual' });
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('Không kết nối được hệ thống xác thực của tỉnh');
    } finally {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    }
  });
});

describe('configuration', () => {
  const base = { LINK_SECRET: 'a-link-secret-of-at-least-32-characters', PUBLIC_URL: 'https://giaoviec.sonla.gov.vn' };

  it('derives the redirect address from PUBLIC_URL and parses the role map in order', () => {
    const { oidc } = loadConfig({ ...base, OIDC_ISSUER: 'https://sso.sonla.gov.vn/realms/tinh', OIDC_CLIENT_ID: 'giaoviec', OIDC_ROLE_MAP: ' lanhdao=viewer , quantri = admin', OIDC_AGENCY_CLAIM: 'donvi' });
    expect(oidc).toEqual({
      issuer: 'https://sso.sonla.gov.vn/realms/tinh',
      clientId: 'giaoviec',
      clientSecret: undefined,
      redirectUri: 'https://giaoviec.sonla.gov.vn/auth/oidc/callback',
      scopes: 'openid email profile',
      roleClaim: 'roles',
      roleMap: [
        ['lanhdao', 'viewer'],
        ['quantri', 'admin'],
      ],
      agencyClaim: 'donvi',
    });
    expect(loadConfig(base).oidc).toBeUndefined();
  });

  it('refuses, naming the variable: plain http to another machine, an issuer without a client, a bad role map, no openid scope', () => {
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
      } catch (err) {
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(refusal({ OIDC_ISSUER: 'http://sso.sonla.gov.vn', OIDC_CLIENT_ID: 'g' })).toMatch(/OIDC_ISSUER must be the https:\/\//);
    expect(refusal({ OIDC_ISSUER: 'https://sso.sonla.gov.vn' })).toMatch(/OIDC_CLIENT_ID must be set/);
    expect(refusal({ OIDC_CLIENT_ID: 'giaoviec' })).toMatch(/OIDC_ISSUER must be set/);
    expect(refusal({ OIDC_ISSUER: 'https://sso.sonla.gov.vn', OIDC_CLIENT_ID: 'g', OIDC_ROLE_MAP: 'quantri=superuser' })).toMatch(/OIDC_ROLE_MAP "quantri=superuser": the role must be one of admin, coordinator, agency, viewer/);
    expect(refusal({ OIDC_ISSUER: 'https://sso.sonla.gov.vn', OIDC_CLIENT_ID: 'g', OIDC_ROLE_MAP: 'quantri' })).toMatch(/OIDC_ROLE_MAP "quantri" is not value=role/);
    expect(refusal({ OIDC_ISSUER: 'https://sso.sonla.gov.vn', OIDC_CLIENT_ID: 'g', OIDC_SCOPES: 'email profile' })).toMatch(/OIDC_SCOPES must include openid/);
    expect(refusal({ SESSION_TTL_HOURS: '0' })).toMatch(/SESSION_TTL_HOURS must be 1 to 720 hours/);
    expect(refusal({ OIDC_ISSUER: 'http://localhost:8080/realms/tinh', OIDC_CLIENT_ID: 'g' })).toBe('accepted');
  });
});
